package dev.dynctl.model;

/**
 * The ARNs of a stage's resources, known before they exist: what {@code ${tables.K.arn}} and
 * {@code ${functions.K.arn}} resolve to, and what a deploy writes into policies, routes and a
 * function's role. The one place they are built, in the account, region and partition of the stage.
 */
public record StageArns(String partition, String region, String account) {
    public static StageArns of(StageTarget target) {
        return new StageArns(target.partition(), target.region(), target.account());
    }

    public String table(String name) {
        return "arn:" + partition + ":dynamodb:" + region + ":" + account + ":table/" + name;
    }

    /** Every index of the table. */
    public String tableIndexes(String name) {
        return table(name) + "/index/*";
    }

    /** The log group Lambda writes the function's logs to. */
    public String logGroup(String function) {
        return "arn:" + partition + ":logs:" + region + ":" + account + ":log-group:/aws/lambda/" + function;
    }

    /** A function itself (no version or alias): what tags are read from. */
    public String function(String name) {
        return "arn:" + partition + ":lambda:" + region + ":" + account + ":function:" + name;
    }

    /** A function through an alias: what routes and {@code ${functions.K.arn}} call. */
    public String functionAlias(String name, String alias) {
        return function(name) + ":" + alias;
    }

    /** A role: IAM is global, so no region; {@code path} starts and ends with '/'. */
    public String role(String path, String name) {
        return "arn:" + partition + ":iam::" + account + ":role" + path + name;
    }
}
