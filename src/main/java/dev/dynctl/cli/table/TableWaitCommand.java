package dev.dynctl.cli.table;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.LabelConverter;
import dev.dynctl.dynamo.TableDescriptions;
import dev.dynctl.dynamo.TableService;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "wait", mixinStandardHelpOptions = true,
        description = "Wait until a table is ACTIVE with all its global indexes ACTIVE and no replica being created, "
                + "updated or removed, or until it is deleted. "
                + "Exits with 5 when the timeout passes first.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table wait orders                  # table and indexes ACTIVE",
            "  dynctl table update orders --add-gsi name=byEmail,pk=email:S",
            "  dynctl table wait orders --timeout 1h",
            "  dynctl table delete orders --yes",
            "  dynctl table wait orders --until deleted --timeout 2m"})
public final class TableWaitCommand extends DynctlCommand {
    enum Until {
        ACTIVE, DELETED;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Parameters(index = "0", paramLabel = "NAME", description = "The table.")
    String name;

    @Option(names = "--until", paramLabel = "active|deleted", defaultValue = "active",
            converter = UntilLabels.class, completionCandidates = UntilLabels.class,
            description = "active: the table and its indexes are ACTIVE; deleted: it is gone (default: ${DEFAULT-VALUE}).")
    Until until;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Give up after this long, e.g. 90s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    protected void run(Context context) throws InterruptedException {
        TableService tables = TableCommand.service(context);
        if (until == Until.DELETED) {
            tables.awaitDeleted(name, timeout);
            context.output().document(TableDescriptions.deleted(name));
        } else {
            context.output().document(TableDescriptions.document(tables.awaitActive(name, timeout)));
        }
    }

    /** Reads --until as typed (active, deleted) and lists those words for completion. */
    static final class UntilLabels extends LabelConverter<Until> {
        UntilLabels() {
            super(Until.class);
        }
    }
}
