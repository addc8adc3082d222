package dev.dynctl.shell;

import picocli.CommandLine.Command;

@Command(name = "pager",
        description = {"On a terminal, show a long result a page at a time (space: next page, q: stop). "
                + "A statement with --all streams without stopping.",
            "Without on or off, says whether the pager is on."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  pager on",
            "  pager off"})
final class PagerCommand extends SwitchCommand {
    PagerCommand(Session session) {
        super(session);
    }

    @Override
    String label() {
        return "The pager";
    }

    @Override
    boolean on() {
        return session.pager();
    }

    @Override
    void set(boolean on) {
        session.pager(on);
    }
}
