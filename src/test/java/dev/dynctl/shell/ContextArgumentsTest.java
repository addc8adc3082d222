package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.cli.Dynctl;
import dev.dynctl.cli.SessionHooks;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ContextArgumentsTest {
    private final Session session = new Session(new Connection(null, null, null, true), null, List.of());
    private final CommandLine tree = new Dynctl()
            .withHooks(new SessionHooks(null, new StatementCancel(), root -> ShellCommands.addTo(root, session)))
            .commandLine();

    private List<String> fill(String line, String table) {
        return ContextArguments.apply(ShellSyntax.words(line), tree, table);
    }

    @Test
    void theTableInUseGoesWhereAStatementLeavesItOut() {
        assertThat(fill("get --key id=u1", "users")).containsExactly("get", "users", "--key", "id=u1");
        assertThat(fill("scan --limit 2", "users")).containsExactly("scan", "users", "--limit", "2");
        assertThat(fill("item scan", "users")).containsExactly("item", "scan", "users");
        assertThat(fill("describe", "users")).containsExactly("describe", "users");
        assertThat(fill("import --from items.jsonl", "users")).containsExactly("import", "users", "--from", "items.jsonl");
        assertThat(fill("backup create", "users")).containsExactly("backup", "create", "users");
        assertThat(fill("put {\"id\": \"u1\"}", "users")).containsExactly("put", "users", "{\"id\": \"u1\"}");
        assertThat(fill("put @items.json", "users")).containsExactly("put", "users", "@items.json");
    }

    @Test
    void aBareKeyGetsItsKeyOption() {
        assertThat(fill("get id=u1", "users")).containsExactly("get", "users", "--key", "id=u1");
        assertThat(fill("query id=u1 --sk 'begins_with 2024'", "users"))
                .containsExactly("query", "users", "--key", "id=u1", "--sk", "begins_with 2024");
        assertThat(fill("delete id=u1,sk=2", null)).containsExactly("delete", "--key", "id=u1,sk=2");
        assertThat(fill("get customer=c1 ordered=2024-05-01 --consistent", "orders"))
                .containsExactly("get", "orders", "--key", "customer=c1,ordered=2024-05-01", "--consistent");
        assertThat(fill("update id=u1 --update 'SET n = 1'", "users"))
                .containsExactly("update", "users", "--key", "id=u1", "--update", "SET n = 1");
    }

    @Test
    void aStatementThatNamesItsTableKeepsIt() {
        assertThat(fill("get orders id=o1", "users")).containsExactly("get", "orders", "--key", "id=o1");
        assertThat(fill("item get orders --key id=o1", "users")).containsExactly("item", "get", "orders", "--key", "id=o1");
        assertThat(fill("scan orders", "users")).containsExactly("scan", "orders");
        assertThat(fill("--region eu-west-1 describe orders", "users")).containsExactly("--region", "eu-west-1", "describe", "orders");
    }

    @Test
    void commandsThatTakeNoTableAreLeftAlone() {
        assertThat(fill("table create orders --pk id:S", "users")).containsExactly("table", "create", "orders", "--pk", "id:S");
        assertThat(fill("tables", "users")).containsExactly("tables");
        assertThat(fill("sql 'SELECT * FROM users'", "users")).containsExactly("sql", "SELECT * FROM users");
        assertThat(fill("use orders", "users")).containsExactly("use", "orders");
        assertThat(fill("use", "users")).containsExactly("use");
        assertThat(fill("get --key id=u1", null)).containsExactly("get", "--key", "id=u1");
    }
}
