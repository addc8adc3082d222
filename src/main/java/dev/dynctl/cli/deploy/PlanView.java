package dev.dynctl.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.codec.Json;
import dev.dynctl.deploy.Action;
import dev.dynctl.deploy.Change;
import dev.dynctl.deploy.FieldChange;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Changes as the deploy commands print them: one table row per resource for a person (action
 * kind name changes, the action as + ~ - or blank), a document for scripts, and the summary
 * line.
 */
final class PlanView {
    static final List<String> COLUMNS = List.of("action", "kind", "name", "changes");

    private PlanView() {
    }

    /** One row per change, for the table format. */
    static List<JsonNode> rows(List<Change> changes) {
        return changes.stream().<JsonNode>map(change -> {
            ObjectNode row = Json.MAPPER.createObjectNode();
            row.put("action", change.action().sign());
            row.put("kind", change.kind().label());
            row.put("name", change.name());
            row.put("changes", change.fields().stream().map(FieldChange::toString).collect(Collectors.joining("; ")));
            return row;
        }).toList();
    }

    /** {"service", "stage", "changes": [{"action", "kind", "name", "fields": [{"field", "from", "to"}]}], "summary"}. */
    static ObjectNode document(String service, String stage, List<Change> changes) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("service", service);
        document.put("stage", stage);
        ArrayNode list = document.putArray("changes");
        for (Change change : changes) {
            ObjectNode entry = list.addObject();
            entry.put("action", change.action().label());
            entry.put("kind", change.kind().label());
            entry.put("name", change.name());
            ArrayNode fields = entry.putArray("fields");
            change.fields().forEach(field -> fields.addObject().put("field", field.field()).put("from", field.from()).put("to", field.to()));
        }
        ObjectNode summary = document.putObject("summary");
        counts(changes).forEach((action, count) -> summary.put(key(action), count));
        return document;
    }

    /** "Plan: 2 to create, 1 to update, 1 to delete, 5 unchanged." */
    static String summary(List<Change> changes) {
        Map<Action, Integer> counts = counts(changes);
        return "Plan: " + counts.get(Action.CREATE) + " to create, " + counts.get(Action.UPDATE) + " to update, "
                + counts.get(Action.DELETE) + " to delete, " + counts.get(Action.NONE) + " unchanged.";
    }

    /** "2 created, 1 updated, 1 deleted." of the changes a run made. */
    static String made(List<Change> changes) {
        Map<Action, Integer> counts = counts(changes);
        return counts.get(Action.CREATE) + " created, " + counts.get(Action.UPDATE) + " updated, "
                + counts.get(Action.DELETE) + " deleted.";
    }

    /** Every action with its count, zeros too, in the order create, update, delete, none. */
    private static Map<Action, Integer> counts(List<Change> changes) {
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        for (Action action : Action.values()) {
            counts.put(action, 0);
        }
        changes.forEach(change -> counts.merge(change.action(), 1, Integer::sum));
        return counts;
    }

    private static String key(Action action) {
        return action == Action.NONE ? "unchanged" : action.label();
    }
}
