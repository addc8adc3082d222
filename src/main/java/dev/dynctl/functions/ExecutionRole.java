package dev.dynctl.functions;

import java.util.function.Consumer;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * The role a new function runs as when the user names none: {@code dynctl-<function>}, trusted by
 * Lambda, with AWSLambdaBasicExecutionRole (logs to CloudWatch and nothing else) attached. Made on
 * the first deploy and reused afterwards. A role the user names is never looked at or changed.
 */
public final class ExecutionRole {
    private static final int MAX_ROLE_NAME = 64;
    private static final String PREFIX = "dynctl-";
    /** Lets Lambda assume the role (sts:AssumeRole), and no one else. */
    public static final String TRUST_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String BASIC_POLICY = "policy/service-role/AWSLambdaBasicExecutionRole";

    /** The role's ARN and whether this deploy created it (a new role takes a few seconds to be usable by Lambda). */
    public record Resolved(String arn, boolean created) {
    }

    private final IamClient iam;

    public ExecutionRole(IamClient iam) {
        this.iam = iam;
    }

    /** {@code dynctl-<function>}, cut to IAM's 64 characters for long function names. */
    public static String nameFor(String function) {
        String name = PREFIX + function;
        return name.length() <= MAX_ROLE_NAME ? name : name.substring(0, MAX_ROLE_NAME);
    }

    /** Creates the function's role, or reuses it; either way it ends with the basic execution policy attached. */
    public Resolved ensure(String function, Consumer<String> notes) {
        String name = nameFor(function);
        Role role = existing(name);
        boolean created = role == null;
        if (created) {
            role = iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(TRUST_POLICY)
                    .description("Execution role of the Lambda function " + function + ", made by dynctl")).role();
            notes.accept("Created the execution role " + name + " (trusted by Lambda, with AWSLambdaBasicExecutionRole); "
                    + "pass --role ARN to use another.");
        } else {
            notes.accept("Using the execution role " + name + ".");
        }
        String policy = basicPolicyArn(role.arn());
        // attaching is idempotent: a reused role that lost the policy gets it back
        iam.attachRolePolicy(b -> b.roleName(name).policyArn(policy));
        return new Resolved(role.arn(), created);
    }

    private Role existing(String name) {
        try {
            return iam.getRole(b -> b.roleName(name)).role();
        } catch (NoSuchEntityException e) {
            return null;
        }
    }

    /** The managed policy in the role's own partition (aws, aws-cn, aws-us-gov). */
    private static String basicPolicyArn(String roleArn) {
        String partition = roleArn.split(":", 3)[1];
        return "arn:" + partition + ":iam::aws:" + BASIC_POLICY;
    }
}
