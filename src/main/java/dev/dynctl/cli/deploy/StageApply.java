package dev.dynctl.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.cli.Context;
import dev.dynctl.codec.Json;
import dev.dynctl.deploy.Action;
import dev.dynctl.deploy.ApiEndpoint;
import dev.dynctl.deploy.Change;
import dev.dynctl.deploy.DeployPlan;
import dev.dynctl.deploy.ResourceKind;
import dev.dynctl.deploy.StageDeployment;
import dev.dynctl.output.Format;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code deploy} and {@code deploy apply} do: plan, show the plan, ask before deleting a
 * table, apply with progress on stderr, then print where the APIs answer.
 */
final class StageApply {
    private StageApply() {
    }

    static void run(Context context, String stage) throws InterruptedException {
        StageDeployment deployment = StageDeployment.wanted(context.clients(), StageProject.load(context), stage, context.env(),
                notes(context));
        DeployPlan plan = deployment.plan();
        boolean forPeople = forPeople(context);
        if (forPeople) {
            showPlan(context, plan.changes());
        }
        if (plan.changesNothing()) {
            context.err().println("No changes.");
        } else {
            confirmTableDeletes(context, plan, deployment, stage);
            List<Change> made = deployment.apply(plan);
            context.err().println("Deployed stage '" + stage + "' of service '" + deployment.context().stage().service() + "': "
                    + PlanView.made(made));
        }
        context.err().flush();
        List<ApiEndpoint> endpoints = deployment.endpoints();
        if (forPeople) {
            if (!endpoints.isEmpty()) {
                context.out().println();
                context.output().rows(endpointRows(endpoints), List.of("api", "type", "url"));
            }
            return;
        }
        ObjectNode document = PlanView.document(deployment.context().stage().service(), stage, plan.changes());
        document.set("endpoints", Json.MAPPER.valueToTree(endpointRows(endpoints)));
        context.output().document(document);
    }

    /** A table for a person at a terminal; every other format, and any --query, gets one document. */
    static boolean forPeople(Context context) {
        return context.output().format() == Format.TABLE && context.options().query() == null;
    }

    /** The plan's rows on stdout, its summary line on stderr (a note, as every command's). */
    static void showPlan(Context context, List<Change> changes) {
        context.output().rows(PlanView.rows(changes), PlanView.COLUMNS);
        context.err().println(PlanView.summary(changes));
        context.err().flush();
    }

    /** Progress for stderr, shown as it happens. */
    static Consumer<String> notes(Context context) {
        return note -> {
            context.err().println(note);
            context.err().flush();
        };
    }

    /** The tables a plan deletes, with their items. */
    static List<String> deletedTables(DeployPlan plan) {
        return plan.pending().stream()
                .filter(step -> step.change().action() == Action.DELETE && step.change().kind() == ResourceKind.TABLE)
                .map(step -> step.change().name()).toList();
    }

    /** A table the file no longer lists goes with its items: asked first, unless --yes. */
    private static void confirmTableDeletes(Context context, DeployPlan plan, StageDeployment deployment, String stage) {
        List<String> tables = deletedTables(plan);
        if (tables.isEmpty()) {
            return;
        }
        String names = String.join(", ", tables);
        String backup = deployment.backupDirectory() == null ? "" : " (exported first to " + deployment.backupDirectory() + ")";
        context.confirm("This deploy deletes " + (tables.size() == 1 ? "table " : "tables ") + names + " and "
                + (tables.size() == 1 ? "its" : "their") + " items" + backup + ".", "deleting " + names, stage);
    }

    private static List<JsonNode> endpointRows(List<ApiEndpoint> endpoints) {
        return endpoints.stream().<JsonNode>map(endpoint -> {
            ObjectNode row = Json.MAPPER.createObjectNode();
            row.put("api", endpoint.api());
            row.put("type", endpoint.type());
            row.put("url", endpoint.url());
            return row;
        }).toList();
    }
}
