package dev.dynctl.shell;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A shell switch (timing, pager): on or off, and without either, says which it is. */
abstract class SwitchCommand extends DynctlCommand {
    protected final Session session;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", arity = "0..1", paramLabel = "on|off", converter = Switch.Labels.class,
            completionCandidates = Switch.Labels.class, description = "on or off.")
    Switch value;

    SwitchCommand(Session session) {
        this.session = session;
    }

    /** What the switch is called at the start of "… is on.". */
    abstract String label();

    abstract boolean on();

    abstract void set(boolean on);

    @Override
    protected void run(Context context) {
        if (value != null) {
            set(value.on());
        }
        context.err().println(label() + " is " + (on() ? "on" : "off") + ".");
    }
}
