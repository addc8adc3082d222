package dev.dynctl.cli.schema;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.dynamo.ItemReadSpec;
import dev.dynctl.dynamo.ItemService;
import dev.dynctl.dynamo.ItemStream;
import dev.dynctl.dynamo.ScanSpec;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.ProjectFile;
import dev.dynctl.model.SchemaCheck;
import dev.dynctl.model.TableSchema;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Scan a table and report the items that break its schema.",
            "",
            "Prints how many items were scanned and how many break a rule, how many items break each rule, "
                    + "and the keys of the first violating items with the rules they break and why. Items are "
                    + "checked as they are stored: no defaults, transforms or timestamps are applied.",
            "",
            "Exits 0 when every item conforms and 1 when any does not (with a summary on stderr), so a CI "
                    + "job can fail on bad data; 2 when the project file has no schema for the table."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl schema check users",
            "  dynctl schema check users --list 100 -o yaml",
            "  dynctl schema check events --segments 8 -o json > report.json",
            "  dynctl schema check users --query violating -o text"})
public final class SchemaCheckCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table (its real name in DynamoDB).")
    String table;

    @Option(names = "--segments", paramLabel = "N", defaultValue = "1",
            description = "Parallel scan segments. Default: ${DEFAULT-VALUE}.")
    int segments;

    @Option(names = "--list", paramLabel = "N", defaultValue = "20",
            description = "List the first N violating items (0: counts only). Default: ${DEFAULT-VALUE}.")
    int list;

    @Override
    protected void run(Context context) {
        if (list < 0) {
            throw DynctlException.usage("--list must be 0 or more, not " + list + ".");
        }
        TableSchema schema = context.project().requireSchema(table);
        ScanSpec spec = new ScanSpec(new ItemReadSpec(table, null, false, null, null, List.of(), null), segments);
        SchemaCheck check;
        try (ItemStream items = new ItemService(context.clients(), ProjectFile.empty()).scan(spec)) {
            check = new SchemaCheck(schema, items.keyNames(), list);
            items.forEach(check::add);
        }
        context.output().document(check.toJson());
        if (check.violating() > 0) {
            String more = check.violating() > list ? "; the report lists the first " + list + " (--list N for more)" : "";
            throw new DynctlException(ExitCode.FAILURE, check.summary(), "Fix the items, or the schema in " + schema.source() + more + ".");
        }
    }
}
