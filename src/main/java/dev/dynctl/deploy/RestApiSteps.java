package dev.dynctl.deploy;

import dev.dynctl.api.ApiLocator;
import dev.dynctl.api.RouteInfo;
import dev.dynctl.model.StageApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.Resource;

/**
 * A REST API (API Gateway v1) of the stage: the API with its endpoint type, its routes, the CORS
 * preflights, and the stage with the deployment it serves. A REST stage serves a snapshot: a new
 * deployment is made when what it serves changes, and only then.
 */
final class RestApiSteps {
    private final DeployContext context;
    private final ApiServices services;

    RestApiSteps(DeployContext context, ApiServices services) {
        this.context = context;
        this.services = services;
    }

    /** @param existing the stage's API made for this entry, or null to create it */
    List<Step> plan(StageApi wanted, ApiLocator.Listed existing) {
        List<Step> steps = new ArrayList<>();
        ApiHandle api = existing == null ? ApiHandle.toCreate(wanted.name(), wanted.type()) : ApiHandle.existing(existing.api());
        steps.add(existing == null ? create(wanted, api) : update(wanted, existing, api));
        List<Resource> resources = existing == null ? List.of() : RestCorsPreflight.resources(services.v1(), api.ref().id());
        Set<String> preflightPaths = RestCorsPreflight.preflights(resources).keySet();
        List<RouteInfo> routes = existing == null ? List.of() : services.routes().list(api.ref()).stream()
                .filter(route -> !RestCorsPreflight.isPreflight(route, preflightPaths)).toList();
        RoutePlan routePlan = new RoutePlan(context, services.routes(), api, wanted, routes);
        steps.addAll(routePlan.upserts());
        // preflights first: a route deleted after its path's preflight takes the emptied resource with it
        List<Step> preflights = new RestCorsPreflight(services.v1()).steps(api, wanted, resources);
        Map<String, Step> dropped = new HashMap<>();
        routePlan.deletions().forEach(step -> dropped.put(step.change().name(), step));
        for (Step preflight : preflights) {
            // an OPTIONS route the file dropped gives its method to the preflight: one step, the route's method out first
            Step route = preflight.change().action() == Action.CREATE ? dropped.remove(preflight.change().name()) : null;
            steps.add(route == null ? preflight : CallingStep.of(Change.update(ResourceKind.ROUTE, preflight.change().name(),
                    List.of(new FieldChange("target", "function", "cors preflight"))), () -> {
                        route.apply();
                        preflight.apply();
                    }));
        }
        routePlan.deletions().stream().filter(step -> dropped.containsKey(step.change().name())).forEach(steps::add);
        boolean changed = routePlan.changes() || preflights.stream().anyMatch(step -> step.change().action() != Action.NONE);
        steps.addAll(new RestStageSteps(context, services).plan(wanted, api, changed));
        return steps;
    }

    private Step create(StageApi wanted, ApiHandle api) {
        return CallingStep.of(Change.create(ResourceKind.API, wanted.name()), () -> {
            String id = services.v1().createRestApi(b -> b.name(wanted.name())
                    .endpointConfiguration(c -> c.typesWithStrings(wanted.endpointType().name()))
                    .tags(DeployTags.of(context, ApiState.resource(wanted)))).id();
            api.created(id);
        });
    }

    private Step update(StageApi wanted, ApiLocator.Listed existing, ApiHandle api) {
        List<PatchOperation> patch = new ArrayList<>();
        List<FieldChange> fields = new ArrayList<>();
        if (!wanted.name().equals(existing.api().name())) {
            fields.add(new FieldChange("name", existing.api().name(), wanted.name()));
            patch.add(PatchOperation.builder().op(Op.REPLACE).path("/name").value(wanted.name()).build());
        }
        String endpoint = wanted.endpointType().label();
        if (!endpoint.equals(existing.endpoint())) {
            fields.add(new FieldChange("endpoint", existing.endpoint(), endpoint));
            patch.add(PatchOperation.builder().op(Op.REPLACE)
                    .path("/endpointConfiguration/types/" + existing.endpoint().toUpperCase(Locale.ROOT))
                    .value(wanted.endpointType().name()).build());
        }
        if (fields.isEmpty()) {
            return CallingStep.none(ResourceKind.API, wanted.name());
        }
        return CallingStep.of(Change.update(ResourceKind.API, wanted.name(), fields),
                () -> services.v1().updateRestApi(b -> b.restApiId(api.ref().id()).patchOperations(patch)));
    }
}
