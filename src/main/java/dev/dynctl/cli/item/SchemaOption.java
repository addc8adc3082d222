package dev.dynctl.cli.item;

import dev.dynctl.cli.Context;
import dev.dynctl.model.ProjectFile;
import picocli.CommandLine.Option;

/** --no-schema: the table's schema in the project file is left out. */
final class SchemaOption {
    @Option(names = "--no-schema",
            description = "Ignore the table's schema in dynctl.yaml: no validation, defaults, transforms, timestamps or version.")
    boolean ignored;

    /** The project whose schemas apply: none with --no-schema (and the file is then not even read). */
    ProjectFile project(Context context) {
        return ignored ? ProjectFile.empty() : context.project();
    }
}
