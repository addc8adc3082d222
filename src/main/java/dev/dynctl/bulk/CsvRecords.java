package dev.dynctl.bulk;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records read one at a time from a stream: fields split on commas, quoted fields may
 * hold commas, doubled quotes and line breaks; lines end in LF, CRLF or CR. Each field says whether
 * it was quoted, which is how an empty string ({@code ""}) is told from a missing value (nothing).
 */
final class CsvRecords {
    /** One field's text (quotes removed) and whether it was quoted. */
    record Field(String text, boolean quoted) {
    }

    /** A record that does not follow RFC 4180, where it goes wrong. */
    static final class Malformed extends Exception {
        final long line;
        final int column;

        Malformed(String message, long line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private int pushedBack = Integer.MIN_VALUE;
    private long line = 1;
    private int column;
    private long recordLine;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** The line the last record read starts on. */
    long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the input. */
    List<Field> next() throws IOException, Malformed {
        int c = read();
        if (c == EOF) {
            return null;
        }
        recordLine = line;
        List<Field> fields = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            boolean quoted = c == '"';
            text.setLength(0);
            c = quoted ? quotedField(text) : plainField(c, text);
            fields.add(new Field(text.toString(), quoted));
            if (c == ',') {
                c = read();
                continue;
            }
            endOfLine(c);
            return fields;
        }
    }

    /** Reads an unquoted field starting with {@code c}; returns the character that ended it. */
    private int plainField(int c, StringBuilder text) throws IOException {
        while (c != ',' && c != '\n' && c != '\r' && c != EOF) {
            text.append((char) c);
            c = read();
        }
        return c;
    }

    /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
    private int quotedField(StringBuilder text) throws IOException, Malformed {
        long startLine = line;
        int startColumn = column;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new Malformed("a quoted field is not closed before the end of the input", startLine, startColumn);
            }
            if (c == '"') {
                int after = read();
                if (after != '"') {
                    if (after != ',' && after != '\n' && after != '\r' && after != EOF) {
                        throw new Malformed("expected ',' or the end of the line after a closing quote, found '" + (char) after + "'", line, column);
                    }
                    return after;
                }
            }
            text.append((char) c);
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
                newLine();
            }
        }
    }

    private void endOfLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        if (c != EOF) {
            newLine();
        }
    }

    private void newLine() {
        line++;
        column = 0;
    }

    private int peek() throws IOException {
        if (pushedBack == Integer.MIN_VALUE) {
            pushedBack = in.read();
        }
        return pushedBack;
    }

    private int read() throws IOException {
        int c;
        if (pushedBack != Integer.MIN_VALUE) {
            c = pushedBack;
            pushedBack = Integer.MIN_VALUE;
        } else {
            c = in.read();
        }
        column++;
        return c;
    }
}
