package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;

/**
 * What `table autoscale` asks for: the range capacity units may move in and the utilization to
 * keep. Null means "as it is now" for a capacity already scaled; a new one needs --min and --max
 * and gets {@link #DEFAULT_TARGET} unless told otherwise.
 */
public record AutoScalingSettings(Integer min, Integer max, Double targetUtilization) {
    /** The target the DynamoDB console proposes. */
    public static final double DEFAULT_TARGET = 70;
    /** DynamoDB takes target utilizations from 20 to 90 percent. */
    static final double LOWEST_TARGET = 20;
    static final double HIGHEST_TARGET = 90;

    public AutoScalingSettings {
        if (min != null && min < 1) {
            throw DynctlException.usage("Bad --min " + min + ": capacity units start at 1.");
        }
        if (max != null && max < 1) {
            throw DynctlException.usage("Bad --max " + max + ": capacity units start at 1.");
        }
        if (min != null && max != null && min > max) {
            throw DynctlException.usage("--min " + min + " is above --max " + max + "; the range goes from --min up to --max.");
        }
        // written so that NaN is refused too
        if (targetUtilization != null && !(targetUtilization >= LOWEST_TARGET && targetUtilization <= HIGHEST_TARGET)) {
            throw DynctlException.usage("Bad --target-utilization " + percent(targetUtilization) + ": DynamoDB takes "
                    + percent(LOWEST_TARGET) + " to " + percent(HIGHEST_TARGET) + ".",
                    "70 is a common choice: capacity grows once 70% of it is used.");
        }
    }

    /** Whether any setting was given. */
    public boolean isEmpty() {
        return min == null && max == null && targetUtilization == null;
    }

    /** A percentage in messages: 70%, 62.5%. */
    static String percent(double value) {
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + "%";
    }
}
