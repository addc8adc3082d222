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
 * Items CRUD over an API Gateway WebSocket API. Clients send JSON messages whose "action" picks
 * the route (route_selection $request.body.action in dynctl.yaml):
 *
 * <pre>
 *   {"action": "list"}                            every item
 *   {"action": "get", "id": "42"}                 one item
 *   {"action": "put", "item": {"id": "42", ...}}  write an item (an id is made when it has none)
 *   {"action": "delete", "id": "42"}              delete it
 * </pre>
 *
 * The answer is the body returned here: dynctl deploy gives every message route a route response
 * ($default), through which API Gateway sends it back to the client. $connect and $disconnect are accepted as they come. The table's name is
 * in TABLE (dynctl.yaml sets it to the stage's table).
 */
public final class Handler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final DynamoDbClient DYNAMO = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    private static final String TABLE = System.getenv("TABLE");

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object route = map(event.get("requestContext")).get("routeKey");
        if ("$connect".equals(route) || "$disconnect".equals(route)) {
            return Map.of("statusCode", 200);
        }
        try {
            Map<String, AttributeValue> message = jsonMessage(event);
            String action = message.containsKey("action") ? message.get("action").s() : null;
            if ("list".equals(action)) {
                return answer(200, "[" + String.join(",", scanAll()) + "]");
            }
            if ("get".equals(action)) {
                String id = requiredId(message, action);
                Map<String, AttributeValue> item = DYNAMO.getItem(b -> b.tableName(TABLE).key(key(id))).item();
                return item.isEmpty() ? notFound(id) : answer(200, json(item));
            }
            if ("put".equals(action)) {
                AttributeValue given = message.get("item");
                if (given == null || !given.hasM()) {
                    throw new BadRequest("\"put\" needs an \"item\" object.");
                }
                Map<String, AttributeValue> item = new HashMap<>(given.m());
                item.putIfAbsent("id", AttributeValue.fromS(UUID.randomUUID().toString()));
                DYNAMO.putItem(b -> b.tableName(TABLE).item(item));
                return answer(200, json(item));
            }
            if ("delete".equals(action)) {
                String id = requiredId(message, action);
                Map<String, AttributeValue> old = DYNAMO.deleteItem(b -> b.tableName(TABLE).key(key(id))
                        .returnValues(ReturnValue.ALL_OLD)).attributes();
                return old.isEmpty() ? notFound(id) : answer(200, json(old));
            }
            throw new BadRequest("Unknown action " + action + ": send list, get, put or delete.");
        } catch (BadRequest e) {
            return answer(400, message(e.getMessage()));
        }
    }

    private static List<String> scanAll() {
        List<String> items = new ArrayList<>();
        DYNAMO.scanPaginator(b -> b.tableName(TABLE)).items().forEach(item -> items.add(json(item)));
        return items;
    }

    private static Map<String, AttributeValue> jsonMessage(Map<String, Object> event) {
        String text = event.get("body") == null ? "" : event.get("body").toString();
        if (Boolean.TRUE.equals(event.get("isBase64Encoded"))) {
            text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        }
        if (!text.strip().startsWith("{")) {
            throw new BadRequest("The message must be a JSON object.");
        }
        try {
            return EnhancedDocument.fromJson(text).toMap();
        } catch (RuntimeException e) {
            throw new BadRequest("The message is not valid JSON.");
        }
    }

    private static String requiredId(Map<String, AttributeValue> message, String action) {
        AttributeValue id = message.get("id");
        if (id == null || id.s() == null || id.s().isEmpty()) {
            throw new BadRequest("\"" + action + "\" needs an \"id\".");
        }
        return id.s();
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of("id", AttributeValue.fromS(id));
    }

    private static Map<String, Object> notFound(String id) {
        return answer(404, message("No item with id " + id + "."));
    }

    private static String json(Map<String, AttributeValue> item) {
        return EnhancedDocument.fromAttributeValueMap(item).toJson();
    }

    private static String message(String text) {
        return json(Map.of("message", AttributeValue.fromS(text)));
    }

    private static Map<String, Object> answer(int status, String body) {
        return Map.of("statusCode", status, "body", body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** A message this function cannot serve as sent: answered 400. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
