package dev.dynctl.api;

import java.util.List;
import java.util.function.Supplier;

/**
 * What every route change needs beyond API Gateway: the region and account that make up
 * execute-api ARNs, the functions' permissions and the roles SNS routes assume.
 */
final class RouteEnvironment {
    private final String region;
    private final Supplier<String> account;
    private final RoutePermission permission;
    private final SnsPublishRole snsRole;
    private String accountId;

    RouteEnvironment(String region, Supplier<String> account, RoutePermission permission, SnsPublishRole snsRole) {
        this.region = region;
        this.account = account;
        this.permission = permission;
        this.snsRole = snsRole;
    }

    String region() {
        return region;
    }

    RoutePermission permission() {
        return permission;
    }

    SnsPublishRole snsRole() {
        return snsRole;
    }

    /**
     * The execute-api ARN of exactly this route in every stage:
     * arn:aws:execute-api:REGION:ACCOUNT:API/&#42;/GET/items/&#42; (or …/&#42;/$connect), in the function's partition.
     */
    String sourceArn(ApiRef api, RouteKey key, String functionArn) {
        return "arn:" + ArnPartition.of(functionArn) + ":execute-api:" + region + ":" + account() + ":" + api.id() + "/*/" + key.sourceArnPart();
    }

    /**
     * Removes what a route made outside the API once it no longer calls a function or publishes to
     * a topic (moved elsewhere, deleted, or its API about to go): the function's statement for the
     * route, and the topic's role when no route in {@code remaining} publishes to the topic any more.
     * Notes in {@code actions} what it removed.
     *
     * @param functionArn the function the route called, or null
     * @param topicArn the topic it published to, or null
     * @param remaining the API's routes as they stand after the change, read only when a topic needs them
     */
    void release(ApiRef api, RouteKey key, String functionArn, String topicArn, Supplier<List<RouteInfo>> remaining,
            List<String> actions) {
        if (functionArn != null && permission.remove(functionArn, key.statementId(api.id()))) {
            actions.add("removed the permission for " + key + " from " + LambdaIntegrationUri.functionName(functionArn));
        }
        if (topicArn != null && remaining.get().stream().noneMatch(r -> topicArn.equals(r.snsTopicArn()))
                && snsRole.delete(api.id(), topicArn)) {
            actions.add("deleted role " + SnsPublishRole.name(api.id(), topicArn) + ", which no route used any more");
        }
    }

    private synchronized String account() {
        if (accountId == null) {
            accountId = account.get();
        }
        return accountId;
    }
}
