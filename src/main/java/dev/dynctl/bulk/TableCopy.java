package dev.dynctl.bulk;

import dev.dynctl.aws.AwsErrors;
import dev.dynctl.aws.Clients;
import dev.dynctl.dynamo.KeySchema;
import dev.dynctl.dynamo.KeySchemas;
import dev.dynctl.dynamo.TableDefinition;
import dev.dynctl.dynamo.TableDescriptions;
import dev.dynctl.dynamo.TableDetails;
import dev.dynctl.dynamo.TableService;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Copies a table into another, on the same target or another (profile, region, endpoint): a
 * parallel scan of the source feeds the import's writers, with no file between. The destination
 * is created from the source's definition when it is missing. A copy has no checkpoint: run
 * again, it writes the same items again, and a put of the same item twice leaves one.
 */
public final class TableCopy {
    /**
     * @param segments scan segments, null for the export's default from the source's size
     * @param readLimit read capacity units per second on the source, null for no limit
     * @param writeLimit write capacity units per second on the destination, 0 for no limit
     * @param intoExisting write into a destination that already holds items
     */
    public record Request(String source, String destination, Integer segments, int concurrency, Double readLimit,
                          double writeLimit, boolean intoExisting) {
    }

    /** The copy once both tables are settled: the source, and the destination's keys. */
    public record Plan(TableDetails source, KeySchema destinationKeys, int segments, boolean created) {
    }

    private final Clients from;
    private final Clients to;
    private volatile boolean stopped;
    private volatile ImportJob job;

    public TableCopy(Clients from, Clients to) {
        this.from = from;
        this.to = to;
    }

    /** Reads the source's definition and makes the destination ready: created and ACTIVE, or checked. */
    public Plan prepare(Request request) throws InterruptedException {
        if (request.source().equals(request.destination()) && from.where().equals(to.where())) {
            throw DynctlException.usage("The source and the destination are the same table: " + request.source() + " in " + from.where() + ".",
                    "Give the copy another name, or another target with --to-region, --to-profile, --to-endpoint or --to-local.");
        }
        if (request.segments() != null && (request.segments() < 1 || request.segments() > 1_000_000)) {
            throw DynctlException.usage("--segments must be between 1 and 1000000, not " + request.segments() + ".");
        }
        TableDetails source = new TableService(from.dynamo(), from.where()).describe(request.source());
        TableDefinition definition = TableFromDescription.definition(TableDescriptions.document(source), request.destination(),
                "the description of " + request.source());
        DestinationTable destination = new DestinationTable(to.dynamo(), to.where());
        DestinationTable.Outcome outcome;
        KeySchema keys;
        try {
            outcome = destination.ensure(definition);
            if (!outcome.created() && !request.intoExisting() && destination.hasItems(request.destination())) {
                throw new DynctlException(ExitCode.USAGE, "Table '" + request.destination() + "' in " + to.where()
                        + " already holds items; nothing was copied.",
                        "Pass --into-existing to write the copy among them (items with the same key are replaced).");
            }
            if (outcome.created()) {
                // a table of that name deleted earlier in this process may be remembered with other keys
                KeySchemas.forget(to, request.destination());
            }
            keys = KeySchemas.lookup(to, request.destination()).apply(schema -> schema);
        } catch (SdkException e) {
            // the destination's refusal (access, limits) names the destination's account and region
            throw AwsErrors.translate(e, to.where());
        }
        int segments = request.segments() == null ? TableExport.defaultSegments(source.table()) : request.segments();
        return new Plan(source, keys, segments, outcome.created());
    }

    /** Copies every item; ends early (and says so in the report) after {@link #stop}. */
    public ImportReport run(Request request, Plan plan, Consumer<ImportReport> progress) {
        ImportInput input = new ImportInput("table " + request.source() + " in " + from.where(), -1, -1, "");
        ImportJob copy = new ImportJob(new ImportJob.Settings(plan.destinationKeys(), request.concurrency(), request.writeLimit()),
                to.dynamo()::batchWriteItem, null, new Checkpoint(input, request.destination(), to.where(), 0, 0));
        job = copy;
        if (stopped) {
            copy.stop();
        }
        try (ScanSource scan = new ScanSource(from.dynamo(), from.where(), request.source(), plan.segments(), request.readLimit())) {
            return copy.run(scan, progress);
        }
    }

    /** Asks a running copy to end soon (Ctrl-C). */
    public void stop() {
        stopped = true;
        ImportJob running = job;
        if (running != null) {
            running.stop();
        }
    }
}
