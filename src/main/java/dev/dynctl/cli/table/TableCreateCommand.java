package dev.dynctl.cli.table;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.TableDefinition;
import dev.dynctl.dynamo.TableDescriptions;
import dev.dynctl.dynamo.TableIndexSpec;
import dev.dynctl.dynamo.TableKeyAttribute;
import dev.dynctl.dynamo.TableService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create a table with its keys, indexes, billing, class, TTL, stream and tags. "
                + "Billing is on-demand unless --billing provisioned or --rcu/--wcu are given; "
                + "TTL and point-in-time recovery are set once the table is ACTIVE.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl table create users --pk id:S --wait",
            "  dynctl table create orders --pk customer:S --sk created:N \\",
            "      --gsi name=byStatus,pk=status:S,sk=created:N,projection=include:total",
            "  dynctl table create events --pk device:S --sk at:N \\",
            "      --lsi name=byType,sk=type:S,projection=keys \\",
            "      --billing provisioned --rcu 5 --wcu 5 \\",
            "      --ttl expires --stream both --tag team=core",
            "  dynctl table create logs --pk id:S --table-class standard-ia --max-wcu 500",
            "  dynctl table create users --pk id:S --if-not-exists  # ok: same keys",
            "",
            "Keys are ATTR:TYPE, TYPE being S (string), N (number) or B (binary).",
            "Indexes (--gsi, --lsi) are comma-separated FIELD=VALUE pairs:",
            "  name=NAME          the index name (required)",
            "  pk=ATTR:TYPE       partition key (--gsi only, and required there)",
            "  sk=ATTR:TYPE       sort key (required for --lsi: it shares the table's pk)",
            "  projection=all|keys|include:ATTR+ATTR...",
            "                     attributes copied into the index (default: all)",
            "  rcu=N,wcu=N        capacity of a --gsi on a provisioned table",
            "                     (default: the table's)"})
public final class TableCreateCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The new table's name.")
    String name;

    @Option(names = "--pk", required = true, paramLabel = "ATTR:TYPE", description = "Partition key, e.g. id:S.")
    String partitionKey;

    @Option(names = "--sk", paramLabel = "ATTR:TYPE", description = "Sort key, e.g. created:N.")
    String sortKey;

    @Option(names = "--gsi", paramLabel = "SPEC", description = "Global index " + TableIndexSpec.GLOBAL_SYNTAX + " (repeatable).")
    List<String> globalIndexes = new ArrayList<>();

    @Option(names = "--lsi", paramLabel = "SPEC", description = "Local index " + TableIndexSpec.LOCAL_SYNTAX + " (repeatable).")
    List<String> localIndexes = new ArrayList<>();

    @Mixin
    TableSettingOptions settings;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Tag the table (repeatable).")
    Map<String, String> tags = new LinkedHashMap<>();

    @Option(names = "--deletion-protection", description = "Refuse deletes until it is turned off.")
    boolean deletionProtection;

    @Option(names = "--pitr", description = "Turn on point-in-time recovery.")
    boolean pointInTimeRecovery;

    @Option(names = "--if-not-exists",
            description = "Succeed without changes when the table already exists with these keys (fail if its keys differ).")
    boolean ifNotExists;

    @Mixin
    WaitOptions waiting;

    @Override
    protected void run(Context context) throws InterruptedException {
        TableDefinition definition = new TableDefinition(name,
                TableKeyAttribute.parse("--pk", partitionKey),
                sortKey == null ? null : TableKeyAttribute.parse("--sk", sortKey),
                globalIndexes.stream().map(spec -> TableIndexSpec.global("--gsi", spec)).toList(),
                localIndexes.stream().map(spec -> TableIndexSpec.local("--lsi", spec)).toList(),
                settings.newTableBilling(), settings.streamView(),
                tags, deletionProtection, settings.ttlAttribute, pointInTimeRecovery);
        TableService.Creation creation = TableCommand.service(context).create(definition, settings.costSettings(), ifNotExists,
                waiting.limit());
        if (creation.existed()) {
            context.err().println("Table '" + name + "' already exists with these keys; nothing was changed.");
        }
        context.output().document(TableDescriptions.document(creation.table()));
    }
}
