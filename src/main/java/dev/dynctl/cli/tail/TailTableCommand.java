package dev.dynctl.cli.tail;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.Interruption;
import dev.dynctl.cli.LabelConverter;
import dev.dynctl.dynamo.expression.Condition;
import dev.dynctl.error.DynctlException;
import dev.dynctl.output.Format;
import dev.dynctl.output.Output;
import dev.dynctl.tail.ChangeFormat;
import dev.dynctl.tail.ChangeJson;
import dev.dynctl.tail.ChangeSink;
import dev.dynctl.tail.ChangeText;
import dev.dynctl.tail.StreamCheckpointFile;
import dev.dynctl.tail.StreamPolling;
import dev.dynctl.tail.StreamSource;
import dev.dynctl.tail.StreamStart;
import dev.dynctl.tail.StreamTail;
import dev.dynctl.tail.TailEnd;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

@Command(name = "table", mixinStandardHelpOptions = true,
        description = {"Print a table's changes from its stream (DynamoDB Streams): INSERT, MODIFY, REMOVE.",
            "",
            "Every shard is read, parents before children, new shards included while following. Without "
                    + "--follow it prints the changes the stream holds now (from the oldest kept, unless --from "
                    + "says) and exits once each shard is read to its end or, still open, has answered with nothing "
                    + "a few times in a row; with it, it prints changes as they come (from now on, unless --from "
                    + "says) until Ctrl-C (exit 130), --until or --max.",
            "",
            "--format diff (the default) shows each change's time, event and key, then what changed: "
                    + "attr: old → new, +added, -removed (an INSERT shows the new item, a REMOVE the old one). "
                    + "json prints one object per line with event, time, sequenceNumber, keys, old, new and "
                    + "changed; ddb-json the stream's records as aws dynamodbstreams get-records shows them.",
            "",
            "--checkpoint FILE remembers how far each shard was read; run again with the same file to go on "
                    + "exactly after the last change printed (one run at a time). See docs/tail.md."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl tail table orders --follow",
            "  dynctl tail table orders",
            "  dynctl tail table orders --follow --filter \"status = 'failed'\"",
            "  dynctl tail table orders --format json --max 100 | jq .changed",
            "  dynctl tail table orders --checkpoint orders.tail --format json",
            "  dynctl tail table orders --follow --until 10m --format ddb-json"})
