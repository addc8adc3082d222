package dev.dynctl.model;

import dev.dynctl.dynamo.TableIndexSpec;
import dev.dynctl.dynamo.TableKeyAttribute;
import dev.dynctl.dynamo.TableStreamView;
import dev.dynctl.error.DynctlException;
import dev.dynctl.model.yaml.Location;
import dev.dynctl.model.yaml.YamlMapping;
import dev.dynctl.model.yaml.YamlNode;
import dev.dynctl.model.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Reads one entry of {@code tables:}: its real name, keys, indexes, TTL, stream and schema
 * ({@link SchemaReader}). Keys and indexes are checked here, where each can be pointed at.
 */
final class TableSectionReader {
    static final List<String> TABLE_KEYS = List.of("name", "keys", "indexes", "ttl", "stream", "schema");
    static final List<String> KEYS_KEYS = List.of("partition", "sort");
    static final List<String> INDEX_KEYS = List.of("local", "partition", "sort", "projection");
    static final List<String> STREAM_WORDS = List.of("new-image", "old-image", "new-and-old-images", "keys-only");

    /** A key that is only the suffix of SERVICE-STAGE-KEY may be shorter than a table name. */
    private static final Pattern KEY_CHARACTERS = Pattern.compile("[A-Za-z0-9_.-]+");

    private final String source;
    private final boolean hasService;

    /** @param hasService whether the file names a service (then a key is also the end of SERVICE-STAGE-KEY) */
    TableSectionReader(String source, boolean hasService) {
        this.source = source;
        this.hasService = hasService;
    }

    /** {@code users: {name: app-users, keys: {...}, schema: {...}}}; an empty entry is a table with nothing declared. */
    ProjectTable read(YamlMapping.Entry entry) {
        String logical = entry.key();
        String where = "table '" + logical + "'";
        checkKey(logical, entry.keyLocation(), where);
        if (ProjectFileReader.isEmpty(entry.value())) {
            return new ProjectTable(logical, logical, null, null, TableLayout.NONE, entry.keyLocation());
        }
        YamlMapping settings = entry.value().asMapping(where);
        settings.requireKnownKeys(where, TABLE_KEYS);
        TableNameSetting nameSetting = settings.scalar("name").map(n -> TableNameSetting.read(n, where)).orElse(null);
        String name = nameSetting == null ? logical : nameSetting.text();
        TableLayout layout = layout(settings, where);
        // a name made per stage (notes-${stage}-items) is no name to show: its schema goes by the table's key
        String schemaOf = nameSetting != null && nameSetting.namesTheStage() ? logical : name;
        TableSchema schema = settings.get("schema").map(n -> SchemaReader.read(schemaOf, source, n)).orElse(null);
        return new ProjectTable(logical, name, schema, nameSetting, layout, entry.keyLocation());
    }

    /**
     * Without a service the key is the real table name unless name: says otherwise, so it must be
     * one; with one, it also ends SERVICE-STAGE-KEY, which is long enough whatever the key.
     */
    private void checkKey(String key, Location at, String where) {
        boolean fits = hasService ? KEY_CHARACTERS.matcher(key).matches() : TableNameSetting.TABLE_NAME.matcher(key).matches();
        if (!fits) {
            throw YamlNode.error(at, "'" + key + "' (" + where + ") is not a DynamoDB table name: " + TableNameSetting.TABLE_NAME_RULE
                    + "; give the real table name with name:.");
        }
    }

    private static TableLayout layout(YamlMapping settings, String where) {
        TableKeyAttribute partition = null;
        TableKeyAttribute sort = null;
        KeyTypes types = new KeyTypes();
        if (settings.has("keys")) {
            YamlMapping keys = settings.get("keys").orElseThrow().asMapping("keys of " + where);
            keys.requireKnownKeys("keys of " + where, KEYS_KEYS);
            YamlScalar partitionValue = keys.scalar("partition").orElseThrow(() -> keys.error(
                    "keys of " + where + " need a partition key, e.g. keys: {partition: id:S}."));
            partition = types.declare(keyAttribute("partition", partitionValue), partitionValue, "keys");
            YamlScalar sortValue = keys.scalar("sort").orElse(null);
            sort = sortValue == null ? null : types.declare(keyAttribute("sort", sortValue), sortValue, "keys");
        }
        List<TableIndexSpec> globals = new ArrayList<>();
        List<TableIndexSpec> locals = new ArrayList<>();
        if (settings.has("indexes")) {
            YamlNode indexes = settings.get("indexes").orElseThrow();
            if (partition == null) {
                throw indexes.error("indexes need the table's keys: give keys: {partition: ATTR:TYPE} too.");
            }
            for (YamlMapping.Entry index : indexes.asMapping("indexes of " + where).entries()) {
                boolean local = index.value() instanceof YamlMapping m && m.scalar("local").map(l -> l.asBoolean("local")).orElse(false);
                (local ? locals : globals).add(index(index, local, sort != null, types));
            }
        }
        String ttl = settings.scalar("ttl").map(t -> t.asText("ttl")).orElse(null);
        StreamViewType stream = settings.scalar("stream").map(TableSectionReader::stream).orElse(null);
        TableLayout layout = new TableLayout(partition, sort, globals, locals, ttl, stream);
        if (layout.hasKeys()) {
            try {
                layout.definition("dynctl-check"); // the checks a table create makes, which the ones above should have pre-empted
            } catch (DynctlException e) {
                throw YamlNode.error(settings.location(), e);
            }
        }
        return layout;
    }

