package dev.dynctl.model.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping, in the order written, with where each key is. */
public final class YamlMapping implements YamlNode {
    /** One {@code key: value} line; {@code keyLocation} is where an unknown key is pointed at. */
    public record Entry(String key, Location keyLocation, YamlNode value) {
    }

    private final Map<String, Entry> entries;
    private final Location location;

    YamlMapping(Map<String, Entry> entries, Location location) {
        this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        this.location = location;
    }

    @Override
    public Location location() {
        return location;
    }

    @Override
    public String kind() {
        return "a mapping";
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public Optional<YamlNode> get(String key) {
        Entry entry = entries.get(key);
        return entry == null ? Optional.empty() : Optional.of(entry.value());
    }

    /** The entry itself, for an error that points at the key rather than its value. */
    public Optional<Entry> entry(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value of {@code key} as a single value, if the key is there. */
    public Optional<YamlScalar> scalar(String key) {
        return get(key).map(n -> n.asScalar(key));
    }

    /**
     * Refuses keys other than {@code known}. A typo is the usual cause, so the message lists the
     * keys there are.
     */
    public void requireKnownKeys(String where, List<String> known) {
        for (Entry entry : entries.values()) {
            if (!known.contains(entry.key())) {
                throw YamlNode.error(entry.keyLocation(), "unknown key '" + entry.key() + "' in " + where + "; "
                        + where + " takes: " + String.join(", ", known) + ".");
            }
        }
    }

    @Override
    public JsonNode toJson() {
        ObjectNode object = Json.MAPPER.createObjectNode();
        entries.values().forEach(e -> object.set(e.key(), e.value().toJson()));
        return object;
    }
}
