package dev.dynctl.dynamo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What dynctl reads from PartiQL text before sending it: statements, placeholders, verb, table, parameter values. */
class PartiqlStatementTest {
    private static final List<AttributeValue> NONE = List.of();

    @Test
    void placeholdersInsideStringsNamesAndCommentsDoNotCount() {
        PartiqlStatement s = PartiqlStatement.of("SELECT * FROM \"what?\" -- any ?\n"
                + "WHERE a = '?' AND b = ? /* or ? */ AND c = `{x: \"?\"}` AND d = 'it''s ?'", List.of(AttributeValue.fromS("x")));

        assertThat(s.placeholders()).isEqualTo(1);
        assertThat(s.table()).contains("what?");
        assertThat(s.text()).doesNotContain("any ?", "or ?").contains("'it''s ?'");
    }

    @Test
    void tableAndIndexAreReadFromEachVerb() {
        assertThat(PartiqlStatement.of("select * from users where id = 'u1'", NONE).table()).contains("users");
        PartiqlStatement index = PartiqlStatement.of("SELECT * FROM \"my-users\".\"by-email\" WHERE email = 'a'", NONE);
        assertThat(index.table()).contains("my-users");
        assertThat(index.index()).contains("by-email");
        assertThat(PartiqlStatement.of("INSERT INTO \"a \"\"b\"\"\" VALUE {'id': 'x'}", NONE).table()).contains("a \"b\"");
        PartiqlStatement update = PartiqlStatement.of("UPDATE users SET n = 1 WHERE id = 'u1'", NONE);
        assertThat(update.table()).contains("users");
        assertThat(update.returnsItems()).isFalse();
        assertThat(update.summary()).isEqualTo("UPDATE users");
        PartiqlStatement delete = PartiqlStatement.of("DELETE FROM users WHERE id = 'u1' RETURNING ALL OLD *;", NONE);
        assertThat(delete.summary()).isEqualTo("DELETE FROM users");
        assertThat(delete.returnsItems()).isTrue();
        assertThat(delete.text()).endsWith("*");
    }

    @Test
    void scriptsSplitAtSemicolonsAndAtLinesThatStartAStatement() {
        List<PartiqlScanner.Piece> pieces = PartiqlScanner.split("""
                -- seed the table
                INSERT INTO users VALUE {'id': 'a;b'};
                INSERT INTO users VALUE {'id': 'c'}
                UPDATE users
                  SET n = 1 -- the first
                  WHERE id = 'c'
                /* done */ SELECT * FROM users WHERE id = 'c';;
                """);

        assertThat(pieces).extracting(PartiqlScanner.Piece::line).containsExactly(2, 3, 4, 7);
        assertThat(pieces.get(0).text()).isEqualTo("INSERT INTO users VALUE {'id': 'a;b'}");
        assertThat(pieces.get(2).text()).isEqualTo("UPDATE users\n  SET n = 1 \n  WHERE id = 'c'");
        assertThat(pieces.get(3).text()).isEqualTo("SELECT * FROM users WHERE id = 'c'");
    }

    @Test
    void whatCannotBeSentIsAUsageError() {
        assertUsage(() -> PartiqlStatement.of("  -- nothing\n", NONE), "The statement is empty.");
        assertUsage(() -> PartiqlStatement.of("SELEC * FROM users", NONE), "starts with SELECT, INSERT, UPDATE or DELETE, not 'SELEC'");
        assertUsage(() -> PartiqlStatement.of("SELECT * FROM users; DELETE FROM users WHERE id = 'a'", NONE), "2 statements");
        assertUsage(() -> PartiqlStatement.of("SELECT * FROM users WHERE id = ?", NONE), "1 ? placeholder, but no --param was given");
        assertUsage(() -> PartiqlStatement.of("SELECT * FROM users WHERE id = 'u1", NONE), "string that starts at line 1, column 32 is not closed");
        assertUsage(() -> PartiqlStatement.of("SELECT * FROM users\n/* WHERE", NONE), "comment that starts at line 2, column 1 is not closed");
    }

    @Test
    void parametersAreJsonOrStringsOrDynamoJson() {
        List<AttributeValue> values = PartiqlParameters.fromArguments(List.of("36", "Ada", "01", "\"36\"", "true", "null",
                "[1, \"a\"]", "{\"S\": \"01\"}", "{\"N\": \"1.50\"}", "{\"$set\": [\"a\", \"b\"]}", "{\"$binary\": \"AQI=\"}",
                "{\"city\": \"Paris\"}", "{\"M\": {\"S\": {\"S\": \"x\"}}}"));

        assertThat(values).containsExactly(AttributeValue.fromN("36"), AttributeValue.fromS("Ada"), AttributeValue.fromS("01"),
                AttributeValue.fromS("36"), AttributeValue.fromBool(true), AttributeValue.fromNul(true),
                AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromS("a"))),
                AttributeValue.fromS("01"), AttributeValue.fromN("1.50"), AttributeValue.fromSs(List.of("a", "b")),
                AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2})),
                AttributeValue.fromM(java.util.Map.of("city", AttributeValue.fromS("Paris"))),
                AttributeValue.fromM(java.util.Map.of("S", AttributeValue.fromS("x"))));
        assertUsage(() -> PartiqlParameters.fromArguments(List.of("a", "{\"$set\": []}")), "--param 2: ");
    }

    private static void assertUsage(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOf(DynctlException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((DynctlException) e).exitCode()).isEqualTo(ExitCode.USAGE));
    }
}
