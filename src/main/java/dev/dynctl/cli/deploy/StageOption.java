package dev.dynctl.cli.deploy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.model.NameRules;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * --stage, the one option every deploy command needs. It may come before the command as well
 * ({@code deploy --stage dev plan}): picocli gives that one to {@code deploy}, so the command
 * takes it from there.
 */
public final class StageOption {
    static final String NAME = "--stage";
    static final String DESCRIPTION = "The stage (dev, prod, pr-123): lower-case letters and digits in words joined by single '-', "
            + "starting with a letter, at most 32 characters.";

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    // not required=true: picocli would refuse 'deploy --stage dev plan' before plan could look at deploy's
    @Option(names = NAME, paramLabel = "STAGE", description = DESCRIPTION + " Required (here or before the command).")
    String stage;

    /** The stage, checked (exit 2 when it is missing, given twice differently, or breaks the rule). */
    String stage() {
        String before = givenBefore();
        if (stage != null && before != null && !stage.equals(before)) {
            throw DynctlException.usage("Two stages given: '" + before + "' before the command and '" + stage + "' after it.",
                    "Pass --stage once.");
        }
        String given = stage != null ? stage : before;
        if (given == null) {
            throw missing(command);
        }
        return NameRules.checkStage(given);
    }

    /** What picocli says of a required option that is missing, as every command says it. */
    static ParameterException missing(CommandSpec command) {
        return new ParameterException(command.commandLine(), "Missing required option: '" + NAME + "=STAGE'");
    }

    /** --stage of the parent command ({@code deploy --stage dev plan}), or null. */
    private String givenBefore() {
        CommandSpec parent = command.parent();
        OptionSpec option = parent == null ? null : parent.findOption(NAME);
        return option == null ? null : option.getValue();
    }
}
