package dev.dynctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.error.DynctlException;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;

/** A compiled --query: the same JMESPath that aws --query speaks. */
final class Query {
    private static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();
    private static final String SYNTAX_HINT = "See https://jmespath.org for the syntax, e.g. --query '[].id'.";

    private final String text;
    private final Expression<JsonNode> expression;

    private Query(String text, Expression<JsonNode> expression) {
        this.text = text;
        this.expression = expression;
    }

    static Query compile(String text) {
        try {
            return new Query(text, JMESPATH.compile(text));
        } catch (JmesPathException e) {
            throw DynctlException.usage("Bad --query '" + text + "': " + e.getMessage(), SYNTAX_HINT);
        }
    }

    /** The result of the expression; a function given the wrong kind of value (abs(`"x"`)) is a usage error. */
    JsonNode apply(JsonNode input) {
        try {
            return expression.search(input);
        } catch (JmesPathException e) {
            throw DynctlException.usage("--query '" + text + "' failed: " + e.getMessage(), SYNTAX_HINT);
        }
    }
}
