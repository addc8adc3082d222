package dev.dynctl.tail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line a Lambda runtime wrote with its prefix: Node.js's {@code TIME\tREQUEST_ID\tLEVEL\tmessage}
 * (console.log and friends) or Python's {@code [LEVEL]\tTIME\tREQUEST_ID\tmessage} (the logging
 * module under Lambda). The time repeats the event's own and is dropped.
 */
record LambdaLogLine(String requestId, String level, String body) {
    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z";
    private static final Pattern NODE = Pattern.compile(TIME + "\\t(\\S+)\\t([A-Z]+)\\t(.*)", Pattern.DOTALL);
    private static final Pattern PYTHON = Pattern.compile("\\[([A-Z]+)\\]\\t" + TIME + "\\t(\\S+)\\t(.*)", Pattern.DOTALL);
    /** What the Lambda service itself writes around each invocation. */
    private static final Pattern MARK = Pattern.compile("(START|END) RequestId: .*", Pattern.DOTALL);

    /** The line's parts, or null when {@code message} has no runtime prefix. */
    static LambdaLogLine parse(String message) {
        Matcher node = NODE.matcher(message);
        if (node.matches()) {
            return new LambdaLogLine(node.group(1), node.group(2), node.group(3));
        }
        Matcher python = PYTHON.matcher(message);
        if (python.matches()) {
            return new LambdaLogLine(python.group(2), python.group(1), python.group(3));
        }
        return null;
    }

    /** START RequestId: … and END RequestId: …: one invocation's bounds, which its REPORT line sums up. */
    static boolean invocationMark(String message) {
        return MARK.matcher(message).matches();
    }

    /** Lambda's own lines before the code runs (INIT_START Runtime Version: …). */
    static boolean initMark(String message) {
        return message.startsWith("INIT_START ");
    }

    /** The first eight characters of a request id: enough to tell an invocation's lines from its neighbours'. */
    static String shortId(String requestId) {
        return requestId.length() <= 8 ? requestId : requestId.substring(0, 8);
    }
}
