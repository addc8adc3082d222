package dev.dynctl.cli;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompletionsTest {
    @ParameterizedTest
    @CsvSource({"bash, dynctl.bash", "zsh, _dynctl", "fish, dynctl.fish"})
    void committedScriptsMatchTheCommandTree(String shell, String file) throws Exception {
        Result r = cli().run("completion", shell);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("table", "item", "local", "endpoint-url", "ddb-json");
        assertThat(Files.readString(Path.of("completions", file)))
                .as("completions/%s is out of date: run scripts/generate.sh", file)
                .isEqualTo(r.out());
    }

    /** deploy is a top-level command and a subcommand of api and function: fish must tell them apart. */
    @Test
    void fishOffersDeploysSubcommandsOnlyAfterTheTopLevelDeploy() {
        String script = cli().run("completion", "fish").out();
        String topLevelPlan = script.lines().filter(line -> line.contains("-a plan ")).findFirst().orElseThrow();
        assertThat(topLevelPlan).contains("__fish_seen_subcommand_from deploy", "; and not __fish_seen_subcommand_from ", " api ")
                .contains(" function ");
        assertThat(script.lines().filter(line -> line.contains("__fish_seen_subcommand_from api; and __fish_seen_subcommand_from deploy")
                && line.contains("skip-backup"))).isEmpty();
    }
}
