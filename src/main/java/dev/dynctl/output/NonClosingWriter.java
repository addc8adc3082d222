package dev.dynctl.output;

import java.io.FilterWriter;
import java.io.Writer;

/** Lets a generator write to the command's output without closing it when the generator closes. */
final class NonClosingWriter extends FilterWriter {
    NonClosingWriter(Writer out) {
        super(out);
    }

    @Override
    public void close() {
        // the command's writer outlives any one generator
    }
}
