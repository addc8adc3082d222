package dev.dynctl.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.error.NearNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.apigateway.model.BadRequestException;
import software.amazon.awssdk.services.apigateway.model.Deployment;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.GetStagesResponse;

/**
 * Stages and deployments of an API. A stage is a named, callable snapshot (a deployment) of the
 * API plus its variables; REST stages live in API Gateway v1, HTTP and WebSocket stages in v2.
 */
public final class ApiStages {
    private final ApiGatewayClient v1;
    private final ApiGatewayV2Client v2;
    private final String region;

    public ApiStages(ApiGatewayClient v1, ApiGatewayV2Client v2, String region) {
        this.v1 = v1;
        this.v2 = v2;
        this.region = region;
    }

    /** The API's base invoke URL (no stage). */
    public String base(ApiRef api) {
        String endpoint = api.type().v2() ? v2.getApi(b -> b.apiId(api.id())).apiEndpoint() : null;
        return InvokeUrl.base(api.type(), api.id(), region, endpoint);
    }

    /** Every stage of the API, by name. */
    public List<ApiStage> stages(ApiRef api) {
        List<ApiStage> stages = new ArrayList<>();
        if (api.type().v2()) {
            V2Pages.all(token -> v2.getStages(b -> b.apiId(api.id()).maxResults(V2Pages.MAX_RESULTS).nextToken(token)),
                    GetStagesResponse::items, GetStagesResponse::nextToken)
                    .forEach(s -> stages.add(new ApiStage(s.stageName(), s.deploymentId(), s.description(),
                            s.stageVariables(), Boolean.TRUE.equals(s.autoDeploy()), s.createdDate(), s.lastUpdatedDate())));
        } else {
            v1.getStages(b -> b.restApiId(api.id())).item().forEach(s -> stages.add(new ApiStage(s.stageName(), s.deploymentId(),
                    s.description(), s.variables(), null, s.createdDate(), s.lastUpdatedDate())));
        }
        stages.sort(Comparator.comparing(ApiStage::name));
        return stages;
    }

    /** The stages as users see them, each with its invoke URL. */
    public List<ObjectNode> list(ApiRef api) {
        String base = base(api);
        return stages(api).stream().map(stage -> stage.document(api.type(), base)).toList();
    }

    /** The named stage; not found (exit 3) names the stages the API has. */
    public ApiStage stage(ApiRef api, String name) {
        return stage(api, name, false);
    }

    /** The named stage, to be called: not found (exit 3) also says how deploying creates it. */
    public ApiStage callableStage(ApiRef api, String name) {
        return stage(api, name, true);
    }

