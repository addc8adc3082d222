package dev.dynctl.dev.host;

import dev.dynctl.dev.DevLog;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A DevLog that keeps every line, for tests to look for. */
final class RecordingLog implements DevLog {
    private final Queue<String[]> functionLines = new ConcurrentLinkedQueue<>();
    private final Queue<String> notes = new ConcurrentLinkedQueue<>();

    @Override
    public void function(String function, String line) {
        functionLines.add(new String[] {function, line});
    }

    @Override
    public void request(String line) {
    }

    @Override
    public void note(String line) {
        notes.add(line);
    }

    /** The lines of one function's output so far. */
    List<String> lines(String function) {
        return functionLines.stream().filter(entry -> entry[0].equals(function)).map(entry -> entry[1]).toList();
    }

    /**
     * The function's lines since the REPORT line before its last one: its last invocation's output
     * and the host's lines about it, ending with its REPORT when that was logged last.
     */
    List<String> lastInvocation(String function) {
        List<String> lines = lines(function);
        int previous = -1;
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith("REPORT ")) {
                previous = i;
            }
        }
        return lines.subList(previous + 1, lines.size());
    }

    List<String> notes() {
        return List.copyOf(notes);
    }
}
