package dev.dynctl.deploy;

import dev.dynctl.api.ApiLocator;
import dev.dynctl.api.ApiStage;
import dev.dynctl.api.ApiType;
import dev.dynctl.model.StageApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.apigatewayv2.model.Cors;
import software.amazon.awssdk.services.apigatewayv2.model.GetApiResponse;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;

/**
 * An HTTP or WebSocket API (API Gateway v2) of the stage: the API with its CORS or route selection,
 * its routes, and its stage. The stage deploys by itself (AutoDeploy): every route change is live
 * without a deployment of dynctl's.
 */
final class HttpApiSteps {
    private final DeployContext context;
    private final ApiServices services;

    HttpApiSteps(DeployContext context, ApiServices services) {
        this.context = context;
        this.services = services;
    }

    /** @param existing the stage's API made for this entry, or null to create it */
    List<Step> plan(StageApi wanted, ApiLocator.Listed existing) {
        List<Step> steps = new ArrayList<>();
        ApiHandle api = existing == null ? ApiHandle.toCreate(wanted.name(), wanted.type()) : ApiHandle.existing(existing.api());
        steps.add(existing == null ? create(wanted, api) : update(wanted, api));
        RoutePlan routes = new RoutePlan(context, services.routes(), api, wanted,
                existing == null ? List.of() : services.routes().list(api.ref()));
        steps.addAll(routes.upserts());
        steps.addAll(routes.deletions());
        steps.add(stage(wanted, api));
        return steps;
    }

    private Step create(StageApi wanted, ApiHandle api) {
        return CallingStep.of(Change.create(ResourceKind.API, wanted.name()), () -> {
            String id = services.v2().createApi(b -> b.name(wanted.name())
                    .protocolType(wanted.type() == ApiType.WEBSOCKET ? ProtocolType.WEBSOCKET : ProtocolType.HTTP)
                    .routeSelectionExpression(wanted.type() == ApiType.WEBSOCKET ? wanted.routeSelectionExpression() : null)
                    .corsConfiguration(cors(wanted))
                    .tags(DeployTags.of(context, ApiState.resource(wanted)))).apiId();
            api.created(id);
        });
    }

    private Step update(StageApi wanted, ApiHandle api) {
        GetApiResponse current = services.v2().getApi(b -> b.apiId(api.ref().id()));
        List<FieldChange> fields = new ArrayList<>();
        if (!wanted.name().equals(current.name())) {
            fields.add(new FieldChange("name", current.name(), wanted.name()));
        }
        Cors cors = cors(wanted);
        Cors currentCors = current.corsConfiguration();
        boolean corsChanged = !HttpCors.same(cors, currentCors);
        if (corsChanged) {
            fields.add(new FieldChange("cors", HttpCors.describe(currentCors), HttpCors.describe(cors)));
        }
        boolean websocket = wanted.type() == ApiType.WEBSOCKET;
        boolean selectionChanged = websocket && !Objects.equals(wanted.routeSelectionExpression(), current.routeSelectionExpression());
        if (selectionChanged) {
            fields.add(new FieldChange("route_selection", current.routeSelectionExpression(), wanted.routeSelectionExpression()));
        }
        if (fields.isEmpty()) {
            return CallingStep.none(ResourceKind.API, wanted.name());
        }
        return CallingStep.of(Change.update(ResourceKind.API, wanted.name(), fields), () -> {
            String id = api.ref().id();
            if (corsChanged && cors == null) {
                services.v2().deleteCorsConfiguration(b -> b.apiId(id));
            }
            services.v2().updateApi(b -> b.apiId(id).name(wanted.name())
                    .corsConfiguration(corsChanged ? cors : null)
                    .routeSelectionExpression(selectionChanged ? wanted.routeSelectionExpression() : null));
        });
    }

    /** WebSocket APIs have no CORS: browsers do not preflight a WebSocket. */
    private static Cors cors(StageApi wanted) {
        return wanted.type() == ApiType.HTTP && wanted.cors() != null ? HttpCors.of(wanted.cors()) : null;
    }

    /** The API stage named after the dynctl stage, deploying every change by itself. */
    private Step stage(StageApi wanted, ApiHandle api) {
        String stageName = context.stage().stage();
        String name = api.name() + " " + stageName;
        ApiStage current = api.exists()
                ? services.stages().stages(api.ref()).stream().filter(s -> s.name().equals(stageName)).findFirst().orElse(null)
                : null;
        if (current == null) {
            return CallingStep.of(Change.create(ResourceKind.STAGE, name), () -> services.v2().createStage(b -> b.apiId(api.ref().id())
                    .stageName(stageName).autoDeploy(true).tags(DeployTags.of(context, ApiState.resource(wanted)))));
        }
        if (!Boolean.TRUE.equals(current.autoDeploy())) {
            return CallingStep.of(Change.update(ResourceKind.STAGE, name, List.of(new FieldChange("auto_deploy", "false", "true"))),
                    () -> services.v2().updateStage(b -> b.apiId(api.ref().id()).stageName(stageName).autoDeploy(true)));
        }
        return CallingStep.none(ResourceKind.STAGE, name);
    }
}
