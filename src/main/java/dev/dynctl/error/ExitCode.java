package dev.dynctl.error;

/** The exit codes of DESIGN.md; scripts depend on these numbers never changing. */
public enum ExitCode {
    OK(0),
    FAILURE(1),
    USAGE(2),
    NOT_FOUND(3),
    CONDITION_FAILED(4),
    THROTTLED(5),
    CREDENTIALS(6),
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The exit code with this number (FAILURE for a number not in the table). */
    public static ExitCode of(int code) {
        for (ExitCode exit : values()) {
            if (exit.code == code) {
                return exit;
            }
        }
        return FAILURE;
    }
}
