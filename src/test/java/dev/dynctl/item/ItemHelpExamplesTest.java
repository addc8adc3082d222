package dev.dynctl.item;

import static dev.dynctl.item.ItemTables.n;
import static dev.dynctl.item.ItemTables.s;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.AwsCli;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.ShellWords;
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
    private static final List<String> COMMANDS = List.of("put", "", "update", "get", "query", "scan", "batch-write", "batch-get",
            "transact", "delete");
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
        exampleFiles();
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
        if (example.startsWith("echo ")) {
            String[] pipe = example.split("\\|", 2);
            stdin = ShellWords.split(pipe[0]).get(1) + "\n";
            command = pipe[1].trim();
        } else if (example.startsWith("dynctl ") && example.contains("| dynctl ")) {
            String[] pipe = example.split("\\| dynctl ", 2);
            Result first = runExample(pipe[0].trim());
            assertThat(first.code()).as(first.toString()).isZero();
            stdin = first.out();
            command = "dynctl " + pipe[1].trim();
        } else if (example.startsWith("aws ")) {
            if (!AwsCli.installed()) {
                return null;
            }
            String[] pipe = example.split("\\|", 2);
            Result aws = AwsCli.run(tables(ShellWords.split(pipe[0])).subList(1, ShellWords.split(pipe[0]).size()).toArray(String[]::new));
            assertThat(aws.code()).as(aws.toString()).isZero();
            stdin = aws.out();
            command = pipe[1].trim();
        }
        List<String> words = tables(ShellWords.split(command));
        assertThat(words.get(0)).isEqualTo("dynctl");
        int redirect = words.indexOf(">");
        List<String> args = new ArrayList<>(words.subList(1, redirect < 0 ? words.size() : redirect));
        args.replaceAll(ItemHelpExamplesTest::exampleFile);
        int from = args.indexOf("<");
        if (from >= 0) {
            stdin = Files.readString(Path.of(exampleFile(args.get(from + 1))));
            args = new ArrayList<>(args.subList(0, from));
        }
        return cli().stdin(stdin).aws(args.toArray(String[]::new));
    }

    /** The files the examples name, in the test's folder, naming the test's tables. */
    private static void exampleFiles() throws Exception {
        example("writes.jsonl", "{\"put\": {\"id\": \"u7\", \"name\": \"Ada\"}}\n{\"delete\": {\"id\": \"u4\"}}\n");
        example("request-items.json", "{\"users\": [{\"PutRequest\": {\"Item\": {\"id\": {\"S\": \"u5\"}}}}]}\n");
        example("keys.jsonl", "{\"id\": \"u1\"}\n{\"id\": \"u7\"}\n");
        example("ops.yaml", """
                - put:    {table: users, item: {id: u8, name: Grace}}
                - update: {table: hits, key: {id: home}, add: {visits: 1}}
                - check:  {table: events, key: {device: d1, time: 1700000000}, if: attribute_exists(device)}
                """);
        example("ops.jsonl", "{\"delete\": {\"table\": \"users\", \"key\": \"id=u9\"}}\n"
                + "{\"update\": {\"table\": \"users\", \"key\": {\"id\": \"u8\"}, \"set\": {\"status\": \"active\"}, "
                + "\"if\": \"attribute_exists(id)\"}}\n");
    }

    /** Writes an example file with the tables' names replaced by the test's. */
    private static void example(String name, String text) throws Exception {
        String named = text;
        for (Map.Entry<String, String> table : TABLES.entrySet()) {
            named = named.replaceAll("\\b" + table.getKey() + "\\b", table.getValue());
        }
        Files.writeString(dir.resolve(name), named);
    }

    /** An example's file argument (users.jsonl, @keys.jsonl, file://request-items.json) as a path in the test's folder. */
    private static String exampleFile(String argument) {
        for (String prefix : List.of("@", "file://", "")) {
            if (argument.startsWith(prefix) && argument.matches(".*\\.(jsonl|json|yaml)")) {
                String name = argument.substring(prefix.length());
                if (Files.exists(dir.resolve(name))) {
                    return prefix + dir.resolve(name);
                }
            }
        }
        return argument;
    }

    private static List<String> tables(List<String> words) {
        return words.stream().map(w -> TABLES.getOrDefault(w, w)).toList();
    }
}
