package dev.dynctl.output;

/** One csv field as RFC 4180 writes it; shared by -o csv and the csv files of export. */
public final class CsvField {
    private CsvField() {
    }

    /** Quoted only when it holds a comma, a double quote or a line break; quotes inside are doubled. */
    public static String quoted(String text) {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0
                || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
