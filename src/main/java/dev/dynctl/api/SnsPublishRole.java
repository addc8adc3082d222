package dev.dynctl.api;

import dev.dynctl.aws.IamPolicyDocument;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The IAM role API Gateway assumes to publish to one topic: trusted by apigateway.amazonaws.com
 * only, with one inline policy that allows sns:Publish on exactly that topic and nothing else.
 */
final class SnsPublishRole {
    static final String POLICY_NAME = "sns-publish";

    private final IamClient iam;

    SnsPublishRole(IamClient iam) {
        this.iam = iam;
    }

    /** The role's name for this API and topic: short, stable, one per topic. */
    static String name(String apiId, String topicArn) {
        return "dynctl-" + apiId + "-sns-" + RouteKey.hash(topicArn);
    }

    static String trustPolicy() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                + RoutePermission.PRINCIPAL + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    static String publishPolicy(String topicArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sns:Publish\",\"Resource\":\""
                + topicArn + "\"}]}";
    }

    /** Creates the role or brings its trust and policy back to what they must be; returns its ARN and notes what changed. */
    String ensure(String apiId, String topicArn, List<String> actions) {
        String name = name(apiId, topicArn);
        String arn;
        try {
            var role = iam.getRole(b -> b.roleName(name)).role();
            arn = role.arn();
            if (!sameJson(role.assumeRolePolicyDocument(), trustPolicy())) {
                iam.updateAssumeRolePolicy(b -> b.roleName(name).policyDocument(trustPolicy()));
                actions.add("restored the trust policy of role " + name);
            }
        } catch (NoSuchEntityException absent) {
            arn = iam.createRole(b -> b.roleName(name).assumeRolePolicyDocument(trustPolicy())
                    .description("API Gateway publishes to " + topicArn + " (made by dynctl)")).role().arn();
            actions.add("created role " + name);
        }
        String current;
        try {
            current = iam.getRolePolicy(b -> b.roleName(name).policyName(POLICY_NAME)).policyDocument();
        } catch (NoSuchEntityException absent) {
            current = null;
        }
        if (current == null || !sameJson(current, publishPolicy(topicArn))) {
            iam.putRolePolicy(b -> b.roleName(name).policyName(POLICY_NAME).policyDocument(publishPolicy(topicArn)));
            actions.add("allowed role " + name + " sns:Publish on " + topicArn);
        }
        return arn;
    }

    /** Deletes the role and its policy; a role already gone is fine. True when it deleted one. */
    boolean delete(String apiId, String topicArn) {
        String name = name(apiId, topicArn);
        try {
            iam.deleteRolePolicy(b -> b.roleName(name).policyName(POLICY_NAME));
        } catch (NoSuchEntityException absent) {
            // no policy left to remove; the role may still be there
        }
        try {
            iam.deleteRole(b -> b.roleName(name));
            return true;
        } catch (NoSuchEntityException absent) {
            return false;
        }
    }

    /** IAM answers policy documents URL-encoded and in an order of its own: compared by what they say. */
    private static boolean sameJson(String answered, String ours) {
        return IamPolicyDocument.parse(answered).sameAs(IamPolicyDocument.parse(ours));
    }
}
