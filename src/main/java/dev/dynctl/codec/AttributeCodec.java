package dev.dynctl.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.error.DynctlException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single place where items become JSON and back, losslessly for all ten attribute types.
 *
 * <p>Plain JSON: S is a string, N an exact number, BOOL a boolean, NULL null, L an array, M an
 * object. The three types JSON has no word for are tagged objects: binary is {@code {"$binary":
 * "base64"}} and sets are {@code {"$set": [...]}} (strings, numbers or binaries; DynamoDB sets are
 * never empty, so the elements say which set it is). DynamoDB JSON is the wire form, {@code {"S":
 * "x"}}, as the AWS CLI and S3 exports write it.
 */
public final class AttributeCodec {
    public static final String BINARY_TAG = "$binary";
    public static final String SET_TAG = "$set";

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    /** DynamoDB keeps 38 significant digits of a number whose magnitude is 1E-130 or more and under 1E+126. */
    private static final int MAX_DIGITS = 38;
    private static final BigDecimal SMALLEST = new BigDecimal("1E-130");
    private static final BigDecimal TOO_LARGE = new BigDecimal("1E+126");
    private static final String RANGE = "1E-130 to 9.9999999999999999999999999999999999999E+125";
    /** How much of a rejected number a message repeats: enough to recognise it. */
    private static final int SHOWN_DIGITS = 20;

    private AttributeCodec() {
    }

    // ---- plain JSON -------------------------------------------------------------------------

    public static ObjectNode toJson(Map<String, AttributeValue> item) {
        ObjectNode node = NODES.objectNode();
        item.forEach((name, value) -> node.set(name, toJson(value)));
        return node;
    }

    public static JsonNode toJson(AttributeValue value) {
        switch (value.type()) {
            case S:
                return NODES.textNode(value.s());
            case N:
                return number(value.n());
            case BOOL:
                return NODES.booleanNode(value.bool());
            case NUL:
                return NODES.nullNode();
            case B:
                return binary(value.b());
            case L: {
                ArrayNode array = NODES.arrayNode();
                value.l().forEach(v -> array.add(toJson(v)));
                return array;
            }
            case M:
                return toJson(value.m());
            case SS: {
                ArrayNode set = NODES.arrayNode();
                value.ss().forEach(set::add);
                return tagged(SET_TAG, set);
            }
            case NS: {
                ArrayNode set = NODES.arrayNode();
                value.ns().forEach(n -> set.add(number(n)));
                return tagged(SET_TAG, set);
            }
            case BS: {
                ArrayNode set = NODES.arrayNode();
                value.bs().forEach(b -> set.add(binary(b)));
                return tagged(SET_TAG, set);
            }
            default:
                throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
    }

    public static Map<String, AttributeValue> fromJson(JsonNode object) {
        requireObject(object, "an item");
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> item.put(e.getKey(), valueFromJson(e.getValue())));
        return item;
    }