public final class TailTableCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table (its stream must be on: table update --stream).")
    String table;

    @Option(names = "--from", paramLabel = "WHERE", converter = StartLabels.class, completionCandidates = StartLabels.class,
            description = "Where to begin: ${COMPLETION-CANDIDATES} (the oldest change kept). Default: latest with "
                    + "--follow, trim-horizon without. A checkpoint that says where its shards stand wins.")
    StreamStart from;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatLabels.class, completionCandidates = FormatLabels.class,
            description = "How changes are printed: ${COMPLETION-CANDIDATES} (default: diff; -o json means json).")
    ChangeFormat format;

    @Option(names = "--filter", paramLabel = "CONDITION",
            description = "Print only the changes whose item (after the change; before it for a REMOVE) matches, "
                    + "e.g. \"status = 'failed'\" (docs/expressions.md).")
    String filter;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Remember in FILE how far each shard was read, and begin where it says.")
    Path checkpoint;

    @Mixin
    TailEnding ending;

    @Override
    protected void run(Context context) {
        TailEnd end = ending.end();
        ChangeFormat chosen = format(context);
        if (chosen == ChangeFormat.DIFF && context.options().query() != null) {
            throw DynctlException.usage("--query applies to JSON: it needs --format json or ddb-json.");
        }
        Condition condition = filter == null ? null : Condition.parse(filter, "--filter");
        boolean resumes = checkpoint != null && Files.isRegularFile(checkpoint);
        if (end.until() != null && startsNow(end) && !resumes && !end.until().isAfter(Instant.now())) {
            throw DynctlException.usage("--until " + end.until() + " has passed, and the tail begins now (--from latest): "
                    + "there is nothing between.", "Give a time to come (--until 5m), or read what the stream holds: --from trim-horizon.");
        }
        StreamCheckpointFile file = checkpoint == null ? null : new StreamCheckpointFile(checkpoint);
        // the checkpoint first: one that cannot be kept fails before anything is read, let alone printed
        try (StreamCheckpointFile.Lock lock = file == null ? null : file.lock()) {
            run(context, end, chosen, condition, file);
        }
    }

    private void run(Context context, TailEnd end, ChangeFormat chosen, Condition condition, StreamCheckpointFile file) {
        StreamTail tail = new StreamTail(context.clients().dynamo(), context.clients().dynamoStreams(), context.clients().where(),
                StreamPolling.DEFAULT);
        StreamSource source = tail.source(table);
        if (condition != null && source.viewType() == StreamViewType.KEYS_ONLY) {
            context.err().println("Warning: the stream of " + table + " records keys only: --filter sees only the key attributes.");
        }
        if (context.stderrIsTerminal()) {
            context.err().println(note(source, end));
        }
        StreamTail.Result result;
        try (Interruption interruption = context.onInterrupt(tail::stop)) {
            result = tail.run(new StreamTail.Request(source, from, end, condition, file), sink(context, chosen),
                    warning -> {
                        context.err().println("Warning: " + warning);
                        context.err().flush();
                    });
        }
        if (result.printed() == 0 && condition != null) {
            // the usual reason a filter matches nothing: status = failed compares with the attribute failed
            condition.quotingHint().ifPresent(hint -> context.err().println("No change matched --filter. " + hint));
        }
        if (result.interrupted()) {
            throw TailEnding.interrupted(result.printed(), "change", checkpoint == null ? null : checkpoint + " holds where to go on");
        }
    }

    /** The tail begins at the next change made: --from latest, or following without --from. */
    private boolean startsNow(TailEnd end) {
        return from == StreamStart.LATEST || from == null && end.follow();
    }

    /** --format, or what -o asks for: json and jsonl mean json, ddb-json means ddb-json; other -o values say to use --format. */
    private ChangeFormat format(Context context) {
        Format output = context.options().output();
        if (output == null) {
            return format == null ? ChangeFormat.DIFF : format;
        }
        ChangeFormat meant = switch (output) {
            case JSON, JSONL -> ChangeFormat.JSON;
            case DDB_JSON -> ChangeFormat.DDB_JSON;
            default -> throw OutputOption.notApplicable("tail table", output,
                    "diff, json or ddb-json (-o json and -o jsonl mean --format json, -o ddb-json means --format ddb-json)");
        };
        if (format != null && format != meant) {
            throw OutputOption.twoFormats(output, format);
        }
        return meant;
    }

    /** Each change printed and flushed at once, so that a pipe sees it as it happens. */
    private static ChangeSink sink(Context context, ChangeFormat format) {
        PrintWriter out = context.out();
        if (format == ChangeFormat.DIFF) {
            ChangeText text = new ChangeText(context.style().color(), ZoneId.systemDefault());
            return change -> {
                out.println(text.render(change));
                out.flush();
                return !out.checkError();
            };
        }
        // JSON Lines, with --query applied to each change
        Output lines = new Output(Format.JSONL, context.options().query(), context.style(), out);
        return change -> {
            lines.document(format == ChangeFormat.JSON ? ChangeJson.plain(change) : ChangeJson.dynamo(change, ZoneId.systemDefault()));
            return !out.checkError();
        };
    }

    /** What a person at a terminal is told on standard error before the changes come. */
    private String note(StreamSource source, TailEnd end) {
        String images = switch (source.viewType()) {
            case KEYS_ONLY -> " (its stream records keys only: no items, no diffs)";
            case NEW_IMAGE -> " (its stream records items after each change only: no diffs)";
            case OLD_IMAGE -> " (its stream records items before each change only: no diffs)";
            default -> "";
        };
        boolean latest = startsNow(end);
        String start = checkpoint != null && Files.exists(checkpoint) ? " from where " + checkpoint + " left off"
                : latest ? " from now on" : " from the oldest kept";
        return (end.follow() ? "Following the changes of " : "Reading the changes of ") + table + images + start
                + (end.follow() ? ". Ctrl-C to stop." : ".");
    }

    static final class StartLabels extends LabelConverter<StreamStart> {
        StartLabels() {
            super(StreamStart.class);
        }
    }

    static final class FormatLabels extends LabelConverter<ChangeFormat> {
        FormatLabels() {
            super(ChangeFormat.class);
        }
    }
}
