package dev.dynctl.cli.sql;

import com.fasterxml.jackson.databind.node.BooleanNode;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.ItemStream;
import dev.dynctl.dynamo.PartiqlBatch;
import dev.dynctl.dynamo.PartiqlFile;
import dev.dynctl.dynamo.PartiqlParameters;
import dev.dynctl.dynamo.PartiqlService;
import dev.dynctl.dynamo.PartiqlStatement;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run PartiQL statements: SELECT, INSERT, UPDATE, DELETE, and EXISTS(SELECT …), which prints true "
                + "or false.",
            "",
            "One statement runs with ExecuteStatement, a --file of them with BatchExecuteStatement. "
                    + "Each ? takes the next --param: JSON when it parses as JSON, else a string (36 is a number; Ada, 01 "
                    + "and '\"36\"' are strings); DynamoDB JSON such as {\"S\": \"36\"} names the type. Every page "
                    + "of a SELECT is read and printed as it arrives; INSERT, UPDATE and DELETE say on stderr that "
                    + "they ran. Names with - or . go in double quotes: \"my-table\".",
            "",
            "--file runs its statements 25 to a request, reads apart from writes, as DynamoDB requires; a SELECT "
                    + "there must give the whole key. Statements end with ; or start on a new line, and -- starts "
                    + "a comment. A JSON or YAML list of {statement, params} entries (or the AWS CLI's "
                    + "[{Statement, Parameters}]) gives values for placeholders. A statement that fails is "
                    + "reported; the others still run."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl sql 'SELECT * FROM users WHERE id = ?' --param u1",
            "  dynctl sql 'SELECT id, name FROM users WHERE visits >= 2' -o jsonl",
            "  dynctl sql 'SELECT * FROM orders WHERE customer = ?' --param c9 \\",
            "      --limit 10 --consistent",
            "  dynctl sql \"INSERT INTO users VALUE {'id': 'u2', 'name': 'Grace'}\"",
            "  dynctl sql \"UPDATE users SET nick = ? WHERE id = 'u2'\" --param grace",
            "  dynctl sql \"DELETE FROM users WHERE id = 'u2'\"",
            "  dynctl sql --file changes.sql",
            "  dynctl sql --file - < statements.yaml"})
public final class SqlCommand extends DynctlCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "STATEMENT", description = "The PartiQL statement (or --file).")
    String statement;

    @Option(names = "--param", paramLabel = "VALUE", description = "The value of the next ? (repeatable, in order).")
    List<String> params = new ArrayList<>();

    @Option(names = "--file", paramLabel = "FILE", description = "Run the statements of FILE (- for stdin) with BatchExecuteStatement.")
    String file;

    @Option(names = "--consistent", description = "Strongly consistent reads.")
    boolean consistent;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N items (default: all).")
    Integer limit;

    @Option(names = "--page-size", paramLabel = "N", description = "Items evaluated per request (default: as many as fit in 1 MB).")
    Integer pageSize;

    @Override
    protected void run(Context context) {
        if ((statement == null) == (file == null)) {
            throw DynctlException.usage(statement == null ? "Give a statement, or --file with statements." : "Give a statement or --file, not both.",
                    "For example: dynctl sql 'SELECT * FROM users WHERE id = ?' --param u1");
        }
        if (file != null) {
            runFile(context);
            return;
        }
        PartiqlStatement parsed = PartiqlStatement.of(statement, PartiqlParameters.fromArguments(params));
        if (parsed.isExists()) {
            try (ItemStream items = new PartiqlService(context.clients()).execute(parsed, new PartiqlService.Reading(consistent, 1, pageSize))) {
                context.output().document(BooleanNode.valueOf(items.iterator().hasNext()));
            }
            return;
        }
        PartiqlService.Reading reading = new PartiqlService.Reading(consistent, limit, pageSize);
        // closing stops the reading when the output ends early (--limit, or a closed pipe)
        try (ItemStream items = new PartiqlService(context.clients()).execute(parsed, reading)) {
            if (parsed.returnsItems()) {
                context.output().items(items, items.keyNames());
            }
        }
        if (!parsed.isRead()) {
            context.err().println("Done: " + parsed.summary() + ".");
        }
    }

    private void runFile(Context context) {
        if (!params.isEmpty() || limit != null || pageSize != null) {
            throw DynctlException.usage("--param, --limit and --page-size are for one statement, not --file.",
                    "Give a file's values in a JSON or YAML list of {statement, params}.");
        }
        if (file.equals("-") && context.stdinIsTerminal()) {
            context.err().println("Reading statements from the terminal; end with Ctrl-D.");
        }
        List<PartiqlStatement> statements = PartiqlFile.read(file, context::in);
        statements.stream().filter(PartiqlStatement::isExists).findFirst().ifPresent(exists -> {
            throw DynctlException.usage("EXISTS runs on its own (dynctl sql \"EXISTS(…)\"), not in a --file batch: line " + exists.line() + ".");
        });
        PartiqlService service = new PartiqlService(context.clients());
        PartiqlBatch batch = service.batch(statements, consistent);
        try {
            if (batch.returnsItems()) {
                context.output().items(batch::items, service.keyColumns(statements));
            }
            // every statement runs, also when the output stopped reading early (a closed pipe)
            batch.finish();
        } finally {
            report(context.err(), batch);
        }
        int failed = batch.failures().size();
        String ran = "Ran " + count(batch.statements(), "statement") + " in " + count(batch.requests(), "request");
        if (failed == 0) {
            context.err().println(ran + ".");
            return;
        }
        throw new DynctlException(batch.exitCode(), ran + ": " + failed + " failed, " + (batch.statements() - failed) + " succeeded.",
                batch.exitCode() == ExitCode.CONDITION_FAILED ? "A condition failed, or an INSERT found its key taken: nothing was changed by those statements."
                        : null);
    }

    /** Each refused statement: where it is, DynamoDB's code and message, and its first line. */
    private void report(PrintWriter err, PartiqlBatch batch) {
        String label = file.equals("-") ? "stdin" : file;
        for (PartiqlBatch.Failure failure : batch.failures()) {
            err.println(PartiqlFile.where(label, failure.number(), failure.statement().line()) + " failed: "
                    + failure.code() + ": " + failure.message());
            err.println("  " + failure.statement().firstLine());
        }
        err.flush();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
