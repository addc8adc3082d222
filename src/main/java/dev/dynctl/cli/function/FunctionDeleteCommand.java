package dev.dynctl.cli.function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.codec.Json;
import dev.dynctl.functions.FunctionService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a function with all its versions and aliases. Asks you to type the function's name "
                + "unless --yes; with --no-input and no --yes it refuses. The execution role is kept.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl function delete scratch        # asks you to type 'scratch'",
            "  dynctl function delete get-item --yes # no question"})
public final class FunctionDeleteCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's name.")
    String function;

    @Override
    protected void run(Context context) {
        FunctionService functions = new FunctionService(context.clients());
        // an unknown function is said before any question is asked
        functions.configuration(function);
        context.confirm("Delete function '" + function + "' with all its versions and aliases in " + context.clients().where()
                + "? This cannot be undone.", "deleting function '" + function + "'", function);
        functions.delete(function);
        context.err().println("Deleted function '" + function + "'.");
        ObjectNode deleted = Json.MAPPER.createObjectNode();
        deleted.put("function", function);
        deleted.put("deleted", true);
        context.output().document(deleted);
    }
}
