package dev.dynctl.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A long list is printed while it is read: when a row past the look-ahead is pulled, the row
 * before it is already in the output, so nothing holds the list.
 */
class StreamingTest {
    private static final int ROWS = 100_000;

    @ParameterizedTest
    @EnumSource(Format.class)
    void rowsArePrintedAsTheyArrive(Format format) {
        StringWriter text = new StringWriter();
        Output output = new Output(format, null, Rendering.PLAIN, new PrintWriter(text));

        LazyRows rows = new LazyRows(text);
        output.rows(() -> rows, List.of("id"));

        assertThat(rows.pulled).isEqualTo(ROWS);
        assertThat(rows.checked).isEqualTo(ROWS - Columns.LOOKAHEAD - 1);
        assertThat(text.getBuffer().toString()).contains(id(ROWS - 1));
    }

    /**
     * dynctl item scan t | head -5: once the reader has gone, writes fail, and the list stops
     * being read (so no more pages are fetched) instead of being drained into a closed pipe.
     */
    @ParameterizedTest
    @EnumSource(Format.class)
    void aClosedOutputStopsTheReading(Format format) {
        ClosedAfter reader = new ClosedAfter(5);
        Output output = new Output(format, null, Rendering.PLAIN, new PrintWriter(reader));
        Endless rows = new Endless();

        output.rows(() -> rows, List.of("id"));

        assertThat(reader.lines).isGreaterThanOrEqualTo(5);
        // the table formats read their look-ahead before printing a line; nothing after that
        assertThat(rows.pulled).isLessThanOrEqualTo(Columns.LOOKAHEAD + 5);
    }

    /** Ids of one width, so that no table cell is cut. */
    private static String id(int row) {
        return String.format("row-%06d", row);
    }

    /** A reader that goes away (as head does) after some lines: every later write fails. */
    private static final class ClosedAfter extends Writer {
        private final int limit;
        int lines;

        ClosedAfter(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(char[] text, int offset, int length) throws IOException {
            if (lines >= limit) {
                throw new IOException("Broken pipe");
            }
            for (int i = offset; i < offset + length; i++) {
                if (text[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    /** As many rows as are asked for, counting them. */
    private static final class Endless implements Iterator<JsonNode> {
        int pulled;

        @Override
        public boolean hasNext() {
            return pulled < ROWS;
        }

        @Override
        public JsonNode next() {
            return JsonNodeFactory.instance.objectNode().put("id", id(pulled++));
        }
    }

    /** Generates rows on demand and checks, as each is pulled, that the one before was printed. */
    private static final class LazyRows implements Iterator<JsonNode> {
        private final StringWriter text;
        int pulled;
        int checked;

        LazyRows(StringWriter text) {
            this.text = text;
        }

        @Override
        public boolean hasNext() {
            return pulled < ROWS;
        }

        @Override
        public JsonNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (pulled > Columns.LOOKAHEAD) {
                // a plain check: AssertJ on every one of 100k rows costs seconds
                if (!tail().contains(id(pulled - 1))) {
                    throw new AssertionError(id(pulled - 1) + " was not printed before the next row was pulled");
                }
                checked++;
            }
            return JsonNodeFactory.instance.objectNode()
                    .put("id", id(pulled++))
                    .put("n", pulled)
                    .put("note", "same text on every row");
        }

        private String tail() {
            StringBuffer buffer = text.getBuffer();
            return buffer.substring(Math.max(0, buffer.length() - 200));
        }
    }
}
