package dev.dynctl.cli.table;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 bytes passed on as characters to a writer: an export to {@code -} goes through the run's
 * standard output writer, like every other output. A character split between two writes is held
 * until its last byte comes.
 */
final class WriterOutputStream extends OutputStream {
    /** The reader of standard output has gone (| head): the export stops reading the table. */
    static final class OutputClosed extends IOException {
        OutputClosed() {
            super("standard output was closed");
        }
    }

    private final Writer out;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14);
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);

    WriterOutputStream(Writer out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(bytes.remaining(), len);
            bytes.put(b, off, n);
            off += n;
            len -= n;
            decode();
        }
    }

    private void decode() throws IOException {
        bytes.flip();
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, false);
            chars.flip();
            out.append(chars);
            chars.clear();
            if (out instanceof PrintWriter printed && printed.checkError()) {
                throw new OutputClosed();
            }
            if (result.isError()) {
                result.throwException();
            }
            if (result.isUnderflow()) {
                break;
            }
        }
        bytes.compact();
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** The writer stays open: it is the run's standard output. */
    @Override
    public void close() throws IOException {
        flush();
    }
}
