package dev.dynctl.cli;

/**
 * Sets the SDK's logger (slf4j-simple) before any SDK class logs: silent normally, the SDK's
 * warnings on stderr with --debug. Each request is printed by aws/RequestLog, not by the SDK's
 * request logger, whose lines would say the same thing twice.
 */
final class Logging {
    private Logging() {
    }

    static void configure(boolean debug) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "warn" : "off");
    }
}
