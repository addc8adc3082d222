package dev.dynctl.shell;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.GlobalOptions;
import dev.dynctl.output.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "output",
        description = {"Print every result in FORMAT from now on (a statement's own -o still wins).",
            "Without a format, says which one is used."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  output json",
            "  output table"})
final class OutputCommand extends DynctlCommand {
    @Mixin
    HelpOption help;

    private final Session session;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FORMAT", converter = GlobalOptions.FormatLabels.class,
            completionCandidates = GlobalOptions.FormatLabels.class, description = "One of: ${COMPLETION-CANDIDATES}.")
    Format format;

    OutputCommand(Session session) {
        this.session = session;
    }

    @Override
    protected void run(Context context) {
        if (format != null) {
            session.output(format);
        }
        String chosen = session.output() != null ? session.output().toString()
                : context.stdoutIsTerminal() ? "table (the default on a terminal)" : "json (the default when piped)";
        context.err().println("Output: " + chosen + ".");
    }
}
