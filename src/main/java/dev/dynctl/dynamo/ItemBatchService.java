package dev.dynctl.dynamo;

import dev.dynctl.aws.AwsErrors;
import dev.dynctl.aws.Clients;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.ProjectFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * {@code item batch-get} and {@code item batch-write}: many keys or writes on one table, chunked
 * to what BatchGetItem (100 keys) and BatchWriteItem (25 writes) take, with unprocessed ones
 * retried with backoff, streamed from the input in constant memory.
 */
public final class ItemBatchService {
    /** What a batch-write did: writes confirmed by DynamoDB, and the requests it took. */
    public record WriteResult(long puts, long deletes, long requests, long retries) {
    }

    private final Clients clients;
    private final ProjectFile project;
    private final Instant now = Instant.now();

    /** @param project the schemas puts follow and reads show (ProjectFile.empty() for none) */
    public ItemBatchService(Clients clients, ProjectFile project) {
        this.clients = clients;
        this.project = project;
    }

    /**
     * The items of the keys in {@code keyTexts} (--key) and then in {@code values} (null for none),
     * in that order, printed as they are read.
     *
     * @param attributes the attributes to read (all when empty); key attributes are read too, to match items to keys
     */
    public BatchGetItems get(String table, List<String> keyTexts, ValueReader values, List<String> attributes, boolean consistent) {
        KeySchema schema = KeySchemas.lookup(clients, table).apply(s -> s);
        ItemPlaceholders placeholders = new ItemPlaceholders();
        List<String> hidden = attributes.isEmpty() ? List.of() : schema.names().stream().filter(n -> !attributes.contains(n)).toList();
        KeysAndAttributes how = KeysAndAttributes.builder()
                .consistentRead(consistent ? Boolean.TRUE : null)
                .projectionExpression(attributes.isEmpty() ? null : placeholders.projection(concat(attributes, hidden)))
                .expressionAttributeNames(placeholders.names())
                .build();
        ItemBatchGetter getter = new ItemBatchGetter(table, schema.names(), how, clients.dynamo()::batchGetItem);
        ItemBatchKeys keys = new ItemBatchKeys(schema, keyTexts, values);
        try {
            return new BatchGetItems(schema, keys, getter, hidden, TableRules.of(project, table, now)::read).start();
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    /** One write as it will be sent: a put's item (prepared by the schema) or a delete's key. */
    private record Write(boolean put, Map<String, AttributeValue> attributes) {
    }

    /**
     * Writes every put and delete the reader holds, 25 at a time as they are read, in their order;
     * a batch never holds two writes to one item. A failure part-way says which writes were done.
     * With a schema, every put is checked before the first batch (the writes are held until then).
     */
    public WriteResult write(String table, ValueReader values) {
        KeySchema schema = KeySchemas.lookup(clients, table).apply(s -> s);
        ItemBatchWriter writer = new ItemBatchWriter(table, schema.names(), clients.dynamo()::batchWriteItem);
        TableRules rules = TableRules.of(project, table, now);
        try (ItemBatchRequests requests = new ItemBatchRequests(values, schema)) {
            if (!requests.hasNext()) {
                throw DynctlException.usage("No writes: " + requests.description() + " held none.", ItemBatchRequests.FORMAT_HINT);
            }
            Iterator<Write> writes = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return requests.hasNext();
                }

                @Override
                public Write next() {
                    ItemBatchRequests.Request request = requests.next();
                    return new Write(request.put(), request.put() ? itemToPut(schema, rules, request) : request.attributes());
                }
            };
            if (rules.hasSchema()) {
                // an item the schema refuses means nothing is written: every put is checked before the first batch
                List<Write> checked = new ArrayList<>();
                writes.forEachRemaining(checked::add);
                writes = checked.iterator();
            }
            writes.forEachRemaining(write -> {
                if (write.put()) {
                    writer.put(write.attributes());
                } else {
                    writer.delete(write.attributes());
                }
            });
            writer.flush();
        } catch (SdkException e) {
            if (e instanceof DynamoDbException) {
                // the table may have been re-created with other keys: the next command describes it again
                KeySchemas.forget(clients, table);
            }
            // the failed request's writes may or may not have been done
            throw stoppedPartWay(AwsErrors.translate(e, clients.where()), writer, writer.accepted(),
                    "Run it again once the cause is fixed: puts and deletes give the same table when repeated.");
        } catch (DynctlException e) {
            // bad input: the writes before it that were not yet sent are certainly not done
            throw e.exitCode() == ExitCode.USAGE ? stoppedPartWay(e, writer, writer.written(),
                    "Fix the input and run it again: puts and deletes give the same table when repeated.") : e;
        }
        return new WriteResult(writer.puts(), writer.deletes(), writer.requests(), writer.retries());
    }

    /**
     * Every item batch-write puts passes here before it is sent: the one place where an item is
     * checked: its key attributes and their types, then the table's schema in the project file.
     */
    private static Map<String, AttributeValue> itemToPut(KeySchema schema, TableRules rules, ItemBatchRequests.Request request) {
        rules.versionAttribute().ifPresent(version -> {
            throw DynctlException.usage("Table " + schema.table() + " keeps a version in " + version
                    + ": BatchWriteItem cannot check versions, so batch-write does not put its items.",
                    "Put them with 'item put' one at a time, in one 'item transact', or with --no-schema to write them as they are.");
        });
        Map<String, AttributeValue> item = rules.put(request.attributes()).item();
        try {
            schema.requireKeyIn(item, request.origin());
        } catch (DynctlException e) {
            // its hint is about item put's inputs; the message says what the item lacks
            throw new DynctlException(e.exitCode(), e.getMessage(), null, e);
        }
        return item;
    }

    /** A failure after some batches went out: which writes are done, and that running again is safe. */
    private static DynctlException stoppedPartWay(DynctlException e, ItemBatchWriter writer, long sent, String rerun) {
        String message = e.getMessage().matches("(?s).*[.!?]") ? e.getMessage() : e.getMessage() + ".";
        String hint = sent == 0 ? e.hint() : e.hint() == null ? rerun : e.hint() + " " + rerun;
        return new DynctlException(e.exitCode(), message + " " + writtenSoFar(writer, sent), hint, e);
    }

    /**
     * Writes go out in the order they were read, so the done ones are the first: "Writes 1-25
     * were done (20 puts, 5 deletes); writes 26-50 may or may not have been."
     */
    static String writtenSoFar(ItemBatchWriter writer, long sent) {
        long done = writer.written();
        String counts = " (" + plural(writer.puts(), "put") + ", " + plural(writer.deletes(), "delete") + ")";
        String first = done == 0 ? null : done == 1 ? "Write 1 was done" + counts : "Writes 1-" + done + " were done" + counts;
        if (sent <= done) {
            return first == null ? "No writes were done." : first + ".";
        }
        String unsure = sent == done + 1 ? "write " + sent : "writes " + (done + 1) + "-" + sent;
        return first == null
                ? Character.toUpperCase(unsure.charAt(0)) + unsure.substring(1) + " may or may not have been done."
                : first + "; " + unsure + " may or may not have been.";
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
