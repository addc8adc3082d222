package dev.dynctl.dynamo.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.dynamo.expression.Token.Kind;
import dev.dynctl.error.DynctlException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Paths, literal values and size(path): the parts conditions and updates share. Lists and maps
 * are JSON (either quote style) and go through {@link AttributeCodec}, so {"$set": [...]} and
 * {"$binary": "..."} work inside them.
 */
final class OperandParser {
    static final Set<String> CONDITION_FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists", "attribute_type",
            "begins_with", "contains");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final String QUOTE_HINT = "Strings go in quotes: 'active'. A bare word is an attribute name.";

    private final TokenCursor tokens;

    OperandParser(TokenCursor tokens) {
        this.tokens = tokens;
    }

    /** An attribute path, a literal or size(path). */
    Operand operand() {
        Token t = tokens.peek();
        switch (t.kind()) {
            case WORD:
                if (t.isWord("true") || t.isWord("false") || t.isWord("null")) {
                    return new Operand.Literal(literal(false));
                }
                if (tokens.peek(1).is(Kind.LEFT_PAREN)) {
                    return size(t);
                }
                return new Operand.Attribute(path());
            case NAME:
                return new Operand.Attribute(path());
            case STRING, NUMBER, MINUS, LEFT_BRACKET, LEFT_BRACE:
                return new Operand.Literal(literal(false));
            case COLON:
                throw tokens.error(t, "placeholders such as :value are not needed",
                        "Write values inline: 'active' for a string, 42 for a number, true, null, [1, 2] or {\"a\": 1}.");
            default:
                throw tokens.unexpected("expected a value or an attribute", null);
        }
    }

    private Operand size(Token name) {
        String function = name.value().toLowerCase(Locale.ROOT);
        if (!function.equals("size")) {
            throw tokens.error(name, CONDITION_FUNCTIONS.contains(function)
                            ? name.value() + "(...) is a condition, not a value"
                            : "there is no function " + name.value() + "(...)",
                    "The functions are attribute_exists, attribute_not_exists, attribute_type, begins_with, contains and size.");
        }
        tokens.next();
        tokens.next();
        AttributePath path = path();
        tokens.expect(Kind.RIGHT_PAREN, "')' after size's attribute");
        return new Operand.Size(path);
    }

    /** {@code a.b[0].c}: written without spaces; a name with other characters, or a keyword, in backticks. */
    AttributePath path() {
        Token first = tokens.peek();
        if (!first.is(Kind.WORD) && !first.is(Kind.NAME)) {
            throw tokens.unexpected("expected an attribute name", first.is(Kind.STRING)
                    ? "An attribute name is written bare (status) or in backticks (`my attr`); quotes make a string."
                    : null);
        }
        if (first.is(Kind.WORD) && Keywords.isReserved(first.value())) {
            throw tokens.unexpected("expected an attribute name", "An attribute named " + first.value()
                    + " goes in backticks: `" + first.value() + "`.");
        }
        List<AttributePath.Step> steps = new ArrayList<>();
        steps.add(new AttributePath.Name(tokens.next().value()));
        while (!tokens.peek().spaced()) {
            if (tokens.accept(Kind.DOT)) {
                Token name = tokens.peek();
                if (name.spaced() || !(name.is(Kind.WORD) || name.is(Kind.NAME))) {
                    throw tokens.unexpected("expected a name right after '.'", null);
                }
                steps.add(new AttributePath.Name(tokens.next().value()));
            } else if (tokens.accept(Kind.LEFT_BRACKET)) {
                steps.add(new AttributePath.Index(index()));
            } else {
                break;
            }
        }
        return new AttributePath(steps);
    }

    private int index() {
        Token position = tokens.peek();
        if (!position.is(Kind.NUMBER) || !position.value().matches("\\d{1,9}")) {
            throw tokens.unexpected("expected a list position such as [0]",
                    "A list value after a path needs a space before it: ADD tags ['a'].");
        }
        tokens.next();
        tokens.expect(Kind.RIGHT_BRACKET, "']' after the list position");
        return Integer.parseInt(position.value());
    }

    /**
     * A literal value: a string, a number, true, false, null, or a JSON list or map. With {@code
     * asSet} (ADD and DELETE) a list is a set of its elements' type.
     */
    AttributeValue literal(boolean asSet) {
        Token start = tokens.peek();
        JsonNode json = json();
        if (asSet && json.isArray()) {
            ObjectNode set = NODES.objectNode();
            set.set(AttributeCodec.SET_TAG, json);
            json = set;
        }
        try {
            return AttributeCodec.valueFromJson(json);
        } catch (DynctlException e) {
            throw tokens.error(start, e.getMessage(), e.hint());
        }
    }

    private JsonNode json() {
        Token t = tokens.peek();
        switch (t.kind()) {
            case STRING:
                return NODES.textNode(tokens.next().value());
            case NUMBER:
                return number(tokens.next(), "");
            case MINUS:
                tokens.next();
                return number(tokens.expect(Kind.NUMBER, "a number after '-'"), "-");
            case LEFT_BRACKET:
                return list();
            case LEFT_BRACE:
                return map();
            case WORD:
                if (t.isWord("true") || t.isWord("false")) {
                    return NODES.booleanNode(tokens.next().isWord("true"));
                }
                if (t.isWord("null")) {
                    tokens.next();
                    return NODES.nullNode();
                }
                throw tokens.unexpected("expected a value", QUOTE_HINT);
            default:
                throw tokens.unexpected("expected a value", null);
        }
    }

    private JsonNode number(Token token, String sign) {
        try {
            return NODES.numberNode(new BigDecimal(sign + token.value()));
        } catch (NumberFormatException e) {
            // an exponent beyond what BigDecimal holds, far beyond what DynamoDB stores
            throw tokens.error(token, "the number " + sign + token.value() + " is out of DynamoDB's range", null);
        }
    }

    private JsonNode list() {
        tokens.enter();
        tokens.next();
        ArrayNode list = NODES.arrayNode();
        if (!tokens.accept(Kind.RIGHT_BRACKET)) {
            do {
                list.add(json());
            } while (tokens.accept(Kind.COMMA));
            tokens.expect(Kind.RIGHT_BRACKET, "',' or ']' in the list");
        }
        tokens.leave();
        return list;
    }

    private JsonNode map() {
        tokens.enter();
        tokens.next();
        ObjectNode map = NODES.objectNode();
        if (!tokens.accept(Kind.RIGHT_BRACE)) {
            do {
                Token key = tokens.peek();
                if (!key.is(Kind.STRING) && !key.is(Kind.WORD) && !key.is(Kind.NAME)) {
                    throw tokens.unexpected("expected a key in the map", "Write maps as JSON: {\"city\": \"Paris\"}.");
                }
                if (map.has(key.value())) {
                    throw tokens.error(key, "the key '" + key.value() + "' appears twice in this map", null);
                }
                tokens.next();
                tokens.expect(Kind.COLON, "':' after the key");
                map.set(key.value(), json());
            } while (tokens.accept(Kind.COMMA));
            tokens.expect(Kind.RIGHT_BRACE, "',' or '}' in the map");
        }
        tokens.leave();
        return map;
    }
}
