package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.ItemCount;
import dev.dynctl.dynamo.ItemReader;
import dev.dynctl.dynamo.ItemReturnValues;
import dev.dynctl.dynamo.ItemService;
import dev.dynctl.dynamo.expression.Condition;
import dev.dynctl.error.DynctlException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "put", mixinStandardHelpOptions = true,
        description = {"Put (create or replace) one item or many.",
            "",
            "Items are plain JSON, DynamoDB JSON ({\"id\": {\"S\": \"u1\"}}) or YAML; each ITEM, @file or "
                    + "stdin holds one object, an array of objects, or JSON lines. In plain JSON, "
                    + "{\"$set\": [...]} is a set and {\"$binary\": \"base64\"} a binary value. In YAML, a bare "
                    + "word is a number, boolean or null only when JSON would read it so (0123 and yes are strings).",
            "",
            "The AWS CLI's output is read as it is: the Items of 'aws dynamodb scan' and 'query' pages and "
                    + "the Item of 'get-item'.",
            "",
            "One item is written with PutItem. More are written with BatchWriteItem, 25 at a time as they "
                    + "are read, retrying unprocessed items with backoff. The count is printed on stderr; if a "
                    + "put stops part-way, the error says which items were written.",
            "",
            "--if writes the one item only when a condition holds (see docs/expressions.md); when it does "
                    + "not, nothing is written and dynctl exits with 4, showing the item as it is."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl item put users '{\"id\": \"u1\", \"tags\": {\"$set\": [\"admin\"]}}'",
            "  dynctl item put users 'id: u2'",
            "  dynctl item put users @users.jsonl",
            "  aws dynamodb scan --table-name old | dynctl item put new",
            "  dynctl item put users '{\"id\": \"u1\"}' --return-values all-old",
            "  dynctl item put users '{\"id\": \"u5\"}' --if 'attribute_not_exists(id)'",
            "  dynctl item put users '{\"id\": \"u1\", \"v\": 2}' \\",
            "      --if 'v = 1 OR attribute_not_exists(v)'"})
public final class ItemPutCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Parameters(index = "1..*", paramLabel = "ITEM",
            description = "An item as JSON or YAML text, @FILE, or - for stdin (the default when no ITEM is given).")
    List<String> items = new ArrayList<>();

    @Option(names = "--return-values", paramLabel = "WHAT", defaultValue = "none", converter = ReturnValuesConverter.class,
            description = "none or all-old (print the item a single put replaced). Default: ${DEFAULT-VALUE}.")
    ItemReturnValues returnValues;

    @Option(names = "--if", paramLabel = "CONDITION",
            description = "Write only if this holds for the item stored now, e.g. 'attribute_not_exists(id)' (one item).")
    String condition;

    @Mixin
    SchemaOption schema;

    @Override
    protected void run(Context context) {
        if (items.isEmpty() && context.stdinIsTerminal()) {
            throw DynctlException.usage("No item given.", "Pass the item as an argument or @file, pipe items on stdin, or give - to type them.");
        }
        Condition guard = condition == null ? null : Condition.parse(condition, "--if");
        ItemService service = new ItemService(context.clients(), schema.project(context));
        ItemService.PutResult result;
        try (ItemReader reader = ItemReader.of(items, context::in)) {
            result = service.put(table, reader, returnValues, guard);
        }
        if (result.batchRequests() == 0) {
            context.err().println("Put 1 item into " + table + ".");
            if (!result.oldItem().isEmpty()) {
                context.output().item(result.oldItem());
            }
            return;
        }
        long requests = result.batchRequests();
        context.err().println("Put " + ItemCount.of(result.written()) + " into " + table + " ("
                + requests + " BatchWriteItem " + (requests == 1 ? "request" : "requests") + ").");
    }
}
