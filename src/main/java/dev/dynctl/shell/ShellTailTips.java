package dev.dynctl.shell;

import java.util.function.Function;
import org.jline.console.CmdDesc;
import org.jline.console.CmdLine;
import picocli.CommandLine;
import picocli.shell.jline3.PicocliCommands;

/**
 * What JLine's tail-tip widgets show under the prompt while a command is typed: its synopsis, and
 * an option's description once the option is typed, from picocli-shell-jline3 over the shell's
 * command tree. A PartiQL statement has none.
 */
final class ShellTailTips implements Function<CmdLine, CmdDesc> {
    private final CommandLine tree;
    private final PicocliCommands commands;

    ShellTailTips(CommandLine tree, PicocliCommands commands) {
        this.tree = tree;
        this.commands = commands;
    }

    @Override
    public CmdDesc apply(CmdLine line) {
        try {
            if (ShellSyntax.isPartiql(line.getLine()) || line.getDescriptionType() != CmdLine.DescriptionType.COMMAND) {
                return null;
            }
            CommandSpot spot = CommandSpot.of(tree, line.getArgs());
            // picocli-shell-jline3 reads every word as a subcommand: it gets the ones that are
            return spot.path().isEmpty() ? null : commands.commandDescription(spot.path());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
