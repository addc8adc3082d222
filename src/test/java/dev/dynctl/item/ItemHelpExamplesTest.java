package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.n;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.AwsCli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Every example in the item commands' --help runs as written, in order, on fresh tables named as
 * the examples name them, and fits a 78-column terminal.
 */
class ItemHelpExamplesTest {
    /** The order a reader might try them in: items are put before they are read, and deleted last. */
    private static final List<String> COMMANDS = List.of("put", "", "update", "get", "query", "scan", "delete");
    private static final Map<String, String> TABLES = new HashMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void freshTables() {
        table("users", "id", ScalarAttributeType.S, null, null);
        table("orders", "customer", ScalarAttributeType.S, "ordered", ScalarAttributeType.S);
        table("events", "device", ScalarAttributeType.S, "time", ScalarAttributeType.N);
        table("hits", "id", ScalarAttributeType.S, null, null);
        table("old", "id", ScalarAttributeType.S, null, null);
        table("new", "id", ScalarAttributeType.S, null, null);
        Engine.dynamo().putItem(b -> b.tableName(TABLES.get("events")).item(Map.of("device", s("d1"), "time", n("1700000000"))));
        Engine.dynamo().putItem(b -> b.tableName(TABLES.get("old")).item(Map.of("id", s("o1"))));
    }

    private static void table(String name, String partition, ScalarAttributeType partitionType, String sort, ScalarAttributeType sortType) {
        String unique = Engine.uniqueName("ex-" + name);
        TABLES.put(name, unique);
        Engine.dynamo().createTable(b -> {
            b.tableName(unique).billingMode(BillingMode.PAY_PER_REQUEST);
            if (sort == null) {
                b.attributeDefinitions(d -> d.attributeName(partition).attributeType(partitionType), d -> d.attributeName("email").attributeType("S"))
                        .keySchema(k -> k.attributeName(partition).keyType(KeyType.HASH));
            } else {
                b.attributeDefinitions(d -> d.attributeName(partition).attributeType(partitionType), d -> d.attributeName(sort).attributeType(sortType),
                                d -> d.attributeName("email").attributeType("S"))
                        .keySchema(k -> k.attributeName(partition).keyType(KeyType.HASH), k -> k.attributeName(sort).keyType(KeyType.RANGE));
            }
            b.globalSecondaryIndexes(i -> i.indexName("by-email").keySchema(k -> k.attributeName("email").keyType(KeyType.HASH))
                    .projection(p -> p.projectionType(ProjectionType.ALL)));
        });
    }

    @Test
    void everyExampleWorksAsWrittenAndFitsTheTerminal() throws Exception {
        Files.writeString(dir.resolve("users.jsonl"), "{\"id\": \"u3\"}\n{\"id\": \"u4\", \"email\": \"ada@x.org\"}\n");
        int run = 0;
        for (String command : COMMANDS) {
            List<String> args = new ArrayList<>(List.of("item"));
            if (!command.isEmpty()) {
                args.add(command);
            }
            args.add("--help");
            Result help = cli().width(200).run(args.toArray(String[]::new));
            for (String example : examples(help.out())) {
                assertThat(example.lines()).as(example).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
                Result r = runExample(example.replace("\\\n", " ").trim());
                if (r != null) {
                    assertThat(r.code()).as(example + "\n" + r).isZero();
                    run++;
                }
            }
        }
        assertThat(run).isGreaterThan(20);
    }

    /** The lines under "Examples:", with a line that ends in \ joined to the next. */
    private static List<String> examples(String help) {
        List<String> examples = new ArrayList<>();
        String section = help.substring(help.indexOf("Examples:") + "Examples:".length());
        StringBuilder current = new StringBuilder();
        for (String line : section.lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            current.append(current.length() > 0 ? "\n" : "").append(line);
            if (!line.endsWith("\\")) {
                examples.add(current.toString());
                current.setLength(0);
            }
        }
        return examples;
    }

    /** Runs "dynctl …" (or "aws … | dynctl …") on the test tables; null for an example that needs what the test lacks. */
    private static Result runExample(String example) throws Exception {
        String stdin = "";
        String command = example;
        if (example.startsWith("aws ")) {
            if (!AwsCli.installed()) {
                return null;
            }
            String[] pipe = example.split("\\|", 2);
            Result aws = AwsCli.run(tables(words(pipe[0])).subList(1, words(pipe[0]).size()).toArray(String[]::new));
            assertThat(aws.code()).as(aws.toString()).isZero();
            stdin = aws.out();
            command = pipe[1].trim();
        }
        List<String> words = tables(words(command));
        assertThat(words.get(0)).isEqualTo("dynctl");
        int redirect = words.indexOf(">");
        List<String> args = new ArrayList<>(words.subList(1, redirect < 0 ? words.size() : redirect));
        args.replaceAll(a -> a.equals("@users.jsonl") ? "@" + dir.resolve("users.jsonl") : a);
        return cli().stdin(stdin).aws(args.toArray(String[]::new));
    }

    private static List<String> tables(List<String> words) {
        return words.stream().map(w -> TABLES.getOrDefault(w, w)).toList();
    }

    /** Splits a command line as a POSIX shell would: '…' literally, "…" with \" and \\, \ escaping outside quotes. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '"') {
                for (i++; line.charAt(i) != '"'; i++) {
                    if (line.charAt(i) == '\\' && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                        i++;
                    }
                    word.append(line.charAt(i));
                }
            } else if (c == '\\') {
                word.append(line.charAt(++i));
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
