package dev.dynctl.deploy;

import dev.dynctl.api.ApiStage;
import dev.dynctl.model.StageApi;
import dev.dynctl.model.StageRoute;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.apigateway.model.Op;

/**
 * A REST API's stage and the deployment it serves. A deployment is made when the plan changes a
 * route, a preflight or the stage does not exist yet — and when the stage serves a deployment of
 * other routes than the file's (a deploy that stopped after changing routes and before deploying
 * them): each deployment's description carries a digest of the routes it was made for.
 */
final class RestStageSteps {
    private static final String DESCRIPTION = "dynctl deploy of routes ";

    private final DeployContext context;
    private final ApiServices services;

    RestStageSteps(DeployContext context, ApiServices services) {
        this.context = context;
        this.services = services;
    }

    /** @param changed the plan changes a route or preflight of the API */
    List<Step> plan(StageApi wanted, ApiHandle api, boolean changed) {
        String stageName = context.stage().stage();
        String name = api.name() + " " + stageName;
        String description = DESCRIPTION + digest(wanted);
        ApiStage current = api.exists()
                ? services.stages().stages(api.ref()).stream().filter(s -> s.name().equals(stageName)).findFirst().orElse(null)
                : null;
        boolean upToDate = current != null && current.deploymentId() != null && !changed
                && description.equals(deployedDescription(api, current.deploymentId()));
        if (upToDate) {
            return List.of(CallingStep.none(ResourceKind.STAGE, name));
        }
        List<Step> steps = new ArrayList<>();
        AtomicReference<String> deployment = new AtomicReference<>();
        steps.add(CallingStep.of(Change.create(ResourceKind.DEPLOYMENT, name), () ->
                deployment.set(services.v1().createDeployment(b -> b.restApiId(api.ref().id()).description(description)).id())));
        if (current == null) {
            steps.add(CallingStep.of(Change.create(ResourceKind.STAGE, name), () -> services.v1().createStage(b -> b.restApiId(api.ref().id())
                    .stageName(stageName).deploymentId(deployment.get()).tags(DeployTags.of(context, ApiState.resource(wanted))))));
        } else {
            steps.add(CallingStep.of(Change.update(ResourceKind.STAGE, name,
                            List.of(new FieldChange("deployment", current.deploymentId(), "new deployment"))),
                    () -> services.v1().updateStage(b -> b.restApiId(api.ref().id()).stageName(stageName)
                            .patchOperations(p -> p.op(Op.REPLACE).path("/deploymentId").value(deployment.get())))));
        }
        return steps;
    }

    private String deployedDescription(ApiHandle api, String deploymentId) {
        return services.v1().getDeployment(b -> b.restApiId(api.ref().id()).deploymentId(deploymentId)).description();
    }

    /** Twelve hex digits of the SHA-256 of the routes and CORS the file gives the API. */
    private String digest(StageApi wanted) {
        // sorted: the order the file lists routes in changes nothing the stage serves
        TreeSet<String> routes = new TreeSet<>();
        for (StageRoute route : wanted.routes()) {
            routes.add(RoutePlan.describe(context, wanted, route));
        }
        StringBuilder text = new StringBuilder(String.join("\n", routes)).append('\n');
        if (wanted.cors() != null) {
            text.append("cors ").append(RestCorsPreflight.headers(wanted.cors())).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
