package dev.dynctl.shell;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * explain's place in the command tree: its help, its completion, and the usage error of a bare
 * "explain". A statement to explain never reaches it: the shell takes "explain STATEMENT" as typed
 * ({@link Explain}), since the words of a PartiQL statement are not a command's words.
 */
@Command(name = Explain.NAME,
        description = {"Print the DynamoDB requests a statement would send, without sending them: each operation "
                + "and its JSON body as the SDK puts it on the wire (what the AWS CLI's --cli-input-json takes).",
            "",
            "Read-only lookups the statement needs to build its requests (DescribeTable, ListTables, any Describe… "
                    + "or List… request) are sent, and shown as sent. Only the requests the statement makes before it "
                    + "needs an answer are shown: a query's next pages or a batch's retries depend on the answers.",
            "",
            "A statement that fails before its first request (a usage error, a table that does not exist) shows "
                    + "that error. Confirmations are not asked: pass --yes to see what a delete would send. Not for "
                    + "what writes files before its first request (export, import, backup create --to-file, backup restore "
                    + "--from-file), local, or the shell's own commands.",
            "",
            "With -o json (or jsonl, yaml) the explanation is a list of {operation, request, sent}."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  explain get id=u1",
            "  explain update id=u1 --set status=locked --if \"status = 'active'\"",
            "  explain scan --segments 4",
            "  explain -o json SELECT * FROM users WHERE id = 'u1';",
            "  explain table delete users --yes"})
final class ExplainCommand extends DynctlCommand {
    @Mixin
    HelpOption help;

    @Parameters(arity = "1..*", paramLabel = "STATEMENT", description = "A command (without 'dynctl') or a PartiQL statement.")
    List<String> statement;

    @Override
    protected void run(Context context) {
        throw new IllegalStateException("the shell explains '" + String.join(" ", statement) + "' before the command tree sees it");
    }
}
