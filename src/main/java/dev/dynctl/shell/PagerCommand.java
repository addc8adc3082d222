package dev.dynctl.shell;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "pager",
        description = {"On a terminal, show a long result a page at a time (space: next page, q: stop). "
                + "A statement with --all streams without stopping.",
            "Without on or off, says whether the pager is on."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  pager on",
            "  pager off"})
final class PagerCommand extends DynctlCommand {
    @Mixin
    HelpOption help;

    private final Session session;

    @Parameters(index = "0", arity = "0..1", paramLabel = "on|off", converter = Switch.Labels.class,
            completionCandidates = Switch.Labels.class, description = "on or off.")
    Switch value;

    PagerCommand(Session session) {
        this.session = session;
    }

    @Override
    protected void run(Context context) {
        if (value != null) {
            session.pager(value.on());
        }
        context.err().println("The pager is " + (session.pager() ? "on" : "off") + ".");
    }
}
