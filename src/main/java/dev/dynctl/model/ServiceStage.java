package dev.dynctl.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The project file resolved for one stage: every name is the real one in AWS, every {@code ${…}}
 * reference is replaced, and the stage's overrides are applied. This is what {@code deploy} makes
 * real and what {@code deploy plan} compares with what exists.
 *
 * @param projectDirectory the directory of dynctl.yaml: code paths and build commands are relative to it
 */
public record ServiceStage(String service, String stage, Path projectDirectory,
                           List<StageTable> tables, List<StageFunction> functions, List<StageApi> apis) {
    public ServiceStage {
        tables = List.copyOf(tables);
        functions = List.copyOf(functions);
        apis = List.copyOf(apis);
    }

    /** Nothing: what {@code deploy destroy} wants to exist. */
    public static ServiceStage nothing(String service, String stage, Path projectDirectory) {
        return new ServiceStage(service, stage, projectDirectory, List.of(), List.of(), List.of());
    }

    public Optional<StageFunction> function(String logicalName) {
        return functions.stream().filter(f -> f.logicalName().equals(logicalName)).findFirst();
    }

    /** Names only: what the resources hold (a function's environment) may be secret, and this ends up in logs and test reports. */
    @Override
    public String toString() {
        return "ServiceStage[service=" + service + ", stage=" + stage + ", projectDirectory=" + projectDirectory
                + ", tables=" + tables.stream().map(StageTable::name).toList()
                + ", functions=" + functions.stream().map(StageFunction::name).toList()
                + ", apis=" + apis.stream().map(StageApi::name).toList() + "]";
    }

    public Optional<StageTable> table(String logicalName) {
        return tables.stream().filter(t -> t.logicalName().equals(logicalName)).findFirst();
    }
}
