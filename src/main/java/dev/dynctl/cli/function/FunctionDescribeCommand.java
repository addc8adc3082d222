package dev.dynctl.cli.function;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.functions.FunctionService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"Show a function's configuration: ARN, runtime, handler, role, memory (MB), timeout "
                + "(seconds), environment, state, last update status, code size and SHA-256, versions and aliases.",
            "",
            "Environment values are often secrets: only their names are shown unless --show-env."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl function describe get-item",
            "  dynctl function describe get-item --show-env",
            "  dynctl function describe get-item --query aliases"})
public final class FunctionDescribeCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's name or ARN.")
    String function;

    @Option(names = "--show-env", description = "Show the environment variables' values (masked otherwise).")
    boolean showEnvironment;

    @Override
    protected void run(Context context) {
        context.output().document(new FunctionService(context.clients()).describe(function, showEnvironment));
    }
}
