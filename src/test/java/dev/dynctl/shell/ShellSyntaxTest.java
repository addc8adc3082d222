package dev.dynctl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellSyntaxTest {
    @Test
    void partiqlIsToldFromTheShortFormsThatShareItsVerbs() {
        assertThat(ShellSyntax.isPartiql("SELECT * FROM users")).isTrue();
        assertThat(ShellSyntax.isPartiql("select * from users")).isTrue();
        assertThat(ShellSyntax.isPartiql("INSERT INTO users VALUE {'id': 'u1'}")).isTrue();
        assertThat(ShellSyntax.isPartiql("UPDATE users")).isTrue();
        assertThat(ShellSyntax.isPartiql("update users set n = 1 where id = 'u1'")).isTrue();
        assertThat(ShellSyntax.isPartiql("delete from users where id = 'u1'")).isTrue();
        assertThat(ShellSyntax.isPartiql("EXISTS(SELECT * FROM users WHERE id = 'u1')")).isTrue();

        assertThat(ShellSyntax.isPartiql("update id=u1 --update 'SET n = n + 1'")).isFalse();
        assertThat(ShellSyntax.isPartiql("delete id=u1")).isFalse();
        assertThat(ShellSyntax.isPartiql("item get users --key id=u1")).isFalse();
        assertThat(ShellSyntax.isPartiql("selection")).isFalse();
    }

    @Test
    void aPartiqlStatementGoesOnUntilItsSemicolonAndACommandUntilItsQuotesClose() {
        assertThat(ShellSyntax.isComplete("SELECT * FROM users")).isFalse();
        assertThat(ShellSyntax.isComplete("SELECT * FROM users\nWHERE id = 'a;b';")).isTrue();
        assertThat(ShellSyntax.isComplete("SELECT * FROM users WHERE id = 'a;")).isFalse();
        assertThat(ShellSyntax.isComplete("SELECT * FROM users; -- all of them")).isTrue();
        assertThat(ShellSyntax.isComplete("get id=u1")).isTrue();
        assertThat(ShellSyntax.isComplete("put {\"id\": \"u1\",")).isFalse();
        assertThat(ShellSyntax.isComplete("update id=u1 --update 'SET n")).isFalse();
        assertThat(ShellSyntax.isComplete("scan \\")).isFalse();
        assertThat(ShellSyntax.isComplete("# a comment")).isTrue();
    }

    @Test
    void wordsAreSplitAsAShellSplitsThemButBareJsonStaysWhole() {
        assertThat(ShellSyntax.words("put {\"id\": \"u1\", \"tags\": [\"a b\"]} --if 'attribute_not_exists(id)'"))
                .containsExactly("put", "{\"id\": \"u1\", \"tags\": [\"a b\"]}", "--if", "attribute_not_exists(id)");
        assertThat(ShellSyntax.words("scan --filter \"name = 'Ada'\"  --limit 2"))
                .containsExactly("scan", "--filter", "name = 'Ada'", "--limit", "2");
        assertThat(ShellSyntax.words("get id=a\\ b")).containsExactly("get", "id=a b");
        assertThat(ShellSyntax.words("query id=u1 \\\n --desc")).containsExactly("query", "id=u1", "--desc");
    }

    @Test
    void aScriptIsReadAsStatementsWithTheirLines() {
        String script = """
                # seed the table
                use users
                SELECT *
                  FROM users
                  WHERE id = 'u1';

                -- a comment
                put {"id": "u2",
                     "name": "Grace"}
                scan""";
        List<Statements.Statement> read = new ArrayList<>();
        new Statements(new BufferedReader(new StringReader(script)), "test.sql").forEachRemaining(read::add);
        assertThat(read)
                .extracting(Statements.Statement::line, s -> s.text().lines().findFirst().orElseThrow())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "use users"),
                        org.assertj.core.groups.Tuple.tuple(3, "SELECT *"),
                        org.assertj.core.groups.Tuple.tuple(8, "put {\"id\": \"u2\","),
                        org.assertj.core.groups.Tuple.tuple(10, "scan"));
    }

    @Test
    void aStatementIsHandedOutAsSoonAsItsLastLineIsRead() {
        Reader pipe = new Reader() {
            private boolean given;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (given) {
                    throw new AssertionError("read past the first statement before running it");
                }
                given = true;
                String first = "use users\n";
                first.getChars(0, first.length(), buffer, offset);
                return first.length();
            }

            @Override
            public void close() {
            }
        };
        Statements statements = new Statements(new BufferedReader(pipe), "stdin");

        assertThat(statements.next()).isEqualTo(new Statements.Statement("use users", 1));
    }
}
