package dev.dynctl.deploy;

import dev.dynctl.api.ApiLocator;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.model.StageApi;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The APIs that exist when a deploy is planned: those the stage owns (by their tags) and the
 * others, whose names the stage must not take. Each API of the file claims the owned API made for
 * its entry; what no entry claims is the stage's no longer.
 */
final class ApiState {
    private final DeployContext context;
    private final List<ApiLocator.Listed> all;
    private final List<ApiLocator.Listed> unclaimed;

    private ApiState(DeployContext context, List<ApiLocator.Listed> all) {
        this.context = context;
        this.all = all;
        this.unclaimed = new ArrayList<>(all.stream().filter(api -> DeployTags.owned(context, api.tags())).toList());
    }

    /** Every API of the region, REST and v2, in one pass over both API Gateways. */
    static ApiState read(DeployContext context, ApiServices services) {
        return new ApiState(context, services.locator().listing());
    }

    /** The project entry an API of the file is tagged with: apis.KEY. */
    static String resource(StageApi api) {
        return "apis." + api.logicalName();
    }

    /** The stage's APIs as they are, claimed or not. */
    List<ApiLocator.Listed> owned() {
        return all.stream().filter(api -> DeployTags.owned(context, api.tags())).toList();
    }

    /**
     * Stops the deploy (exit 1) when an API has the name {@code wanted} takes but is not the stage's:
     * dynctl leaves it as it is rather than make a second API of the same name beside it.
     */
    void refuseStrangers(StageApi wanted) {
        List<ApiLocator.Listed> strangers = all.stream()
                .filter(api -> wanted.name().equals(api.api().name()) && !DeployTags.owned(context, api.tags())).toList();
        if (!strangers.isEmpty()) {
            String which = strangers.stream().map(api -> api.api().id() + " (" + api.api().type().label() + ")").collect(Collectors.joining(", "));
            throw new DynctlException(ExitCode.FAILURE, "API '" + wanted.name() + "' (" + which + ") in " + context.clients().where()
                    + " is not this stage's: it lacks the tags " + DeployTags.SERVICE + "=" + context.stage().service() + " and "
                    + DeployTags.STAGE + "=" + context.stage().stage() + ". dynctl leaves it as it is.",
                    "Delete or rename that API, or give apis." + wanted.logicalName() + " another name in dynctl.yaml.");
        }
    }

    /** The owned API made for {@code wanted}'s entry with its type, taken off those to delete; null when there is none. */
    ApiLocator.Listed claim(StageApi wanted) {
        for (ApiLocator.Listed api : unclaimed) {
            if (resource(wanted).equals(DeployTags.resource(api.tags())) && api.api().type() == wanted.type()) {
                unclaimed.remove(api);
                return api;
            }
        }
        return null;
    }

    /** The owned APIs no entry of the file claimed: a removed entry, or one whose type changed. */
    List<ApiLocator.Listed> unclaimed() {
        return List.copyOf(unclaimed);
    }
}
