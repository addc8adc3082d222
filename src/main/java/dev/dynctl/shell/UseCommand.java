package dev.dynctl.shell;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.TableService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "use",
        description = {"Work on one table: get, put, update, delete, query, scan, describe, export, import, "
                + "backup and schema then need no table name, and a key may be typed bare (get id=u1).",
            "Without a table, says which one is in use."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  use users",
            "  get id=u1",
            "  query id=u1 --sk 'begins_with 2024'",
            "  use --none"})
final class UseCommand extends DynctlCommand {
    @Mixin
    HelpOption help;

    private final Session session;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TABLE", description = "The table to use.")
    String table;

    @Option(names = "--none", description = "Stop using a table.")
    boolean none;

    UseCommand(Session session) {
        this.session = session;
    }

    @Override
    protected void run(Context context) {
        if (none) {
            session.use(null);
            return;
        }
        if (table == null) {
            context.err().println(session.table() == null ? "No table in use; 'use TABLE' picks one." : "Using table '" + session.table() + "'.");
            return;
        }
        // a typo is said now, with the names nearby, not at the next get
        new TableService(context.clients().dynamo(), context.clients().where()).requireExists(table);
        session.use(table);
    }
}
