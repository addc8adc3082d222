package dev.dynctl.shell;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "timing",
        description = {"After each statement, print how long it took, its requests and the capacity they consumed.",
            "Without on or off, says whether timing is on."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  timing on",
            "  timing off"})
final class TimingCommand extends DynctlCommand {
    @Mixin
    HelpOption help;

    private final Session session;

    @Parameters(index = "0", arity = "0..1", paramLabel = "on|off", converter = Switch.Labels.class,
            completionCandidates = Switch.Labels.class, description = "on or off.")
    Switch value;

    TimingCommand(Session session) {
        this.session = session;
    }

    @Override
    protected void run(Context context) {
        if (value != null) {
            session.timing(value.on());
        }
        context.err().println("Timing is " + (session.timing() ? "on" : "off") + ".");
    }
}
