package dev.dynctl.cli.item;

/**
 * A FILE argument: a path, {@code -} for stdin, and the spellings people bring from other
 * commands, {@code @path} (item put) and {@code file://path} (the AWS CLI).
 */
final class InputFile {
    private InputFile() {
    }

    static String path(String argument) {
        if (argument.startsWith("file://")) {
            return argument.substring("file://".length());
        }
        return argument.startsWith("@") && argument.length() > 1 ? argument.substring(1) : argument;
    }
}
