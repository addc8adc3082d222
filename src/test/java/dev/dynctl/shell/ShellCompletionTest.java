package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Tab in the shell, on a virtual terminal against the test engine. */
class ShellCompletionTest {
    /** Both tables start with it, and no other test's tables do. */
    private static final String BASE = Engine.uniqueName("cmpl");
    private static final String USERS = BASE + "-users";
    private static final String ORDERS = BASE + "-orders";
    /** Ctrl-U: an empty line, where Ctrl-D (VirtualShell.close) ends the shell. */
    private static final String CLEAR_LINE = "\u0015";

    @BeforeAll
    static void tables() {
        assertThat(Cli.cli().aws("table", "create", USERS, "--pk", "id:S", "--sk", "created:N", "--gsi", "name=byEmail,pk=email:S",
                "--wait").code()).isZero();
        assertThat(Cli.cli().aws("table", "create", ORDERS, "--pk", "order:S", "--wait").code()).isZero();
        // an attribute that only the items have: DescribeTable does not know it, the sample does
        Engine.dynamo().putItem(b -> b.tableName(USERS).item(Map.of("id", AttributeValue.fromS("u1"), "created", AttributeValue.fromN("1"),
                "email", AttributeValue.fromS("ada@example.com"), "nickname", AttributeValue.fromS("Ada"))));
    }

    @Test
    void tabAfterUseListsTheTargetsTables() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("use " + BASE + "-\t");
            assertThat(shell.waitFor(USERS)).contains(ORDERS);
            shell.type("u\t");
            shell.waitForLine("use " + USERS + " ");
            shell.type("\n");
            shell.waitFor(":" + USERS + "> ");
        }
    }

    @Test
    void tabCompletesCommandsAndOptionsWithTheirDescriptions() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("item ba\t");
            assertThat(shell.waitFor("Put and delete many items with BatchWriteItem"))
                    .contains("batch-get", "Get many items by their keys with BatchGetItem", "batch-write");
            shell.waitForLine("item batch-");
            shell.type(CLEAR_LINE + "scan " + USERS + " --con\t");
            shell.waitForLine("scan " + USERS + " --consistent ");
            shell.type("--page\t");
            shell.waitForLine("scan " + USERS + " --consistent --page-size=");
            shell.type(CLEAR_LINE);
        }
    }

    @Test
    void tabAfterIndexListsTheIndexesOfTheTableInUse() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("use " + USERS + "\n");
            shell.waitFor(":" + USERS + "> ");
            shell.type("query --index \t");
            shell.waitForLine("query --index byEmail ");
            shell.type("--key \t");
            shell.waitForLine("query --index byEmail --key email=");
            shell.type(CLEAR_LINE);
        }
    }

    @Test
    void tabOffersKeyAttributesForABareKeyAndAttributeNamesInAFilter() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("use " + USERS + "\n");
            shell.waitFor(":" + USERS + "> ");
            shell.type("get i\t");
            shell.waitForLine("get id=");
            shell.type("u1,\t");
            shell.waitForLine("get id=u1,created=");
            shell.type(CLEAR_LINE + "scan --filter 'nick\t");
            shell.waitForLine("scan --filter 'nickname");
            shell.type(" = \"Ada\" and ema\t");
            shell.waitForLine("scan --filter 'nickname = \"Ada\" and email");
            shell.type(CLEAR_LINE);
        }
    }

    @Test
    void tabNamesTheTablesOfTheWordsWhenNoTableIsInUse() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("item get " + BASE + "-o\t");
            shell.waitForLine("item get " + ORDERS + " ");
            shell.type("--key \t");
            shell.waitForLine("item get " + ORDERS + " --key order=");
            shell.type(CLEAR_LINE);
        }
    }

    @Test
    void tabCompletesFilesAfterAnAt(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("items.json"), "[]");
        Files.createDirectory(folder.resolve("more"));
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("put " + USERS + " @" + folder + "/ite\t");
            shell.waitForLine("put " + USERS + " @" + folder + "/items.json ");
            shell.type(CLEAR_LINE + "put " + USERS + " @" + folder + "/mo\t");
            shell.waitForLine("put " + USERS + " @" + folder + "/more/");
            shell.type(CLEAR_LINE);
        }
    }

    @Test
    void partiqlCompletesTablesInQuotesAndTheirAttributes() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("SELECT * FROM " + BASE + "-u\t");
            shell.waitForLine("SELECT * FROM \"" + USERS + "\" ");
            shell.type("WHERE nick\t");
            shell.waitForLine("SELECT * FROM \"" + USERS + "\" WHERE nickname ");
            shell.type("= 'Ada';\n");
            shell.waitFor("ada@example.com");
        }
    }

    @Test
    void tailTipsDescribeTheOptionBeingTyped() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.type("scan " + USERS + " --index");
            shell.waitFor("Read this global or local secondary index");
            shell.type(CLEAR_LINE);
        }
    }

    @Test
    void tabWithTheEngineDownSuggestsNothingAndThePromptGoesOn() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("> ");
            shell.shell().session().connect(new Connection(null, Cli.REGION, "http://127.0.0.1:9", false));
            shell.type("use \t");
            shell.type(CLEAR_LINE + "tables\n");
            // the statement's prompt comes after the failing statement's one-line error
            assertThat(shell.waitFor("127.0.0.1:9> ")).contains("Error");
        }
    }
}
