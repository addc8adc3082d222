package dev.dynctl.cli.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.api.ApiRef;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.codec.Json;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete an API with its routes, stages and deployments, and the function permissions and "
                + "SNS roles its routes made. Asks you to type the API as you named it (its name, or its id when you "
                + "gave the id) unless --yes; with --no-input and no --yes it refuses.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl api delete scratch          # asks you to type 'scratch'",
            "  dynctl api delete a1b2c3d4e5       # asks you to type 'a1b2c3d4e5'",
            "  dynctl api delete a1b2c3d4e5 --yes # by id, no question"})
public final class ApiDeleteCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "API", description = "The API, by name or id.")
    String api;

    @Override
    protected void run(Context context) {
        ApiRef ref = ApiCommand.locator(context).find(api);
        // the user confirms the API as they named it: a name others share would not say which one goes
        String expected = ref.id().equals(api) ? ref.id() : ref.name();
        context.confirm("Delete " + ref.type().label() + " API '" + ref.name() + "' (" + ref.id() + ") with its routes and stages in "
                + context.clients().where() + "? This cannot be undone.", "deleting API '" + ref.name() + "'", expected);
        List<String> removed = ApiCommand.catalog(context).delete(ref, ApiRouteCommand.service(context));
        context.err().println("Deleted " + ref.type().label() + " API '" + ref.name() + "' (" + ref.id() + ")"
                + (removed.isEmpty() ? "." : "; " + String.join("; ", removed) + "."));
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("id", ref.id());
        doc.put("name", ref.name());
        doc.put("type", ref.type().label());
        doc.put("status", "DELETED");
        removed.forEach(doc.putArray("removed")::add);
        context.output().document(doc);
    }
}
