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
        assertThat(script)
                .contains("__fish_seen_subcommand_from wait' -l until -r -a 'active deleted'")
                .contains("__fish_seen_subcommand_from create' -l billing -r -a 'on-demand provisioned'")
                .contains("__fish_seen_subcommand_from update' -l billing -r -a 'on-demand provisioned'")
                .contains("__fish_seen_subcommand_from update' -l stream -r -a 'new old both keys'");
    }
}
