package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ShellContextTest {
    private static final String TABLE = Engine.uniqueName("shellusers");

    @BeforeAll
    static void table() {
        assertThat(Cli.cli().aws("table", "create", TABLE, "--pk", "id:S", "--wait").code()).isZero();
    }

    @Test
    void useNamesTheTableInThePromptAndLetsGetPutAndQueryLeaveItOut() throws Exception {
        try (VirtualShell shell = VirtualShell.start()) {
            shell.waitFor("127.0.0.1:");
            shell.type("use " + TABLE + "\n");
            shell.waitFor(":" + TABLE + "> ");
            shell.type("put {\"id\": \"u1\", \"name\": \"Ada\"}\n");
            shell.waitFor("Put 1 item into " + TABLE);
            shell.waitFor(":" + TABLE + "> ");
            shell.type("get id=u1\n");
            assertThat(shell.waitFor(":" + TABLE + "> ")).contains("name", "Ada");
            shell.type("exit\n");
            assertThat(shell.ended(Duration.ofSeconds(5))).isTrue();
        }
        assertThat(Engine.dynamo().getItem(b -> b.tableName(TABLE).key(java.util.Map.of("id", AttributeValue.fromS("u1")))).item())
                .containsEntry("name", AttributeValue.fromS("Ada"));
    }
}
