package dev.dynctl.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.codec.Json;
import dev.dynctl.output.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show an API: id, name, type, endpoint type, invoke URL, the route selection expression "
                + "(WebSocket), creation time and tags, then its stages with their deployment, invoke URL and "
                + "variables (a table of their own on a terminal; a 'stages' list in JSON).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api describe shop",
            "  dynctl api describe a1b2c3d4e5 -o yaml",
            "  dynctl api describe shop --query \"stages[?name=='prod'].url\" -o text"})
public final class ApiDescribeCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Override
    protected void run(Context context) {
        show(context, ApiCommand.catalog(context).describe(ApiCommand.locator(context).find(api)));
    }

    /**
     * Prints an API's description. A person at a table sees the API's fields, their stages' names
     * among them, and then one row per stage: the stages' URLs and variables in one wrapped value
     * would be unreadable. Every other format, and any --query, gets the document as it is.
     */
    static void show(Context context, ObjectNode description) {
        if (context.output().format() != Format.TABLE || context.options().query() != null) {
            context.output().document(description);
            return;
        }
        List<JsonNode> stages = new ArrayList<>();
        description.path("stages").forEach(stages::add);
        ObjectNode fields = description.deepCopy();
        fields.put("stages", stages.isEmpty() ? "none"
                : stages.stream().map(stage -> stage.path("name").asText()).collect(Collectors.joining(", ")));
        context.output().document(fields);
        if (!stages.isEmpty()) {
            context.out().println();
            context.output().rows(stages.stream().map(ApiDescribeCommand::stageRow).toList(), List.of("stage"));
        }
    }

    /** A stage as one table row: name, deployment, URL and its variables as name=value. */
    private static JsonNode stageRow(JsonNode stage) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("stage", stage.path("name").asText());
        row.put("deployment", stage.path("deployment").isTextual() ? stage.path("deployment").asText() : "");
        row.put("url", stage.path("url").asText());
        Iterable<Map.Entry<String, JsonNode>> variables = () -> stage.path("variables").fields();
        row.put("variables", StreamSupport.stream(variables.spliterator(), false)
                .map(variable -> variable.getKey() + "=" + variable.getValue().asText()).collect(Collectors.joining(", ")));
        return row;
    }
}
