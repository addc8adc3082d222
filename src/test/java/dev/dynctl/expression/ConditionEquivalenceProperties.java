package dev.dynctl.expression;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Random conditions over a small fixed table select the same items through dynctl (written in
 * its grammar, with the fewest parentheses and random spellings) as through the SDK (written by
 * hand here as a DynamoDB expression, fully parenthesized, with placeholders of its own).
 *
 * <p>moto's evaluator differs from DynamoDB in corners, so the data and the generator stay clear
 * of them: size() only on attributes every item has (moto fails the request on a missing one),
 * no zero or empty string where BETWEEN looks (moto treats them as absent), only single-digit
 * list positions (moto's lexer reads one digit), and comparisons only between values of one type
 * (moto raises on mixed ones where DynamoDB answers false).
 */
class ConditionEquivalenceProperties {
    private static final String TABLE = Engine.uniqueName("expr-equiv");
    private static final List<String> WORDS = List.of("apple", "apricot", "banana", "cherry", "date", "Apple", "it's");
    private static final List<String> TAGS = List.of("a", "b", "c", "d");

    /** A path of the dataset and the type of what it holds where it is there. */
    record Path(List<String> names, Integer index, String type) {
    }

    private static final Path N = new Path(List.of("n"), null, "N");
    private static final Path DATA_SIZE = new Path(List.of("data", "size"), null, "N");
    private static final Path LIST_1 = new Path(List.of("list"), 1, "N");
    private static final Path S = new Path(List.of("s"), null, "S");
    private static final Path STATUS = new Path(List.of("status"), null, "S");
    private static final Path DATA_NAME = new Path(List.of("data", "name"), null, "S");
    private static final Path LIST_0 = new Path(List.of("list"), 0, "S");
    private static final Path TAGS_PATH = new Path(List.of("tags"), null, "SS");
    private static final Path FLAG = new Path(List.of("flag"), null, "BOOL");
    private static final Path DATA = new Path(List.of("data"), null, "M");
    private static final Path LIST = new Path(List.of("list"), null, "L");
    private static final Path NOPE = new Path(List.of("nope", "deeper"), null, "S");
    private static final List<Path> NUMBERS = List.of(N, DATA_SIZE, LIST_1);
    private static final List<Path> STRINGS = List.of(S, STATUS, DATA_NAME, LIST_0);
    private static final List<Path> ANY = List.of(N, DATA_SIZE, LIST_1, S, STATUS, DATA_NAME, LIST_0, TAGS_PATH, FLAG, DATA, LIST, NOPE);

    /** A literal: its DynamoDB value. */
    record Literal(AttributeValue value) {
    }

    /** The test's own model of a condition. */
    sealed interface Cond permits Compare, ComparePaths, Between, In, Call, SizeCompare, Not, And, Or {
    }

    record Compare(Path path, String op, Literal value) implements Cond {
    }

    record ComparePaths(Path left, String op, Path right) implements Cond {
    }

    record Between(Path path, Literal low, Literal high) implements Cond {
    }

    record In(Path path, List<Literal> values) implements Cond {
    }

    /** attribute_exists, attribute_not_exists, attribute_type, begins_with, contains. */
    record Call(String function, Path path, Literal argument) implements Cond {
    }

    record SizeCompare(Path path, String op, Literal value) implements Cond {
    }

    record Not(Cond cond) implements Cond {
    }

    record And(Cond left, Cond right) implements Cond {
    }

    record Or(Cond left, Cond right) implements Cond {
    }

    @BeforeContainer
    static void createDataset() {
        Engine.dynamo().createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        List<String> numbers = List.of("1", "2", "3", "5", "8", "13", "2.5", "-4");
        List<String> statuses = List.of("active", "inactive", "new");
        Random random = new Random(7);
        for (int i = 0; i < 16; i++) {
            Map<String, AttributeValue> item = new LinkedHashMap<>();
            item.put("id", AttributeValue.fromS(String.format("i%02d", i)));
            item.put("s", AttributeValue.fromS(WORDS.get(i % WORDS.size())));
            item.put("tags", AttributeValue.fromSs(new ArrayList<>(new TreeSet<>(TAGS.subList(i % 4, i % 4 + 1 + random.nextInt(4 - i % 4))))));
            if (i % 4 != 3) {
                item.put("n", AttributeValue.fromN(numbers.get(i % numbers.size())));
            }
            if (i % 3 != 2) {
                item.put("status", AttributeValue.fromS(statuses.get(i % 3)));
            }
            if (i % 5 != 4) {
                item.put("data", AttributeValue.fromM(Map.of("size", AttributeValue.fromN(String.valueOf(1 + i % 5)),
                        "name", AttributeValue.fromS(WORDS.get((i + 2) % WORDS.size())))));
            }
            if (i % 2 == 0) {
                item.put("list", AttributeValue.fromL(List.of(AttributeValue.fromS(WORDS.get((i + 1) % WORDS.size())),
                        AttributeValue.fromN(numbers.get((i + 3) % numbers.size())))));
            }
            if (i % 3 != 0) {
                item.put("flag", AttributeValue.fromBool(i % 2 == 0));
            }
            Engine.dynamo().putItem(b -> b.tableName(TABLE).item(item));
        }
    }

    @Property(tries = 100)
    void dynctlSelectsWhatTheHandWrittenExpressionSelects(@ForAll("conditions") Cond cond, @ForAll long spelling) {
        String text = new DynctlText(new Random(spelling)).of(cond);
        HandWritten expected = new HandWritten();
        String expression = expected.of(cond);

        Set<String> bySdk = Engine.dynamo().scanPaginator(b -> b.tableName(TABLE).filterExpression(expression)
                        .expressionAttributeNames(expected.names)
                        .expressionAttributeValues(expected.values.isEmpty() ? null : expected.values))
                .items().stream().map(item -> item.get("id").s()).collect(Collectors.toCollection(TreeSet::new));
        Result dynctl = cli().aws("item", "scan", TABLE, "--filter", text, "-o", "jsonl");
        assertThat(dynctl.code()).as(text + "\n" + dynctl).isZero();
        Statistics.collect(bySdk.isEmpty() ? "no item" : bySdk.size() == 16 ? "every item" : "some items");
        // a property that only ever selected nothing or everything would prove little
        Statistics.coverage(coverage -> coverage.check("some items").percentage(p -> p >= 25));
        assertThat(ids(dynctl.out())).as(text + "\n  vs  " + expression + " " + expected.names + " " + expected.values).isEqualTo(bySdk);
    }

    private static Set<String> ids(String jsonLines) {
        try (MappingIterator<JsonNode> items = Json.MAPPER.readerFor(JsonNode.class).readValues(jsonLines)) {
            return items.readAll().stream().map(item -> item.get("id").asText()).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- generators -----------------------------------------------------------------------------

    @Provide
    Arbitrary<Cond> conditions() {
        return condition(3);
    }

    private Arbitrary<Cond> condition(int depth) {
        if (depth == 0) {
            return atom();
        }
        Arbitrary<Cond> smaller = Arbitraries.lazy(() -> condition(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(3, atom()),
                Tuple.of(1, smaller.map(Not::new)),
                Tuple.of(2, Combinators.combine(smaller, smaller).as(And::new)),
                Tuple.of(2, Combinators.combine(smaller, smaller).as(Or::new)));
    }

    private Arbitrary<Cond> atom() {
        Arbitrary<String> orderings = Arbitraries.of("=", "<>", "<", "<=", ">", ">=");
        Arbitrary<Cond> numberCompare = Combinators.combine(Arbitraries.of(NUMBERS), orderings, number()).as(Compare::new);
        Arbitrary<Cond> stringCompare = Combinators.combine(Arbitraries.of(STRINGS), orderings, string()).as(Compare::new);
        Arbitrary<Cond> otherCompare = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.just(FLAG), Arbitraries.of("=", "<>"), Arbitraries.of(true, false)
                        .map(b -> new Literal(AttributeValue.fromBool(b)))).as(Compare::new),
                Combinators.combine(Arbitraries.just(TAGS_PATH), Arbitraries.of("=", "<>"), Arbitraries.of(TAGS).set().ofMinSize(1)
                        .map(set -> new Literal(AttributeValue.fromSs(new ArrayList<>(set))))).as(Compare::new));
        Arbitrary<Cond> pathCompare = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(NUMBERS), orderings, Arbitraries.of(NUMBERS)).as(ComparePaths::new),
                Combinators.combine(Arbitraries.of(STRINGS), orderings, Arbitraries.of(STRINGS)).as(ComparePaths::new));
        Arbitrary<Cond> between = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(NUMBERS), number(), number()).as(ConditionEquivalenceProperties::between),
                Combinators.combine(Arbitraries.of(STRINGS), string(), string()).as(ConditionEquivalenceProperties::between));
        Arbitrary<Cond> in = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(NUMBERS), number().list().ofMinSize(1).ofMaxSize(4)).as(In::new),
                Combinators.combine(Arbitraries.of(STRINGS), string().list().ofMinSize(1).ofMaxSize(4)).as(In::new));
        Arbitrary<Cond> exists = Combinators.combine(Arbitraries.of("attribute_exists", "attribute_not_exists"), Arbitraries.of(ANY))
                .as((f, p) -> new Call(f, p, null));
        Arbitrary<Cond> type = Combinators.combine(Arbitraries.of(ANY), Arbitraries.of("S", "N", "BOOL", "SS", "M", "L", "NULL"))
                .as((p, t) -> new Call("attribute_type", p, new Literal(AttributeValue.fromS(t))));
        Arbitrary<Cond> beginsWith = Combinators.combine(Arbitraries.of(STRINGS), Arbitraries.of("a", "ap", "b", "ch", "it", "x"))
                .as((p, prefix) -> new Call("begins_with", p, new Literal(AttributeValue.fromS(prefix))));
        Arbitrary<Cond> contains = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(STRINGS), Arbitraries.of("a", "pp", "an", "'", "z"))
                        .as((p, part) -> new Call("contains", p, new Literal(AttributeValue.fromS(part)))),
                Arbitraries.of(TAGS).map(tag -> new Call("contains", TAGS_PATH, new Literal(AttributeValue.fromS(tag)))),
                string().map(word -> new Call("contains", LIST, word)));
        Arbitrary<Cond> size = Combinators.combine(Arbitraries.of(S, TAGS_PATH), orderings,
                Arbitraries.integers().between(1, 8).map(i -> new Literal(AttributeValue.fromN(String.valueOf(i))))).as(SizeCompare::new);
        return Arbitraries.oneOf(numberCompare, stringCompare, otherCompare, pathCompare, between, in, exists, type, beginsWith,
                contains, size);
    }

    /** DynamoDB refuses a BETWEEN whose bounds are in the wrong order: they are put in order. */
    private static Cond between(Path path, Literal a, Literal b) {
        boolean ordered = a.value().n() != null
                ? new java.math.BigDecimal(a.value().n()).compareTo(new java.math.BigDecimal(b.value().n())) <= 0
                : a.value().s().compareTo(b.value().s()) <= 0;
        return ordered ? new Between(path, a, b) : new Between(path, b, a);
    }

    private static Arbitrary<Literal> number() {
        return Arbitraries.of("-5", "1", "2", "2.5", "3", "4", "5", "8", "13", "100", "1e1")
                .map(n -> new Literal(AttributeValue.fromN(n)));
    }

    private static Arbitrary<Literal> string() {
        return Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.of("a", "b", "c", "banan", "dat", "zz", "active", "new", "inactive"))
                .map(s -> new Literal(AttributeValue.fromS(s)));
    }

    // ---- dynctl's grammar, spelled at random --------------------------------------------------

    /** The condition as a user might type it: keywords in any case, either quotes, the fewest parentheses. */
    static final class DynctlText {
        private final Random random;

        DynctlText(Random random) {
            this.random = random;
        }

        String of(Cond cond) {
            if (cond instanceof Or or) {
                return of(or.left()) + " " + keyword("OR") + " " + of(or.right());
            }
            if (cond instanceof And and) {
                return grouped(and.left(), Or.class) + " " + keyword("AND") + " " + grouped(and.right(), Or.class);
            }
            if (cond instanceof Not not) {
                boolean needs = not.cond() instanceof And || not.cond() instanceof Or;
                return keyword("NOT") + " " + (needs ? "(" + of(not.cond()) + ")" : of(not.cond()));
            }
            return atom(cond);
        }

        private String grouped(Cond cond, Class<?> looser) {
            return looser.isInstance(cond) ? "(" + of(cond) + ")" : of(cond);
        }

        private String atom(Cond cond) {
            if (cond instanceof Compare c) {
                return path(c.path()) + space() + op(c.op()) + space() + literal(c.value());
            }
            if (cond instanceof ComparePaths c) {
                return path(c.left()) + space() + op(c.op()) + space() + path(c.right());
            }
            if (cond instanceof Between b) {
                return path(b.path()) + " " + keyword("BETWEEN") + " " + literal(b.low()) + " " + keyword("AND") + " " + literal(b.high());
            }
            if (cond instanceof In in) {
                return path(in.path()) + " " + keyword("IN") + " (" + in.values().stream().map(this::literal).collect(Collectors.joining(", ")) + ")";
            }
            if (cond instanceof SizeCompare s) {
                return keyword("size") + "(" + path(s.path()) + ")" + space() + op(s.op()) + space() + literal(s.value());
            }
            Call call = (Call) cond;
            String argument = call.argument() == null ? ""
                    : ", " + (call.function().equals("attribute_type") ? typeName(call.argument().value().s()) : literal(call.argument()));
            return keyword(call.function()) + "(" + path(call.path()) + argument + ")";
        }

        private String path(Path path) {
            StringBuilder out = new StringBuilder();
            for (String name : path.names()) {
                out.append(out.length() > 0 ? "." : "").append(random.nextInt(4) == 0 ? "`" + name + "`" : name);
            }
            return path.index() == null ? out.toString() : out + "[" + path.index() + "]";
        }

        private String literal(Literal literal) {
            AttributeValue v = literal.value();
            if (v.n() != null) {
                return v.n();
            }
            if (v.bool() != null) {
                return keyword(v.bool().toString());
            }
            if (v.hasSs()) {
                String quote = random.nextBoolean() ? "'" : "\"";
                return "{\"$set\": [" + v.ss().stream().map(e -> quote + e + quote).collect(Collectors.joining(", ")) + "]}";
            }
            return random.nextBoolean() ? "'" + v.s().replace("'", "\\'") + "'" : "\"" + v.s() + "\"";
        }

        private String typeName(String code) {
            Map<String, String> friendly = Map.of("S", "string", "N", "number", "BOOL", "boolean", "SS", "string_set",
                    "M", "map", "L", "list", "NULL", "null");
            return switch (random.nextInt(3)) {
                case 0 -> "'" + code + "'";
                case 1 -> code;
                default -> friendly.get(code);
            };
        }

        private String op(String op) {
            if (op.equals("<>") && random.nextBoolean()) {
                return "!=";
            }
            return op.equals("=") && random.nextInt(4) == 0 ? "==" : op;
        }

        private String keyword(String word) {
            return switch (random.nextInt(3)) {
                case 0 -> word.toLowerCase();
                case 1 -> word.toUpperCase();
                default -> word;
            };
        }

        private String space() {
            return random.nextInt(4) == 0 ? "" : " ";
        }
    }

    // ---- DynamoDB's grammar, by hand --------------------------------------------------------

    /** The condition as a DynamoDB expression with placeholders of this test's own, every group in parentheses. */
    static final class HandWritten {
        final Map<String, String> names = new LinkedHashMap<>();
        final Map<String, AttributeValue> values = new LinkedHashMap<>();

        String of(Cond cond) {
            if (cond instanceof Or or) {
                return "(" + of(or.left()) + ") OR (" + of(or.right()) + ")";
            }
            if (cond instanceof And and) {
                return "(" + of(and.left()) + ") AND (" + of(and.right()) + ")";
            }
            if (cond instanceof Not not) {
                return "NOT (" + of(not.cond()) + ")";
            }
            if (cond instanceof Compare c) {
                return path(c.path()) + " " + c.op() + " " + value(c.value());
            }
            if (cond instanceof ComparePaths c) {
                return path(c.left()) + " " + c.op() + " " + path(c.right());
            }
            if (cond instanceof Between b) {
                return path(b.path()) + " BETWEEN " + value(b.low()) + " AND " + value(b.high());
            }
            if (cond instanceof In in) {
                return path(in.path()) + " IN (" + in.values().stream().map(this::value).collect(Collectors.joining(",")) + ")";
            }
            if (cond instanceof SizeCompare s) {
                return "size(" + path(s.path()) + ") " + s.op() + " " + value(s.value());
            }
            Call call = (Call) cond;
            return call.function() + "(" + path(call.path()) + (call.argument() == null ? "" : ", " + value(call.argument())) + ")";
        }

        private String path(Path path) {
            List<String> parts = new ArrayList<>();
            for (String name : path.names()) {
                String placeholder = "#" + name.toUpperCase();
                names.put(placeholder, name);
                parts.add(placeholder);
            }
            return String.join(".", parts) + (path.index() == null ? "" : "[" + path.index() + "]");
        }

        private String value(Literal literal) {
            String placeholder = ":w" + values.size();
            values.put(placeholder, literal.value());
            return placeholder;
        }
    }
}
