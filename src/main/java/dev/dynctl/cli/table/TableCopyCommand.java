package dev.dynctl.cli.table;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.aws.AwsErrors;
import dev.dynctl.aws.Clients;
import dev.dynctl.bulk.ImportReport;
import dev.dynctl.bulk.TableCopy;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.Interruption;
import dev.dynctl.dynamo.ItemCount;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.exception.SdkException;

@Command(name = "copy", mixinStandardHelpOptions = true,
        description = {"Copy every item of a table into another table, on the same target or another "
                + "(--to-profile, --to-region, --to-endpoint, --to-local).",
            "",
            "A parallel scan of SRC feeds concurrent 25-item batch writers; nothing is written to disk. A "
                    + "missing DST is created with SRC's definition (keys, indexes, billing, stream, TTL) and "
                    + "waited for. An existing DST must have SRC's keys, and must be empty unless "
                    + "--into-existing. A copy has no checkpoint: run an interrupted copy again with "
                    + "--into-existing (a put of the same item twice leaves one)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table copy users users-backup",
            "  dynctl table copy users users --to-region eu-west-1",
            "  dynctl table copy users users --to-profile prod --segments 8",
            "  dynctl table copy users users --to-local",
            "  dynctl table copy users staged --into-existing --write-rate-limit 500"})
public final class TableCopyCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "SRC", description = "The table to read.")
    String source;

    @Parameters(index = "1", paramLabel = "DST", description = "The table to write (created when missing).")
    String destination;

    @Option(names = "--to-profile", paramLabel = "PROFILE", description = "The destination's profile (default: --profile's).")
    String toProfile;

    @Option(names = "--to-region", paramLabel = "REGION", description = "The destination's region (default: the source's).")
    String toRegion;

    @Option(names = "--to-endpoint", paramLabel = "URL", description = "The destination's endpoint (default: the source's).")
    String toEndpoint;

    @Option(names = "--to-local", description = "Copy into the local engine.")
    boolean toLocal;

    @Option(names = "--into-existing", description = "Write into a destination that already holds items.")
    boolean intoExisting;

    @Option(names = "--segments", paramLabel = "N",
            description = "Parallel scan segments (default: 1 per 100,000 items or GiB of SRC, up to 16).")
    Integer segments;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Batches in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--read-rate-limit", paramLabel = "RCU", description = "Read at most this many capacity units a second from SRC.")
    Double readRateLimit;

    @Option(names = "--write-rate-limit", paramLabel = "WCU", description = "Write at most this many capacity units a second to DST.")
    double writeRateLimit;

    @Override
    protected void run(Context context) throws InterruptedException {
        Clients from = context.clients();
        boolean sameTarget = toProfile == null && toRegion == null && toEndpoint == null && !toLocal;
        Clients to = sameTarget ? from : context.otherClients(toProfile, toRegion, toEndpoint, toLocal);
        TableCopy.Request request = new TableCopy.Request(source, destination, segments, concurrency, readRateLimit,
                writeRateLimit, intoExisting);
        TableCopy copy = new TableCopy(from, to);
        TableCopy.Plan plan = copy.prepare(request);
        ImportReport report;
        try (Interruption interrupt = context.onInterrupt(copy::stop)) {
            report = copy.run(request, plan, TableImportCommand.progress(context));
            TableImportCommand.endProgress(context);
            if (interrupt.received()) {
                throw new DynctlException(ExitCode.INTERRUPTED, "Interrupted after copying " + ItemCount.of(report.written())
                        + " to " + destination + ".", "Run the same command again with --into-existing to copy the rest.");
            }
        } catch (SdkException e) {
            TableImportCommand.endProgress(context);
            // the source's errors are translated where they happen; what escapes is the destination's
            throw AwsErrors.translate(e, to.where());
        } catch (DynctlException e) {
            TableImportCommand.endProgress(context);
            throw e;
        }
        ObjectNode document = TableImportCommand.document(destination, report);
        document.put("source", source);
        document.put("sourceTarget", from.where());
        document.put("target", to.where());
        document.put("created", plan.created());
        context.output().document(document);
    }
}
