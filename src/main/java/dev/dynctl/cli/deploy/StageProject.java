package dev.dynctl.cli.deploy;

import dev.dynctl.cli.Context;
import dev.dynctl.model.ProjectFile;
import java.nio.file.Path;

/**
 * The project file a deploy command works from: --project, which must exist, or dynctl.yaml here or above (ProjectFile.locate)
 * (without one the project is empty, and resolving a stage of it says there is nothing to deploy).
 */
final class StageProject {
    private StageProject() {
    }

    /** The whole file, as plan and apply need it. */
    static ProjectFile load(Context context) {
        Path given = context.options().project();
        return given != null ? ProjectFile.load(given) : ProjectFile.find(Path.of(""));
    }

    /** Only the service's name, as destroy needs it: the rest of the file may be wrong or gone. */
    static ProjectFile service(Context context) {
        Path given = context.options().project();
        if (given != null) {
            return ProjectFile.loadService(given);
        }
        return ProjectFile.locate(Path.of("")).map(ProjectFile::loadService).orElseGet(ProjectFile::empty);
    }
}
