package dev.dynctl.cli.function;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.functions.FunctionService;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the Lambda functions of the region (or endpoint), every page of them: name, runtime, "
                + "memory (MB), timeout (seconds) and when each was last modified.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl function list",
            "  dynctl function list -o json --query '[].name'",
            "  dynctl function list --query \"[?runtime=='python3.12']\""})
public final class FunctionListCommand extends DynctlCommand {
    @Override
    protected void run(Context context) {
        context.output().rows(new FunctionService(context.clients()).list(), List.of("name"));
    }
}
