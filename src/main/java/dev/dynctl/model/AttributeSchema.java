package dev.dynctl.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one attribute may hold.
 *
 * @param dateFormat how a date is stored; null for other types
 * @param defaultValue null when there is none
 * @param enumValues empty when any value goes; for a set, each element must be one of them
 * @param attributes a map's declared attributes; null for other types and for a free-form map
 * @param items the schema of each element of a list; null for other types and a free-form list
 */
public record AttributeSchema(AttributeType type, DateFormat dateFormat, boolean required, DefaultValue defaultValue,
                              List<AttributeValue> enumValues, ValueRules rules, List<Transform> setTransforms,
                              List<Transform> getTransforms, MapSchema attributes, AttributeSchema items) {
    public AttributeSchema {
        enumValues = List.copyOf(enumValues);
        setTransforms = List.copyOf(setTransforms);
        getTransforms = List.copyOf(getTransforms);
    }

    /** An attribute with a type and nothing else: {@code email: string}. */
    public static AttributeSchema of(AttributeType type, DateFormat dateFormat) {
        return new AttributeSchema(type, dateFormat, false, null, List.of(), ValueRules.NONE, List.of(), List.of(), null, null);
    }

    /** The value as it is written: set-transforms applied, a list made the set the schema asks for, defaults filled in inside maps. */
    AttributeValue prepare(AttributeValue value, Instant now) {
        return switch (type) {
            case STRING -> value.type() == AttributeValue.Type.S && !setTransforms.isEmpty()
                    ? AttributeValue.fromS(Transform.applyAll(setTransforms, value.s())) : value;
            case STRING_SET -> {
                AttributeValue set = asSet(value);
                yield set.type() == AttributeValue.Type.SS && !setTransforms.isEmpty()
                        ? AttributeValue.fromSs(distinct(set.ss().stream().map(s -> Transform.applyAll(setTransforms, s)).toList(), s -> s))
                        : set;
            }
            case NUMBER_SET, BINARY_SET -> asSet(value);
            case MAP -> attributes != null && value.type() == AttributeValue.Type.M
                    ? AttributeValue.fromM(attributes.prepare(value.m(), now)) : value;
            case LIST -> items != null && value.type() == AttributeValue.Type.L
                    ? AttributeValue.fromL(value.l().stream().map(v -> items.prepare(v, now)).toList()) : value;
            default -> value;
        };
    }

    /** The value as it is shown: get-transforms applied, also inside maps and lists. */
    AttributeValue forRead(AttributeValue value) {
        return switch (type) {
            case STRING -> value.type() == AttributeValue.Type.S && !getTransforms.isEmpty()
                    ? AttributeValue.fromS(Transform.applyAll(getTransforms, value.s())) : value;
            case STRING_SET -> value.type() == AttributeValue.Type.SS && !getTransforms.isEmpty()
                    ? AttributeValue.fromSs(distinct(value.ss().stream().map(s -> Transform.applyAll(getTransforms, s)).toList(), s -> s))
                    : value;
            case MAP -> attributes != null && value.type() == AttributeValue.Type.M
                    ? AttributeValue.fromM(attributes.forRead(value.m())) : value;
            case LIST -> items != null && value.type() == AttributeValue.Type.L
                    ? AttributeValue.fromL(value.l().stream().map(this.items::forRead).toList()) : value;
            default -> value;
        };
    }

    /** Adds to {@code out} every way a present value breaks this schema; nothing more once its type is wrong. */
    void check(AttributeValue value, AttributePath path, List<Violation> out) {
        if (!hasType(value)) {
            out.add(new Violation(path.toString(), "type", "should be " + expected() + " but is " + ValueText.kindOf(value)
                    + (type.isSet() && value.type() == AttributeValue.Type.L && value.l().isEmpty()
                    ? " (DynamoDB has no empty sets: leave the attribute out)" : "")));
            return;
        }
        checkEnum(value, path, out);
        rules.check(value, path, out);
        if (attributes != null) {
            attributes.check(value.m(), path, out);
        }
        if (items != null) {
            for (int i = 0; i < value.l().size(); i++) {
                items.check(value.l().get(i), path.index(i), out);
            }
        }
    }

    /** "a string", or for a date the format it is stored in. */
    public String expected() {
        return type == AttributeType.DATE ? dateFormat.described() : type.described();
    }

    private boolean hasType(AttributeValue value) {
        AttributeValue.Type actual = value.type();
        return switch (type) {
            case STRING -> actual == AttributeValue.Type.S;
            case NUMBER -> actual == AttributeValue.Type.N;
            case BOOLEAN -> actual == AttributeValue.Type.BOOL;
            case BINARY -> actual == AttributeValue.Type.B;
            case LIST -> actual == AttributeValue.Type.L;
            case MAP -> actual == AttributeValue.Type.M;
            case STRING_SET -> actual == AttributeValue.Type.SS;
            case NUMBER_SET -> actual == AttributeValue.Type.NS;
            case BINARY_SET -> actual == AttributeValue.Type.BS;
            case DATE -> dateFormat.accepts(value);
        };
    }

    private void checkEnum(AttributeValue value, AttributePath path, List<Violation> out) {
        if (enumValues.isEmpty()) {
            return;
        }
        List<AttributeValue> elements = switch (value.type()) {
            case SS -> value.ss().stream().map(AttributeValue::fromS).toList();
            case NS -> value.ns().stream().map(AttributeValue::fromN).toList();
            default -> List.of(value);
        };
        for (AttributeValue element : elements) {
            if (enumValues.stream().noneMatch(allowed -> sameValue(allowed, element))) {
                String allowed = enumValues.stream().map(ValueText::of).collect(Collectors.joining(", "));
                out.add(new Violation(path.toString(), "enum", (elements.size() > 1 || value.type() != element.type() ? "holds " : "is ")
                        + ValueText.of(element) + ", not one of " + allowed));
            }
        }
    }

    /** Numbers compare by value: 1.0 is 1, as DynamoDB sees it. */
    private static boolean sameValue(AttributeValue a, AttributeValue b) {
        if (a.type() == AttributeValue.Type.N && b.type() == AttributeValue.Type.N) {
            return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n())) == 0;
        }
        return a.equals(b);
    }

    /**
     * A JSON list of strings, numbers or binaries becomes the set the schema asks for (JSON has no
     * sets), without duplicates, which DynamoDB refuses. Anything else is left for the type check.
     */
    private AttributeValue asSet(AttributeValue value) {
        if (value.type() != AttributeValue.Type.L || value.l().isEmpty()) {
            return value;
        }
        List<AttributeValue> list = value.l();
        return switch (type) {
            case STRING_SET -> list.stream().allMatch(v -> v.type() == AttributeValue.Type.S)
                    ? AttributeValue.fromSs(distinct(list.stream().map(AttributeValue::s).toList(), s -> s)) : value;
            case NUMBER_SET -> list.stream().allMatch(v -> v.type() == AttributeValue.Type.N)
                    ? AttributeValue.fromNs(distinct(list.stream().map(AttributeValue::n).toList(),
                            n -> new BigDecimal(n).stripTrailingZeros())) : value;
            case BINARY_SET -> list.stream().allMatch(v -> v.type() == AttributeValue.Type.B)
                    ? AttributeValue.fromBs(distinct(list.stream().map(AttributeValue::b).toList(),
                            b -> ByteBuffer.wrap(b.asByteArrayUnsafe()))) : value;
            default -> value;
        };
    }

    private static <T> List<T> distinct(List<T> elements, Function<T, Object> identity) {
        Set<Object> seen = new LinkedHashSet<>();
        List<T> kept = new ArrayList<>();
        for (T element : elements) {
            if (seen.add(identity.apply(element))) {
                kept.add(element);
            }
        }
        return kept;
    }

    /**
     * Adds this attribute's row to {@code rows} as {@code schema show} prints it, every setting
     * spelled out, then the rows of its map's attributes ({@code address.city}) and of its list's
     * items ({@code scores[]}).
     *
     * @param note what the attribute is for when the schema implies it (a timestamp, the version); may be null
     */
    void describe(String path, String note, List<ObjectNode> rows) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        rows.add(row);
        row.put("attribute", path);
        row.put("type", type.label());
        if (dateFormat != null) {
            row.put("format", dateFormat.label());
        }
        row.put("required", required);
        if (defaultValue != null) {
            row.set("default", defaultValue.toJson());
        }
        if (!enumValues.isEmpty()) {
            ArrayNode values = row.putArray("enum");
            enumValues.forEach(v -> values.add(AttributeCodec.toJson(v)));
        }
        if (!rules.isEmpty()) {
            row.set("validate", rules.toJson());
        }
        if (!setTransforms.isEmpty()) {
            ArrayNode set = row.putArray("set");
            setTransforms.forEach(t -> set.add(t.label()));
        }
        if (!getTransforms.isEmpty()) {
            ArrayNode get = row.putArray("get");
            getTransforms.forEach(t -> get.add(t.label()));
        }
        if (attributes != null) {
            row.put("saveUnknown", attributes.saveUnknown());
        }
        if (note != null) {
            row.put("note", note);
        }
        if (attributes != null) {
            attributes.attributes().forEach((name, schema) -> schema.describe(path + "." + name, null, rows));
        }
        if (items != null) {
            items.describe(path + "[]", null, rows);
        }
    }

    /** The same schema with a default: the reader checks a default against the rest of its attribute's schema first. */
    AttributeSchema withDefault(DefaultValue value) {
        return new AttributeSchema(type, dateFormat, required, value, enumValues, rules, setTransforms, getTransforms, attributes, items);
    }
}
