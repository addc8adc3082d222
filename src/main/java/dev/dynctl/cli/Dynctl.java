package dev.dynctl.cli;

import dev.dynctl.cli.api.ApiCommand;
import dev.dynctl.cli.backup.BackupCommand;
import dev.dynctl.cli.deploy.DeployCommand;
import dev.dynctl.cli.dev.DevCommand;
import dev.dynctl.cli.function.FunctionCommand;
import dev.dynctl.cli.init.InitCommand;
import dev.dynctl.cli.item.ItemCommand;
import dev.dynctl.cli.local.LocalCommand;
import dev.dynctl.cli.schema.SchemaCommand;
import dev.dynctl.cli.sql.SqlCommand;
import dev.dynctl.cli.table.TableCommand;
import dev.dynctl.cli.tail.TailCommand;
import dev.dynctl.shell.ShellCommand;
import dev.dynctl.aws.Clients;
import java.io.PrintWriter;
import java.util.List;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;

@Command(name = "dynctl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Create, query and operate Amazon DynamoDB tables and the APIs in front of them (API Gateway + Lambda), locally or on AWS.",
        synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        subcommands = {TableCommand.class, ItemCommand.class, SqlCommand.class, SchemaCommand.class, BackupCommand.class, ApiCommand.class, FunctionCommand.class, InitCommand.class, DeployCommand.class, DevCommand.class, TailCommand.class, ShellCommand.class, LocalCommand.class, CompletionCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl --local table create users --pk id:S --wait",
            "  dynctl --local item put users '{\"id\": \"u1\", \"name\": \"Ada\"}'",
            "  dynctl --local item get users --key id=u1",
            "  dynctl --region eu-west-1 item query orders --key customer=c9 \\",
            "      --sk 'begins_with 2024' -o jsonl",
            "",
            "Exit codes: 0 ok, 1 failure, 2 bad usage or input, 3 not found,",
            "4 condition failed, 5 throttled or timed out, 6 credentials or permission,",
            "130 interrupted."})
public final class Dynctl extends GroupCommand implements AutoCloseable {
    @Mixin
    GlobalOptions options = new GlobalOptions();

    private Context.Terminal terminal = Context.Terminal.system();
    private SessionHooks hooks = SessionHooks.NONE;
    private Context context;
    private CommandLine commandLine;
    private ErrorHandler errors;

    public static void main(String[] args) {
        int code;
        try (Dynctl dynctl = new Dynctl()) {
            // UTF-8 whatever the locale says: under LANG=C Java would print "caf?" for "café"
            code = dynctl.commandLine()
                    .setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8))
                    .setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8))
                    .execute(args);
        }
        System.exit(code);
    }

    /** The command line for this root, with dynctl's error handling, colours and output wired in. */
    public CommandLine commandLine() {
        if (commandLine == null) {
            errors = new ErrorHandler(this);
            commandLine = new CommandLine(this);
            // before the settings below, which reach only the subcommands there are when they are made
            hooks.commands().accept(commandLine);
            commandLine.setParameterExceptionHandler(errors)
                    .setExecutionStrategy(this::execute)
                    .setCaseInsensitiveEnumValuesAllowed(true)
                    // @path names a data file (item put users @items.json), not a picocli argument file
                    .setExpandAtFiles(false)
                    .setAbbreviatedOptionsAllowed(false)
                    // -o table names a format, not the table command
                    .setAllowSubcommandsAsOptionParameters(true);
            commandLine.setUsageHelpAutoWidth(true);
            HelpLayout.apply(commandLine);
            versionEverywhere(commandLine);
        }
        return commandLine;
    }

    /** Every command's -V/--version prints dynctl's version (picocli gives subcommands no provider of their own). */
    private static void versionEverywhere(CommandLine command) {
        if (command.getCommandSpec().versionProvider() == null && command.getCommandSpec().version().length == 0) {
            command.getCommandSpec().versionProvider(new VersionProvider());
        }
        command.getSubcommands().values().forEach(Dynctl::versionEverywhere);
    }

    /** Replaces standard input, the terminal checks, width and environment (tests, the shell). */
    public Dynctl withTerminal(Context.Terminal terminal) {
        this.terminal = terminal;
        return this;
    }

    /** Runs commands inside a shell session: its clients, its Ctrl-C and its commands; call before {@link #commandLine()}. */
    public Dynctl withHooks(SessionHooks hooks) {
        this.hooks = hooks;
        return this;
    }

    /**
     * The clients a command with these global options would use, from the session's pool, so they
     * outlive this root (the shell's completion lists the tables of its target with them).
     */
    public Clients clients(List<String> globalArguments) {
        commandLine().parseArgs(globalArguments.toArray(String[]::new));
        return context().clients();
    }

    GlobalOptions options() {
        return options;
    }

    Context.Terminal terminal() {
        return terminal;
    }

    synchronized Context context() {
        if (context == null) {
            context = new Context(options, terminal, hooks, commandLine().getOut(), commandLine().getErr());
        }
        return context;
    }

    /**
     * picocli's colours, with bold ended by SGR 22: picocli ends it with 21, which today's terminals
     * read as "double underline", so the text after an error or a command name came out underlined.
     */
    static CommandLine.Help.ColorScheme colorScheme(Ansi ansi) {
        CommandLine.Help.Ansi.IStyle bold = new CommandLine.Help.Ansi.IStyle() {
            @Override
            public String on() {
                return CSI + "1m";
            }

            @Override
            public String off() {
                return CSI + "22m";
            }
        };
        // picocli's default scheme, bold aside
        return new CommandLine.Help.ColorScheme.Builder(ansi)
                .commands(bold)
                .options(CommandLine.Help.Ansi.Style.fg_yellow)
                .parameters(CommandLine.Help.Ansi.Style.fg_yellow)
                .optionParams(CommandLine.Help.Ansi.Style.italic)
                .errors(CommandLine.Help.Ansi.Style.fg_red, bold)
                .stackTraces(CommandLine.Help.Ansi.Style.italic)
                .build();
    }

    /** Where requests went, for error messages; null before any client exists. */
    synchronized String where() {
        return context == null ? null : context.where();
    }

    /**
     * Runs the parsed command. Every failure, Errors included, leaves through the ErrorHandler here,
     * while the run's clients still say where requests went; parse errors go to picocli's handler.
     */
    private int execute(CommandLine.ParseResult parseResult) {
        Logging.configure(options.debug());
        commandLine.setColorScheme(colorScheme(context().style().color() ? Ansi.ON : Ansi.OFF));
        try {
            Integer help = CommandLine.executeHelpRequest(parseResult);
            if (help != null) {
                return help;
            }
            // compiles --query: a bad one fails before the command reads, writes or prints anything
            context().output();
            return new CommandLine.RunLast().execute(parseResult);
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (CommandLine.ExecutionException e) {
            return errors.handle(e.getCause() == null ? e : e.getCause(), e.getCommandLine());
        } catch (Throwable e) {
            return errors.handle(e, commandLine);
        } finally {
            closeContext();
        }
    }

    private synchronized void closeContext() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public void close() {
        closeContext();
        commandLine().getOut().flush();
    }
}
