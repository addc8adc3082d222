package dev.dynctl.shell;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.aws.ClientPool;
import dev.dynctl.aws.ClientSource;
import dev.dynctl.aws.RequestCapture;
import dev.dynctl.aws.RequestMeter;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.Dynctl;
import dev.dynctl.cli.GlobalOptions;
import dev.dynctl.cli.Interrupts;
import dev.dynctl.cli.SessionHooks;
import dev.dynctl.cli.WritesFiles;
import dev.dynctl.codec.Json;
import dev.dynctl.output.Format;
import dev.dynctl.output.Output;
import dev.dynctl.output.Style;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code explain STATEMENT}: runs the statement as the shell would, on clients of its own whose
 * requests are recorded and stopped before they are sent ({@link RequestCapture}: read-only lookups
 * go through), so that nothing of it reaches the session's other statements, even when it is
 * abandoned; and without timing's addition to requests, so that it shows them as sent. Its own
 * output and errors held back, and prints the requests instead: each operation with its JSON body,
 * as the AWS CLI's --cli-input-json takes it. The statement's failure at the first stopped request
 * is explain's doing and is not shown; a failure before it (a usage error, a table that does not
 * exist) is the answer, and is.
 */
final class Explain {
    static final String NAME = "explain";

    /** "explain" (or EXPLAIN, as ddbsh spells it), then -o FORMAT (or --output FORMAT, --output=FORMAT, -oFORMAT) for the explanation, then the statement. */
    private static final Pattern EXPLAIN = Pattern.compile(
            "(?s)(?i:explain)(?:\\s+(?:-o|--output)(?:\\s+|=)?(?<format>[A-Za-z-]+)(?=\\s|$))?(?:\\s+(?<statement>.*))?");
    private static final Set<String> HELP = Set.of("-h", "--help");
    /** The commands whose requests explain shows: they talk to DynamoDB and to nothing else. */
    private static final Set<String> DYNAMODB_COMMANDS = Set.of("dev.dynctl.cli.item", "dev.dynctl.cli.table",
            "dev.dynctl.cli.backup", "dev.dynctl.cli.schema", "dev.dynctl.cli.sql");
    private static final String WHAT = "explain shows the requests of the table, item, backup, schema and sql commands, "
            + "their short forms (get, put, query, …) and PartiQL statements.";

    /** Runs a statement the way the shell does (without timing it again), its commands on {@code clients}. */
    @FunctionalInterface
    interface StatementRunner {
        int run(String text, Shell.Io io, ClientSource clients);
    }

    /** What follows "explain": the statement, and the explanation's format when given before it. */
    record Request(String statement, String format) {
    }

    private final Session session;

    Explain(Session session) {
        this.session = session;
    }

    /**
     * The statement an explain line explains, or null when the line is no explain with a statement
     * (bare "explain" and "explain --help" are for the command tree: its usage error, its help).
     */
    static Request parse(String text) {
        Matcher matcher = EXPLAIN.matcher(text.strip());
        if (!matcher.matches() || matcher.group("statement") == null) {
            return null;
        }
        String statement = matcher.group("statement").strip();
        String first = statement.split("\\s+", 2)[0];
        return statement.isEmpty() || HELP.contains(first) ? null : new Request(statement, matcher.group("format"));
    }

    /**
     * Explains {@code request}'s statement; returns 0, or the statement's exit code when it fails
     * before a request is stopped. The lookups it sends are counted in {@code reading} (null: not timed).
     */
    int run(Request request, Shell.Io io, RequestMeter.Reading reading, StatementRunner statements) {
        Format format;
        try {
            format = format(request, io);
        } catch (TypeConversionException e) {
            return refuse(io, "explain -o: " + e.getMessage());
        }
        String refusal = refusal(request.statement());
        if (refusal != null) {
            return refuse(io, refusal);
        }
        StringWriter heldOut = new StringWriter();
        StringWriter heldErr = new StringWriter();
        // not a terminal, nothing to read, and no questions (a confirmation needs --yes): nothing waits for a person
        Context.Terminal quiet = new Context.Terminal(InputStream.nullInputStream(), false, false, io.terminal().width(),
                io.terminal().env(), false);
        int code;
        List<RequestCapture.Request> requests;
        RequestCapture capture = new RequestCapture();
        // the capture last: it records requests as the others leave them; the meter counts and adds nothing
        try (ClientPool own = new ClientPool(List.of(new RequestMeter(false), capture))) {
            code = statements.run(request.statement(), new Shell.Io(new PrintWriter(heldOut), new PrintWriter(heldErr), quiet, true),
                    own.forStatement(reading));
            requests = capture.requests();
        }
        print(requests, format, io);
        boolean stopped = requests.stream().anyMatch(r -> !r.sent());
        boolean lookedUp = !requests.isEmpty();
        if (!stopped && code != 0) {
            io.err().print(heldErr);
            io.err().println(lookedUp ? "The statement fails after the read-only lookups above, before any other request."
                    : "The statement fails before it sends any request.");
        } else if (!stopped) {
            io.err().println(lookedUp ? "The statement sends only the read-only lookups above (they were sent)."
                    : "The statement sends no request to DynamoDB.");
        }
        io.out().flush();
        io.err().flush();
        return stopped ? 0 : code;
    }

