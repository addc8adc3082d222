package dev.dynctl.cli.schema;

import dev.dynctl.cli.GroupCommand;
import picocli.CommandLine.Command;

@Command(name = "schema", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND", commandListHeading = "%nCommands:%n",
        description = {"Check tables against the schemas of the project file.",
            "",
            "Schemas live in dynctl.yaml (or the file given with --project), one per table: attribute types, "
                    + "required, defaults, enum, validate rules, transforms, timestamps and saveUnknown.",
            "",
            "The file's reference: docs/schemas.md."},
        subcommands = {SchemaCheckCommand.class, SchemaShowCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl schema check users",
            "  dynctl schema check users --segments 8 -o json > report.json",
            "  dynctl schema show users -o yaml",
            "  dynctl --project services/app.yaml schema check orders"})
public final class SchemaCommand extends GroupCommand {
}
