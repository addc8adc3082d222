package dev.dynctl.model;

import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.error.DynctlException;
import dev.dynctl.model.yaml.YamlMapping;
import dev.dynctl.model.yaml.YamlNode;
import dev.dynctl.model.yaml.YamlScalar;
import dev.dynctl.model.yaml.YamlSequence;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a table's {@code schema:} section. Every mistake is reported at its line and column, with
 * the words the file should have used: a typo'd key lists the keys there are, an unknown type the
 * types, a rule on a type it cannot apply to says which types it is for.
 */
final class SchemaReader {
    static final List<String> SCHEMA_KEYS = List.of("saveUnknown", "timestamps", "version", "attributes");
    static final List<String> ATTRIBUTE_KEYS = List.of("type", "format", "required", "default", "enum", "validate",
            "set", "get", "attributes", "saveUnknown", "items");
    static final List<String> VALIDATE_KEYS = List.of("regex", "min", "max", "minLength", "maxLength");
    static final List<String> TIMESTAMPS_KEYS = List.of("createdAt", "updatedAt", "format");

    private static final Set<AttributeType> TEXTS = Set.of(AttributeType.STRING, AttributeType.STRING_SET);
    private static final Set<AttributeType> NUMBERS = Set.of(AttributeType.NUMBER, AttributeType.NUMBER_SET);
    private static final Set<AttributeType> ENUMS = Set.of(AttributeType.STRING, AttributeType.NUMBER,
            AttributeType.STRING_SET, AttributeType.NUMBER_SET);
    private static final Set<AttributeType> SIZED = Set.of(AttributeType.STRING, AttributeType.BINARY, AttributeType.LIST,
            AttributeType.MAP, AttributeType.STRING_SET, AttributeType.NUMBER_SET, AttributeType.BINARY_SET);

    private SchemaReader() {
    }

    static TableSchema read(String table, String source, YamlNode node) {
        String where = "the schema of table '" + table + "'";
        YamlMapping schema = node.asMapping(where);
        schema.requireKnownKeys(where, SCHEMA_KEYS);
        boolean saveUnknown = schema.get("saveUnknown").map(n -> n.asScalar("saveUnknown").asBoolean("saveUnknown")).orElse(true);
        Timestamps timestamps = schema.get("timestamps").map(SchemaReader::timestamps).orElse(null);
        String version = schema.get("version").map(n -> plainName(n, "version", n.asScalar("version").asText("version"))).orElse(null);
        List<String> implicit = new ArrayList<>();
        if (timestamps != null) {
            timestamps.createdAtAttribute().ifPresent(implicit::add);
            timestamps.updatedAtAttribute().ifPresent(implicit::add);
        }
        if (version != null && implicit.contains(version)) {
            throw schema.get("version").orElseThrow().error("version '" + version + "' is also a timestamp attribute; give it its own name.");
        }
        if (version != null) {
            implicit.add(version);
        }
        MapSchema attributes = new MapSchema(Map.of(), saveUnknown);
        if (schema.has("attributes")) {
            YamlMapping declared = schema.get("attributes").orElseThrow().asMapping("attributes");
            for (YamlMapping.Entry entry : declared.entries()) {
                if (implicit.contains(entry.key())) {
                    boolean isVersion = entry.key().equals(version);
                    throw YamlNode.error(entry.keyLocation(), "'" + entry.key() + "' is " + (isVersion
                            ? "the version attribute (a number); leave it out of attributes."
                            : "written by timestamps (a date); leave it out of attributes, or rename the timestamp."));
                }
            }
            attributes = attributes("", declared, saveUnknown);
        }
        return new TableSchema(table, source, attributes, timestamps, version);
    }

    private static MapSchema attributes(String parent, YamlMapping declared, boolean saveUnknown) {
        Map<String, AttributeSchema> attributes = new LinkedHashMap<>();
        for (YamlMapping.Entry entry : declared.entries()) {
            String label = parent.isEmpty() ? entry.key() : parent + "." + entry.key();
            attributes.put(entry.key(), attribute(label, entry.value(), saveUnknown, false));
        }
        return new MapSchema(attributes, saveUnknown);
    }

