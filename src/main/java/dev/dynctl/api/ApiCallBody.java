package dev.dynctl.api;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The body of a call as --data gives it: the text itself, {@code @file} (sent byte for byte), or {@code -} for stdin. */
public final class ApiCallBody {
    private ApiCallBody() {
    }

    /** @return the bytes to send; empty for no --data */
    public static byte[] read(String data, Supplier<InputStream> stdin) {
        if (data == null) {
            return new byte[0];
        }
        try {
            if (data.equals("-")) {
                return stdin.get().readAllBytes();
            }
            if (data.startsWith("@") && data.length() > 1) {
                return Files.readAllBytes(Path.of(data.substring(1)));
            }
        } catch (NoSuchFileException e) {
            throw DynctlException.usage("Cannot read " + data + ": no such file.", "Give the path of the body's file after @, or - for stdin.");
        } catch (IOException e) {
            throw new DynctlException(ExitCode.USAGE, "Cannot read " + data + ": " + e.getMessage() + ".");
        }
        return data.getBytes(StandardCharsets.UTF_8);
    }
}
