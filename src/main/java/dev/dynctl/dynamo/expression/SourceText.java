package dev.dynctl.dynamo.expression;

import dev.dynctl.error.DynctlException;

/**
 * The text of one expression and where it came from (--if, --filter, a transaction file), for
 * syntax errors that point at the column with a caret under the text as it was typed.
 */
record SourceText(String text, String source) {
    /** How much of a long text an error shows around the column. */
    private static final int SHOWN = 72;

    /** A usage error at character {@code offset}: the message, then the text with a caret under the offset. */
    DynctlException error(int offset, String message, String hint) {
        int[] codePoints = text.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c).toArray();
        int column = text.codePointCount(0, Math.min(offset, text.length()));
        int from = 0;
        int to = codePoints.length;
        if (to > SHOWN) {
            from = Math.max(0, Math.min(column - SHOWN / 2, to - SHOWN));
            to = Math.min(to, from + SHOWN);
        }
        String before = from > 0 ? "…" : "";
        String shown = before + new String(codePoints, from, to - from) + (to < codePoints.length ? "…" : "");
        String caret = " ".repeat(before.length() + column - from) + "^";
        String sentence = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
        if (sentence.length() > 1 && Character.isUpperCase(sentence.charAt(0)) && Character.isLowerCase(sentence.charAt(1))) {
            // a sentence from elsewhere (the codec's "The number ...") continues the "--if: " prefix
            sentence = Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
        }
        return DynctlException.usage(source + ": " + sentence + " (column " + (column + 1) + "):\n  " + shown + "\n  " + caret, hint);
    }
}
