package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.ItemBatchRequests;
import dev.dynctl.dynamo.ItemBatchService;
import dev.dynctl.dynamo.ValueReader;
import dev.dynctl.error.DynctlException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "batch-write", mixinStandardHelpOptions = true,
        description = {"Put and delete many items with BatchWriteItem.",
            "",
            "Each write is {\"put\": ITEM} or {\"delete\": KEY}, as JSON lines, a JSON array or YAML; items and keys "
                    + "are plain JSON or DynamoDB JSON, and a key may be name=value text (\"id=u1\"). The AWS CLI's "
                    + "request items ({\"TABLE\": [{\"PutRequest\": {\"Item\": …}}, {\"DeleteRequest\": {\"Key\": …}}]}) "
                    + "are read too, so a file written for 'aws dynamodb batch-write-item' works unchanged.",
            "",
            "Writes go out 25 per request as they are read, in their order (a batch never holds two writes to "
                    + "one item); unprocessed ones are retried with backoff. The summary is printed on stderr; if the "
                    + "writes stop part-way, the error says which were done. A batch is not a transaction: see "
                    + "'item transact'."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl item batch-write users writes.jsonl",
            "  dynctl item batch-write users file://request-items.json",
            "  echo '{\"delete\": \"id=u7\"}' | dynctl item batch-write users"})
public final class ItemBatchWriteCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Parameters(index = "1", arity = "0..1", paramLabel = "FILE",
            description = "The writes: a JSON, JSON lines or YAML file (also as @FILE or file://FILE), or - for stdin (the default).")
    String file;

    @Mixin
    SchemaOption schema;

    @Override
    protected void run(Context context) {
        if (file == null && context.stdinIsTerminal()) {
            throw DynctlException.usage("No writes given.", "Give a FILE, pipe the writes on stdin, or give - to type them.");
        }
        ValueReader values = ValueReader.file(file == null ? "-" : InputFile.path(file), context::in, ItemBatchRequests.FORMAT_HINT);
        ItemBatchService.WriteResult result = new ItemBatchService(context.clients(), schema.project(context)).write(table, values);
        context.err().println("Wrote " + Plural.of(result.puts(), "put") + " and " + Plural.of(result.deletes(), "delete") + " to " + table
                + " (" + Plural.of(result.requests(), "BatchWriteItem request") + ", " + Plural.of(result.retries(), "retry", "retries") + ").");
    }
}
