package dev.dynctl.tail;

import dev.dynctl.error.DynctlException;
import dev.dynctl.functions.FunctionName;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the name given to {@code tail logs} stands for. A name that starts with '/' is a log group,
 * as is a log group's ARN; otherwise it is a Lambda function (its name, ARN, or name:alias), whose
 * logs are in /aws/lambda/NAME — every version's and alias's alike, as Lambda writes them.
 *
 * @param text the name as given
 * @param group the log group to read
 * @param function the function's name or ARN as given, or null when a log group was named
 */
public record LogSource(String text, String group, String function) {
    /** What CloudWatch allows in a log group's name. */
    private static final Pattern GROUP = Pattern.compile("[\\w\\-/.#]{1,512}");
    private static final Pattern GROUP_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:logs:[^:]*:\\d{12}:log-group:([^:]+)(?::\\*)?");
    /** Where Lambda writes each function's logs: this prefix, then the function's name. */
    static final String LAMBDA_GROUPS = "/aws/lambda/";

    public static LogSource of(String text) {
        Matcher arn = GROUP_ARN.matcher(text);
        if (arn.matches()) {
            return new LogSource(text, arn.group(1), null);
        }
        if (text.startsWith("/")) {
            return new LogSource(text, group(text), null);
        }
        try {
            return new LogSource(text, LAMBDA_GROUPS + FunctionName.of(text).name(), text);
        } catch (DynctlException notAFunction) {
            // my.app.logs: no function is named so, a log group can be
            return new LogSource(text, group(text), null);
        }
    }

    /** The name read as a log group of its own (log groups need no '/'), or null when it cannot be one. */
    public String asGroup() {
        return GROUP.matcher(text).matches() ? text : null;
    }

    /** True when a function was named, not a log group. */
    public boolean namesFunction() {
        return function != null;
    }

    private static String group(String text) {
        if (!GROUP.matcher(text).matches()) {
            throw DynctlException.usage("'" + text + "' is not a function or log group name: a log group's name is 1 to 512 letters, "
                    + "digits, '_', '-', '/', '.' and '#'.", "e.g. get-item, get-item:live or /aws/lambda/get-item");
        }
        return text;
    }
}
