package dev.dynctl.cli.table;

import dev.dynctl.dynamo.TableBilling;
import dev.dynctl.dynamo.TableCostSettings;
import dev.dynctl.dynamo.TableStorageClass;
import dev.dynctl.dynamo.TableStreamView;
import java.util.Iterator;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Billing, capacity, on-demand maximums, table class, TTL and stream: the settings `table create` and `table update` both take. */
final class TableSettingOptions {
    @Option(names = "--billing", paramLabel = "MODE", completionCandidates = BillingModes.class,
            description = "How the table pays, one of: ${COMPLETION-CANDIDATES} (provisioned needs --rcu and --wcu).")
    String billing;

    @Option(names = "--rcu", paramLabel = "N", description = "Read capacity units (provisioned billing).")
    Long readCapacity;

    @Option(names = "--wcu", paramLabel = "N", description = "Write capacity units (provisioned billing).")
    Long writeCapacity;

    @Option(names = "--max-rcu", paramLabel = "N",
            description = "At most N read request units per second (on-demand billing; -1 removes the maximum).")
    Long maxReadRequestUnits;

    @Option(names = "--max-wcu", paramLabel = "N",
            description = "At most N write request units per second (on-demand billing; -1 removes the maximum).")
    Long maxWriteRequestUnits;

    @Option(names = "--table-class", paramLabel = "CLASS", completionCandidates = TableClasses.class,
            description = "The table class, one of: ${COMPLETION-CANDIDATES} (Standard-Infrequent Access: "
                    + "cheaper storage, dearer reads and writes).")
    String tableClass;

    @Option(names = "--ttl", paramLabel = "ATTR", description = "Expire items at the epoch seconds in this attribute.")
    String ttlAttribute;

    @Option(names = "--stream", paramLabel = "VIEW", completionCandidates = StreamViews.class,
            description = "Turn the change stream on (or change it) with this view, one of: ${COMPLETION-CANDIDATES} "
                    + "(items after a change, before, both, or just their keys).")
    String stream;

    /** The billing of a new table: on-demand unless --billing provisioned or capacity is given. */
    TableBilling newTableBilling() {
        return TableBilling.forNewTable(billing, readCapacity, writeCapacity);
    }

    /** The billing mode to switch to; null: keep the table's. */
    BillingMode billingMode() {
        return TableBilling.mode(billing);
    }

    StreamViewType streamView() {
        return TableStreamView.parse("--stream", stream);
    }

    /** The table class and on-demand maximums asked for. */
    TableCostSettings costSettings() {
        return new TableCostSettings(TableStorageClass.parse("--table-class", tableClass), maxReadRequestUnits, maxWriteRequestUnits);
    }

    /** The words --billing takes, for help and shell completion. */
    static final class BillingModes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return TableBilling.WORDS.iterator();
        }
    }

    /** The words --table-class takes, for help and shell completion. */
    static final class TableClasses implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return TableStorageClass.words().iterator();
        }
    }

    /** The words --stream takes, for help and shell completion. */
    static final class StreamViews implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return TableStreamView.words().iterator();
        }
    }
}
