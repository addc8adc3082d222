package dev.dynctl.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
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
        Output output = new Output(format, null, Style.PLAIN, new PrintWriter(text));

        LazyRows rows = new LazyRows(text);
        output.rows(() -> rows, List.of("id"));

        assertThat(rows.pulled).isEqualTo(ROWS);
        assertThat(rows.checked).isEqualTo(ROWS - Columns.LOOKAHEAD - 1);
        assertThat(text.getBuffer().toString()).contains(id(ROWS - 1));
    }

    /** Ids of one width, so that no table cell is cut. */
    private static String id(int row) {
        return String.format("row-%06d", row);
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
