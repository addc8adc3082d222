package dev.dynctl.cli;

import dev.dynctl.aws.AwsErrors;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one door errors leave by: a one-line message, the hint on the next line, the exit code of
 * DESIGN.md, and a stack trace only with --debug.
 */
final class ErrorHandler implements IParameterExceptionHandler {
    private static final long MB = 1024 * 1024;

    private final Dynctl root;

    ErrorHandler(Dynctl root) {
        this.root = root;
    }

    /** A failure while a command ran (Errors included); returns the exit code. */
    int handle(Throwable e, CommandLine cmd) {
        DynctlException error = translate(e);
        PrintWriter err = cmd.getErr();
        // Ctrl-C is the user's wish, not a failure: "Interrupted." alone
        String prefix = error.exitCode() == ExitCode.INTERRUPTED ? "" : "Error: ";
        err.println(cmd.getColorScheme().errorText(prefix + error.getMessage()));
        if (error.hint() != null) {
            err.println("Hint: " + error.hint());
        }
        if (root.options().debug()) {
            e.printStackTrace(err);
        }
        err.flush();
        return error.exitCode().code();
    }

    /**
     * Bad arguments. This runs before any command, so colours are decided from the raw arguments
     * and the environment rather than from parsed options.
     */
    @Override
    public int handleParseException(ParameterException parseError, String[] args) {
        ParameterException e = unmatchedFirst(parseError);
        CommandLine cmd = e.getCommandLine();
        boolean noColorOption = Arrays.asList(args).contains("--no-color");
        Ansi ansi = Context.colorAllowed(root.terminal(), noColorOption) ? Ansi.ON : Ansi.OFF;
        ColorScheme colors = Dynctl.colorScheme(ansi);
        PrintWriter err = cmd.getErr();
        err.println(colors.errorText("Error: " + message(e)));
        suggest(e, err);
        String command = cmd.getCommandSpec().qualifiedName().strip();
        // in the shell the root has no name: its help is 'help'
        err.println(command.isEmpty() ? "Try 'help' for the commands." : "Try '" + command + " --help' for usage and examples.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /**
     * picocli reports a missing required option before an unknown one, but '--cod src' is a typo
     * of the option said missing ('--code'): the unknown option, with its "Did you mean", comes first.
     */
    private static ParameterException unmatchedFirst(ParameterException e) {
        List<String> unmatched = e.getCommandLine().getUnmatchedArguments();
        return e instanceof MissingParameterException && !unmatched.isEmpty() ? new UnmatchedArgumentException(e.getCommandLine(), unmatched) : e;
    }

    /** For an unknown option "Did you mean --code?" (picocli says "Possible solutions: --code"); for a command picocli's own. */
    private static void suggest(ParameterException e, PrintWriter err) {
        if (e instanceof UnmatchedArgumentException unmatched && unmatched.isUnknownOption() && !unmatched.getSuggestions().isEmpty()) {
            err.println("Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?");
        } else {
            UnmatchedArgumentException.printSuggestions(e, err);
        }
    }

    /** picocli's "Unmatched argument at index 1: 'tabel'" in the words a user thinks in. */
    private static String message(ParameterException e) {
        if (!(e instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            // some of picocli's messages start with their own "Error: "; map options' say "option option '--var'"
            return e.getMessage().replaceFirst("^Error: ", "").replace("option option '", "option '");
        }
        String first = unmatched.getUnmatched().get(0);
        if (first.startsWith("-") && first.length() > 1) {
            return "Unknown option '" + first.split("=", 2)[0] + "'.";
        }
        if (!e.getCommandLine().getSubcommands().isEmpty()) {
            return "Unknown command '" + first + "'.";
        }
        return "Unexpected argument '" + first + "'.";
    }

    private DynctlException translate(Throwable e) {
        DynctlException known = known(e);
        if (known == null && e.getCause() != null) {
            known = known(e.getCause());
        }
        if (known != null) {
            return known;
        }
        String what = (e instanceof Error ? "Internal error: " : "") + e.getClass().getSimpleName();
        return new DynctlException(ExitCode.FAILURE, e.getMessage() == null ? what : what + ": " + firstLine(e.getMessage()),
                "Run again with --debug for the stack trace.", e);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }

    /**
     * True when the thread was interrupted (Ctrl-C in the shell) and this is how it ended: the
     * SDK's AbortedException, an interrupted wait, or I/O cut short (a read timeout is not).
     */
    private static boolean interruption(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AbortedException || t instanceof InterruptedException || t instanceof ClosedByInterruptException
                    || t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    private DynctlException known(Throwable e) {
        if (e instanceof DynctlException d) {
            return d;
        }
        if (interruption(e)) {
            return new DynctlException(ExitCode.INTERRUPTED, "Interrupted.");
        }
        if (e instanceof SdkException sdk) {
            String where = root.where();
            return AwsErrors.translate(sdk, where == null ? "AWS" : where);
        }
        if (e instanceof OutOfMemoryError) {
            return new DynctlException(ExitCode.FAILURE, "Out of memory: the Java heap ("
                    + Runtime.getRuntime().maxMemory() / MB + " MB) is full.",
                    "Stream with -o jsonl, use fewer --segments, or give dynctl more: DYNCTL_JAVA_OPTS=-Xmx2g.", e);
        }
        return null;
    }
}
