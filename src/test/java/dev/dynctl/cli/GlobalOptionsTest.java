package dev.dynctl.cli;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import org.junit.jupiter.api.Test;

class GlobalOptionsTest {
    @Test
    void awsDefaultRegionGivesTheRegionAsTheAwsCliReadsIt() {
        String table = Engine.uniqueName("region");
        Result r = cli().env("AWS_DEFAULT_REGION", "eu-west-3")
                .run("--endpoint-url", MotoServer.get().endpoint().toString(), "table", "create", table, "--pk", "id:S",
                        "--query", "arn", "-o", "text");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).startsWith("arn:aws:dynamodb:eu-west-3:");
    }

    @Test
    void helpListsCommandsAndExamples() {
        Result r = cli().run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("table", "item", "local", "Examples:", "--output", "--query", "--no-input");
    }

    @Test
    void globalOptionsAreAcceptedBeforeAndAfterTheSubcommand() {
        assertThat(cli().run("--output", "json", "table", "--help").code()).isZero();
        assertThat(cli().run("table", "list", "--help", "--output", "ddb-json").code()).isZero();
    }

    @Test
    void theTableFormatBeforeTheTableCommandIsAFormat() {
        String table = Engine.uniqueName("format");
        assertThat(cli().aws("table", "create", table, "--pk", "id:S").code()).isZero();

        Result r = cli().run("-o", "table", "--endpoint-url", MotoServer.get().endpoint().toString(), "--region", "us-east-1",
                "table", "list");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains(table).doesNotContain("{");
    }

    @Test
    void unknownFormatIsAUsageError() {
        Result r = cli().run("table", "list", "-o", "xml");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'xml' is not one of table, json, jsonl, yaml, csv, text, ddb-json").doesNotContain("Exception");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        Result r = cli().run("table");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Missing subcommand", "list", "create");
    }

    @Test
    void awsErrorsNameTheEndpointTheRequestWentTo() throws Exception {
        int port = dev.dynctl.testing.MotoServer.freePort();
        Result r = cli().run("table", "list", "--endpoint-url", "http://127.0.0.1:" + port, "--region", "eu-west-3");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("Cannot reach endpoint http://127.0.0.1:" + port + " (region eu-west-3)")
                .doesNotContain("\tat ");
    }
}
