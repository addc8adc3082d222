package dev.dynctl.deploy;

/**
 * The ARNs a deploy writes before the resources exist (into policies, into a function's role), in
 * the account, region and partition of the deploy.
 */
record ResourceArns(String partition, String region, String account) {
    static ResourceArns of(DeployContext context) {
        return new ResourceArns(context.partition(), context.region(), context.account());
    }

    String table(String name) {
        return "arn:" + partition + ":dynamodb:" + region + ":" + account + ":table/" + name;
    }

    /** Every index of the table. */
    String tableIndexes(String name) {
        return table(name) + "/index/*";
    }

    /** The log group Lambda writes the function's logs to. */
    String logGroup(String function) {
        return "arn:" + partition + ":logs:" + region + ":" + account + ":log-group:/aws/lambda/" + function;
    }

    /** A function itself (no version or alias): what tags are read from. */
    String function(String name) {
        return "arn:" + partition + ":lambda:" + region + ":" + account + ":function:" + name;
    }

    /** A role: IAM is global, so no region; {@code path} starts and ends with '/'. */
    String role(String path, String name) {
        return "arn:" + partition + ":iam::" + account + ":role" + path + name;
    }
}
