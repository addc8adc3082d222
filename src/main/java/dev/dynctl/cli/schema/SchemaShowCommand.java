package dev.dynctl.cli.schema;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.model.TableSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Print a table's schema as dynctl applies it.",
            "",
            "One row per attribute, nested ones included (address.city, and scores[] for a list's items), "
                    + "every setting spelled out with its default: type, format, required, default, enum, "
                    + "validate, set and get transforms, and saveUnknown for maps. The first row, (item), says "
                    + "whether attributes the schema does not declare are kept. The timestamp and version "
                    + "attributes are listed with a note. Reads only the project file, not the table."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl schema show users",
            "  dynctl schema show users -o yaml",
            "  dynctl --project app/dynctl.yaml schema show orders -o json"})
public final class SchemaShowCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "TABLE", description = "The table (its real name in DynamoDB).")
    String table;

    @Override
    protected void run(Context context) {
        context.output().rows(context.project().requireSchema(table).describe(), TableSchema.DESCRIBE_COLUMNS);
    }
}
