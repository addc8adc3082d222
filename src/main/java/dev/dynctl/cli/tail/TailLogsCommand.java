package dev.dynctl.cli.tail;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.Interruption;
import dev.dynctl.cli.LabelConverter;
import dev.dynctl.cli.MomentConverter;
import dev.dynctl.error.DynctlException;
import dev.dynctl.output.Format;
import dev.dynctl.tail.LogFormat;
import dev.dynctl.tail.LogGroups;
import dev.dynctl.tail.LogPolling;
import dev.dynctl.tail.LogPrinter;
import dev.dynctl.tail.LogQuery;
import dev.dynctl.tail.LogSource;
import dev.dynctl.tail.LogTail;
import dev.dynctl.tail.TailEnd;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Print a Lambda function's or a log group's log events (CloudWatch Logs), every stream interleaved by time; "
                + "with --follow, keep printing new ones, each once, until Ctrl-C, --until or --max.",
            "",
            "A name that starts with '/' is a log group; any other is a function (name, ARN or name:alias), "
                + "whose logs are in /aws/lambda/NAME. On a terminal JSON messages are indented and coloured, levels coloured, "
                + "and Lambda's REPORT lines summed up (duration, billed, memory, cold start)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl tail logs get-item --follow",
            "  dynctl tail logs get-item --since 1h --filter ERROR",
            "  dynctl tail logs /aws/apigateway/orders --since 2026-05-01T10:00:00Z \\",
            "      --until 2026-05-01T11:00:00Z --format detailed",
            "  dynctl tail logs get-item -f --format json | jq 'select(.report).report'",
            "  dynctl tail logs get-item -f --until 5m --max 100 > calls.log"})
public final class TailLogsCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "FUNCTION|LOG_GROUP",
            description = "A function's name, ARN or name:alias, or a log group ('/' first, or its ARN).")
    String name;

    @Option(names = "--since", paramLabel = "TIME", defaultValue = "10m", converter = MomentConverter.class,
            description = "Start at this time: ISO-8601 (2026-05-01T10:15:00Z), a date, a time back from now (10m, 2h ago, 1d), "
                    + "or now: new events only (default: ${DEFAULT-VALUE}).")
    Instant since;

    @Option(names = "--filter", paramLabel = "PATTERN",
            description = "Only events that match this CloudWatch Logs filter pattern "
                    + "(ERROR, \"disk full\", ?ERROR ?WARN, {$.level=\"error\"}).")
    String filter;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatLabels.class, completionCandidates = FormatLabels.class,
            description = "short: time and message; detailed: time, stream and message; json: one JSON object a line "
                    + "(default: short; -o json means json).")
    LogFormat format;

    @Mixin
    TailEnding ending;

    @Override
    protected void run(Context context) {
        TailEnd end = ending.end();
        LogPrinter printer = new LogPrinter(format(context), context.stdoutIsTerminal(), context.style().color(), context.out(),
                context.options().query());
        if (end.until() != null && !end.until().isAfter(since)) {
            throw DynctlException.usage("--until " + end.until() + " is not after --since " + since + ": there is nothing between.");
        }
        LogSource source = LogSource.of(name);
        LogTail tail = new LogTail(context.clients().logs(), context.clients().where(), LogPolling.DEFAULT);
        LogTail.Result result;
        try (Interruption interrupt = context.onInterrupt(tail::stop)) {
            LogGroups groups = new LogGroups(context.clients());
            LogGroups.Found found = groups.find(source);
            if (!found.exists()) {
                if (!end.follow()) {
                    context.err().println("Function '" + source.function() + "' has not logged yet: there is no log group "
                            + found.group() + " in " + context.clients().where() + ".");
                    return;
                }
                note(context, "Waiting for function '" + source.function() + "' to log (log group " + found.group()
                        + ")… Ctrl-C to stop.");
                if (!tail.awaitGroup(() -> groups.exists(found.group()), end)) {
                    if (tail.stopped()) {
                        throw TailEnding.interrupted(0, "event", null);
                    }
                    return;
                }
            }
            if (end.follow()) {
                note(context, "Following " + found.group() + "… Ctrl-C to stop.");
            }
            result = tail.run(new LogQuery(found.group(), since, filter), end, printer);
        }
        if (result.stopped()) {
            throw TailEnding.interrupted(result.printed(), "event", null);
        }
    }

    /** --format, or json for -o json / -o jsonl; other -o formats do not fit log events. */
    private LogFormat format(Context context) {
        Format output = context.options().output();
        LogFormat chosen = output == null ? (format == null ? LogFormat.SHORT : format) : jsonOutput(output);
        if (chosen != LogFormat.JSON && context.options().query() != null) {
            throw DynctlException.usage("--query applies to JSON: it needs --format json.");
        }
        return chosen;
    }

    private LogFormat jsonOutput(Format output) {
        if (output != Format.JSON && output != Format.JSONL) {
            throw OutputOption.notApplicable("tail logs", output, "short, detailed or json (-o json and -o jsonl mean --format json)");
        }
        if (format != null && format != LogFormat.JSON) {
            throw OutputOption.twoFormats(output, format);
        }
        return LogFormat.JSON;
    }

    /** What the tail is doing, for a person watching; never in a pipe consumer's way. */
    private static void note(Context context, String text) {
        if (context.stderrIsTerminal()) {
            context.err().println(text);
        }
    }

    /** Reads --format as typed (short, detailed, json) and lists those words for completion. */
    static final class FormatLabels extends LabelConverter<LogFormat> {
        FormatLabels() {
            super(LogFormat.class);
        }
    }
}
