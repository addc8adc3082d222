package dev.dynctl.shell;

import picocli.CommandLine.Command;

@Command(name = "timing",
        description = {"After each statement, print how long it took, its requests and the capacity they consumed.",
            "Without on or off, says whether timing is on."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  timing on",
            "  timing off"})
final class TimingCommand extends SwitchCommand {
    TimingCommand(Session session) {
        super(session);
    }

    @Override
    String label() {
        return "Timing";
    }

    @Override
    boolean on() {
        return session.timing();
    }

    @Override
    void set(boolean on) {
        session.timing(on);
    }
}
