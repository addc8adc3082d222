package dev.dynctl.cli.tail;

import dev.dynctl.error.DynctlException;
import dev.dynctl.output.Format;

/**
 * What the global -o means to a tail, which prints events in formats of its own (--format): the
 * usage errors both tails give in the same words.
 */
final class OutputOption {
    private OutputOption() {
    }

    /**
     * -o names a format the tail does not print.
     *
     * @param formats the tail's --format values and what -o values mean them, as the hint lists them
     */
    static DynctlException notApplicable(String command, Format output, String formats) {
        return DynctlException.usage("-o " + output + " does not apply to " + command + ".", "Use --format " + formats + ".");
    }

    /** -o and --format both given, for two different formats. */
    static DynctlException twoFormats(Format output, Object format) {
        return DynctlException.usage("-o " + output + " and --format " + format + " ask for two formats.", "Pass one of them.");
    }
}
