package dev.dynctl.table;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import org.junit.jupiter.api.Test;

/** Options that take one of a few words complete those words in bash, zsh and fish. */
class TableCompletionTest {
    @Test
    void bashAndZshCompleteTheWordsOfUntilBillingAndStream() {
        for (String shell : new String[] {"bash", "zsh"}) {
            Result r = cli().run("completion", shell);
            assertThat(r.code()).isZero();
            assertThat(r.out()).as(shell)
                    .contains("(\"active\" \"deleted\") # --until values")
                    .contains("(\"on-demand\" \"provisioned\") # --billing values")
                    .contains("(\"new\" \"old\" \"both\" \"keys\") # --stream values");
        }
    }

    @Test
    void fishCompletesTheWordsOfUntilBillingAndStream() {
        String script = cli().run("completion", "fish").out();
        assertThat(optionLine(script, "wait", "until")).contains(" -r -a 'active deleted' ");
        assertThat(optionLine(script, "create", "billing")).contains(" -r -a 'on-demand provisioned' ");
        assertThat(optionLine(script, "update", "billing")).contains(" -r -a 'on-demand provisioned' ");
        assertThat(optionLine(script, "update", "stream")).contains(" -r -a 'new old both keys' ");
    }

    /** The line completing {@code --option} of {@code table COMMAND}. */
    private static String optionLine(String script, String command, String option) {
        return script.lines()
                .filter(line -> line.startsWith("complete -c dynctl -n '__fish_seen_subcommand_from table; and __fish_seen_subcommand_from "
                        + command + ";"))
                .filter(line -> line.contains("' -l " + option + " "))
                .findFirst().orElseThrow(() -> new AssertionError("no fish line for table " + command + " --" + option));
    }
}
