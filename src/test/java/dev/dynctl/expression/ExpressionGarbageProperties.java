package dev.dynctl.expression;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynctl.dynamo.ItemPlaceholders;
import dev.dynctl.dynamo.UpdateClauses;
import dev.dynctl.dynamo.expression.Condition;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Whatever is typed, the grammar answers with a result or a usage error (exit 2): never another
 * exception, and never a stack overflow. Random text rarely gets past the lexer, so most samples
 * are soups of the grammar's own tokens, which reach deep into the parsers.
 */
class ExpressionGarbageProperties {
    private static final String TABLE = Engine.uniqueName("expr-garbage");
    private static final List<String> TOKENS = List.of(
            "a", "b.c", "x[0]", "y[12].z", "`odd name`", "`", "status", "size", "name", "data", "tags", " ", " ", " ",
            "(", ")", "[", "]", "{", "}", ",", ":", ".", "'s'", "\"d\"", "'", "\"", "\\", "#", ":v", "$set", "\"$set\"", "\"$binary\"",
            "1", "-2.5", "1e3", "1e999", "99999999999999999999999999999999999999999", "true", "false", "null",
            "=", "==", "<>", "!=", "!", "<", "<=", ">", ">=", "+", "-",
            "AND", "or", "NOT", "BETWEEN", "in", "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with",
            "contains", "size(", "string", "'SS'", "SET", "remove", "ADD", "DELETE", "list_append", "if_not_exists", "é", "\uD83D\uDE00",
            "\n", "\t", "'\\u00e9'", "'\\ud800'", "{\"$set\": []}", "[1, 'a']", "{'k': 1}");
    /** Orderings and size() in any spelling (random characters can write 1 > 's'), kept from moto. */
    private static final Pattern ORDERING = Pattern.compile("[<>]|between|size", Pattern.CASE_INSENSITIVE);

    @BeforeContainer
    static void createTable() {
        Engine.dynamo().createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
    }

    @Provide
    Arbitrary<String> conditions() {
        return garbage(condition(2, true), TOKENS);
    }

    /**
     * Conditions for the engine: moto answers HTTP 500 where DynamoDB refuses (400) or answers
     * false, when an ordering (<, BETWEEN) meets values of two types or size() meets a missing
     * attribute, so those stay out of what is sent to it.
     */
    @Provide
    Arbitrary<String> engineConditions() {
        return garbage(condition(2, false), TOKENS.stream().filter(t -> !ORDERING.matcher(t).find()).toList())
                .filter(text -> !ORDERING.matcher(text).find());
    }

    @Provide
    Arbitrary<String> updates() {
        return garbage(update(), TOKENS);
    }

