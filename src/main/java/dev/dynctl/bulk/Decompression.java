package dev.dynctl.bulk;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Reading a bulk file: gzip is recognised by its magic bytes, whatever the file is called (stdin has no name). */
final class Decompression {
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int BUFFER = 1 << 16;

    private Decompression() {
    }

    static InputStream open(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        // concatenated gzip members (cat a.gz b.gz) are read as one stream, as gunzip does
        return first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2 ? new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER) : in;
    }
}
