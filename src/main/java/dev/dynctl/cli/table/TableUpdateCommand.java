package dev.dynctl.cli.table;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.TableBilling;
import dev.dynctl.dynamo.TableChanges;
import dev.dynctl.dynamo.TableDescriptions;
import dev.dynctl.dynamo.TableIndexSpec;
import dev.dynctl.dynamo.TableStreamView;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Change a table's billing and capacity, global indexes, TTL, stream, point-in-time recovery "
                + "or deletion protection. Changes are made one at a time, each once the table has settled; "
                + "what the table already has is skipped, so running an update twice is harmless.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table update orders --billing on-demand",
            "  dynctl table update orders --billing provisioned --rcu 10 --wcu 5",
            "  dynctl table update orders --add-gsi name=byEmail,pk=email:S --wait",
            "  dynctl table update orders --remove-gsi byEmail",
            "  dynctl table update orders --ttl expires --stream new --pitr",
            "  dynctl table update orders --no-deletion-protection",
            "",
            "Switching to provisioned gives the global indexes the same --rcu/--wcu.",
            "--add-gsi takes the spec of 'table create --gsi':",
            "  name=NAME,pk=ATTR:TYPE[,sk=ATTR:TYPE]",
            "  [,projection=all|keys|include:ATTR+ATTR...][,rcu=N,wcu=N]"})
public final class TableUpdateCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The table.")
    String name;

    @Option(names = "--billing", paramLabel = "MODE", description = "Switch billing: on-demand or provisioned (which needs --rcu and --wcu).")
    String billing;

    @Option(names = "--rcu", paramLabel = "N", description = "Read capacity units of a provisioned table.")
    Long readCapacity;

    @Option(names = "--wcu", paramLabel = "N", description = "Write capacity units of a provisioned table.")
    Long writeCapacity;

    @Option(names = "--add-gsi", paramLabel = "SPEC", description = "Add a global index, e.g. name=byEmail,pk=email:S (repeatable).")
    List<String> addIndexes = new ArrayList<>();

    @Option(names = "--remove-gsi", paramLabel = "INDEX", description = "Remove a global index (repeatable).")
    List<String> removeIndexes = new ArrayList<>();

    @Option(names = "--ttl", paramLabel = "ATTR", description = "Expire items at the epoch seconds in this attribute.")
    String ttlAttribute;

    @Option(names = "--no-ttl", description = "Turn TTL off.")
    boolean ttlOff;

    @Option(names = "--stream", paramLabel = "VIEW", description = "Turn on (or change) the change stream: " + TableStreamView.WORDS + ".")
    String stream;

    @Option(names = "--no-stream", description = "Turn the change stream off.")
    boolean streamOff;

    @Option(names = "--pitr", negatable = true, description = "Turn point-in-time recovery on (--no-pitr: off).")
    Boolean pointInTimeRecovery;

    @Option(names = "--deletion-protection", negatable = true, description = "Turn deletion protection on (--no-deletion-protection: off).")
    Boolean deletionProtection;

    @Mixin
    WaitOptions waiting;

    @Override
    protected void run(Context context) throws InterruptedException {
        TableChanges changes = new TableChanges(TableBilling.mode(billing), readCapacity, writeCapacity,
                addIndexes.stream().map(spec -> TableIndexSpec.global("--add-gsi", spec)).toList(), removeIndexes,
                ttlAttribute, ttlOff, TableStreamView.parse("--stream", stream), streamOff,
                pointInTimeRecovery, deletionProtection);
        context.output().document(TableDescriptions.document(TableCommand.service(context).update(name, changes, waiting.limit())));
    }
}