    private ApiStage stage(ApiRef api, String name, boolean deployHint) {
        List<ApiStage> stages = stages(api);
        return stages.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> missing(api, name, stages, deployHint));
    }

    private static DynctlException missing(ApiRef api, String name, List<ApiStage> stages, boolean deployHint) {
        List<String> names = stages.stream().map(ApiStage::name).toList();
        String has = names.isEmpty() ? "It has no stages." : "Its stages: " + String.join(", ", names) + ".";
        String deploy = "'dynctl api deploy " + api.id() + " --stage " + (deployHint ? name : "STAGE") + "'";
        String otherwise = deployHint ? "Deploy to it with " + deploy + "."
                : names.isEmpty() ? "Deploy the API to make one: " + deploy + "."
                : "Name one of them; 'dynctl api stage list " + api.id() + "' shows them with their URLs.";
        return DynctlException.notFound("Stage '" + name + "' not found in API '" + api.name() + "' (" + api.id() + "). " + has,
                NearNames.hint(NearNames.among(names, name), otherwise));
    }

    /**
     * Creates a stage. REST stages must serve a deployment: without {@code deploymentId} the
     * newest one; v2 stages may start without one.
     */
    public ApiStage create(ApiRef api, String name, String description, Map<String, String> variables, String deploymentId) {
        StageRules.stageName(name, api.type());
        List<ApiStage> stages = stages(api);
        if (stages.stream().anyMatch(s -> s.name().equals(name))) {
            throw DynctlException.usage("Stage '" + name + "' already exists in API '" + api.name() + "' (" + api.id() + ").",
                    "Change it with 'dynctl api stage update', or deploy to it with 'dynctl api deploy'.");
        }
        if (api.type().v2()) {
            v2.createStage(b -> b.apiId(api.id()).stageName(name).description(description).stageVariables(variables)
                    .deploymentId(deploymentId));
        } else {
            String deployment = deploymentId != null ? deploymentId : newestDeployment(api, name);
            v1.createStage(b -> b.restApiId(api.id()).stageName(name).description(description).variables(variables)
                    .deploymentId(deployment));
        }
        return stage(api, name);
    }

    /**
     * The deployment made last. API Gateway keeps creation times to the second, so deployments made
     * within one second tie: rather than pick one of them at random, the user is asked to choose.
     */
    private String newestDeployment(ApiRef api, String stage) {
        List<Deployment> deployments = v1.getDeploymentsPaginator(b -> b.restApiId(api.id()).limit(500)).items().stream().toList();
        if (deployments.isEmpty()) {
            throw DynctlException.usage("API '" + api.name() + "' (" + api.id() + ") has no deployment for a stage to serve.",
                    "Deploy it, which creates the stage too: 'dynctl api deploy " + api.id() + " --stage " + stage + "'.");
        }
        Instant newest = deployments.stream().map(Deployment::createdDate).filter(Objects::nonNull).max(Comparator.naturalOrder())
                .orElse(null);
        List<String> tied = deployments.stream().filter(d -> Objects.equals(d.createdDate(), newest)).map(Deployment::id).sorted().toList();
        if (tied.size() > 1) {
            throw DynctlException.usage("API '" + api.name() + "' (" + api.id() + ") has " + tied.size()
                            + " deployments made in the same second" + (newest == null ? "" : " (" + newest + ")") + ": "
                            + String.join(", ", tied) + "; which one is the newest cannot be told.",
                    "Name the one stage '" + stage + "' serves with --deployment ID.");
        }
        return tied.get(0);
    }

    /**
     * Sets and removes stage variables (and the description, when given). Only what differs from
     * the stage as it is gets sent; when nothing does, no update is made.
     */
    public StageUpdate update(ApiRef api, String name, String description, Map<String, String> set, List<String> unset) {
        ApiStage current = stage(api, name);
        Map<String, String> changed = new LinkedHashMap<>();
        set.forEach((k, v) -> {
            if (!v.equals(current.variables().get(k))) {
                changed.put(k, v);
            }
        });
        List<String> removed = unset.stream().distinct().filter(current.variables()::containsKey).toList();
        List<String> absent = unset.stream().distinct().filter(k -> !current.variables().containsKey(k)).toList();
        String newDescription = description == null || description.equals(Objects.requireNonNullElse(current.description(), ""))
                ? null : description;
        if (changed.isEmpty() && removed.isEmpty() && newDescription == null) {
            return new StageUpdate(current, false, absent);
        }
        if (api.type().v2()) {
            // v2 merges the map it is sent into the stage's variables: a key sent with an empty value is removed
            Map<String, String> variables = new LinkedHashMap<>(changed);
            removed.forEach(k -> variables.put(k, ""));
            v2.updateStage(b -> b.apiId(api.id()).stageName(name).description(newDescription)
                    .stageVariables(variables.isEmpty() ? null : variables));
        } else {
            List<PatchOperation> patch = new ArrayList<>();
            changed.forEach((k, v) -> patch.add(PatchOperation.builder().op(Op.REPLACE).path("/variables/" + k).value(v).build()));
            removed.forEach(k -> patch.add(PatchOperation.builder().op(Op.REMOVE).path("/variables/" + k).build()));
            if (newDescription != null) {
                patch.add(PatchOperation.builder().op(Op.REPLACE).path("/description").value(newDescription).build());
            }
            v1.updateStage(b -> b.restApiId(api.id()).stageName(name).patchOperations(patch));
        }
        return new StageUpdate(stage(api, name), true, absent);
    }

    /**
     * Why API Gateway refused to deploy a REST API, when it is that the API has no methods or some
     * without an integration (it says only "No integration defined for method"): the routes to add.
     * Any other refusal is passed on as it came.
     */
    private RuntimeException unroutable(ApiRef api, ApiGatewayException refusal) {
        List<String> methods = new ArrayList<>();
        List<String> bare = new ArrayList<>();
        v1.getResourcesPaginator(b -> b.restApiId(api.id()).embed("methods").limit(500)).items().forEach(resource ->
                resource.resourceMethods().forEach((verb, method) -> {
                    methods.add(verb + " " + resource.path());
                    if (method.methodIntegration() == null) {
                        bare.add(verb + " " + resource.path());
                    }
                }));
        if (methods.isEmpty()) {
            return new DynctlException(ExitCode.USAGE, "REST API '" + api.name() + "' (" + api.id() + ") has no methods to deploy.",
                    "Add routes first: " + routeAdd(api, "GET /items") + ", then deploy again.", refusal);
        }
        if (!bare.isEmpty()) {
            Collections.sort(bare);
            return new DynctlException(ExitCode.USAGE, "REST API '" + api.name() + "' (" + api.id() + ") cannot be deployed: "
                    + (bare.size() == 1 ? "method " + bare.get(0) + " has" : "methods " + String.join(", ", bare) + " have")
                    + " no integration.", "Give " + (bare.size() == 1 ? "it" : "each") + " a target: " + routeAdd(api, bare.get(0))
                    + " ('dynctl api routes " + api.id() + "' lists the routes).", refusal);
        }
        return refusal;
    }

    private static String routeAdd(ApiRef api, String route) {
        return "'dynctl api route add " + api.id() + " \"" + route + "\" --function F'";
    }

    /** Deletes the stage (not found: exit 3 naming the stages there are). */
    public void delete(ApiRef api, String name) {
        stage(api, name);
        if (api.type().v2()) {
            v2.deleteStage(b -> b.apiId(api.id()).stageName(name));
        } else {
            v1.deleteStage(b -> b.restApiId(api.id()).stageName(name));
        }
    }

    /**
     * Deploys the API's current routes to the stage, creating the stage when it is missing. REST:
     * one CreateDeployment that names the stage. v2: a deployment, then the stage pointed at it;
     * an auto-deploy stage is left alone, since API Gateway already deployed every change to it.
     */
    public DeployResult deploy(ApiRef api, String stageName, String description) {
        StageRules.stageName(stageName, api.type());
        List<ApiStage> before = stages(api);
        ApiStage existing = before.stream().filter(s -> s.name().equals(stageName)).findFirst().orElse(null);
        String base = base(api);
        if (existing != null && Boolean.TRUE.equals(existing.autoDeploy())) {
            return new DeployResult(api, existing, InvokeUrl.stage(api.type(), base, stageName), false, true);
        }
        if (api.type().v2()) {
            String deployment = v2.createDeployment(b -> b.apiId(api.id()).description(description)).deploymentId();
            if (existing == null) {
                v2.createStage(b -> b.apiId(api.id()).stageName(stageName).deploymentId(deployment));
            } else {
                v2.updateStage(b -> b.apiId(api.id()).stageName(stageName).deploymentId(deployment));
            }
        } else {
            try {
                v1.createDeployment(b -> b.restApiId(api.id()).stageName(stageName).description(description));
            } catch (BadRequestException | NotFoundException e) {
                throw unroutable(api, e);
            }
        }
        return new DeployResult(api, stage(api, stageName), InvokeUrl.stage(api.type(), base, stageName), existing == null, false);
    }
}