    /**
     * One attribute: a type name alone ({@code email: string}) or a mapping of settings.
     *
     * @param label the attribute's path for messages: {@code address.city}, {@code scores[]} for a list's items
     */
    private static AttributeSchema attribute(String label, YamlNode node, boolean saveUnknown, boolean listItem) {
        String what = listItem ? "the items of '" + label.substring(0, label.length() - 2) + "'" : "attribute '" + label + "'";
        if (node instanceof YamlScalar shorthand) {
            AttributeType type = type(shorthand, what);
            return AttributeSchema.of(type, type == AttributeType.DATE ? DateFormat.ISO : null);
        }
        YamlMapping settings = node.asMapping(what);
        settings.requireKnownKeys(what, ATTRIBUTE_KEYS);
        YamlNode typeNode = settings.get("type").orElseThrow(() -> settings.error(what + " needs a type: one of "
                + String.join(", ", AttributeType.labels()) + "."));
        AttributeType type = type(typeNode.asScalar("type"), what);

        appliesTo(settings, "format", type, Set.of(AttributeType.DATE), "date attributes", label);
        DateFormat format = type != AttributeType.DATE ? null : settings.get("format").map(SchemaReader::dateFormat).orElse(DateFormat.ISO);
        if (listItem) {
            for (String key : List.of("required", "default")) {
                settings.entry(key).ifPresent(e -> {
                    throw YamlNode.error(e.keyLocation(), key + " has no meaning for the items of a list; set it on the list.");
                });
            }
        }
        boolean required = settings.get("required").map(n -> n.asScalar("required").asBoolean("required")).orElse(false);
        appliesTo(settings, "enum", type, ENUMS, "string and number attributes (and their sets)", label);
        List<AttributeValue> enumValues = settings.get("enum").map(n -> enumValues(n, type, label)).orElse(List.of());
        ValueRules rules = settings.get("validate").map(n -> rules(n, type, label)).orElse(ValueRules.NONE);
        appliesTo(settings, "set", type, TEXTS, "string attributes (and string sets)", label);
        appliesTo(settings, "get", type, TEXTS, "string attributes (and string sets)", label);
        List<Transform> set = settings.get("set").map(n -> transforms(n, "set")).orElse(List.of());
        List<Transform> get = settings.get("get").map(n -> transforms(n, "get")).orElse(List.of());
        appliesTo(settings, "attributes", type, Set.of(AttributeType.MAP), "map attributes", label);
        appliesTo(settings, "saveUnknown", type, Set.of(AttributeType.MAP), "map attributes with attributes", label);
        appliesTo(settings, "items", type, Set.of(AttributeType.LIST), "list attributes", label);
        if (settings.has("saveUnknown") && !settings.has("attributes")) {
            throw YamlNode.error(settings.entry("saveUnknown").orElseThrow().keyLocation(),
                    "saveUnknown applies to a map's declared attributes, and " + what + " declares none.");
        }
        boolean nestedSaveUnknown = settings.get("saveUnknown").map(n -> n.asScalar("saveUnknown").asBoolean("saveUnknown")).orElse(saveUnknown);
        MapSchema nested = settings.get("attributes").map(n -> attributes(label, n.asMapping("attributes"), nestedSaveUnknown)).orElse(null);
        AttributeSchema items = settings.get("items").map(n -> attribute(label + "[]", n, saveUnknown, true)).orElse(null);

        AttributeSchema schema = new AttributeSchema(type, format, required, null, enumValues, rules, set, get, nested, items);
        return settings.get("default").map(n -> schema.withDefault(defaultValue(n, schema, label))).orElse(schema);
    }

    private static AttributeType type(YamlScalar name, String what) {
        return AttributeType.parse(name.asText("type")).orElseThrow(() -> name.error("unknown type " + name.kind()
                + " for " + what + "; types: " + String.join(", ", AttributeType.labels()) + "."));
    }

    private static DateFormat dateFormat(YamlNode node) {
        YamlScalar name = node.asScalar("format");
        return DateFormat.parse(name.asText("format")).orElseThrow(() -> name.error("unknown date format " + name.kind()
                + "; formats: " + String.join(", ", DateFormat.labels()) + "."));
    }

    /** Refuses a setting on a type it cannot apply to, pointing at the setting's key. */
    private static void appliesTo(YamlMapping settings, String key, AttributeType type, Set<AttributeType> types,
                                  String appliesTo, String label) {
        settings.entry(key).ifPresent(e -> {
            if (!types.contains(type)) {
                throw YamlNode.error(e.keyLocation(), key + " applies to " + appliesTo + ", and '" + label + "' is "
                        + type.described() + ".");
            }
        });
    }

