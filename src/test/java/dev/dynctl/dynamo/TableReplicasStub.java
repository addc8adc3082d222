package dev.dynctl.dynamo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.StubEndpoint;
import dev.dynctl.testing.StubEndpoint.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One global table as DynamoDB answers for it, on a {@link StubEndpoint}: moto ignores replicas, so
 * this plays what AWS does. A replica added is CREATING (with a percentage) for a few
 * DescribeTables, then ACTIVE (or CREATION_FAILED in a region told to fail); one removed is
 * DELETING, then gone; the table is UPDATING meanwhile. Like AWS, an UpdateTable while a replica
 * is still changing is refused (ResourceInUseException), and recorded as a violation.
 */
public final class TableReplicasStub implements AutoCloseable {
    /** One request as it arrived: the operation and its JSON body. */
    public record Request(String operation, JsonNode body) {
    }

    private static final String ACCOUNT = "123456789012";

    private final String table;
    private final int describesPerChange;
    private final Map<String, Replica> replicas = new LinkedHashMap<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> failingRegions = new ArrayList<>();
    private String streamView = "NEW_AND_OLD_IMAGES";
    private final StubEndpoint endpoint;

    private static final class Replica {
        final String region;
        String status;
        int describesLeft;
        ObjectNode extra = Json.MAPPER.createObjectNode();

        Replica(String region, String status, int describesLeft) {
            this.region = region;
            this.status = status;
            this.describesLeft = describesLeft;
        }
    }

    /** @param describesPerChange how many DescribeTables a replica stays CREATING or DELETING */
    public TableReplicasStub(String table, int describesPerChange) {
        this.table = table;
        this.describesPerChange = describesPerChange;
        this.endpoint = StubEndpoint.start(this::answer);
    }

    /** A replica that is there already, ACTIVE, with these extra fields of a ReplicaDescription (overrides, KMS key). */
    public synchronized TableReplicasStub withReplica(String region, String extraJson) {
        Replica replica = new Replica(region, "ACTIVE", 0);
        replica.extra = (ObjectNode) read(extraJson);
        replicas.put(region, replica);
        return this;
    }

    /** A replica whose settings are changing: UPDATING for as many DescribeTables as a change takes, then ACTIVE. */
    public synchronized TableReplicasStub withUpdatingReplica(String region) {
        replicas.put(region, new Replica(region, "UPDATING", describesPerChange));
        return this;
    }

    /** The table's stream: a view type, or null for none. */
    public synchronized TableReplicasStub withStream(String view) {
        this.streamView = view;
        return this;
    }

    /** A replica added in this region ends CREATION_FAILED instead of ACTIVE. */
    public synchronized TableReplicasStub failingIn(String region) {
        failingRegions.add(region);
        return this;
    }

    /** dynctl's arguments that point it at this stub. */
    public List<String> target() {
        return List.of("--endpoint-url", endpoint().toString(), "--region", Cli.REGION);
    }

    public URI endpoint() {
        return endpoint.endpoint();
    }

    /** Every request so far, oldest first. */
    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The bodies of the UpdateTable requests so far. */
    public List<JsonNode> updates() {
        return requests().stream().filter(r -> r.operation().equals("UpdateTable")).map(Request::body).toList();
    }

    /** UpdateTables sent while a replica was still changing: what AWS refuses. */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    @Override
    public void close() {
        endpoint.close();
    }

    private synchronized Answer answer(String operation, String body) {
        JsonNode request = read(body);
        requests.add(new Request(operation, request));
        String name = request.path("TableName").asText(request.path("ResourceArn").asText());
        if (operation.equals("ListTables")) {
            return ok(Json.MAPPER.createObjectNode().set("TableNames", Json.MAPPER.createArrayNode().add(table)));
        }
        if (!name.equals(table) && !name.equals(arn())) {
            return new Answer(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                    + "\"message\":\"Requested resource not found: Table: " + name + " not found\"}");
        }
        return switch (operation) {
            case "DescribeTable" -> {
                advance();
                yield ok(Json.MAPPER.createObjectNode().set("Table", description()));
            }
            case "UpdateTable" -> update(request);
            case "DescribeTimeToLive" -> ok(read("{\"TimeToLiveDescription\":{\"TimeToLiveStatus\":\"DISABLED\"}}"));
            case "DescribeContinuousBackups" -> ok(read("{\"ContinuousBackupsDescription\":{\"ContinuousBackupsStatus\":\"ENABLED\","
                    + "\"PointInTimeRecoveryDescription\":{\"PointInTimeRecoveryStatus\":\"DISABLED\"}}}"));
            case "ListTagsOfResource" -> ok(read("{\"Tags\":[]}"));
            default -> new Answer(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ValidationException\","
                    + "\"message\":\"the stub does not answer " + operation + "\"}");
        };
    }

