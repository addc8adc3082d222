package dev.dynctl.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.codec.Json;
import dev.dynctl.output.Format;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List an API's stages: name, deployment, variables and invoke URL (a table adds descriptions and "
                + "auto-deploy only when some stage has them; -o json has every field, with the times).",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api stage list shop",
            "  dynctl api stage list shop -o json --query '[].[name,url]'"})
public final class ApiStageListCommand extends DynctlCommand {
    /** Table columns that are left out when no stage has anything in them. */
    private static final List<String> SOMETIMES = List.of("autoDeploy", "description");

    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Override
    protected void run(Context context) {
        List<ObjectNode> stages = ApiCommand.stages(context).list(ApiCommand.locator(context).find(api));
        boolean forPeople = context.output().format() == Format.TABLE || context.output().format() == Format.TEXT;
        context.output().rows(forPeople ? tableRows(stages) : stages, List.of("name", "deployment"));
    }

    /**
     * What a table has room for: the URL, the column people copy, must not be cut for columns
     * that are empty (descriptions are rare, moto keeps no times) or that a person rarely reads.
     */
    private static List<JsonNode> tableRows(List<ObjectNode> stages) {
        List<String> shown = SOMETIMES.stream().filter(field -> stages.stream().anyMatch(stage -> filled(stage.get(field)))).toList();
        return stages.stream().<JsonNode>map(stage -> {
            ObjectNode row = Json.MAPPER.createObjectNode();
            row.set("name", stage.get("name"));
            row.set("deployment", stage.get("deployment"));
            row.set("variables", stage.get("variables"));
            shown.forEach(field -> row.set(field, stage.get(field)));
            row.set("url", stage.get("url"));
            return row;
        }).toList();
    }

    /** Has something to show: a non-empty text, or an auto-deploy that is on. */
    private static boolean filled(JsonNode value) {
        return value != null && (value.isBoolean() ? value.asBoolean() : !value.asText().isEmpty());
    }
}
