package items;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Items CRUD behind API Gateway: an HTTP API (payload 2.0) or a REST API (Lambda proxy, 1.0).
 *
 * <pre>
 *   GET    /items        every item
 *   POST   /items        a new item from the JSON body (an id is made when it has none)
 *   GET    /items/{id}   one item, or 404
 *   PUT    /items/{id}   replace the item with the JSON body
 *   DELETE /items/{id}   delete it, answering what it was, or 404
 * </pre>
 *
 * The table's name is in TABLE (dynctl.yaml sets it to the stage's table).
 */
public final class Handler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final DynamoDbClient DYNAMO = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    private static final String TABLE = System.getenv("TABLE");
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "application/json", "Access-Control-Allow-Origin", "*");

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String method = method(event);
        Object id = map(event.get("pathParameters")).get("id");
        try {
            if (id == null && "GET".equals(method)) {
                return answer(200, "[" + String.join(",", scanAll()) + "]");
            }
            if (id == null && "POST".equals(method)) {
                Map<String, AttributeValue> item = new HashMap<>(jsonBody(event));
                item.putIfAbsent("id", AttributeValue.fromS(UUID.randomUUID().toString()));
                DYNAMO.putItem(b -> b.tableName(TABLE).item(item));
                return answer(201, json(item));
            }
            if (id != null && "GET".equals(method)) {
                Map<String, AttributeValue> item = DYNAMO.getItem(b -> b.tableName(TABLE).key(key(id))).item();
                return item.isEmpty() ? notFound(id) : answer(200, json(item));
            }
            if (id != null && "PUT".equals(method)) {
                Map<String, AttributeValue> item = new HashMap<>(jsonBody(event));
                item.put("id", AttributeValue.fromS(id.toString()));
                DYNAMO.putItem(b -> b.tableName(TABLE).item(item));
                return answer(200, json(item));
            }
            if (id != null && "DELETE".equals(method)) {
                Map<String, AttributeValue> old = DYNAMO.deleteItem(b -> b.tableName(TABLE).key(key(id))
                        .returnValues(ReturnValue.ALL_OLD)).attributes();
                return old.isEmpty() ? notFound(id) : answer(200, json(old));
            }
            return answer(405, message(method + " is not supported on this path."));
        } catch (BadRequest e) {
            return answer(400, message(e.getMessage()));
        }
    }

    private static String method(Map<String, Object> event) {
        Object http = map(event.get("requestContext")).get("http");
        Object method = map(http).get("method");
        return method != null ? method.toString() : (String) event.get("httpMethod");
    }

    private static List<String> scanAll() {
        List<String> items = new ArrayList<>();
        DYNAMO.scanPaginator(b -> b.tableName(TABLE)).items().forEach(item -> items.add(json(item)));
        return items;
    }

    private static Map<String, AttributeValue> jsonBody(Map<String, Object> event) {
        String text = event.get("body") == null ? "" : event.get("body").toString();
        if (Boolean.TRUE.equals(event.get("isBase64Encoded"))) {
            text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        }
        if (!text.strip().startsWith("{")) {
            throw new BadRequest("The body must be a JSON object.");
        }
        try {
            return EnhancedDocument.fromJson(text).toMap();
        } catch (RuntimeException e) {
            throw new BadRequest("The body is not valid JSON.");
        }
    }

    private static Map<String, AttributeValue> key(Object id) {
        return Map.of("id", AttributeValue.fromS(id.toString()));
    }

    private static Map<String, Object> notFound(Object id) {
        return answer(404, message("No item with id " + id + "."));
    }

    private static String json(Map<String, AttributeValue> item) {
        return EnhancedDocument.fromAttributeValueMap(item).toJson();
    }

    private static String message(String text) {
        return json(Map.of("message", AttributeValue.fromS(text)));
    }

    private static Map<String, Object> answer(int status, String body) {
        return Map.of("statusCode", status, "headers", HEADERS, "body", body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A request this function cannot serve as sent: answered 400. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
