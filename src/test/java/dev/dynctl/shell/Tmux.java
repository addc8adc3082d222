package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program in a real pseudo-terminal: a detached tmux session of its own (a private server, no
 * user configuration), keys sent with send-keys, the screen read with capture-pane.
 */
final class Tmux implements AutoCloseable {
    private final String server = "dynctl-test-" + UUID.randomUUID();
    private final String session = "dynctl";

    private Tmux() {
    }

    /**
     * Runs {@code command} (a sh command line) in a {@code width} × {@code height} terminal with
     * these environment variables added to the test's own.
     */
    static Tmux start(String command, Map<String, String> env, int width, int height) {
        Tmux tmux = new Tmux();
        tmux.run(env, "new-session", "-d", "-x", String.valueOf(width), "-y", String.valueOf(height), "-s", tmux.session, command);
        return tmux;
    }

    /** Sends keys as tmux names them: literal text, or Enter, Space, C-c. */
    Tmux keys(String... keys) {
        List<String> arguments = new ArrayList<>(List.of("send-keys", "-t", session));
        arguments.addAll(List.of(keys));
        run(Map.of(), arguments.toArray(String[]::new));
        return this;
    }

    /** Text typed as it is, without tmux reading key names in it. */
    Tmux text(String text) {
        run(Map.of(), "send-keys", "-t", session, "-l", text);
        return this;
    }

    /**
     * Types a statement after {@code prompt} and waits until the shell shows it there, so that a
     * wait for the prompt after Enter cannot find the prompt from before the statement.
     */
    Tmux typed(String prompt, String statement, Duration timeout) {
        text(statement);
        waitForCursorLine("the statement '" + statement + "' typed", (prompt + " " + statement)::equals, timeout);
        return this;
    }

    /** The visible screen, one line per row, trailing spaces cut. */
    String screen() {
        return run(Map.of(), "capture-pane", "-p", "-t", session);
    }

    /** Waits until the screen shows what {@code test} looks for; returns that screen. */
    String waitFor(String what, Predicate<String> test, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = screen();
        while (!test.test(screen)) {
            if (System.nanoTime() > deadline) {
                return fail(what + " did not appear within " + timeout + "; the screen:\n" + screen);
            }
            sleep(100);
            screen = screen();
        }
        return screen;
    }

    /**
     * Waits until the cursor is on a line that is {@code prompt} (trailing spaces cut), nothing
     * typed after it; returns the screen. The prompt's line, not the screen's last: the shell's
     * status bar (the tail-tips and their border) is under it.
     */
    String waitForPrompt(String prompt, Duration timeout) {
        return waitForCursorLine("the prompt '" + prompt + "'", prompt::equals, timeout);
    }

    /** Waits until the line the cursor is on (trailing spaces cut) is what {@code test} looks for; returns the screen. */
    String waitForCursorLine(String what, Predicate<String> test, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Screen screen = screenAndCursor();
        while (!test.test(screen.cursorLine())) {
            if (System.nanoTime() > deadline) {
                return fail(what + " did not appear within " + timeout + "; the cursor is on '" + screen.cursorLine()
                        + "' of the screen:\n" + screen.text());
            }
            sleep(100);
            screen = screenAndCursor();
        }
        return screen.text();
    }

    /** The screen and the line the cursor is on, read at once. */
    private record Screen(String text, String cursorLine) {
    }

    private Screen screenAndCursor() {
        String output = run(Map.of(), "capture-pane", "-p", "-t", session, ";", "display-message", "-p", "-t", session, "#{cursor_y}");
        List<String> lines = output.lines().toList();
        int cursor = Integer.parseInt(lines.get(lines.size() - 1).strip());
        List<String> rows = lines.subList(0, lines.size() - 1);
        return new Screen(String.join("\n", rows) + "\n", cursor < rows.size() ? rows.get(cursor).stripTrailing() : "");
    }

    private String run(Map<String, String> env, String... arguments) {
        Ran ran = exec(env, arguments);
        if (ran.code() != 0) {
            return fail("tmux " + String.join(" ", arguments) + " failed: " + ran.output());
        }
        return ran.output();
    }

    private record Ran(int code, String output) {
    }

    private Ran exec(Map<String, String> env, String... arguments) {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", server, "-f", "/dev/null"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Ran(-1, output);
            }
            return new Ran(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run tmux (Debian: apt-get install tmux; .ci/run installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the session and its server, and with them the program if it still runs. */
    @Override
    public void close() {
        // fails only when the server is gone already
        exec(Map.of(), "kill-server");
    }
}
