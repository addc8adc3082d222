package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.fail;

import dev.dynctl.cli.Context;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.MotoServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jline.reader.LineReader;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell on a JLine virtual terminal: keys typed into a pipe, the screen read back
 * (ANSI codes stripped), the session pointed at the test run's moto server.
 */
final class VirtualShell implements AutoCloseable {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;?0-9]*[A-Za-z]|\u001B[()][A-Z0-9]|\r");

    private final PipedOutputStream keys = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Terminal terminal;
    private final Shell shell;
    private final Thread running;
    private final LineReader reader;
    private int read;

    private VirtualShell(Map<String, String> given, int width, int height) throws IOException {
        Map<String, String> env = new HashMap<>(given);
        // no test writes the user's own history: a history file only where the test names one
        env.putIfAbsent("DYNCTL_HISTORY", "");
        PipedInputStream in = new PipedInputStream(keys, 1 << 16);
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (screen) {
                    screen.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (screen) {
                    screen.write(b, off, len);
                }
            }
        };
        terminal = TerminalBuilder.builder().system(false).streams(in, out).type("xterm-256color")
                .size(new Size(width, height)).encoding(StandardCharsets.UTF_8).build();
        Connection moto = new Connection(null, Cli.REGION, MotoServer.get().endpoint().toString(), false);
        shell = new Shell(new Session(moto, null, List.of()));
        Context.Terminal surroundings = new Context.Terminal(terminal.input(), true, true, width, env, true);
        reader = ShellLineReader.build(terminal, shell, surroundings);
        running = new Thread(() -> shell.interactive(terminal, reader, surroundings), "virtual-shell");
        running.setDaemon(true);
        running.start();
    }

    /** A shell 120 columns wide and 40 lines high, with no environment of its own. */
    static VirtualShell start() {
        return start(new HashMap<>(), 120, 40);
    }

    static VirtualShell start(Map<String, String> env, int width, int height) {
        try {
            return new VirtualShell(env, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Shell shell() {
        return shell;
    }

    /**
     * Types the text (use \n for Enter, \t for Tab, \u0012 for Ctrl-R). \u0003 is Ctrl-C as a key,
     * which only a program that turned signals off reads (the pager); for the signal, {@link #ctrlC}.
     */
    VirtualShell type(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Ctrl-C as a terminal delivers it: SIGINT to the foreground program, which JLine hands to the
     * terminal's INT handler. (This terminal's pseudo-terminal belongs to no process, so the key
     * itself raises nothing.)
     */
    VirtualShell ctrlC() {
        terminal.raise(Terminal.Signal.INT);
        return this;
    }

    /** Everything on the screen so far, without colours and cursor movements. */
    String screen() {
        synchronized (screen) {
            return ANSI.matcher(screen.toString(StandardCharsets.UTF_8)).replaceAll("");
        }
    }

    /**
     * Waits until the line being edited is {@code text} (completion redraws the line piecemeal, so
     * its result is read where the reader keeps it); returns it.
     */
    String waitForLine(String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String line = line();
        while (!line.equals(text) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            line = line();
        }
        return line.equals(text) ? line : fail("the line is '" + line + "', not '" + text + "'");
    }

    private String line() {
        try {
            return reader.getBuffer().toString();
        } catch (RuntimeException e) {
            // read while the reader's thread changes it: look again
            return "";
        }
    }

    /**
     * Waits until {@code text} appears on the screen after what earlier waits consumed; returns the
     * screen from there and moves past it.
     */
    String waitFor(String text) {
        return waitFor(text, Duration.ofSeconds(20));
    }

    String waitFor(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String all = screen();
            int at = all.indexOf(text, Math.min(read, all.length()));
            if (at >= 0) {
                String seen = all.substring(Math.min(read, all.length()), at + text.length());
                read = at + text.length();
                return seen;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("'" + text + "' did not appear; the screen after what was read:\n" + screen().substring(Math.min(read, screen().length())));
    }

    /** Waits until a typed statement runs: a Ctrl-C from then on is for it. */
    void waitUntilRunning() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!shell.running()) {
            if (System.nanoTime() > deadline) {
                fail("no statement started running");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** True once the shell has ended (exit or Ctrl-D). */
    boolean ended(Duration timeout) throws InterruptedException {
        running.join(timeout.toMillis());
        return !running.isAlive();
    }

    @Override
    public void close() throws Exception {
        if (running.isAlive()) {
            type("\u0004");
            running.join(5000);
        }
        shell.close();
        terminal.close();
    }
}
