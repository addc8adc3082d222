package dev.dynctl.error;

/**
 * The one exception that leaves a command: an exit code, a one-line message and an optional hint
 * (the fix). Everything a user sees on failure comes from here.
 */
public class DynctlException extends RuntimeException {
    private final ExitCode exitCode;
    private final String hint;

    public DynctlException(ExitCode exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    public DynctlException(ExitCode exitCode, String message, String hint) {
        this(exitCode, message, hint, null);
    }

    public DynctlException(ExitCode exitCode, String message) {
        this(exitCode, message, null, null);
    }

    public static DynctlException usage(String message) {
        return new DynctlException(ExitCode.USAGE, message);
    }

    public static DynctlException usage(String message, String hint) {
        return new DynctlException(ExitCode.USAGE, message, hint);
    }

    public static DynctlException notFound(String message, String hint) {
        return new DynctlException(ExitCode.NOT_FOUND, message, hint);
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public String hint() {
        return hint;
    }
}
