package dev.dynctl.input;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * An option's value that is either the text itself, {@code @file} (the file's bytes), or {@code -}
 * (standard input), as curl's --data and the AWS CLI's file arguments take it. A lone {@code @} is
 * text. Read whole: what these options carry (a request body, an event) is sent in one piece.
 *
 * @param label what the bytes came from, for messages: "stdin", "@event.json", or the option's name
 */
public record InputArgument(String label, byte[] bytes) {

    /**
     * @param option the option's name ("--payload"), the label of text given inline
     * @param hint how to give the value, for the hint under a file that cannot be read
     */
    public static InputArgument read(String argument, String option, Supplier<InputStream> stdin, String hint) {
        if (argument.equals("-")) {
            return new InputArgument("stdin", stdin(stdin));
        }
        if (argument.startsWith("@") && argument.length() > 1) {
            return new InputArgument(argument, file(argument, hint));
        }
        return new InputArgument(option, argument.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] stdin(Supplier<InputStream> stdin) {
        try {
            // not closed: standard input belongs to the process (and to the shell)
            return stdin.get().readAllBytes();
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot read stdin: " + e.getMessage());
        }
    }

    private static byte[] file(String argument, String hint) {
        Path path = Path.of(argument.substring(1));
        if (!Files.isRegularFile(path)) {
            throw DynctlException.usage("Cannot read " + argument + ": " + (Files.isDirectory(path) ? "it is a directory." : "no such file."), hint);
        }
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw DynctlException.usage("Cannot read " + argument + ": " + e.getMessage() + ".", hint);
        }
    }
}
