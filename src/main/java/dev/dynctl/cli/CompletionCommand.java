package dev.dynctl.cli;

import picocli.CommandLine.Command;

@Command(name = "completion", mixinStandardHelpOptions = true, description = "Print a shell completion script.")
public final class CompletionCommand extends DynctlCommand {
    @Override
    protected void run(Context context) {
        throw new UnsupportedOperationException("completion: being built");
    }
}
