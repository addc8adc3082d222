package dev.dynctl.shell;

import dev.dynctl.cli.backup.BackupRestoreCommand;
import dev.dynctl.cli.item.ItemDeleteCommand;
import dev.dynctl.cli.item.ItemGetCommand;
import dev.dynctl.cli.item.ItemPutCommand;
import dev.dynctl.cli.item.ItemQueryCommand;
import dev.dynctl.cli.item.ItemScanCommand;
import dev.dynctl.cli.item.ItemUpdateCommand;
import dev.dynctl.cli.table.TableDescribeCommand;
import dev.dynctl.cli.table.TableExportCommand;
import dev.dynctl.cli.table.TableImportCommand;
import dev.dynctl.cli.table.TableListCommand;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * The shell's command tree: the CLI's, plus short forms of the commands used most (get for item
 * get, …) and the shell's own commands (use, connect, output, timing, pager, explain). The short
 * forms are the CLI's own command classes under a second name, so they parse, complete and help alike.
 */
final class ShellCommands {
    /** Short form → the CLI command it stands for. */
    static final Map<String, Supplier<Object>> SHORT_FORMS = shortForms();

    private ShellCommands() {
    }

    private static Map<String, Supplier<Object>> shortForms() {
        Map<String, Supplier<Object>> forms = new LinkedHashMap<>();
        forms.put("get", ItemGetCommand::new);
        forms.put("put", ItemPutCommand::new);
        forms.put("update", ItemUpdateCommand::new);
        forms.put("delete", ItemDeleteCommand::new);
        forms.put("query", ItemQueryCommand::new);
        forms.put("scan", ItemScanCommand::new);
        forms.put("describe", TableDescribeCommand::new);
        forms.put("tables", TableListCommand::new);
        forms.put("export", TableExportCommand::new);
        forms.put("import", TableImportCommand::new);
        forms.put("restore", BackupRestoreCommand::new);
        return forms;
    }

    /** Adds the short forms and the shell's commands to the CLI's root, and takes away 'shell' itself. */
    static void addTo(CommandLine root, Session session) {
        // statements are typed without 'dynctl': usage lines and "Try 'get --help'" say them so
        root.setCommandName("");
        root.getCommandSpec().removeSubcommand(ShellCommand.NAME);
        SHORT_FORMS.forEach((name, command) -> root.addSubcommand(name, command.get()));
        root.addSubcommand("use", new UseCommand(session));
        root.addSubcommand(ConnectCommand.NAME, new ConnectCommand(session));
        root.addSubcommand("output", new OutputCommand(session));
        root.addSubcommand("timing", new TimingCommand(session));
        root.addSubcommand("pager", new PagerCommand(session));
        root.addSubcommand(Explain.NAME, new ExplainCommand());
    }
}
