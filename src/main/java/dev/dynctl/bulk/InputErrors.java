package dev.dynctl.bulk;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.IOException;

/** Bad input in a bulk file, said with the file, line and (when known) column: exit 2. */
final class InputErrors {
    private InputErrors() {
    }

    /** A syntax error, where Jackson found it; {@code lineOffset} is added when one line is parsed at a time. */
    static DynctlException syntax(String format, String source, JsonProcessingException e, long line) {
        JsonLocation at = e.getLocation();
        String where = " at line " + line + (at == null || at.getColumnNr() < 1 ? "" : ", column " + at.getColumnNr());
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        return new DynctlException(ExitCode.USAGE, "Malformed " + format + " in " + source + where + ": " + message, hint(source), e);
    }

    /** A value that parses but is no item (not an object, a bad type tag, a number DynamoDB cannot store). */
    static DynctlException item(String source, long line, Integer column, String problem, Throwable cause) {
        String where = " at line " + line + (column == null ? "" : ", column " + column);
        String message = problem.matches("(?s).*[.!?]") ? problem : problem + ".";
        return new DynctlException(ExitCode.USAGE, "Bad item in " + source + where + ": " + message, hint(source), cause);
    }

    static DynctlException item(String source, long line, Integer column, DynctlException e) {
        String problem = e.hint() == null ? e.getMessage() : e.getMessage() + " (" + e.hint() + ")";
        return item(source, line, column, problem, e);
    }

    /** The file could not be read (gone, cut short, a gzip stream that ends early). */
    static DynctlException unreadable(String source, long line, IOException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new DynctlException(ExitCode.FAILURE, "Cannot read " + source + (line > 0 ? " after line " + line : "") + ": " + reason + ".",
                null, e);
    }

    private static String hint(String source) {
        return "Fix " + source + " there (or pass --format if it is another format) and run again.";
    }
}
