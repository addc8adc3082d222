package dev.dynctl.cli.table;

import dev.dynctl.bulk.TableExport;
import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The export's progress on standard error: items, items per second and, when the table's
 * ItemCount is known, the percentage and the time left. Redrawn in place twice a second and
 * cleared at the end, where the command prints its summary instead.
 */
final class ExportProgressBar implements TableExport.Progress, AutoCloseable {
    private final String table;
    private final PrintWriter err;
    private final int width;
    private final StandardError line = new StandardError();
    private ProgressBar bar;
    private long max;

    ExportProgressBar(String table, PrintWriter err, int width) {
        this.table = table;
        this.err = err;
        this.width = width;
    }

    @Override
    public void started(long expectedItems, int segments) {
        max = expectedItems > 0 ? expectedItems : -1;
        bar = new ProgressBarBuilder()
                .setTaskName("Exporting " + table)
                .setInitialMax(max)
                .setUnit(" items", 1)
                // no colour: the bar needs none, and NO_COLOR and --no-color then need no checks
                .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                .showSpeed()
                .setUpdateIntervalMillis(500)
                .setConsumer(line)
                .build();
    }

    @Override
    public void exported(long items) {
        if (max > 0 && items > max) {
            // ItemCount is refreshed only every few hours: past it, the total is unknown
            max = -1;
            bar.maxHint(-1);
        }
        bar.stepTo(items);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            // cleared here: the library skips its own clearing when the bar closes before its first redraw
            line.clear();
        }
    }

    /** Draws the bar over itself with a carriage return. */
    private final class StandardError implements ProgressBarConsumer {
        @Override
        public int getMaxRenderedLength() {
            return width - 1;
        }

        @Override
        public void accept(String rendered) {
            synchronized (err) {
                err.print('\r' + rendered);
                err.flush();
            }
        }

        @Override
        public void clear() {
            accept(" ".repeat(getMaxRenderedLength()) + '\r');
        }

        @Override
        public void close() {
            err.flush();
        }
    }
}
