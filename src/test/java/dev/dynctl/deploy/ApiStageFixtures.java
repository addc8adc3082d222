package dev.dynctl.deploy;

import dev.dynctl.api.ApiType;
import dev.dynctl.api.EndpointType;
import dev.dynctl.api.RouteAuth;
import dev.dynctl.api.RouteKey;
import dev.dynctl.aws.Clients;
import dev.dynctl.aws.Target;
import dev.dynctl.model.ApiCors;
import dev.dynctl.model.ServiceStage;
import dev.dynctl.model.StageApi;
import dev.dynctl.model.StageFunction;
import dev.dynctl.model.StageNames;
import dev.dynctl.model.StageRoute;
import dev.dynctl.testing.Cli;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.MotoServer;
import dev.dynctl.testing.RecordingProxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A stage of a service with functions (each with the stage's alias, made behind dynctl's back) and
 * the APIs a test asks for, planned and applied against moto as a deploy would, through a
 * {@link RecordingProxy} that counts the writes and fails a chosen call.
 */
final class ApiStageFixtures implements AutoCloseable {
    static final String ACCOUNT = "123456789012";
    static final String STAGE = "dev";

    final String service = Engine.uniqueName("svc");
    final StageNames names = new StageNames(service, STAGE);
    final List<StageFunction> functions = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    /** Between the deploy's clients and moto: what they send, and a failure a test asks for. */
    final RecordingProxy proxy;
    final Clients clients;

    ApiStageFixtures() {
        this((method, path) -> null);
    }

    /** @param answers what the proxy answers itself, by method and path (null: moto answers), for what AWS does and moto cannot */
    ApiStageFixtures(BiFunction<String, String, RecordingProxy.Answer> answers) {
        proxy = new RecordingProxy(MotoServer.get().endpoint(), answers);
        clients = new Clients(Target.local(proxy.endpoint(), Cli.REGION), null);
    }


    /** Makes function {@code key} of the service in moto, with version 1 and the stage's alias on it. */
    ApiStageFixtures function(String key) {
        String name = names.function(key);
        Engine.function(name);
        String version = Engine.lambda().publishVersion(b -> b.functionName(name)).version();
        Engine.lambda().createAlias(b -> b.functionName(name).name(names.alias()).functionVersion(version));
        functions.add(new StageFunction(key, name, "python3.12", "app.handler", Path.of("functions", key), null,
                StageFunction.DEFAULT_MEMORY_MB, StageFunction.DEFAULT_TIMEOUT_SECONDS, Map.of(), "", Map.of()));
        return this;
    }

    /** The alias ARN routes call function {@code key} through. */
    String aliasArn(String key) {
        return "arn:aws:lambda:" + Cli.REGION + ":" + ACCOUNT + ":function:" + names.function(key) + ":" + names.alias();
    }

    static StageRoute route(String key, String function) {
        return new StageRoute(RouteKey.parse(key), function, RouteAuth.NONE);
    }

    static StageRoute route(String key, String function, RouteAuth.Kind auth) {
        return new StageRoute(RouteKey.parse(key), function, RouteAuth.of(auth, null, null));
    }

    static ApiCors cors() {
        return new ApiCors(List.of("*"), List.of("GET", "POST", "DELETE"),
                List.of("Content-Type", "Authorization", "X-Amz-Date", "X-Api-Key", "X-Amz-Security-Token"), 600, false);
    }

    StageApi http(String key, ApiCors cors, StageRoute... routes) {
        return new StageApi(key, names.of(key), ApiType.HTTP, null, null, cors, List.of(routes));
    }

    StageApi rest(String key, ApiCors cors, StageRoute... routes) {
        return new StageApi(key, names.of(key), ApiType.REST, EndpointType.REGIONAL, null, cors, List.of(routes));
    }

    StageApi websocket(String key, StageRoute... routes) {
        return new StageApi(key, names.of(key), ApiType.WEBSOCKET, null, "$request.body.action", null, List.of(routes));
    }

    DeployContext context(StageApi... apis) {
        ServiceStage stage = new ServiceStage(service, STAGE, Path.of("."), List.of(), functions, List.of(apis));
        return new DeployContext(clients, stage, ACCOUNT, Cli.REGION, "aws", notes::add);
    }

    /** The context of {@code deploy destroy}: the stage wants nothing. */
    DeployContext nothing() {
        return new DeployContext(clients, ServiceStage.nothing(service, STAGE, Path.of(".")), ACCOUNT, Cli.REGION, "aws", notes::add);
    }

    DeployPlan plan(DeployContext context) throws InterruptedException {
        return new Deployer(List.of(new ApiPlanner())).plan(context);
    }

    /** Plans and applies; returns the plan applied. */
    DeployPlan deploy(DeployContext context) throws InterruptedException {
        Deployer deployer = new Deployer(List.of(new ApiPlanner()));
        DeployPlan plan = deployer.plan(context);
        deployer.apply(plan, context);
        return plan;
    }

    /** "+ route NAME", "~ route NAME", … for the plan's steps that change something. */
    static List<String> pending(DeployPlan plan) {
        return plan.pending().stream().map(s -> s.change().action().sign() + " " + s.change().kind() + " " + s.change().name()).toList();
    }

    @Override
    public void close() {
        clients.close();
        proxy.close();
    }
}
