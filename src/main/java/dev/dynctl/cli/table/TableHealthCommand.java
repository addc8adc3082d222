package dev.dynctl.cli.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.LabelConverter;
import dev.dynctl.codec.Json;
import dev.dynctl.dynamo.ContributorInsights;
import dev.dynctl.dynamo.HealthFinding;
import dev.dynctl.dynamo.HealthFinding.Severity;
import dev.dynctl.dynamo.TableAutoScaling;
import dev.dynctl.dynamo.TableHealth;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.metrics.MetricReader;
import dev.dynctl.output.Format;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Check what needs attention on a table: throttling and capacity in the last hour, auto scaling, "
                + "the keys throttled most (when Contributor Insights is on), point-in-time recovery, deletion protection "
                + "and recent backups. Each finding has a severity (critical, warning, info, ok) and the command that "
                + "fixes it. A report: exits 0 whatever it finds, unless --fail-on.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table health orders",
            "  dynctl table health orders --backup-age 1d",
            "  dynctl table health orders --fail-on warning -o json    # in CI",
            "",
            "critical: requests fail now (throttling in the last 10 minutes, capacity",
            "used up); warning: a risk (PITR or deletion protection off, no recent",
            "backup, throttling earlier in the hour, over 80% of provisioned capacity)."})
public final class TableHealthCommand extends DynctlCommand {
    /** The severities --fail-on takes: below warning nothing needs doing. */
    enum FailOn {
        WARNING(Severity.WARNING), CRITICAL(Severity.CRITICAL);

        private final Severity severity;

        FailOn(Severity severity) {
            this.severity = severity;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Option(names = "--backup-age", paramLabel = "DURATION", defaultValue = "7d", converter = DurationConverter.class,
            description = "A backup at most this old is recent enough: 1d, 7d, 2w (default: ${DEFAULT-VALUE}).")
    Duration backupAge;

    @Option(names = "--fail-on", paramLabel = "LEVEL", converter = FailOnLabels.class, completionCandidates = FailOnLabels.class,
            description = "Exit 1 when a finding is at this severity or above, one of: ${COMPLETION-CANDIDATES} (for CI).")
    FailOn failOn;

    @Override
    protected void run(Context context) {
        TableHealth health = new TableHealth(context.clients().dynamo(), new MetricReader(context.clients().cloudWatch()),
                new ContributorInsights(context.clients().dynamo(), context.clients().cloudWatch(), context.clients().where()),
                new TableAutoScaling(context.clients().dynamo(), context.clients().autoScaling(), context.clients().where()),
                context.clients().where());
        Instant now = Instant.now();
        List<HealthFinding> findings = health.check(table, backupAge, now);
        Format format = context.output().format();
        if (format == Format.TABLE && context.options().query() == null) {
            print(context.out(), findings);
            context.out().flush();
            context.err().println("Table '" + table + "' in " + context.clients().where() + ": " + summary(findings) + ".");
        } else if (format == Format.TEXT && context.options().query() == null) {
            context.output().rows(findings.stream().map(TableHealthCommand::row).toList(), List.of("severity", "check", "message", "fix"));
        } else {
            context.output().document(document(findings, now));
        }
        if (failOn != null) {
            long failing = findings.stream().filter(finding -> finding.severity().compareTo(failOn.severity) >= 0).count();
            if (failing > 0) {
                throw new DynctlException(ExitCode.FAILURE, "Table '" + table + "' has " + failing + (failing == 1 ? " finding" : " findings")
                        + " at " + failOn + " or above (--fail-on " + failOn + ").");
            }
        }
    }

    /**
     * For a person: one finding a line, most severe first, and its fix on the line below, never
     * cut to fit a column.
     */
    private static void print(PrintWriter out, List<HealthFinding> findings) {
        int checkWidth = findings.stream().mapToInt(finding -> finding.check().length()).max().orElse(0);
        int severityWidth = Severity.CRITICAL.toString().length();
        String indent = " ".repeat(severityWidth + 2);
        for (HealthFinding finding : findings) {
            out.println(pad(finding.severity().toString(), severityWidth) + "  " + pad(finding.check(), checkWidth) + "  " + finding.message());
            if (finding.fix() != null) {
                out.println(indent + "fix: " + finding.fix());
            }
        }
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    /** "1 critical, 2 warning, 3 ok": the severities found, most severe first. */
    private static String summary(List<HealthFinding> findings) {
        return counts(findings).entrySet().stream().filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<Severity, Integer>comparingByKey().reversed())
                .map(entry -> entry.getValue() + " " + entry.getKey()).collect(Collectors.joining(", "));
    }

    private static Map<Severity, Integer> counts(List<HealthFinding> findings) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        findings.forEach(finding -> counts.merge(finding.severity(), 1, Integer::sum));
        return counts;
    }

    private static JsonNode row(HealthFinding finding) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("severity", finding.severity().toString());
        row.put("check", finding.check());
        row.put("message", finding.message());
        row.put("fix", finding.fix());
        return row;
    }

    /** {"table", "checkedAt", "summary": {"critical": n, ...}, "findings": [{"severity", "check", "message", "fix"}]}. */
    private JsonNode document(List<HealthFinding> findings, Instant now) {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.put("table", table);
        document.put("checkedAt", now.toString());
        ObjectNode summary = document.putObject("summary");
        Map<Severity, Integer> counts = counts(findings);
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity severity = Severity.values()[i];
            summary.put(severity.toString(), counts.get(severity));
        }
        ArrayNode list = document.putArray("findings");
        findings.forEach(finding -> list.add(row(finding)));
        return document;
    }

    /** Reads --fail-on as typed (warning, critical) and lists those words for help and completion. */
    static final class FailOnLabels extends LabelConverter<FailOn> {
        FailOnLabels() {
            super(FailOn.class);
        }
    }
}
