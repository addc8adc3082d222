package dev.dynctl.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * JLine's history (a statement of several lines is one entry; Ctrl-R searches it) that leaves out
 * lines holding secrets and keeps its file readable by its owner only, after every save too: a
 * rewrite of the file (when it grows too long) makes a new one.
 */
final class ShellHistory extends DefaultHistory {
    private final Path file;

    /** @param file the history file, or null to keep none */
    ShellHistory(Path file) {
        this.file = file;
    }

    @Override
    public void add(Instant time, String line) {
        if (!SecretLines.holdsSecret(line)) {
            super.add(time, line);
        }
    }

    @Override
    public void save() throws IOException {
        if (file != null) {
            HistoryFile.prepare(file);
        }
        super.save();
        if (file != null) {
            HistoryFile.restrict(file);
        }
    }
}
