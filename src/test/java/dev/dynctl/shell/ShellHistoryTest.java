package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The shell's history: recalled with Up and Ctrl-R, kept in a file only its owner reads, without secrets. */
class ShellHistoryTest {
    private static final String TABLE = Engine.uniqueName("hist");
    private static final String UP = "\u001bOA";
    private static final String CTRL_R = "\u0012";
    private static final String STATEMENT = "SELECT * FROM \"" + TABLE + "\"\nWHERE id = 'u1';";

    @TempDir
    Path folder;

    @BeforeAll
    static void table() {
        assertThat(Cli.cli().aws("table", "create", TABLE, "--pk", "id:S", "--wait").code()).isZero();
        assertThat(Cli.cli().aws("item", "put", TABLE, "{\"id\": \"u1\", \"name\": \"Ada\"}").code()).isZero();
    }

    @Test
    void statementsAreRecalledWithUpAndCtrlRAfterARestart() throws Exception {
        Path history = folder.resolve("state/dynctl/history");
        try (VirtualShell shell = start(history)) {
            shell.waitFor("> ");
            shell.type(STATEMENT + "\n");
            shell.waitFor("Ada");
            shell.waitFor("> ");
            shell.type("use " + TABLE + "\n");
            shell.waitFor(":" + TABLE + "> ");
        }
        assertThat(Files.getPosixFilePermissions(history)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (VirtualShell shell = start(history)) {
            shell.waitFor("> ");
            shell.type(UP);
            shell.waitForLine("use " + TABLE);
            // a statement of two lines comes back as one
            shell.type(UP);
            shell.waitForLine(STATEMENT);
            shell.type("\n");
            shell.waitFor("Ada");
            shell.waitFor("> ");
            shell.type(CTRL_R + "use h");
            shell.waitForLine("use " + TABLE);
            shell.type("\n");
            shell.waitFor(":" + TABLE + "> ");
        }
    }

    @Test
    void linesWithSecretsOrALeadingSpaceAreNotSaved() throws Exception {
        Path history = folder.resolve("history");
        try (VirtualShell shell = start(history)) {
            shell.waitFor("> ");
            shell.type("use " + TABLE + "\n");
            shell.waitFor(":" + TABLE + "> ");
            shell.type("put {\"id\": \"k1\", \"note\": \"AKIAIOSFODNN7EXAMPLE\"}\n");
            shell.waitFor("Put 1 item");
            shell.type("connect --endpoint-url http://admin:hunter2@127.0.0.1:9\n");
            shell.waitFor("> ");
            shell.type(" get id=u1\n");
            shell.waitFor("Ada");
            shell.type("get id=k1\n");
            shell.waitFor("AKIAIOSFODNN7EXAMPLE");
            shell.waitFor("> ");
            // '!' is text and an operator here, never a history event
            shell.type("update id=e1 --set note=so!!\n");
            shell.waitFor("so!!");
            shell.waitFor("> ");
            shell.type("scan --filter 'note != \"x\"'\n");
            shell.waitFor("> ");
        }
        assertThat(Engine.dynamo().getItem(b -> b.tableName(TABLE).key(Map.of("id", AttributeValue.fromS("e1")))).item())
                .containsEntry("note", AttributeValue.fromS("so!!"));
        assertThat(Files.readString(history)).contains("use " + TABLE, "get id=k1", "note != \"x\"")
                .doesNotContain("AKIA", "hunter2", "id=u1");
    }

    @Test
    void aHistoryFileOthersCouldReadIsMadeTheOwnersOnly() throws Exception {
        Path history = folder.resolve("history");
        // --all: the shared engine's tables fill more than a page
        Files.writeString(history, "1700000000000:tables --all\n");
        Files.setPosixFilePermissions(history, PosixFilePermissions.fromString("rw-r--r--"));
        try (VirtualShell shell = start(history)) {
            shell.waitFor("> ");
            assertThat(Files.getPosixFilePermissions(history)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            shell.type(UP);
            shell.waitForLine("tables --all");
            shell.type("\n");
            shell.waitFor(TABLE);
            shell.waitFor("> ");
        }
        assertThat(Files.getPosixFilePermissions(history)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    private static VirtualShell start(Path history) {
        return VirtualShell.start(Map.of(HistoryFile.VARIABLE, history.toString()), 120, 40);
    }
}
