package dev.dynctl.cli.table;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.TableChanges;
import dev.dynctl.dynamo.TableDescriptions;
import dev.dynctl.dynamo.TableIndexSpec;
import dev.dynctl.dynamo.TableService;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Change a table's billing and capacity, on-demand maximums, class, global indexes, TTL, stream, "
                + "point-in-time recovery, deletion protection or replicas in other regions. Changes are made one at a "
                + "time, each once the table has settled (progress on stderr); what the table already has is skipped "
                + "(with a note), so running an update twice is harmless.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table update orders --billing on-demand",
            "  dynctl table update orders --billing provisioned --rcu 10 --wcu 5",
            "  dynctl table update orders --add-gsi name=byEmail,pk=email:S --wait",
            "  dynctl table update orders --remove-gsi byEmail",
            "  dynctl table update orders --ttl expires --stream new --pitr",
            "  dynctl table update orders --no-deletion-protection",
            "  dynctl table update orders --table-class standard-ia",
            "  dynctl table update orders --billing on-demand --max-rcu 900 --max-wcu 90",
            "  dynctl table update users --stream both --add-replica eu-west-1",
            "",
            "Switching to provisioned gives the global indexes the same --rcu/--wcu.",
            "--add-gsi takes the spec of 'table create --gsi':",
            "  name=NAME,pk=ATTR:TYPE[,sk=ATTR:TYPE]",
            "  [,projection=all|keys|include:ATTR+ATTR...][,rcu=N,wcu=N]",
            "An index that exists with the same spec is left as it is; --remove-gsi of",
            "an index that is not there is a note, not an error. TTL moves to another",
            "attribute in two runs an hour apart (--no-ttl, then --ttl NEW): AWS allows",
            "one TTL change per hour.",
            "A replica (global tables 2019.11.21) needs the stream on with both images:",
            "--stream both in the same update turns it on first. Each replica is its own",
            "request, sent once the one before is ACTIVE; a region that is already a",
            "replica is a note, and --remove-replica REGION of one that is not is exit 3.",
            "--wait waits until every replica is ACTIVE (minutes to hours; see 'table",
            "replicas'). --max-rcu/--max-wcu cap on-demand tables only (-1: no cap)."})
public final class TableUpdateCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The table.")
    String name;

    @Mixin
    TableSettingOptions settings;

    @Option(names = "--add-gsi", paramLabel = "SPEC", description = "Add a global index, e.g. name=byEmail,pk=email:S (repeatable).")
    List<String> addIndexes = new ArrayList<>();

    @Option(names = "--remove-gsi", paramLabel = "INDEX", description = "Remove a global index (repeatable).")
    List<String> removeIndexes = new ArrayList<>();

    @Option(names = "--no-ttl", description = "Turn TTL off.")
    boolean ttlOff;

    @Option(names = "--no-stream", description = "Turn the change stream off.")
    boolean streamOff;

    @Option(names = "--pitr", negatable = true, description = "Turn point-in-time recovery on (--no-pitr: off).")
    Boolean pointInTimeRecovery;

    @Option(names = "--deletion-protection", negatable = true, description = "Turn deletion protection on (--no-deletion-protection: off).")
    Boolean deletionProtection;

    @Option(names = "--add-replica", paramLabel = "REGION", description = "Add a replica in this region (repeatable).")
    List<String> addReplicas = new ArrayList<>();

    @Option(names = "--remove-replica", paramLabel = "REGION", description = "Remove the replica in this region (repeatable).")
    List<String> removeReplicas = new ArrayList<>();

    @Mixin
    WaitOptions waiting;

    @Override
    protected void run(Context context) throws InterruptedException {
        TableChanges changes = new TableChanges(settings.billingMode(), settings.readCapacity, settings.writeCapacity,
                addIndexes.stream().map(spec -> TableIndexSpec.global("--add-gsi", spec)).toList(), removeIndexes,
                settings.ttlAttribute, ttlOff, settings.streamView(), streamOff,
                pointInTimeRecovery, deletionProtection, addReplicas, removeReplicas, settings.costSettings());
        TableService.Update update = TableCommand.service(context).update(name, changes, waiting.limit(), context.err()::println);
        update.notes().forEach(context.err()::println);
        context.output().document(TableDescriptions.document(update.table()));
    }
}