    private static List<AttributeValue> enumValues(YamlNode node, AttributeType type, String label) {
        YamlSequence values = node.asSequence("enum");
        if (values.elements().isEmpty()) {
            throw node.error("enum of '" + label + "' lists no values.");
        }
        return values.elements().stream().map(v -> literal(v, type.elementType(), null, "an enum value of '" + label + "'")).toList();
    }

    private static ValueRules rules(YamlNode node, AttributeType type, String label) {
        String what = "validate of '" + label + "'";
        YamlMapping rules = node.asMapping(what);
        rules.requireKnownKeys(what, VALIDATE_KEYS);
        appliesTo(rules, "regex", type, TEXTS, "strings (and string sets)", label);
        appliesTo(rules, "min", type, NUMBERS, "numbers (and number sets; for a length use minLength)", label);
        appliesTo(rules, "max", type, NUMBERS, "numbers (and number sets; for a length use maxLength)", label);
        appliesTo(rules, "minLength", type, SIZED, "strings, binary values, lists, maps and sets", label);
        appliesTo(rules, "maxLength", type, SIZED, "strings, binary values, lists, maps and sets", label);
        Pattern regex = rules.get("regex").map(SchemaReader::regex).orElse(null);
        BigDecimal min = rules.get("min").map(n -> n.asScalar("min").asNumber("min")).orElse(null);
        BigDecimal max = rules.get("max").map(n -> n.asScalar("max").asNumber("max")).orElse(null);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw rules.get("max").orElseThrow().error("max " + max.toPlainString() + " is below min " + min.toPlainString() + ".");
        }
        Integer minLength = rules.get("minLength").map(n -> n.asScalar("minLength").asCount("minLength")).orElse(null);
        Integer maxLength = rules.get("maxLength").map(n -> n.asScalar("maxLength").asCount("maxLength")).orElse(null);
        if (minLength != null && maxLength != null && minLength > maxLength) {
            throw rules.get("maxLength").orElseThrow().error("maxLength " + maxLength + " is below minLength " + minLength + ".");
        }
        return new ValueRules(regex, min, max, minLength, maxLength);
    }

    private static Pattern regex(YamlNode node) {
        YamlScalar text = node.asScalar("regex");
        try {
            return Pattern.compile(text.asText("regex"));
        } catch (PatternSyntaxException e) {
            throw text.error("regex " + text.kind() + " is not a valid regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "") + ".");
        }
    }

    private static List<Transform> transforms(YamlNode node, String key) {
        List<YamlNode> names = node instanceof YamlSequence list ? list.elements() : List.of(node);
        return names.stream().map(n -> {
            YamlScalar name = n.asScalar(key);
            return Transform.parse(name.asText(key)).orElseThrow(() -> name.error("unknown transform " + name.kind()
                    + " in " + key + "; transforms: " + String.join(", ", Transform.labels()) + "."));
        }).toList();
    }

    /**
     * {@code now} (a date's current time), {@code uuid} (a string's random UUID), or a value of the
     * attribute's type, which must itself pass the attribute's rules.
     */
    private static DefaultValue defaultValue(YamlNode node, AttributeSchema schema, String label) {
        DefaultValue value;
        if (node instanceof YamlScalar keyword && keyword.text().equals("now")) {
            if (schema.type() != AttributeType.DATE) {
                throw node.error("default: now is the time of the write and needs type date; '" + label + "' is "
                        + schema.type().described() + ".");
            }
            value = new DefaultValue.Now(schema.dateFormat());
        } else if (node instanceof YamlScalar keyword && keyword.text().equals("uuid")) {
            if (schema.type() != AttributeType.STRING) {
                throw node.error("default: uuid is a random UUID string and needs type string; '" + label + "' is "
                        + schema.type().described() + ".");
            }
            value = new DefaultValue.Uuid();
        } else {
            value = new DefaultValue.Literal(literal(node, schema.type(), schema.dateFormat(), "the default of '" + label + "'"));
        }
        List<Violation> violations = new ArrayList<>();
        schema.check(schema.prepare(value.produce(Instant.EPOCH), Instant.EPOCH), new AttributePath(List.of(label)), violations);
        if (!violations.isEmpty()) {
            throw node.error("the default of '" + label + "' breaks its own schema: "
                    + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")) + ".");
        }
        return value;
    }

    /** A value written in the project file (a default, an enum value) as the attribute type reads it. */
    private static AttributeValue literal(YamlNode node, AttributeType type, DateFormat format, String what) {
        return switch (type) {
            case STRING -> AttributeValue.fromS(node.asScalar(what).asText(what));
            case NUMBER -> AttributeValue.fromN(number(node, what));
            case BOOLEAN -> AttributeValue.fromBool(node.asScalar(what).asBoolean(what));
            case BINARY -> AttributeValue.fromB(base64(node, what));
            case DATE -> format == DateFormat.ISO ? AttributeValue.fromS(node.asScalar(what).asText(what))
                    : AttributeValue.fromN(number(node, what));
            case LIST -> fromJson(node.asSequence(what), what);
            case MAP -> fromJson(node.asMapping(what), what);
            case STRING_SET, NUMBER_SET, BINARY_SET -> set(node, type, what);
        };
    }

    private static String number(YamlNode node, String what) {
        YamlScalar number = node.asScalar(what);
        number.asNumber(what);
        try {
            return AttributeCodec.storableNumber(number.text());
        } catch (DynctlException e) {
            throw node.error(what + ": " + e.getMessage());
        }
    }

    /** A list or map value, read as item input is: {"$set": [...]} and {"$binary": "..."} tags included. */
    private static AttributeValue fromJson(YamlNode node, String what) {
        try {
            return AttributeCodec.valueFromJson(node.toJson());
        } catch (DynctlException e) {
            throw node.error(what + ": " + e.getMessage());
        }
    }

    private static SdkBytes base64(YamlNode node, String what) {
        YamlScalar text = node.asScalar(what);
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(text.asText(what)));
        } catch (IllegalArgumentException e) {
            throw text.error(what + " must be base64 text, not " + text.kind() + ".");
        }
    }

    private static AttributeValue set(YamlNode node, AttributeType type, String what) {
        YamlSequence list = node.asSequence(what);
        if (list.elements().isEmpty()) {
            throw node.error(what + " is an empty set, and DynamoDB has no empty sets.");
        }
        List<AttributeValue> elements = list.elements().stream().map(e -> literal(e, type.elementType(), null, what)).toList();
        return switch (type) {
            case STRING_SET -> AttributeValue.fromSs(elements.stream().map(AttributeValue::s).toList());
            case NUMBER_SET -> AttributeValue.fromNs(elements.stream().map(AttributeValue::n).toList());
            default -> AttributeValue.fromBs(elements.stream().map(AttributeValue::b).toList());
        };
    }

    private static Timestamps timestamps(YamlNode node) {
        if (node instanceof YamlScalar flag) {
            return flag.asBoolean("timestamps") ? new Timestamps(Timestamps.CREATED_AT, Timestamps.UPDATED_AT, DateFormat.ISO) : null;
        }
        YamlMapping settings = node.asMapping("timestamps");
        settings.requireKnownKeys("timestamps", TIMESTAMPS_KEYS);
        String createdAt = stampName(settings, Timestamps.CREATED_AT);
        String updatedAt = stampName(settings, Timestamps.UPDATED_AT);
        DateFormat format = settings.get("format").map(SchemaReader::dateFormat).orElse(DateFormat.ISO);
        if (createdAt != null && createdAt.equals(updatedAt)) {
            throw settings.get("updatedAt").orElse(settings).error("createdAt and updatedAt are both '" + createdAt + "'; give them different names.");
        }
        return createdAt == null && updatedAt == null ? null : new Timestamps(createdAt, updatedAt, format);
    }

    /** The attribute's name: the usual one when not given or true, null (switched off) when false. */
    private static String stampName(YamlMapping settings, String usual) {
        if (!settings.has(usual)) {
            return usual;
        }
        YamlNode node = settings.get(usual).orElseThrow();
        String text = node.asScalar(usual).asText(usual);
        return switch (text) {
            case "true" -> usual;
            case "false" -> null;
            default -> plainName(node, usual, text);
        };
    }

    /** The name of an attribute dynctl writes itself (a timestamp, the version): one top-level name, never a path. */
    private static String plainName(YamlNode node, String what, String name) {
        if (name.isEmpty() || name.indexOf('.') >= 0 || name.indexOf('[') >= 0 || name.indexOf(']') >= 0) {
            throw node.error(what + " '" + name + "' must be a plain attribute name, without '.', '[' or ']'.");
        }
        return name;
    }
}
