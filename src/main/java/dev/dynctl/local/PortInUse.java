package dev.dynctl.local;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;

/** The error for a port taken by a program that is not this user's local engine. */
final class PortInUse {
    private PortInUse() {
    }

    static DynctlException error(int port) {
        int other = port < 65535 ? port + 1 : port - 1;
        return new DynctlException(ExitCode.FAILURE,
                "Port " + port + " is in use by another program, not dynctl's local engine.",
                "Stop that program, or use another port: dynctl local start --port " + other
                        + " (for --local, set DYNCTL_LOCAL_PORT=" + other + ").");
    }
}
