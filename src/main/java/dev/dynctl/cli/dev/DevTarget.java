package dev.dynctl.cli.dev;

import dev.dynctl.aws.Clients;
import dev.dynctl.cli.Context;
import dev.dynctl.cli.GlobalOptions;
import dev.dynctl.deploy.DeployContext;
import dev.dynctl.deploy.StageDeployment;
import dev.dynctl.error.DynctlException;
import dev.dynctl.local.LocalEngine;
import dev.dynctl.model.ProjectFile;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What {@code dev} and {@code function invoke --local} run against: the engine (--endpoint-url's,
 * else the local engine, started when it is not running, with or without --local) and the
 * stage of the project file resolved there exactly as {@code deploy} resolves it.
 */
public final class DevTarget {
    private DevTarget() {
    }

    /** Clients on the engine: never AWS itself, which needs a deploy. */
    public static Clients clients(Context context) {
        GlobalOptions options = context.options();
        if (options.endpointUrl() != null) {
            // --local says "run it here"; the engine is still the one --endpoint-url names
            return options.local() ? context.otherClients(null, null, options.endpointUrl(), false) : context.clients();
        }
        return options.local() ? context.clients() : context.otherClients(null, null, null, true);
    }

    /** --project, or the dynctl.yaml of the folder this runs in (ProjectFile.find); an empty project when there is neither. */
    public static ProjectFile project(Context context) {
        Path given = context.options().project();
        return given != null ? ProjectFile.load(given) : ProjectFile.find(Path.of(""));
    }

    /**
     * The project file and the stage's names, checked before any engine is asked anything: no
     * project file, no service in it or a bad stage name is exit 2.
     */
    public static ProjectFile project(Context context, String stage) {
        ProjectFile project = project(context);
        if (project.source().isEmpty()) {
            throw DynctlException.usage("No " + ProjectFile.FILE_NAME + " in the current directory or above it: nothing to run.",
                    "Run it where " + ProjectFile.FILE_NAME + " is, pass --project FILE, or start a project with dynctl init.");
        }
        project.stageNames(stage);
        return project;
    }

    /**
     * The stage of a project (checked by {@link #project(Context, String)}) in the engine: real
     * names, references and overrides as deploy has them; the account is the engine's (STS
     * GetCallerIdentity).
     *
     * @param notes what the tables and builds report as they go
     */
    public static DeployContext stage(Context context, Clients clients, ProjectFile project, String stage, Consumer<String> notes) {
        return StageDeployment.wanted(clients, project, stage, context.env(), notes).context();
    }

    /** Where the host keeps what runtimes need between runs: beside the local engine's data. */
    public static Path cache(Context context) {
        return LocalEngine.fromEnvironment(context.env()).status().status().home().resolve("dev");
    }
}
