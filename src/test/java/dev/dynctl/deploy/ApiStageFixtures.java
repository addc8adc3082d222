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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * A stage of a service with functions (each with the stage's alias, made behind dynctl's back) and
 * the APIs a test asks for, planned and applied against moto as a deploy would.
 */
final class ApiStageFixtures {
    static final String ACCOUNT = "123456789012";
    static final String STAGE = "dev";

    /** Every write request the clients send (anything but GET): a deploy with nothing to do sends none. */
    static final class WriteCounter implements ExecutionInterceptor {
        final AtomicInteger writes = new AtomicInteger();
        final List<String> sent = new ArrayList<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.httpRequest().method() != SdkHttpMethod.GET) {
                writes.incrementAndGet();
                sent.add(context.httpRequest().method() + " " + context.httpRequest().encodedPath());
            }
        }
    }

    final String service = Engine.uniqueName("svc");
    final StageNames names = new StageNames(service, STAGE);
    final WriteCounter counter = new WriteCounter();
    final Clients clients = new Clients(Target.local(MotoServer.get().endpoint(), Cli.REGION), null, List.of(counter));
    final List<StageFunction> functions = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

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
}
