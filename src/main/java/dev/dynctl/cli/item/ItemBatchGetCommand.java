package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.BatchGetItems;
import dev.dynctl.dynamo.ItemBatchKeys;
import dev.dynctl.dynamo.ItemBatchService;
import dev.dynctl.dynamo.ValueReader;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "batch-get", mixinStandardHelpOptions = true,
        description = {"Get many items by their keys with BatchGetItem.",
            "",
            "Keys come from --key (name=value, typed from the key schema), then from KEYS: JSON or YAML text, "
                    + "@files or stdin, holding key objects ({\"id\": \"u1\"}, plain or DynamoDB JSON) as JSON lines, "
                    + "an array or YAML, or the AWS CLI's request items ({\"TABLE\": {\"Keys\": [...]}}).",
            "",
            "Keys are read 100 per request as they come; unprocessed keys are retried with backoff. Items are "
                    + "printed in the order of their keys, once per key however often it is given. How many keys "
                    + "have no item is said on stderr; with --require-all they are listed and the exit code is 3."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl item batch-get users --key id=u1 --key id=u2",
            "  dynctl item batch-get users @keys.jsonl --attrs id,name",
            "  dynctl item scan users --attrs id -o jsonl | dynctl item batch-get users",
            "  dynctl item batch-get events --key device=d1,time=1700000000 \\",
            "      --consistent --require-all"})
public final class ItemBatchGetCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table.")
    String table;

    @Parameters(index = "1..*", paramLabel = "KEYS",
            description = "Keys as JSON or YAML text, @FILE, or - for stdin (the default when there is no --key).")
    List<String> keys = new ArrayList<>();

    @Option(names = "--key", paramLabel = "NAME=VALUE[,…]",
            description = "A key, typed from the key schema: id=u1,created=5, or JSON (repeatable).")
    List<String> keyTexts = new ArrayList<>();

    @Option(names = "--consistent", description = "Strongly consistent reads.")
    boolean consistent;

    @Option(names = "--require-all", description = "Exit 3, listing the keys, when some keys have no item.")
    boolean requireAll;

    @Mixin
    AttributesOption attributes;

    @Mixin
    SchemaOption schema;

    @Override
    protected void run(Context context) {
        List<String> sources = keys;
        if (keys.isEmpty() && keyTexts.isEmpty()) {
            if (context.stdinIsTerminal()) {
                throw DynctlException.usage("No keys given.", "Pass --key id=u1 (repeatable), a file as @path, or pipe keys on stdin.");
            }
            sources = List.of("-");
        }
        ValueReader values = sources.isEmpty() ? null : ValueReader.of(sources, context::in, ItemBatchKeys.FORMAT_HINT);
        try (BatchGetItems items = new ItemBatchService(context.clients(), schema.project(context)).get(table, keyTexts, values, attributes.attributes(), consistent)) {
            context.output().items(items, items.keyNames());
            report(context, items);
        }
    }

    private void report(Context context, BatchGetItems items) {
        long distinct = items.keysRead() - items.repeated();
        String repeated = items.repeated() == 0 ? "" : ", " + items.repeated() + " repeated";
        context.err().println("Got " + Plural.of(items.found(), "item") + " from " + table + " ("
                + Plural.of(distinct, "key") + repeated + "; "
                + Plural.of(items.requests(), "BatchGetItem request") + ", "
                + Plural.of(items.retries(), "retry", "retries") + ")"
                + (items.missing() == 0 ? "." : "; " + Plural.of(items.missing(), "key has", "keys have") + " no item."));
        if (requireAll && items.missing() > 0) {
            long more = items.missing() - items.missingShown().size();
            throw new DynctlException(ExitCode.NOT_FOUND, Plural.of(items.missing(), "key has", "keys have")
                    + " no item in " + table + ": " + String.join("; ", items.missingShown()) + (more > 0 ? "; and " + more + " more." : "."));
        }
    }
}
