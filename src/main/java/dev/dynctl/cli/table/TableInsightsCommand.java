package dev.dynctl.cli.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.LabelConverter;
import dev.dynctl.codec.Json;
import dev.dynctl.dynamo.ContributorInsights;
import dev.dynctl.error.DynctlException;
import dev.dynctl.metrics.MetricWindow;
import dev.dynctl.output.Format;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "insights", mixinStandardHelpOptions = true,
        description = "CloudWatch Contributor Insights on a table or a global index: turn it on or off, or show "
                + "the keys accessed and throttled most, from the reports of the rules DynamoDB makes for it. "
                + "on and off are harmless to repeat.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table insights orders on",
            "  dynctl table insights orders show",
            "  dynctl table insights orders show --since 3h --top 20",
            "  dynctl table insights orders on --index byEmail",
            "  dynctl table insights orders off",
            "",
            "show exits 3 when Contributor Insights is off (with the command that turns",
            "it on). CloudWatch charges for the rules while it is on."})
public final class TableInsightsCommand extends DynctlCommand {
    /** GetInsightRuleReport gives at most this many contributors. */
    private static final int MAX_TOP = 100;

    enum Action {
        ON, OFF, SHOW;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Parameters(index = "1", paramLabel = "on|off|show", converter = ActionLabels.class, completionCandidates = ActionLabels.class,
            description = "on, off, or show (the top keys).")
    Action action;

    @Option(names = "--index", paramLabel = "NAME", description = "A global index of the table instead of the table.")
    String index;

    @Option(names = "--since", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "show: how far back to count: 30m, 1h, 1d (default: ${DEFAULT-VALUE}).")
    Duration since;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "show: the keys per list, 1 to 100 (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    protected void run(Context context) {
        ContributorInsights insights = new ContributorInsights(context.clients().dynamo(), context.clients().cloudWatch(),
                context.clients().where());
        if (action == Action.SHOW) {
            show(context, insights);
            return;
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--since") || spec.commandLine().getParseResult().hasMatchedOption("--top")) {
            throw DynctlException.usage("--since and --top go with 'show', not '" + action + "'.");
        }
        ContributorInsights.Change change = insights.turn(table, index, action == Action.ON);
        String subject = ContributorInsights.subject(table, index);
        String status = change.status().status() == null ? "unknown" : change.status().status().toLowerCase(Locale.ROOT);
        context.err().println(change.changed() ? "Contributor Insights is now " + status + " on " + subject + "."
                : "Contributor Insights is already " + status + " on " + subject + ".");
        context.output().document(status(change.status()));
    }

    private void show(Context context, ContributorInsights insights) {
        if (top < 1 || top > MAX_TOP) {
            throw DynctlException.usage("--top " + top + " is out of range: CloudWatch reports 1 to " + MAX_TOP + " keys per list.");
        }
        MetricWindow window = MetricWindow.ending(Instant.now(), since, MetricWindow.period(since, null));
        ContributorInsights.Report report = insights.report(table, index, window, top);
        if (!"ENABLED".equals(report.status().status())) {
            context.err().println("Contributor Insights is still " + report.status().status().toLowerCase(Locale.ROOT)
                    + ": keys are counted once it is enabled.");
        }
        Format format = context.output().format();
        // --query applies to the document, as in -o json, whatever the format
        if ((format == Format.TABLE || format == Format.TEXT) && context.options().query() == null) {
            context.output().rows(rows(report), List.of("list", "key", "count"));
        } else {
            context.output().document(document(report));
        }
    }

    /** One row per key: the list it is in (most accessed, most throttled), the key as name=value, and its count. */
    private static List<JsonNode> rows(ContributorInsights.Report report) {
        List<JsonNode> rows = new ArrayList<>();
        for (ContributorInsights.RuleReport rule : report.rules()) {
            for (ContributorInsights.Contributor contributor : rule.contributors()) {
                ObjectNode row = Json.MAPPER.createObjectNode();
                row.put("list", rule.kind());
                row.put("key", keyText(report.status().keyNames(), contributor.keys()));
                row.set("count", count(contributor.count()));
                rows.add(row);
            }
        }
        return rows;
    }

    /** "customer=c1, created=2024-05-01": the key's values with the table's (or index's) key names. */
    private static String keyText(List<String> names, List<String> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            parts.add(i < names.size() ? names.get(i) + "=" + values.get(i) : values.get(i));
        }
        return String.join(", ", parts);
    }

    private static JsonNode count(double value) {
        return Json.MAPPER.getNodeFactory().numberNode(BigDecimal.valueOf(value).stripTrailingZeros());
    }

    private static ObjectNode status(ContributorInsights.Status status) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("table", status.table());
        document.put("index", status.index());
        document.put("status", status.status());
        document.put("mode", status.mode());
        ArrayNode rules = document.putArray("rules");
        status.rules().forEach(rules::add);
        return document;
    }

    /** For scripts: the status, the window, and each rule with its contributors, keys by name. */
    private static JsonNode document(ContributorInsights.Report report) {
        ObjectNode document = status(report.status());
        document.put("start", report.window().start().toString());
        document.put("end", report.window().end().toString());
        ArrayNode lists = document.putArray("lists");
        for (ContributorInsights.RuleReport rule : report.rules()) {
            ObjectNode list = lists.addObject();
            list.put("rule", rule.rule());
            list.put("kind", rule.kind());
            list.put("throttled", rule.throttled());
            ArrayNode contributors = list.putArray("contributors");
            List<String> names = report.status().keyNames();
            for (ContributorInsights.Contributor contributor : rule.contributors()) {
                ObjectNode entry = contributors.addObject();
                ObjectNode key = entry.putObject("key");
                for (int i = 0; i < contributor.keys().size(); i++) {
                    key.put(i < names.size() ? names.get(i) : "key" + (i + 1), contributor.keys().get(i));
                }
                entry.set("count", count(contributor.count()));
            }
        }
        return document;
    }

    /** Reads the action as typed (on, off, show) and lists those words for completion. */
    static final class ActionLabels extends LabelConverter<Action> {
        ActionLabels() {
            super(Action.class);
        }
    }
}
