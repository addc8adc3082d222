package dev.dynctl.dev.host;

import dev.dynctl.dev.DevLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads one output stream of an instance line by line into the log, on a thread of its own, so
 * that a chatty function never blocks on a full pipe.
 */
final class OutputLines implements Runnable {
    private final InputStream stream;
    private final String function;
    private final DevLog log;

    private OutputLines(InputStream stream, String function, DevLog log) {
        this.stream = stream;
        this.function = function;
        this.log = log;
    }

    static void follow(InputStream stream, String function, String name, DevLog log) {
        Thread thread = new Thread(new OutputLines(stream, function, log), "function-" + function + "-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                log.function(function, line);
            }
        } catch (IOException closed) {
            // the instance was stopped: its pipe is gone
        }
    }
}
