package dev.dynctl.cli.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress line on a terminal: items, speed and the share of the table's ItemCount, redrawn in place and cleared. */
class ExportProgressBarTest {
    @Test
    void drawsItemsAndClearsTheLineAtTheEnd() {
        StringWriter err = new StringWriter();
        try (ExportProgressBar bar = new ExportProgressBar("users", new PrintWriter(err), 100)) {
            bar.started(1000, 4);
            for (int i = 1; i <= 400; i++) {
                bar.exported(i);
            }
        }
        String text = err.toString();
        assertThat(text).contains("\rExporting users").contains("/1000 items").contains("400");
        assertThat(text).contains(" ".repeat(99) + "\r").doesNotContain("\u001b");
        assertThat(text).doesNotContain("\n");
    }

    @Test
    void anItemCountThatIsStaleTurnsIntoAnOpenCount() {
        StringWriter err = new StringWriter();
        try (ExportProgressBar bar = new ExportProgressBar("users", new PrintWriter(err), 100)) {
            bar.started(10, 1);
            for (int i = 1; i <= 25; i++) {
                bar.exported(i);
            }
        }
        assertThat(err.toString()).contains("25");
    }
}