    public static AttributeValue valueFromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return AttributeValue.fromNul(true);
        }
        if (node.isTextual()) {
            return AttributeValue.fromS(node.textValue());
        }
        if (node.isNumber()) {
            return AttributeValue.fromN(numberText(node));
        }
        if (node.isBoolean()) {
            return AttributeValue.fromBool(node.booleanValue());
        }
        if (node.isArray()) {
            List<AttributeValue> list = new ArrayList<>(node.size());
            node.forEach(v -> list.add(valueFromJson(v)));
            return AttributeValue.fromL(list);
        }
        if (isTag(node, BINARY_TAG)) {
            return AttributeValue.fromB(decodeBinary(node.get(BINARY_TAG)));
        }
        if (isTag(node, SET_TAG)) {
            return setFromJson(node.get(SET_TAG));
        }
        return AttributeValue.fromM(fromJson(node));
    }

    private static AttributeValue setFromJson(JsonNode elements) {
        if (!elements.isArray() || elements.isEmpty()) {
            throw DynctlException.usage("a {\"$set\": [...]} needs a non-empty array of strings, numbers or {\"$binary\": ...}",
                    "DynamoDB has no empty sets; use a list [] or remove the attribute");
        }
        JsonNode first = elements.get(0);
        if (first.isTextual()) {
            List<String> ss = new ArrayList<>();
            elements.forEach(e -> ss.add(requireKind(e, e.isTextual(), "string set")));
            return AttributeValue.fromSs(ss);
        }
        if (first.isNumber()) {
            List<String> ns = new ArrayList<>();
            elements.forEach(e -> ns.add(requireKind(e, e.isNumber(), "number set")));
            return AttributeValue.fromNs(ns);
        }
        if (isTag(first, BINARY_TAG)) {
            List<SdkBytes> bs = new ArrayList<>();
            elements.forEach(e -> {
                requireKind(e, isTag(e, BINARY_TAG), "binary set");
                bs.add(decodeBinary(e.get(BINARY_TAG)));
            });
            return AttributeValue.fromBs(bs);
        }
        throw DynctlException.usage("a $set holds strings, numbers or {\"$binary\": ...}, not " + first);
    }

    // ---- DynamoDB JSON ----------------------------------------------------------------------

    public static ObjectNode toDynamoJson(Map<String, AttributeValue> item) {
        ObjectNode node = NODES.objectNode();
        item.forEach((name, value) -> node.set(name, toDynamoJson(value)));
        return node;
    }

    public static ObjectNode toDynamoJson(AttributeValue value) {
        ObjectNode node = NODES.objectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            case B -> node.put("B", base64(value.b()));
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> {
                ArrayNode bs = node.putArray("BS");
                value.bs().forEach(b -> bs.add(base64(b)));
            }
            case L -> {
                ArrayNode list = node.putArray("L");
                value.l().forEach(v -> list.add(toDynamoJson(v)));
            }
            case M -> node.set("M", toDynamoJson(value.m()));
            default -> throw new IllegalArgumentException("unknown attribute type " + value.type());
        }
        return node;
    }

    public static Map<String, AttributeValue> fromDynamoJson(JsonNode object) {
        requireObject(object, "a DynamoDB JSON item");
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> item.put(e.getKey(), valueFromDynamoJson(e.getKey(), e.getValue())));
        return item;
    }

    public static AttributeValue valueFromDynamoJson(String name, JsonNode node) {
        if (!isTypedValue(node)) {
            throw DynctlException.usage("attribute '" + name + "' is not DynamoDB JSON: expected one of "
                    + "{\"S\":…}, {\"N\":…}, {\"B\":…}, {\"SS\":…}, {\"NS\":…}, {\"BS\":…}, {\"M\":…}, {\"L\":…}, "
                    + "{\"NULL\":true}, {\"BOOL\":…}");
        }
        Map.Entry<String, JsonNode> typed = node.fields().next();
        JsonNode v = typed.getValue();
        return switch (typed.getKey()) {
            case "S" -> AttributeValue.fromS(v.asText());
            case "N" -> AttributeValue.fromN(v.isNumber() ? numberText(v) : storableNumber(v.asText()));
            case "B" -> AttributeValue.fromB(decodeBinary(v));
            case "BOOL" -> AttributeValue.fromBool(v.asBoolean());
            case "NULL" -> AttributeValue.fromNul(true);
            case "SS" -> AttributeValue.fromSs(texts(v));
            case "NS" -> AttributeValue.fromNs(texts(v).stream().map(AttributeCodec::storableNumber).toList());
            case "BS" -> AttributeValue.fromBs(texts(v).stream().map(AttributeCodec::decodeBase64).toList());
            case "L" -> {
                List<AttributeValue> list = new ArrayList<>();
                int i = 0;
                for (JsonNode e : v) {
                    list.add(valueFromDynamoJson(name + "[" + i++ + "]", e));
                }
                yield AttributeValue.fromL(list);
            }
            case "M" -> AttributeValue.fromM(fromDynamoJson(v));
            default -> throw new IllegalStateException(typed.getKey());
        };
    }

    // ---- detection --------------------------------------------------------------------------

    /**
     * Reads an item written either way: DynamoDB JSON when every attribute is a typed value
     * ({@code {"S": "x"}}), plain JSON otherwise. An export line's {@code {"Item": {...}}} wrapper
     * is unwrapped.
     */
    public static Map<String, AttributeValue> fromAnyJson(JsonNode object) {
        requireObject(object, "an item");
        if (object.size() == 1 && object.has("Item") && object.get("Item").isObject() && isDynamoJson(object.get("Item"))) {
            return fromDynamoJson(object.get("Item"));
        }
        return isDynamoJson(object) ? fromDynamoJson(object) : fromJson(object);
    }

    public static boolean isDynamoJson(JsonNode object) {
        if (!object.isObject() || object.isEmpty()) {
            return false;
        }
        for (Iterator<JsonNode> it = object.elements(); it.hasNext(); ) {
            if (!isTypedValue(it.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTypedValue(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            return false;
        }
        Map.Entry<String, JsonNode> e = node.fields().next();
        JsonNode v = e.getValue();
        return switch (e.getKey()) {
            case "S", "B" -> v.isTextual();
            case "N" -> v.isTextual() || v.isNumber();
            case "BOOL" -> v.isBoolean();
            case "NULL" -> v.isBoolean() && v.booleanValue();
            case "SS", "NS", "BS" -> v.isArray();
            case "L" -> v.isArray();
            case "M" -> v.isObject();
            default -> false;
        };
    }

    /**
     * A number given as text (DynamoDB JSON's {@code {"N": "1.5"}}, a key value), checked against
     * what DynamoDB can store; returned as written.
     */
    public static String storableNumber(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw DynctlException.usage("'" + shortened(text) + "' is not a number.");
        }
        requireStorable(value, text);
        return text;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static JsonNode number(String n) {
        BigDecimal decimal = new BigDecimal(n);
        if (decimal.scale() <= 0 && n.indexOf('.') < 0 && n.indexOf('e') < 0 && n.indexOf('E') < 0) {
            return NODES.numberNode(decimal.toBigIntegerExact());
        }
        return NODES.numberNode(decimal);
    }

    private static String numberText(JsonNode node) {
        BigDecimal value = node.decimalValue();
        // checked before toPlainString(), which would spell out 1E+999999 in a million digits
        requireStorable(value, value.toString());
        if (node.isBigDecimal() || node.isDouble() || node.isFloat()) {
            return value.toPlainString();
        }
        return node.bigIntegerValue().toString();
    }

    private static void requireStorable(BigDecimal value, String text) {
        BigDecimal magnitude = value.abs();
        if (magnitude.signum() == 0) {
            return;
        }
        int digits = magnitude.stripTrailingZeros().precision();
        if (digits > MAX_DIGITS) {
            throw DynctlException.usage("The number " + shortened(text) + " has " + digits
                    + " significant digits; DynamoDB stores at most " + MAX_DIGITS + ".",
                    "Round it, or store it as a string.");
        }
        if (magnitude.compareTo(SMALLEST) < 0 || magnitude.compareTo(TOO_LARGE) >= 0) {
            throw DynctlException.usage("The number " + shortened(text) + " is out of DynamoDB's range ("
                    + RANGE + ", positive or negative).", "Store it as a string if it must be kept as it is.");
        }
    }

    private static String shortened(String text) {
        String trimmed = text.trim();
        return trimmed.length() <= SHOWN_DIGITS + 4 ? trimmed : trimmed.substring(0, SHOWN_DIGITS) + "…";
    }

    private static ObjectNode binary(SdkBytes bytes) {
        return tagged(BINARY_TAG, NODES.textNode(base64(bytes)));
    }

    private static ObjectNode tagged(String tag, JsonNode value) {
        ObjectNode node = NODES.objectNode();
        node.set(tag, value);
        return node;
    }

    private static boolean isTag(JsonNode node, String tag) {
        return node.isObject() && node.size() == 1 && node.has(tag);
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
    }

    private static SdkBytes decodeBinary(JsonNode node) {
        if (!node.isTextual()) {
            throw DynctlException.usage("binary values are base64 strings, not " + node);
        }
        return decodeBase64(node.textValue());
    }

    private static SdkBytes decodeBase64(String text) {
        try {
            return SdkBytes.fromByteArray(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw DynctlException.usage("not valid base64: '" + text + "'");
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.isNumber() ? numberText(e) : e.asText()));
        return out;
    }

    private static String requireKind(JsonNode element, boolean ok, String kind) {
        if (!ok) {
            throw DynctlException.usage("a " + kind + " cannot hold " + element + ": all elements of a $set have one type");
        }
        return element.isNumber() ? numberText(element) : element.asText();
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw DynctlException.usage("expected " + what + " as a JSON object, got " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()));
        }
    }
}
