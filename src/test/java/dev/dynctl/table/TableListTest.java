package dev.dynctl.table;

import static dev.dynctl.table.TableTestSupport.json;
import static dev.dynctl.table.TableTestSupport.rawTable;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableListTest {
    @Test
    void listsEveryTableByName() {
        String name = rawTable("listed");
        JsonNode rows = json(cli().aws("table", "list", "-o", "json"));
        assertThat(rows.isArray()).isTrue();
        assertThat(names(rows)).contains(name);
        assertThat(rows.get(0).fieldNames()).toIterable().containsExactly("name");
    }

    @Test
    void followsEveryPage() {
        // ListTables returns at most 100 names a page; more than that must still all be listed
        List<String> created = new ArrayList<>();
        int missing = 101 - json(cli().aws("table", "list", "-o", "json")).size();
        for (int i = 0; i < missing; i++) {
            created.add(rawTable("page"));
        }
        List<String> names = names(json(cli().aws("table", "list", "-o", "json")));
        assertThat(names.size()).isGreaterThan(100);
        assertThat(names).containsAll(created).doesNotHaveDuplicates();
    }

    @Test
    void detailsShowStatusBillingSizeAndKeys() {
        String name = Engine.uniqueName("detailed");
        assertThat(cli().aws("table", "create", name, "--pk", "customer:S", "--sk", "created:N", "--rcu", "3", "--wcu", "2").code()).isZero();
        JsonNode row = row(json(cli().aws("table", "list", "--details", "-o", "json")), name);
        assertThat(row.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(row.path("billing").asText()).isEqualTo("PROVISIONED");
        assertThat(row.path("itemCount").asLong()).isZero();
        assertThat(row.path("sizeBytes").isNumber()).isTrue();
        assertThat(row.path("pk").asText()).isEqualTo("customer:S");
        assertThat(row.path("sk").asText()).isEqualTo("created:N");

        String simple = rawTable("simple");
        JsonNode short_ = row(json(cli().aws("table", "list", "-l", "-o", "json")), simple);
        assertThat(short_.path("billing").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(short_.has("sk")).as("no sort key, no sk field").isFalse();
    }

    @Test
    void tableOutputShowsTheNames() {
        String name = rawTable("shown");
        Result r = cli().aws("table", "list", "-l", "-o", "table");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains(name, "ACTIVE", "id:S");
    }

    @Test
    void queryPicksFromTheList() {
        String name = rawTable("queried");
        Result r = cli().aws("table", "list", "-o", "json", "--query", "[].name");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("\"" + name + "\"").doesNotContain("\"name\"");
    }

    @Test
    void helpHasExamples() {
        assertThat(cli().run("table", "list", "--help").out()).contains("Examples:", "--details");
    }

    private static List<String> names(JsonNode rows) {
        List<String> names = new ArrayList<>();
        rows.forEach(row -> names.add(row.path("name").asText()));
        return names;
    }

    private static JsonNode row(JsonNode rows, String name) {
        for (JsonNode row : rows) {
            if (row.path("name").asText().equals(name)) {
                return row;
            }
        }
        throw new AssertionError(name + " not in " + rows);
    }
}