    /** Token soup, mostly valid texts with a slip or none, and random characters. */
    private static Arbitrary<String> garbage(Arbitrary<String> mostlyValid, List<String> tokens) {
        Arbitrary<String> soup = Combinators.combine(Arbitraries.of(tokens).list().ofMaxSize(14), Arbitraries.of("", " "))
                .as((all, separator) -> String.join(separator, all));
        return Arbitraries.frequencyOf(
                Tuple.of(3, soup),
                Tuple.of(5, mutated(mostlyValid, tokens)),
                Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(20)));
    }

    /** Mostly valid conditions, so that the parsers' success paths and the engine are reached too. */
    private static Arbitrary<String> condition(int depth, boolean orderings) {
        Arbitrary<String> comparators = orderings ? Arbitraries.of("=", "<>", "<", ">=", "!=") : Arbitraries.of("=", "<>", "!=", "==");
        Arbitrary<String> comparison = Combinators.combine(operand(orderings), comparators, operand(orderings))
                .as((a, op, b) -> a + " " + op + " " + b);
        List<String> others = new ArrayList<>(List.of("attribute_exists(a)", "attribute_not_exists(b.c)", "attribute_type(a, 'N')",
                "attribute_type(x[0], string_set)", "begins_with(status, 's')", "contains(tags, 1)", "a IN (1, 'x', b)"));
        if (orderings) {
            others.addAll(List.of("size(x) > 2", "a BETWEEN 1 AND 'z'", "size(data) BETWEEN 1 AND 3"));
        }
        Arbitrary<String> atom = Arbitraries.oneOf(comparison, Arbitraries.of(others));
        if (depth == 0) {
            return atom;
        }
        Arbitrary<String> smaller = Arbitraries.lazy(() -> condition(depth - 1, orderings));
        return Arbitraries.oneOf(atom,
                Combinators.combine(smaller, Arbitraries.of(" AND ", " OR "), smaller).as((a, op, b) -> a + op + b),
                smaller.map(c -> "NOT " + c),
                smaller.map(c -> "(" + c + ")"));
    }

    private static Arbitrary<String> operand(boolean sizes) {
        List<String> operands = new ArrayList<>(List.of("a", "b.c", "x[0]", "`odd name`", "status", "'s'", "\"d\"", "1", "-2.5",
                "true", "null", "[1, 'a']", "{'k': 1}", "{\"$set\": ['x']}", "{\"$binary\": \"AAE=\"}"));
        if (sizes) {
            operands.add("size(a)");
        }
        return Arbitraries.of(operands);
    }

    private static Arbitrary<String> update() {
        Arbitrary<String> set = Combinators.combine(Arbitraries.of("a", "b.c", "x[0]", "status", "n"),
                Arbitraries.of("1", "'x'", "a + 1", "n - 2", "list_append(a, [1])", "if_not_exists(n, 0)", "[1, 'a']", "{'k': true}",
                        "'x' + 1", "size")).as((path, value) -> path + " = " + value);
        Arbitrary<String> clause = Arbitraries.oneOf(
                set.list().ofMinSize(1).ofMaxSize(3).map(all -> "SET " + String.join(", ", all)),
                Arbitraries.of("REMOVE a", "REMOVE b.c, x[0]", "ADD n 1", "ADD tags ['t']", "ADD tags [1, 'a']", "DELETE tags ['t']",
                        "DELETE n 1", "ADD s {\"$set\": [\"x\"]}"));
        return clause.list().ofMinSize(1).ofMaxSize(3).map(all -> String.join(" ", all));
    }

    /** The text, or the text with one character dropped or one token slipped in. */
    private static Arbitrary<String> mutated(Arbitrary<String> texts, List<String> tokens) {
        return Combinators.combine(texts, Arbitraries.integers().between(0, 1000), Arbitraries.of(tokens), Arbitraries.of(0, 1, 2))
                .as((text, at, token, how) -> {
                    int position = text.isEmpty() ? 0 : at % text.length();
                    return switch (how) {
                        case 0 -> text;
                        case 1 -> text.isEmpty() ? text : text.substring(0, position) + text.substring(position + 1);
                        default -> text.substring(0, position) + token + text.substring(position);
                    };
                });
    }

    @Property(tries = 200)
    void conditionsParseOrFailAsUsage(@ForAll("conditions") String text) {
        Throwable thrown = catchThrowable(() -> {
            Condition condition = Condition.parse(text, "--filter");
            condition.compile(new ItemPlaceholders());
            // what parses, written back out in the grammar, parses to the same condition
            Condition written = Condition.and(condition, Condition.exists("z"));
            assertThat(Condition.parse(written.text(), "t")).isEqualTo(written);
        });
        assertUsageOrNothing(text, thrown);
    }

    @Property(tries = 200)
    void updatesParseOrFailAsUsage(@ForAll("updates") String text) {
        Throwable thrown = catchThrowable(() -> {
            UpdateClauses clauses = new UpdateClauses().expression(text, "--update");
            clauses.expression();
            clauses.placeholders();
        });
        assertUsageOrNothing(text, thrown);
    }

    @Property(tries = 100)
    void theCommandLineExitsWith0Or2(@ForAll("engineConditions") String filter, @ForAll("updates") String update) {
        Result scan = cli().aws("item", "scan", TABLE, "--filter", filter);
        assertThat(scan.code()).as(filter + "\n" + scan).isIn(0, 2);
        assertThat(scan.err()).as(filter).doesNotContain("Exception").doesNotContain("\tat ");
        Result updated = cli().aws("item", "update", TABLE, "--key", "id=g1", "--update", update);
        assertThat(updated.code()).as(update + "\n" + updated).isIn(0, 2);
        assertThat(updated.err()).as(update).doesNotContain("Exception").doesNotContain("\tat ");
        Statistics.label("scan").collect(scan.code());
        Statistics.label("update").collect(updated.code());
    }

    private static void assertUsageOrNothing(String text, Throwable thrown) {
        Statistics.collect(thrown == null ? "parsed" : "refused");
        if (thrown == null) {
            return;
        }
        assertThat(thrown).as(text).isInstanceOf(DynctlException.class);
        assertThat(((DynctlException) thrown).exitCode()).as(text).isEqualTo(ExitCode.USAGE);
    }
}
