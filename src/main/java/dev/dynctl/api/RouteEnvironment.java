package dev.dynctl.api;

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
        String partition = functionArn.split(":")[1];
        return "arn:" + partition + ":execute-api:" + region + ":" + account() + ":" + api.id() + "/*/" + key.sourceArnPart();
    }

    private synchronized String account() {
        if (accountId == null) {
            accountId = account.get();
        }
        return accountId;
    }
}
