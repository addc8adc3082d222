package dev.dynctl.local;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;

/**
 * The port the local engine should use and who asked for it: {@code --port}, the system property
 * dynctl.local.port, DYNCTL_LOCAL_PORT, or nobody (the default). A port somebody asked for is
 * binding: an engine running on another one is an error rather than silently used.
 */
record PortSetting(int port, String source) {
    static final String VARIABLE = "DYNCTL_LOCAL_PORT";
    static final String PROPERTY = "dynctl.local.port";
    static final String OPTION = "--port";

    static PortSetting byDefault() {
        return new PortSetting(LocalEngine.DEFAULT_PORT, null);
    }

    /** The setting named {@code source}, whose text must be a port number. */
    static PortSetting parse(String text, String source) {
        try {
            return new PortSetting(LocalEngine.validPort(Integer.parseInt(text.trim())), source);
        } catch (NumberFormatException | DynctlException e) {
            throw DynctlException.usage(source + " '" + text + "' is not a port number (1-65535).");
        }
    }

    boolean explicit() {
        return source != null;
    }

    /** True when an engine on {@code runningPort} is not the one this setting asks for. */
    boolean contradicts(int runningPort) {
        return explicit() && port != runningPort;
    }

    DynctlException mismatch(int runningPort) {
        String undo = switch (source) {
            case VARIABLE -> "unset " + VARIABLE;
            case OPTION -> "leave out " + OPTION;
            default -> "leave out -D" + PROPERTY;
        };
        return new DynctlException(ExitCode.FAILURE,
                "The local engine runs on port " + runningPort + ", but " + source + " asks for " + port + ".",
                "Stop it first (dynctl local stop) or " + undo + ".");
    }

    /** The status line's note about a running engine this setting contradicts. */
    String mismatchNote(int runningPort) {
        return "Note: " + source + " asks for port " + port + ", so --local fails until you stop the engine on "
                + runningPort + " (dynctl local stop).";
    }
}
