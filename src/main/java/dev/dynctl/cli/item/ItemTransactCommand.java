package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import dev.dynctl.dynamo.ItemTransaction;
import dev.dynctl.dynamo.TransactionCancelled;
import dev.dynctl.dynamo.TransactionOperation;
import dev.dynctl.dynamo.ValueReader;
import dev.dynctl.error.DynctlException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "transact", mixinStandardHelpOptions = true,
        description = {"Write up to 100 items on any tables all together, or not at all (TransactWriteItems).",
            "",
            "FILE holds a YAML or JSON list (or JSON lines) of operations:",
            "  - put:    {table: users, item: {id: u1}, if: 'attribute_not_exists(id)'}",
            "  - update: {table: users, key: {id: u2}, set: {status: active},",
            "             remove: [nick], add: {visits: 1}, delete: {tags: [old]},",
            "             update: 'SET n = n + 1', if: 'n < 10'}",
            "  - delete: {table: users, key: 'id=u3'}",
            "  - check:  {table: accounts, key: {id: a1}, if: 'balance >= 100'}",
            "",
            "A key is a map (plain or DynamoDB JSON) or name=value text typed from the key schema; 'if' is a "
                    + "condition and 'update' update clauses in dynctl's grammar. The AWS CLI's --transact-items "
                    + "entries ({\"Put\": {\"TableName\": …}}, Update, Delete, ConditionCheck) work too.",
            "",
            "The file is checked whole before anything is sent: more than 100 operations, or two on one item, "
                    + "exit 2. When DynamoDB cancels the transaction, nothing is written: each operation's reason "
                    + "is printed (ConditionalCheckFailed with the condition and the item as it is, "
                    + "TransactionConflict, ValidationError, or None for those that were fine) and the exit code is 4."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl item transact ops.yaml",
            "  dynctl item transact ops.yaml --token order-1234-pay",
            "  dynctl item transact - < ops.jsonl"})
public final class ItemTransactCommand extends DynctlCommand {
    /** How much of an item a cancellation reason shows. */
    private static final int ITEM_SHOWN = 200;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The operations: a YAML, JSON or JSON lines file (also as @FILE or file://FILE), or - for stdin "
                    + "(the default).")
    String file;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Idempotency token (ClientRequestToken, up to 36 characters): running the same operations "
                    + "with the same token again within 10 minutes succeeds without writing twice; other operations "
                    + "with it fail. Without it, each run is a new transaction.")
    String token;

    @Mixin
    SchemaOption schema;

    @Override
    protected void run(Context context) {
        if (file == null && context.stdinIsTerminal()) {
            throw DynctlException.usage("No operations given.", "Give a FILE, pipe the operations on stdin, or give - to type them.");
        }
        ValueReader values = ValueReader.file(file == null ? "-" : InputFile.path(file), context::in,
                "The file is a YAML or JSON list of operations such as - put: {table: users, item: {id: u1}}.");
        ItemTransaction.Result result;
        try (values) {
            result = new ItemTransaction(context.clients(), schema.project(context)).run(values, token);
        } catch (TransactionCancelled e) {
            e.reasons().forEach(reason -> context.err().println(line(reason)));
            throw e;
        }
        context.err().println("Transaction done: " + Plural.of(result.operations().size(), "operation") + " on "
                + String.join(", ", result.tables()) + " (" + result.counts() + ").");
    }

    /** "Operation 2 (update users id=u2, ops.yaml line 4): ConditionalCheckFailed: 'n < 10' is false; the item is {…}". */
    private static String line(TransactionCancelled.Reason reason) {
        TransactionOperation operation = reason.operation();
        String head = "Operation " + operation.number() + " (" + operation.describe() + ", " + operation.at() + "): " + reason.code();
        if (!reason.failed()) {
            return head + " (it was fine; the others cancelled it)";
        }
        if (reason.code().equals("ConditionalCheckFailed") && operation.condition() != null) {
            String item = !reason.item().isEmpty() ? "; the item is " + shortened(Json.write(Json.MAPPER.writer(), AttributeCodec.toJson(reason.item())))
                    : operation.returnsItemOnFailure() ? "; there is no such item" : "";
            String hint = operation.conditionHint() == null ? "" : " (" + operation.conditionHint() + ")";
            return head + ": '" + operation.condition() + "' is false" + item + hint;
        }
        return reason.message() == null || reason.message().isBlank() ? head : head + ": " + reason.message();
    }

    private static String shortened(String text) {
        return text.length() <= ITEM_SHOWN ? text : text.substring(0, ITEM_SHOWN) + "…";
    }
}
