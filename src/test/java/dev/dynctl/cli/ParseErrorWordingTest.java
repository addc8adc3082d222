package dev.dynctl.cli;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import org.junit.jupiter.api.Test;

/** picocli's messages as a user reads them: "Error: " once, "option" once, and a typo said before what it left missing. */
class ParseErrorWordingTest {
    @Test
    void mutuallyExclusiveOptionsSayErrorOnce() {
        Result r = cli().run("api", "route", "add", "api", "GET /items", "--function", "f", "--sns-topic", "arn:aws:sns:us-east-1:123456789012:t");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error: --function=F, --sns-topic=ARN are mutually exclusive (specify only one)\n")
                .doesNotContain("Error: Error:");
    }

    @Test
    void aMapOptionsBadValueSaysOptionOnce() {
        Result r = cli().run("api", "stage", "create", "api", "prod", "--var", "novalue");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error: Value for option '--var'").doesNotContain("option option");
    }

    @Test
    void aMistypedRequiredOptionIsTheUnknownOptionWithWhatWasMeantNotTheMissingOne() {
        Result r = cli().run("function", "deploy", "f2", "--cod", "src");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("Error: Unknown option '--cod'.\nDid you mean --code?\nTry 'dynctl function deploy --help' for usage and examples.\n");
    }

    @Test
    void aMissingRequiredOptionAloneIsStillSaid() {
        Result r = cli().run("function", "deploy", "f2");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("Error: Missing required option: '--code=DIR|ZIP|JAR'\n");
    }
}
