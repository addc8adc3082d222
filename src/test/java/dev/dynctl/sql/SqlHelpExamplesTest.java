package dev.dynctl.sql;

import static dev.dynctl.sql.SqlTables.n;
import static dev.dynctl.sql.SqlTables.s;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.ShellWords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Every example in sql --help runs as written, in order, on fresh tables named as the examples
 * name them (and on the files they name), against moto, and fits a 78-column terminal.
 */
class SqlHelpExamplesTest {
    @TempDir
    Path dir;

    @Test
    void everyExampleWorksAsWrittenAndFitsTheTerminal() throws Exception {
        String users = SqlTables.hashTable("ex_users");
        String orders = SqlTables.uniqueName("ex_orders");
        Engine.dynamo().createTable(b -> b.tableName(orders).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(d -> d.attributeName("customer").attributeType(ScalarAttributeType.S),
                        d -> d.attributeName("ordered").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("customer").keyType(KeyType.HASH), k -> k.attributeName("ordered").keyType(KeyType.RANGE)));
        SqlTables.putAll(users, List.of(Map.of("id", s("u1"), "name", s("Ada"), "visits", n("3"))));
        SqlTables.putAll(orders, List.of(Map.of("customer", s("c9"), "ordered", s("2024-05-01"))));
        Map<String, String> tables = Map.of("users", users, "orders", orders);
        Files.writeString(dir.resolve("changes.sql"), "-- a new user, then a nickname\n"
                + "INSERT INTO users VALUE {'id': 'u3', 'name': 'Lin'};\n"
                + "UPDATE users SET nick = 'lin' WHERE id = 'u3';\n");
        Files.writeString(dir.resolve("statements.yaml"), "- statement: SELECT * FROM users WHERE id = ?\n  params: [u3]\n");

        String help = cli().width(200).run("sql", "--help").out();
        int run = 0;
        for (String example : examples(help)) {
            assertThat(example.lines()).as(example).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
            List<String> words = ShellWords.split(example.replace("\\\n", " ").trim());
            assertThat(words.get(0)).isEqualTo("dynctl");
            String stdin = "";
            int redirect = words.indexOf("<");
            if (redirect >= 0) {
                stdin = named(Files.readString(dir.resolve(words.get(redirect + 1))), tables);
                words = words.subList(0, redirect);
            }
            List<String> args = new ArrayList<>();
            for (String word : words.subList(1, words.size())) {
                args.add(word.endsWith(".sql") ? namedFile(word, tables) : named(word, tables));
            }
            Result r = cli().stdin(stdin).aws(args.toArray(String[]::new));
            assertThat(r.code()).as(example + "\n" + r).isZero();
            run++;
        }
        assertThat(run).isGreaterThanOrEqualTo(8);
        assertThat(SqlTables.item(users, Map.of("id", s("u3")))).containsEntry("nick", s("lin"));
        assertThat(SqlTables.item(users, Map.of("id", s("u2")))).isNull();
    }

    /** The examples' table names replaced by the test's, in statements as in arguments. */
    private static String named(String text, Map<String, String> tables) {
        Matcher m = Pattern.compile("\\b(users|orders)\\b").matcher(text);
        return m.replaceAll(r -> tables.get(r.group(1)));
    }

    private String namedFile(String name, Map<String, String> tables) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, named(Files.readString(file), tables));
        return file.toString();
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
}