    private Answer update(JsonNode request) {
        if (replicas.values().stream().anyMatch(r -> r.describesLeft > 0)) {
            violations.add(request.toString());
            return new Answer(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceInUseException\","
                    + "\"message\":\"Attempt to change a resource which is still in use: Table is being updated: " + table + "\"}");
        }
        for (JsonNode change : request.path("ReplicaUpdates")) {
            if (change.has("Create")) {
                String region = change.path("Create").path("RegionName").asText();
                replicas.put(region, new Replica(region, "CREATING", describesPerChange));
            }
            if (change.has("Delete")) {
                Replica replica = replicas.get(change.path("Delete").path("RegionName").asText());
                replica.status = "DELETING";
                replica.describesLeft = describesPerChange;
            }
        }
        if (request.has("StreamSpecification")) {
            JsonNode stream = request.path("StreamSpecification");
            streamView = stream.path("StreamEnabled").asBoolean() ? stream.path("StreamViewType").asText() : null;
        }
        return ok(Json.MAPPER.createObjectNode().set("TableDescription", description()));
    }

    /** One DescribeTable later: changing replicas move on, and finish when their count runs out. */
    private void advance() {
        List<String> gone = new ArrayList<>();
        for (Replica replica : replicas.values()) {
            if (replica.describesLeft == 0) {
                continue;
            }
            replica.describesLeft--;
            if (replica.describesLeft == 0 && replica.status.equals("DELETING")) {
                gone.add(replica.region);
            } else if (replica.describesLeft == 0) {
                replica.status = failingRegions.contains(replica.region) ? "CREATION_FAILED" : "ACTIVE";
            }
        }
        gone.forEach(replicas::remove);
    }

    private ObjectNode description() {
        boolean changing = replicas.values().stream().anyMatch(r -> r.describesLeft > 0);
        ObjectNode t = (ObjectNode) read("{\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
                + "\"BillingModeSummary\":{\"BillingMode\":\"PAY_PER_REQUEST\"},"
                + "\"OnDemandThroughput\":{\"MaxReadRequestUnits\":-1,\"MaxWriteRequestUnits\":-1},"
                + "\"ItemCount\":0,\"TableSizeBytes\":0,\"CreationDateTime\":1.7E9}");
        t.put("TableName", table);
        t.put("TableArn", arn());
        t.put("TableStatus", changing ? "UPDATING" : "ACTIVE");
        if (streamView != null) {
            t.set("StreamSpecification", Json.MAPPER.createObjectNode().put("StreamEnabled", true).put("StreamViewType", streamView));
        }
        if (!replicas.isEmpty()) {
            t.put("GlobalTableVersion", "2019.11.21");
            ArrayNode list = t.putArray("Replicas");
            for (Replica replica : replicas.values()) {
                ObjectNode entry = replica.extra.deepCopy();
                entry.put("RegionName", replica.region);
                entry.put("ReplicaStatus", replica.status);
                if (replica.describesLeft > 0) {
                    int done = 100 * (describesPerChange - replica.describesLeft) / describesPerChange;
                    entry.put("ReplicaStatusPercentProgress", String.valueOf(done));
                }
                if (replica.status.equals("CREATION_FAILED")) {
                    entry.put("ReplicaStatusDescription", "The region is not enabled for this account.");
                }
                list.add(entry);
            }
        }
        return t;
    }

    private String arn() {
        return "arn:aws:dynamodb:" + Cli.REGION + ":" + ACCOUNT + ":table/" + table;
    }

    private static Answer ok(JsonNode body) {
        return new Answer(200, body.toString());
    }

    private static JsonNode read(String json) {
        try {
            return json.isEmpty() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
