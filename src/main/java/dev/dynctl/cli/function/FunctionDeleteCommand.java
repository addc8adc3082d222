package dev.dynctl.cli.function;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.codec.Json;
import dev.dynctl.functions.FunctionService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a function with all its versions and aliases. Asks you to type the function's name "
                + "unless --yes; with --no-input and no --yes it refuses. The execution role is kept.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl function delete scratch        # asks you to type 'scratch'",
            "  dynctl function delete get-item --yes # no question"})
public final class FunctionDeleteCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's name or ARN.")
    String function;

    @Override
    protected void run(Context context) {
        FunctionService functions = new FunctionService(context.clients());
        // a bad name or an unknown function is said before any question is asked
        GetFunctionConfigurationResponse doomed = functions.toDelete(function);
        context.confirm("Delete function '" + function + "' with all its versions and aliases in " + context.clients().where()
                + "? This cannot be undone.", "deleting function '" + function + "'", function);
        functions.delete(function);
        context.err().println("Deleted function '" + doomed.functionName() + "'.");
        ObjectNode deleted = Json.MAPPER.createObjectNode();
        // the shape of table, API and stage deletes
        deleted.put("name", doomed.functionName());
        deleted.put("arn", doomed.functionArn());
        deleted.put("status", "DELETED");
        context.output().document(deleted);
    }
}
