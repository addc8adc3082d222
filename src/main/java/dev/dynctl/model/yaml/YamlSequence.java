package dev.dynctl.model.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.dynctl.codec.Json;
import java.util.List;

/** A YAML list. */
public record YamlSequence(List<YamlNode> elements, Location location) implements YamlNode {
    public YamlSequence {
        elements = List.copyOf(elements);
    }

    @Override
    public String kind() {
        return "a list";
    }

    @Override
    public JsonNode toJson() {
        ArrayNode array = Json.MAPPER.createArrayNode();
        elements.forEach(e -> array.add(e.toJson()));
        return array;
    }
}