    /**
     * -o after explain, else the statement's own -o, else the session's output format, else as for
     * any result: text for a person at a terminal, JSON for a pipe or file.
     */
    private Format format(Request request, Shell.Io io) {
        String label = request.format();
        if (label == null && !ShellSyntax.isPartiql(request.statement())) {
            label = outputOption(ShellSyntax.words(request.statement()));
        }
        if (label != null) {
            return new GlobalOptions.FormatLabels().convert(label);
        }
        if (session.output() != null) {
            return session.output();
        }
        return io.terminal().stdoutIsTerminal() ? Format.TEXT : Format.JSON;
    }

    private static String outputOption(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if ((word.equals("-o") || word.equals("--output")) && i + 1 < words.size()) {
                return words.get(i + 1);
            }
            if (word.startsWith("--output=")) {
                return word.substring("--output=".length());
            }
            if (word.startsWith("-o") && word.length() > 2 && !word.startsWith("--")) {
                return word.substring(2);
            }
        }
        return null;
    }

    /**
     * Why explain does not run the statement, or null. Only DynamoDB commands run: the shell's own
     * change the session, local starts and stops a process, and a command that writes files
     * ({@link WritesFiles}: an export, a file backup, an import's checkpoint) does so before its
     * first request is stopped.
     */
    private String refusal(String statement) {
        if (parse(statement) != null) {
            return "explain explains a statement, not another explain.";
        }
        if (ShellSyntax.isPartiql(statement)) {
            return null;
        }
        List<String> words = ShellSyntax.words(statement);
        if (words.isEmpty()) {
            return null;
        }
        if (ShellHelp.isShellWord(words.get(0)) || words.get(0).equals(NAME)) {
            return "'" + words.get(0) + "' is not a DynamoDB command. " + WHAT;
        }
        try (Dynctl dynctl = new Dynctl().withHooks(new SessionHooks(null, Interrupts.SIGNAL, root -> ShellCommands.addTo(root, session)))) {
            CommandLine root = dynctl.commandLine();
            List<CommandLine> commands = root.parseArgs(ContextArguments.apply(words, root, session.table()).toArray(String[]::new))
                    .asCommandLineList();
            CommandLine leaf = commands.get(commands.size() - 1);
            Object command = leaf.getCommandSpec().userObject();
            String name = leaf.getCommandSpec().qualifiedName(" ").substring(root.getCommandName().length()).strip();
            if (command instanceof WritesFiles files && files.writesFiles()) {
                return "explain does not run '" + name + "': it writes files (its output, a manifest, a checkpoint) before its first request.";
            }
            if (leaf != root && !DYNAMODB_COMMANDS.contains(command.getClass().getPackageName())) {
                return "'" + name + "' is not a DynamoDB command. " + WHAT;
            }
            return null;
        } catch (ParameterException e) {
            // the statement fails just so when it runs, before any request: that failure is the explanation
            return null;
        }
    }

    private static int refuse(Shell.Io io, String message) {
        io.err().println("Error: " + message);
        io.err().flush();
        return 2;
    }

    /** JSON, JSON lines and YAML get a list of {operation, request, sent}; every other format a text for people. */
    private static void print(List<RequestCapture.Request> requests, Format format, Shell.Io io) {
        Style style = new Style(false, io.terminal().width());
        if (format == Format.JSON || format == Format.JSONL || format == Format.YAML) {
            List<JsonNode> rows = requests.stream().map(Explain::row).toList();
            new Output(format, null, style, io.out()).rows(rows, List.of("operation"));
            return;
        }
        Output json = new Output(Format.JSON, null, style, io.out());
        boolean first = true;
        for (RequestCapture.Request request : requests) {
            if (!first) {
                io.out().println();
            }
            first = false;
            io.out().println(request.operation() + (request.sent() ? " (sent: a read-only lookup)" : " (not sent)"));
            json.document(body(request));
        }
    }

    private static JsonNode row(RequestCapture.Request request) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("operation", request.operation());
        row.set("request", body(request));
        row.put("sent", request.sent());
        return row;
    }

    private static JsonNode body(RequestCapture.Request request) {
        if (request.body().isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the SDK sent a body that is not JSON: " + request.body(), e);
        }
    }
}