    private static TableKeyAttribute keyAttribute(String key, YamlScalar value) {
        try {
            return TableKeyAttribute.parse(key, value.asText(key));
        } catch (DynctlException e) {
            throw YamlNode.error(value.location(), e, "Keys are " + TableKeyAttribute.SYNTAX + ", e.g. " + key + ": id:S");
        }
    }

    /** {@code byOwner: {partition: owner:S, sort: created:N, projection: all}} or {@code recent: {local: true, sort: ...}}. */
    private static TableIndexSpec index(YamlMapping.Entry entry, boolean local, boolean tableHasSort, KeyTypes types) {
        String where = "index '" + entry.key() + "'";
        if (!TableNameSetting.TABLE_NAME.matcher(entry.key()).matches()) {
            throw YamlNode.error(entry.keyLocation(), "'" + entry.key() + "' is not an index name: " + TableNameSetting.TABLE_NAME_RULE + ".");
        }
        YamlMapping settings = entry.value().asMapping(where);
        settings.requireKnownKeys(where, INDEX_KEYS);
        YamlScalar partitionValue = settings.scalar("partition").orElse(null);
        YamlScalar sortValue = settings.scalar("sort").orElse(null);
        if (local) {
            if (partitionValue != null) {
                throw partitionValue.error("a local index shares the table's partition key; give it only sort:.");
            }
            if (sortValue == null) {
                throw settings.error(where + " is local and needs sort: ATTR:TYPE, a second way to sort a partition's items.");
            }
            if (!tableHasSort) {
                throw settings.error(where + " is local, and local indexes need a table with a sort key: add sort: to keys:, or make it global.");
            }
        } else if (partitionValue == null) {
            throw settings.error(where + " needs partition: ATTR:TYPE (or local: true for a local index).");
        }
        TableKeyAttribute partition = partitionValue == null ? null : types.declare(keyAttribute("partition", partitionValue), partitionValue, where);
        TableKeyAttribute sort = sortValue == null ? null : types.declare(keyAttribute("sort", sortValue), sortValue, where);
        Projection projection = settings.get("projection").map(TableSectionReader::projection)
                .orElse(Projection.builder().projectionType(ProjectionType.ALL).build());
        return new TableIndexSpec(entry.key(), partition, sort, projection, null, null);
    }

    /** all, keys, or the attributes to copy besides the keys: {@code [name, email]}. */
    private static Projection projection(YamlNode node) {
        if (node instanceof YamlScalar word) {
            return switch (word.text().toLowerCase(Locale.ROOT)) {
                case "all" -> Projection.builder().projectionType(ProjectionType.ALL).build();
                case "keys" -> Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build();
                default -> throw word.error("projection must be all, keys, or a list of the attributes to copy, not "
                        + word.kind() + ".");
            };
        }
        List<String> attributes = node.asScalars("projection").stream().map(a -> a.asText("an attribute of projection")).toList();
        if (attributes.isEmpty()) {
            throw node.error("projection lists no attributes; write keys for an index of the keys alone.");
        }
        return Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(attributes).build();
    }

    private static StreamViewType stream(YamlScalar value) {
        String text = value.asText("stream");
        try {
            return TableStreamView.parse("stream", text.replace('-', '_'));
        } catch (DynctlException e) {
            throw value.error("stream must be one of " + String.join(", ", STREAM_WORDS) + ", not " + value.kind() + ".");
        }
    }

    /** The one type each key attribute has, wherever it is a key. */
    private static final class KeyTypes {
        private final Map<String, TableKeyAttribute> declared = new LinkedHashMap<>();
        private final Map<String, String> declaredIn = new LinkedHashMap<>();

        TableKeyAttribute declare(TableKeyAttribute key, YamlScalar at, String in) {
            TableKeyAttribute earlier = declared.putIfAbsent(key.name(), key);
            if (earlier == null) {
                declaredIn.put(key.name(), in);
            } else if (earlier.type() != key.type()) {
                throw at.error("'" + key.name() + "' is " + earlier.type() + " in " + declaredIn.get(key.name()) + " but "
                        + key.type() + " in " + in + "; an attribute has one type.");
            }
            return key;
        }
    }
}
