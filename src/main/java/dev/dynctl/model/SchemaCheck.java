package dev.dynctl.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The report of {@code schema check}: items are added one at a time as a scan reads them, so any
 * number of items takes the same memory; the first few violating items are kept as examples.
 */
public final class SchemaCheck {
    /** An example: the item's key and every rule it breaks. */
    private record ViolatingItem(Map<String, AttributeValue> key, List<Violation> violations) {
    }

    private final TableSchema schema;
    private final List<String> keyNames;
    private final int examplesKept;
    private final Map<String, Long> itemsPerRule = new TreeMap<>();
    private final List<ViolatingItem> examples = new ArrayList<>();
    private long scanned;
    private long violating;

    /**
     * @param keyNames the table's key attributes, which identify an item in the report
     * @param examplesKept how many violating items the report lists
     */
    public SchemaCheck(TableSchema schema, List<String> keyNames, int examplesKept) {
        this.schema = schema;
        this.keyNames = List.copyOf(keyNames);
        this.examplesKept = examplesKept;
    }

    public void add(Map<String, AttributeValue> item) {
        scanned++;
        List<Violation> violations = schema.violations(item);
        if (violations.isEmpty()) {
            return;
        }
        violating++;
        Set<String> rules = new LinkedHashSet<>();
        violations.forEach(v -> rules.add(v.rule()));
        rules.forEach(rule -> itemsPerRule.merge(rule, 1L, Long::sum));
        if (examples.size() < examplesKept) {
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            keyNames.stream().filter(item::containsKey).forEach(name -> key.put(name, item.get(name)));
            examples.add(new ViolatingItem(key, violations));
        }
    }

    /** How many of the items added break at least one rule. */
    public long violating() {
        return violating;
    }

    /** "Schema violations in 2 of 120 items of table 'users' (enum: 1, required: 1)." */
    public String summary() {
        String rules = String.join(", ", itemsPerRule.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
        return "Schema violations in " + violating + " of " + scanned + " item" + (scanned == 1 ? "" : "s")
                + " of table '" + schema.table() + "'" + (rules.isEmpty() ? "" : " (" + rules + ")") + ".";
    }

    /** The report as a document: counts, items per rule, and the examples with their keys. */
    public ObjectNode toJson() {
        ObjectNode report = Json.MAPPER.createObjectNode();
        report.put("table", schema.table());
        report.put("file", schema.source());
        report.put("scanned", scanned);
        report.put("violating", violating);
        ObjectNode rules = report.putObject("rules");
        itemsPerRule.forEach(rules::put);
        ArrayNode items = report.putArray("items");
        for (ViolatingItem example : examples) {
            ObjectNode item = items.addObject();
            item.set("key", AttributeCodec.toJson(example.key()));
            ArrayNode violations = item.putArray("violations");
            example.violations().forEach(v -> violations.addObject()
                    .put("path", v.path()).put("rule", v.rule()).put("message", v.message()));
        }
        return report;
    }
}
