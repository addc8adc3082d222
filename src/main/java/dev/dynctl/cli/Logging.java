package dev.dynctl.cli;

/**
 * Sets the SDK's logger (slf4j-simple) before any SDK class logs: silent normally, request logs on
 * stderr with --debug. Header values are never logged by the SDK's request logger.
 */
final class Logging {
    private Logging() {
    }

    static void configure(boolean debug) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", debug ? "warn" : "off");
        if (debug) {
            System.setProperty("org.slf4j.simpleLogger.log.software.amazon.awssdk.request", "debug");
        }
    }
}
