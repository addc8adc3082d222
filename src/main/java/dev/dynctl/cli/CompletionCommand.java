package dev.dynctl.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print the shell completion script for bash, zsh or fish.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(dynctl completion bash)                       # bash, this shell",
            "  dynctl completion bash > /etc/bash_completion.d/dynctl  # bash, every shell",
            "  dynctl completion zsh > \"$${fpath[1]}/_dynctl\"           # zsh",
            "  dynctl completion fish > ~/.config/fish/completions/dynctl.fish"})
public final class CompletionCommand extends DynctlCommand {
    enum Shell { bash, zsh, fish }

    @Parameters(paramLabel = "SHELL", description = "One of: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    @Override
    protected void run(Context context) {
        CommandLine root = spec.root().commandLine();
        String script = switch (shell) {
            case bash -> AutoComplete.bash("dynctl", root);
            case zsh -> "#compdef dynctl\nautoload -U +X bashcompinit && bashcompinit\n" + AutoComplete.bash("dynctl", root);
            case fish -> new FishCompletionScript(root.getCommandSpec()).render();
        };
        context.out().print(script);
        context.out().flush();
    }
}
