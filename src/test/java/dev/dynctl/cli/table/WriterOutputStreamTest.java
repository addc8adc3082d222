package dev.dynctl.cli.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WriterOutputStreamTest {
    @Test
    void passesUtf8TextThroughWhole() throws IOException {
        StringWriter text = new StringWriter();
        try (WriterOutputStream out = new WriterOutputStream(new PrintWriter(text))) {
            byte[] bytes = "é€𝄞 {\"a\": 1}\n".getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                out.write(b); // split mid-character on purpose
            }
        }
        assertThat(text).hasToString("é€𝄞 {\"a\": 1}\n");
    }

    @Test
    void aClosedReaderStopsTheWriting() {
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        WriterOutputStream out = new WriterOutputStream(new PrintWriter(gone, true));

        assertThatThrownBy(() -> out.write("{\"Item\": {}}\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(WriterOutputStream.OutputClosed.class);
    }
}
