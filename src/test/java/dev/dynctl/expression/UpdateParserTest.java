package dev.dynctl.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynctl.dynamo.ItemPlaceholders;
import dev.dynctl.dynamo.UpdateClauses;
import dev.dynctl.dynamo.expression.AttributePath;
import dev.dynctl.dynamo.expression.Condition;
import dev.dynctl.dynamo.expression.UpdateAction;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class UpdateParserTest {
    static AttributeValue s(String s) {
        return AttributeValue.fromS(s);
    }

    static AttributeValue n(String n) {
        return AttributeValue.fromN(n);
    }

    static DynctlException error(String text) {
        Throwable thrown = catchThrowable(() -> new UpdateClauses().expression(text, "--update"));
        assertThat(thrown).isInstanceOf(DynctlException.class);
        assertThat(((DynctlException) thrown).exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(thrown.getMessage()).startsWith("--update: ").contains("(column ");
        return (DynctlException) thrown;
    }

    @Test
    void everyClauseCompilesWithPlaceholdersInDynamoOrder() {
        UpdateClauses clauses = new UpdateClauses().expression("DELETE tags ['y'] ADD n 1, tags ['x'] "
                + "REMOVE e, f[0] SET a = a + 1, b = list_append(b, [1]), c = if_not_exists(c, 0), d = 'x', status = a - b", "--update");
        assertThat(clauses.expression()).isEqualTo("SET #n0 = #n0 + :v0, #n1 = list_append(#n1, :v1), #n2 = if_not_exists(#n2, :v2), "
                + "#n3 = :v3, #n4 = #n0 - #n1 REMOVE #n5, #n6[0] ADD #n7 :v4, #n8 :v5 DELETE #n8 :v6");
        ItemPlaceholders placeholders = clauses.placeholders();
        assertThat(placeholders.names().values()).containsExactly("a", "b", "c", "d", "status", "e", "f", "n", "tags");
        assertThat(placeholders.values().values()).containsExactly(n("1"), AttributeValue.fromL(List.of(n("1"))), n("0"), s("x"),
                n("1"), AttributeValue.fromSs(List.of("x")), AttributeValue.fromSs(List.of("y")));
    }

    @Test
    void addAndDeleteReadAListAsASetOfItsElementsType() {
        UpdateClauses clauses = new UpdateClauses().expression("ADD ns [1, 2.5], bs [{\"$binary\": \"AA==\"}], m {\"$set\": ['a']} "
                + "DELETE ss [\"a\", 'b']", "u");
        assertThat(clauses.actions()).extracting(UpdateAction::literal).containsExactly(AttributeValue.fromNs(List.of("1", "2.5")),
                AttributeValue.fromBs(List.of(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] {0}))),
                AttributeValue.fromSs(List.of("a")), AttributeValue.fromSs(List.of("a", "b")));
        // SET keeps a list a list
        assertThat(new UpdateClauses().expression("SET l = [1]", "u").actions().get(0).literal())
                .isEqualTo(AttributeValue.fromL(List.of(n("1"))));
        assertThat(error("ADD tags []").hint()).contains("DynamoDB has no empty sets");
        assertThat(error("DELETE tags [1, 'a']").getMessage()).contains("a number set cannot hold \"a\"");
    }

    @Test
    void functionsNestAndKeywordsAreCaseInsensitive() {
        UpdateClauses clauses = new UpdateClauses().expression("set log = list_append(if_not_exists(log, []), ['x']), "
                + "n = if_not_exists(n, -1) - 2 remove `odd name`.x", "u");
        assertThat(clauses.expression()).isEqualTo("SET #n0 = list_append(if_not_exists(#n0, :v0), :v1), "
                + "#n1 = if_not_exists(#n1, :v2) - :v3 REMOVE #n2.#n3");
        assertThat(clauses.actions()).extracting(UpdateAction::text).containsExactly(
                "SET log = list_append(if_not_exists(log, []), [\"x\"])", "SET n = if_not_exists(n, -1) - 2", "REMOVE `odd name`.x");
    }

    @Test
    void theOptionsAndTheGrammarMakeOneExpression() {
        UpdateClauses clauses = new UpdateClauses().set("name=Ada").remove("nick").add("visits 1")
                .expression("SET age = age + 1 REMOVE old", "--update").delete("tags [\"x\"]");
        assertThat(clauses.expression()).isEqualTo("SET #n0 = :v0, #n1 = #n1 + :v1 REMOVE #n2, #n3 ADD #n4 :v2 DELETE #n5 :v3");
        assertThat(clauses.placeholders().names().values()).containsExactly("name", "age", "nick", "old", "visits", "tags");
    }

    @Test
    void aConditionSharesTheRequestsPlaceholders() {
        UpdateClauses clauses = new UpdateClauses().expression("SET version = version + 1", "u");
        ItemPlaceholders shared = new ItemPlaceholders();
        assertThat(clauses.compile(shared)).isEqualTo("SET #n0 = #n0 + :v0");
        assertThat(Condition.parse("version = 3", "--if").compile(shared)).isEqualTo("#n0 = :v1");
        assertThat(shared.values()).containsOnlyKeys(":v0", ":v1");
    }

    @Test
    void actionsShowWhatEachPathReceivesAndLiteralsCanBeMapped() {
        UpdateClauses clauses = new UpdateClauses().expression("SET name = '  Ada ', n = n + 1, tags2 = [' x '] REMOVE gone ADD c 1", "u")
                .set("email", s(" A@X.ORG "));
        assertThat(clauses.actions()).extracting(a -> a.kind() + " " + a.path().text() + " " + a.literal()).containsExactly(
                "SET name AttributeValue(S=  Ada )", "SET n null", "SET tags2 AttributeValue(L=[AttributeValue(S= x )])",
                "REMOVE gone null", "ADD c AttributeValue(N=1)", "SET email AttributeValue(S= A@X.ORG )");
        clauses.mapLiterals((action, value) -> value.s() == null ? value : s(value.s().trim().toLowerCase()));
        assertThat(clauses.actions()).extracting(UpdateAction::literal).containsExactly(s("ada"), null,
                AttributeValue.fromL(List.of(s(" x "))), null, n("1"), s("a@x.org"));
        assertThat(clauses.actions().get(1).path()).isEqualTo(new AttributePath(List.of(new AttributePath.Name("n"))));
        assertThat(clauses.placeholders().values()).containsEntry(":v0", s("ada"));
    }

    @Test
    void programmaticSetTakesPathsAsTheOptionsDo() {
        UpdateClauses clauses = new UpdateClauses().set("created-at", n("5")).set("a.b[1]", s("x"));
        assertThat(clauses.expression()).isEqualTo("SET #n0 = :v0, #n1.#n2[1] = :v1");
        assertThat(clauses.placeholders().names()).isEqualTo(Map.of("#n0", "created-at", "#n1", "a", "#n2", "b"));
    }

    @Test
    void syntaxErrorsPointAtTheColumnAndSayWhatWasExpected() {
        DynctlException twice = error("SET a = 1 REMOVE b SET c = 2");
        assertThat(twice.getMessage()).contains("SET appears twice (column 20)");
        assertThat(twice.hint()).contains("SET a = 1, b = 2");
        assertThat(error("").getMessage()).contains("expected SET, REMOVE, ADD or DELETE, found the end of the text (column 1)");
        assertThat(error("UPDATE a = 1").getMessage()).contains("expected SET, REMOVE, ADD or DELETE, found 'UPDATE' (column 1)");
        assertThat(error("SET a 1").getMessage()).contains("expected '=' after SET a, found the number 1 (column 7)");
        assertThat(error("SET first-name = 'x'").hint()).contains("`first-name`");
        assertThat(error("SET a = 1 b = 2").getMessage()).contains("expected ',' or the next clause");
        assertThat(error("SET a = a + 1 + 2").getMessage()).contains("a value has at most one + or -");
        assertThat(error("SET a = size(b)").getMessage()).contains("there is no function size(...) in SET");
        assertThat(error("SET a = if_not_exists('x', 1)").getMessage()).contains("expected an attribute name, found the string 'x'");
        assertThat(error("ADD n").getMessage()).contains("expected a value after ADD n");
        assertThat(error("ADD n m").hint()).contains("ADD visits 1");
        assertThat(error("ADD tags['x']").hint()).contains("needs a space before it");
        assertThat(error("REMOVE a,").getMessage()).contains("expected an attribute name, found the end of the text");
        assertThat(error("SET a = list_append(" + "list_append(".repeat(100) + "a, b)").getMessage()).contains("nested more than 64 levels");
    }

    @Test
    void explainGivesTheWholeValueForANestedSetFromEitherForm() {
        var invalid = software.amazon.awssdk.services.dynamodb.model.DynamoDbException.builder()
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder().errorCode("ValidationException")
                        .errorMessage("The document path provided in the update expression is invalid for update").build())
                .build();
        UpdateClauses fromGrammar = new UpdateClauses().expression("SET n = n + 1, a.b[0].c = 'x'", "u");
        assertThat(fromGrammar.explain((software.amazon.awssdk.services.dynamodb.model.DynamoDbException) invalid).orElseThrow().hint())
                .contains("a.b[0].c needs a to be a map that exists", "e.g. --set 'a={\"b\": [{\"c\": \"x\"}]}'");
    }
}
