package dev.dynctl.model;

import dev.dynctl.api.RouteAuth;
import dev.dynctl.error.DynctlException;
import dev.dynctl.model.yaml.YamlNode;
import dev.dynctl.model.yaml.YamlScalar;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes the project file one stage's {@link ServiceStage}: the stage's overrides applied, every
 * resource given its real name, every {@code ${…}} replaced.
 */
final class StageResolver {
    /** API Gateway's longest API name. */
    private static final int MAX_API_NAME = 128;

    private final ProjectFile project;
    private final StageNames names;
    private final StageTarget target;
    private final Path projectDirectory;

    private StageResolver(ProjectFile project, StageNames names, StageTarget target) {
        this.project = project;
        this.names = names;
        this.target = target;
        this.projectDirectory = projectDirectory(project);
    }

    static ServiceStage resolve(ProjectFile project, String stage, StageTarget target) {
        return new StageResolver(project, names(project, stage), target).resolve();
    }

    static ServiceStage nothing(ProjectFile project, String stage) {
        StageNames names = names(project, stage);
        return ServiceStage.nothing(names.service(), names.stage(), projectDirectory(project));
    }

    /**
     * The checked names of the service and the stage. The one place that says there is no project
     * file: a command without --project passes the empty project of a directory without one.
     */
    static StageNames names(ProjectFile project, String stage) {
        NameRules.checkStage(stage);
        if (project.source().isEmpty()) {
            throw DynctlException.usage("No " + ProjectFile.FILE_NAME + " in the current directory: nothing to deploy.",
                    "Run the command where " + ProjectFile.FILE_NAME + " is, pass --project FILE, or start a project with dynctl init.");
        }
        YamlScalar service = project.serviceValue().orElseThrow(() -> YamlNode.error(project.location(),
                "the project file needs service: NAME to be deployed: lower-case letters, digits and '-', starting with a letter.",
                "e.g. service: notes (its stages' resources are named notes-STAGE-KEY)."));
        NameRules.checkService(service.location(), service.text());
        return new StageNames(service.text(), stage);
    }

    /** The directory of the project file, which {@link #names} made sure there is. */
    private static Path projectDirectory(ProjectFile project) {
        return project.source().orElseThrow().toAbsolutePath().normalize().getParent();
    }

    private ServiceStage resolve() {
        Map<String, String> tableNames = tableNames();
        Map<String, String> functionNames = new LinkedHashMap<>();
        project.functionsByKey().keySet().forEach(key -> functionNames.put(key, names.function(key)));
        StageReferences references = StageReferences.of(names, target, tableNames, functionNames);
        Map<String, FunctionOverride> overrides = project.stageOverrides().getOrDefault(names.stage(), Map.of());

        List<StageTable> tables = project.tables().stream().map(t -> table(t, tableNames.get(t.logicalName()))).toList();
        List<StageFunction> functions = project.functionsByKey().values().stream()
                .map(f -> overrides.containsKey(f.logicalName()) ? f.with(overrides.get(f.logicalName())) : f)
                .map(f -> function(f, functionNames.get(f.logicalName()), tableNames, references))
                .toList();
        List<StageApi> apis = project.apisByKey().values().stream().map(a -> api(a, references)).toList();
        return new ServiceStage(names.service(), names.stage(), projectDirectory, tables, functions, apis);
    }

    /** Each table's real name in the stage, by its key; no two the same. */
    private Map<String, String> tableNames() {
        Map<String, String> realNames = new LinkedHashMap<>();
        for (ProjectTable table : project.tables()) {
            String where = "table '" + table.logicalName() + "'";
            String name;
            if (table.nameSetting() != null) {
                TableNameSetting setting = table.nameSetting();
                if (!setting.namesTheStage()) {
                    throw YamlNode.error(setting.value().location(), "name '" + setting.text() + "' (" + where
                            + ") has no ${stage}, so every stage would share the table.",
                            "Put the stage in it, e.g. name: " + names.service() + "-${stage}-" + table.logicalName() + ".");
                }
                name = setting.resolve(names.service(), names.stage(), target.environment(), where);
            } else {
                name = names.of(table.logicalName());
                if (!TableNameSetting.TABLE_NAME.matcher(name).matches()) {
                    throw YamlNode.error(table.location(), "the real name of " + where + " in stage " + names.stage() + ", " + name
                            + ", is not a DynamoDB table name: " + TableNameSetting.TABLE_NAME_RULE + ".",
                            "Give a shorter key, or a name: with ${stage}.");
                }
            }
            for (Map.Entry<String, String> earlier : realNames.entrySet()) {
                if (earlier.getValue().equals(name)) {
                    throw YamlNode.error(table.location(), "tables '" + earlier.getKey() + "' and '" + table.logicalName()
                            + "' are both the DynamoDB table '" + name + "' in stage " + names.stage() + ".");
                }
            }
            realNames.put(table.logicalName(), name);
        }
        return realNames;
    }

