package dev.dynctl.cli.deploy;

import dev.dynctl.error.DynctlException;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/** --stage, the one option every deploy command needs. */
public final class StageOption {
    /** A stage names tables, aliases and API stages: kept to what all of them accept. */
    private static final Pattern STAGE = Pattern.compile("[a-z][a-z0-9-]*");

    @Option(names = "--stage", paramLabel = "STAGE", required = true,
            description = "The stage (dev, prod, pr-123): lower-case letters, digits and '-', starting with a letter.")
    String stage;

    /** The stage, checked (exit 2 when it breaks the rule). */
    String stage() {
        return checked(stage);
    }

    static String checked(String stage) {
        if (!STAGE.matcher(stage).matches()) {
            throw DynctlException.usage("'" + stage + "' is not a stage name: lower-case letters, digits and '-', starting with a letter.",
                    "For example --stage dev or --stage pr-123.");
        }
        return stage;
    }
}
