package dev.dynctl.cli.deploy;

import dev.dynctl.cli.Context;
import dev.dynctl.error.DynctlException;
import dev.dynctl.model.ProjectFile;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project file a deploy command works from: --project, or dynctl.yaml here, which must exist. */
final class StageProject {
    private StageProject() {
    }

    static ProjectFile load(Context context) {
        Path given = context.options().project();
        if (given != null) {
            return ProjectFile.load(given);
        }
        Path here = Path.of(ProjectFile.FILE_NAME);
        if (!Files.isRegularFile(here)) {
            throw DynctlException.usage("No " + ProjectFile.FILE_NAME + " in the current directory: nothing to deploy.",
                    "Run the command where dynctl.yaml is, pass --project FILE, or start a project with dynctl init.");
        }
        return ProjectFile.load(here);
    }
}