    private static StageTable table(ProjectTable table, String realName) {
        if (!table.layout().hasKeys()) {
            throw YamlNode.error(table.location(), "table '" + table.logicalName() + "' needs keys: to be deployed.",
                    "e.g. keys: {partition: id:S} (sort: is optional; types S, N, B).");
        }
        return new StageTable(table.logicalName(), table.layout().definition(realName));
    }

    private StageFunction function(ProjectFunction function, String name, Map<String, String> tableNames, StageReferences references) {
        Map<String, String> environment = new LinkedHashMap<>();
        function.environment().forEach((variable, value) -> environment.put(variable, value.empty() ? "" : references.resolve(value)));
        Map<String, TableAccess> tables = new LinkedHashMap<>();
        function.tables().forEach((table, access) -> tables.put(tableNames.get(table), access));
        return new StageFunction(function.logicalName(), name, function.runtime(), references.resolve(function.handler()),
                code(function.code(), function.build() != null, references),
                function.build() == null ? null : references.resolveForShell(function.build()),
                function.build() == null ? null : function.build().text(),
                function.memoryMb() != null ? function.memoryMb() : StageFunction.DEFAULT_MEMORY_MB,
                function.timeoutSeconds() != null ? function.timeoutSeconds() : StageFunction.DEFAULT_TIMEOUT_SECONDS,
                environment,
                function.description() == null || function.description().empty() ? "" : references.resolve(function.description()),
                tables);
    }

    /**
     * The code's path, relative ones taken from the project directory (not the working directory).
     * Without a build to make it, it must be there: said at its line rather than when it is packaged.
     */
    private Path code(YamlScalar value, boolean built, StageReferences references) {
        Path code;
        try {
            code = projectDirectory.resolve(references.resolve(value)).normalize();
        } catch (InvalidPathException e) {
            throw value.error("code '" + value.text() + "' is not a path: " + e.getReason() + ".");
        }
        if (!built && !Files.exists(code)) {
            throw YamlNode.error(value.location(), "code '" + value.text() + "' does not exist: no " + code + ".",
                    "Give the directory that holds the function's code, or a .zip or .jar; relative paths start at the project's directory.");
        }
        return code;
    }

    private StageApi api(ProjectApi api, StageReferences references) {
        String name = names.of(api.logicalName());
        if (name.length() > MAX_API_NAME) {
            throw YamlNode.error(api.location(), "the real name of api '" + api.logicalName() + "' in stage " + names.stage() + " is "
                    + name.length() + " characters; API Gateway takes at most " + MAX_API_NAME + ".", "Give the API a shorter key.");
        }
        List<StageRoute> routes = api.routes().stream()
                .map(r -> new StageRoute(r.key(), r.function(), auth(r, references)))
                .toList();
        return new StageApi(api.logicalName(), name, api.type(), api.endpointType(), api.routeSelectionExpression(),
                api.cors() == null ? null : cors(api.cors(), references), routes);
    }

    private static RouteAuth auth(ProjectRoute route, StageReferences references) {
        if (route.auth() != RouteAuth.Kind.COGNITO) {
            return RouteAuth.of(route.auth(), null, List.of());
        }
        String pool = references.resolve(route.userPool());
        List<String> clients = route.clientIds().stream().map(references::resolve).toList();
        try {
            return RouteAuth.of(route.auth(), pool, clients);
        } catch (DynctlException e) {
            throw YamlNode.error(route.userPool().location(), e);
        }
    }

    private static ApiCors cors(ProjectCors cors, StageReferences references) {
        List<String> origins = cors.origins().stream().map(references::resolve).toList();
        if (cors.allowsCredentials() && origins.contains("*")) {
            throw cors.credentials().error("credentials: true needs the origins named: browsers refuse credentials "
                    + "from an API that allows every origin (*).");
        }
        return new ApiCors(origins, cors.methods(), cors.headers().stream().map(references::resolve).toList(),
                cors.maxAgeSeconds(), cors.allowsCredentials());
    }
}
