package dev.dynctl.bulk;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli.Result;
import java.util.ArrayList;
import java.util.List;

/** A table's definition as `table describe` shows it, without what differs between two tables of the same shape. */
final class TableShapes {
    private static final List<String> VOLATILE = List.of("status", "arn", "created", "itemCount", "sizeBytes", "id",
            "backfilling", "latestArn", "latestLabel", "tags", "pointInTimeRecovery", "lastIncrease", "lastDecrease",
            "decreasesToday", "lastSwitchedToOnDemand");

    private TableShapes() {
    }

    /** The shape of {@code table} at the test run's moto; {@code options} may name another region. */
    static JsonNode shape(String table, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("table", "describe", table, "-o", "json"));
        args.addAll(List.of(options));
        Result r = options.length == 0 ? cli().aws(args.toArray(String[]::new)) : cli().run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.toString()).isZero();
        ObjectNode described = (ObjectNode) Json.MAPPER.readTree(r.out());
        described.remove("name");
        return strip(described);
    }

    private static JsonNode strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(VOLATILE);
            object.forEach(TableShapes::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(TableShapes::strip);
        }
        return node;
    }
}
