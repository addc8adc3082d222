package dev.dynctl.deploy;

import dev.dynctl.api.ApiLocator;
import dev.dynctl.api.ApiRef;
import dev.dynctl.api.ApiType;
import dev.dynctl.api.InvokeUrl;
import dev.dynctl.model.StageApi;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plans the stage's APIs: for each API of the file the API itself (created with the stage's tags),
 * its routes to the functions' aliases with their permissions, its CORS, and the API stage named
 * after the dynctl stage (with a deployment, for REST, when what it serves changed). The stage's
 * APIs that the file no longer lists are deleted, with their functions' permissions.
 */
public final class ApiPlanner implements Planner {
    @Override
    public List<Step> plan(DeployContext context) {
        ApiServices services = ApiServices.of(context);
        ApiState state = ApiState.read(context, services);
        context.stage().apis().forEach(state::refuseStrangers);
        List<Step> steps = new ArrayList<>();
        for (StageApi wanted : context.stage().apis()) {
            ApiLocator.Listed existing = state.claim(wanted);
            steps.addAll(wanted.type() == ApiType.REST
                    ? new RestApiSteps(context, services).plan(wanted, existing)
                    : new HttpApiSteps(context, services).plan(wanted, existing));
        }
        state.unclaimed().stream().sorted(Comparator.comparing((ApiLocator.Listed api) -> api.api().name()))
                .forEach(api -> steps.add(delete(context, services, api.api())));
        return steps;
    }

    /** The API with its stages and routes, after its routes' permissions on the functions. */
    private static Step delete(DeployContext context, ApiServices services, ApiRef api) {
        return CallingStep.of(Change.delete(ResourceKind.API, api.name()), () -> {
            services.catalog().delete(api, services.routes());
        });
    }

    /** The invoke URL of each API of the stage, read after a deploy (reads only): the file's APIs first, in its order. */
    public List<ApiEndpoint> endpoints(DeployContext context) {
        ApiServices services = ApiServices.of(context);
        List<String> order = context.stage().apis().stream().map(StageApi::name).toList();
        return ApiState.read(context, services).owned().stream()
                .map(ApiLocator.Listed::api)
                .sorted(Comparator.comparing((ApiRef api) -> order.contains(api.name()) ? order.indexOf(api.name()) : order.size())
                        .thenComparing(ApiRef::name))
                .map(api -> new ApiEndpoint(api.name(), api.type().label(),
                        InvokeUrl.stage(api.type(), services.stages().base(api), context.stage().stage())))
                .toList();
    }
}
