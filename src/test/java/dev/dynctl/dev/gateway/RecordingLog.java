package dev.dynctl.dev.gateway;

import static org.assertj.core.api.Assertions.fail;

import dev.dynctl.dev.DevLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A {@link DevLog} that keeps its lines, for tests to wait for and read. */
final class RecordingLog implements DevLog {
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<String> notes = new CopyOnWriteArrayList<>();

    @Override
    public void function(String function, String line) {
    }

    @Override
    public void request(String line) {
        requests.add(line);
    }

    @Override
    public void note(String line) {
        notes.add(line);
    }

    /** The first request line that {@code wanted} accepts, waiting for it a few seconds. */
    String awaitRequest(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (String line : requests) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            Thread.sleep(10);
        }
        return fail("no request line matched; the lines were " + requests);
    }
}
