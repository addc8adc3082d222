package dev.dynctl.cli;

import dev.dynctl.cli.item.ItemCommand;
import dev.dynctl.cli.local.LocalCommand;
import dev.dynctl.cli.table.TableCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "dynctl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Provision and operate DynamoDB tables and the APIs in front of them.",
        synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        subcommands = {TableCommand.class, ItemCommand.class, LocalCommand.class, CompletionCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl --local table create users --pk id:S --wait",
            "  dynctl --local item put users '{\"id\": \"u1\", \"name\": \"Ada\"}'",
            "  dynctl --local item get users --key id=u1",
            "  dynctl --region eu-west-1 item query orders --key customer=c9 --sk 'begins_with 2024' -o jsonl",
            "",
            "Exit codes: 0 ok, 1 failure, 2 bad usage or input, 3 not found, 4 condition failed,",
            "5 throttled or timed out, 6 credentials or permission, 130 interrupted."})
public final class Dynctl extends GroupCommand implements AutoCloseable {
    @Mixin
    GlobalOptions options = new GlobalOptions();

    private Context.Terminal terminal = Context.Terminal.system();
    private Context context;
    private String lastWhere;
    private CommandLine commandLine;

    public static void main(String[] args) {
        int code;
        try (Dynctl dynctl = new Dynctl()) {
            code = dynctl.commandLine().execute(args);
        }
        System.exit(code);
    }

    /** The command line for this root, with dynctl's error handling, colours and output wired in. */
    public CommandLine commandLine() {
        if (commandLine == null) {
            ErrorHandler errors = new ErrorHandler(this);
            commandLine = new CommandLine(this)
                    .setExecutionExceptionHandler(errors)
                    .setParameterExceptionHandler(errors)
                    .setExecutionStrategy(this::execute)
                    .setCaseInsensitiveEnumValuesAllowed(true)
                    // @path names a data file (item put users @items.json), not a picocli argument file
                    .setExpandAtFiles(false)
                    .setAbbreviatedOptionsAllowed(false);
            commandLine.setUsageHelpAutoWidth(true);
            HelpLayout.apply(commandLine);
        }
        return commandLine;
    }

    /** Replaces standard input, the terminal check, width and environment (tests, the shell). */
    public Dynctl withTerminal(Context.Terminal terminal) {
        this.terminal = terminal;
        return this;
    }

    GlobalOptions options() {
        return options;
    }

    synchronized Context context() {
        if (context == null) {
            context = new Context(options, terminal, commandLine().getOut(), commandLine().getErr());
        }
        return context;
    }

    /** Where the last requests went, for error messages written after the context closed. */
    synchronized String where() {
        return context == null ? lastWhere : context.where();
    }

    private int execute(CommandLine.ParseResult parseResult) {
        Logging.configure(options.debug());
        if (!context().style().color() && commandLine.getColorScheme().ansi() != CommandLine.Help.Ansi.OFF) {
            commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } finally {
            closeContext();
        }
    }

    private synchronized void closeContext() {
        if (context != null) {
            lastWhere = context.where();
            context.close();
            context = null;
        }
    }

    @Override
    public void close() {
        closeContext();
        PrintWriter out = commandLine().getOut();
        out.flush();
    }
}
