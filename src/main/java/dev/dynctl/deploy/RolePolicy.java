package dev.dynctl.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.aws.IamPolicyDocument;
import dev.dynctl.codec.Json;
import dev.dynctl.model.StageArns;
import dev.dynctl.model.StageFunction;
import dev.dynctl.model.TableAccess;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one inline policy of a function's role: write to the function's own log group, and on each
 * table the function declares (and that table's indexes) the actions its access allows — nothing
 * else. Compared with what IAM holds by what it says ({@link IamPolicyDocument}).
 */
final class RolePolicy {
    /** The inline policy's name on every role a deploy makes. */
    static final String NAME = "dynctl";

    private static final List<String> LOG_ACTIONS = List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents");
    private static final String LOGS = "logs";
    private static final Pattern TABLE_ARN = Pattern.compile("arn:[^:]+:dynamodb:[^:]*:[^:]*:table/([^/]+)");
    private static final Pattern LOG_GROUP_ARN = Pattern.compile("arn:[^:]+:logs:[^:]*:[^:]*:log-group:/aws/lambda/.*");

    private final IamPolicyDocument document;

    private RolePolicy(IamPolicyDocument document) {
        this.document = document;
    }

    /** The policy the project wants for {@code function}'s role. */
    static RolePolicy wanted(StageArns arns, StageFunction function) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("Version", "2012-10-17");
        ArrayNode statements = document.putArray("Statement");
        statements.add(statement(LOG_ACTIONS, List.of(arns.logGroup(function.name()), arns.logGroup(function.name()) + ":*")));
        new TreeMap<>(function.tables()).forEach((table, access) ->
                statements.add(statement(access.actions(), List.of(arns.table(table), arns.tableIndexes(table)))));
        return new RolePolicy(IamPolicyDocument.of(document));
    }

    private static ObjectNode statement(List<String> actions, List<String> resources) {
        ObjectNode statement = Json.MAPPER.createObjectNode();
        statement.put("Effect", "Allow");
        actions.forEach(statement.putArray("Action")::add);
        resources.forEach(statement.putArray("Resource")::add);
        return statement;
    }

    /** A policy as GetRolePolicy returns it. */
    static RolePolicy read(String document) {
        return new RolePolicy(IamPolicyDocument.parse(document));
    }

    /** The document to send. */
    String json() {
        return document.text();
    }

    boolean sameAs(RolePolicy other) {
        return document.sameAs(other.document);
    }

    /**
     * What the plan shows when {@code current} (null: the role has no such policy) becomes
     * {@code wanted}: the grants that go or change on the left, those that come or change on the
     * right, e.g. {@code policy: notes-dev-items (read) → notes-dev-items (read-write)}.
     */
    static FieldChange change(RolePolicy current, RolePolicy wanted) {
        Map<String, String> was = current == null ? Map.of() : current.grants();
        Map<String, String> will = wanted.grants();
        String from = differing(was, will);
        String to = differing(will, was);
        if (current != null && from == null && to == null) {
            // the same grants written another way (or edited by hand): the document is put again
            return new FieldChange("policy", null, null);
        }
        return new FieldChange("policy", from, to);
    }

    /** The grants of {@code these} that {@code others} lacks or has otherwise, in words; null for none. */
    private static String differing(Map<String, String> these, Map<String, String> others) {
        List<String> words = these.entrySet().stream()
                .filter(grant -> !grant.getValue().equals(others.get(grant.getKey())))
                .map(Map.Entry::getValue)
                .toList();
        return words.isEmpty() ? null : String.join(", ", words);
    }

    /**
     * What the policy allows, in words, by what it is on: {@code logs} for the function's log
     * group, and each table with its access ({@code notes-dev-items (read)}, or {@code (custom)}
     * for actions no access word has).
     */
    private Map<String, String> grants() {
        Map<String, String> grants = new TreeMap<>();
        for (JsonNode statement : document.statements()) {
            Set<String> actions = IamPolicyDocument.values(statement.path("Action")).stream().map(JsonNode::asText)
                    .collect(Collectors.toSet());
            for (JsonNode resource : IamPolicyDocument.values(statement.path("Resource"))) {
                String arn = resource.asText();
                if (LOG_GROUP_ARN.matcher(arn).matches()) {
                    grants.put("", LOGS);
                }
                Matcher table = TABLE_ARN.matcher(arn);
                if (table.matches()) {
                    grants.put(table.group(1), table.group(1) + " (" + access(actions) + ")");
                }
            }
        }
        return grants;
    }

    private static String access(Set<String> actions) {
        return Arrays.stream(TableAccess.values())
                .filter(access -> Set.copyOf(access.actions()).equals(actions))
                .map(TableAccess::label)
                .findFirst().orElse("custom");
    }
}
