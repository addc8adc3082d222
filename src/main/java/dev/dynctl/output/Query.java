package dev.dynctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.error.DynctlException;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.jackson.JacksonRuntime;
import io.burt.jmespath.parser.ParseException;

/** A compiled --query: the same JMESPath that aws --query speaks. */
final class Query {
    private static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();
    private final Expression<JsonNode> expression;

    private Query(Expression<JsonNode> expression) {
        this.expression = expression;
    }

    static Query compile(String text) {
        try {
            return new Query(JMESPATH.compile(text));
        } catch (ParseException e) {
            throw DynctlException.usage("Bad --query '" + text + "': " + e.getMessage(),
                    "See https://jmespath.org for the syntax, e.g. --query '[].id'.");
        }
    }

    JsonNode apply(JsonNode input) {
        return expression.search(input);
    }
}
