package dev.dynctl.dev.session;

import dev.dynctl.deploy.DeployContext;
import dev.dynctl.dev.DevLog;
import dev.dynctl.dev.HostSettings;
import dev.dynctl.dev.LocalFunction;
import dev.dynctl.dev.LocalInvocation;
import dev.dynctl.dev.host.FunctionHost;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.error.NearNames;
import dev.dynctl.model.ServiceStage;
import dev.dynctl.model.StageFunction;
import java.util.List;
import java.util.stream.Stream;

/**
 * One invocation of a project's function on this machine, as {@code function invoke --local}
 * runs it: the stage's tables made when the engine lacks them (as {@code dev} makes them), the
 * function built, one instance started for the event and stopped after it.
 */
public final class LocalRun {
    private LocalRun() {
    }

    /**
     * @param context the stage resolved as deploy resolves it; its notes get the tables' changes and the build's output
     * @param function the function's key or its real name in the stage
     * @throws DynctlException exit 3 when the stage has no such function
     */
    public static LocalInvocation invoke(DeployContext context, String function, byte[] event, HostSettings settings, DevLog log)
            throws InterruptedException {
        LocalProject project = new LocalProject(context.stage());
        StageFunction found = project.find(function).orElseThrow(() -> notFound(context.stage(), function));
        LocalTables.apply(context);
        LocalFunction built = project.build(found.logicalName(), context.notes()).orElseThrow();
        LocalInvocation answer;
        try (FunctionHost host = new FunctionHost(List.of(built), settings, log)) {
            answer = host.invoke(built.logicalName(), event);
        }
        // close() has stopped the instance and logged the last of its output: the caller prints the answer after all of it
        return answer;
    }

    private static DynctlException notFound(ServiceStage stage, String function) {
        List<String> names = stage.functions().stream().map(StageFunction::logicalName).toList();
        List<String> near = NearNames.among(stage.functions().stream().flatMap(f -> Stream.of(f.logicalName(), f.name())).toList(), function);
        String known = names.isEmpty() ? "The project file has no functions." : "Its functions: " + String.join(", ", names) + ".";
        return new DynctlException(ExitCode.NOT_FOUND, "No function '" + function + "' in stage " + stage.stage() + " of service "
                + stage.service() + " (a function's key under functions:, or its name in the stage).",
                NearNames.hint(near, known) + " For a function deployed to the local engine, add --deployed.");
    }
}
