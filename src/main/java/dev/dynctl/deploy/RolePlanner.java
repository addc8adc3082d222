package dev.dynctl.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.aws.IamPolicyDocument;
import dev.dynctl.functions.ExecutionRole;
import dev.dynctl.model.StageArns;
import dev.dynctl.model.StageFunction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The execution role of each function: {@code SERVICE-STAGE-FUNCTION} under the stage's IAM path,
 * trusted by Lambda, with one inline policy ({@link RolePolicy}). The stage's roles are found by
 * listing that path and reading their tags; a role there that the stage owns and no function
 * wants any more is deleted.
 */
public final class RolePlanner implements Planner {
    private static final IamPolicyDocument LAMBDA_TRUST = IamPolicyDocument.parse(ExecutionRole.TRUST_POLICY);

    @Override
    public List<Step> plan(DeployContext context) {
        IamClient iam = context.clients().iam();
        String path = context.names().rolePath();
        Map<String, Found> atPath = rolesAt(iam, path);
        StageArns arns = context.arns();
        List<Step> steps = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        for (StageFunction function : context.stage().functions()) {
            String name = context.names().role(function.logicalName());
            wanted.add(name);
            RolePolicy policy = RolePolicy.wanted(arns, function);
            Found found = atPath.get(name);
            if (found == null) {
                requireNoRoleElsewhere(context, iam, name);
                steps.add(create(context, iam, function, name, policy));
            } else if (!DeployTags.owned(context, found.tags())) {
                throw NotOwned.error(context, ResourceKind.ROLE, name, found.tags());
            } else {
                steps.add(update(iam, found.role(), policy));
            }
        }
        atPath.forEach((name, found) -> {
            if (!wanted.contains(name) && DeployTags.owned(context, found.tags())) {
                steps.add(CallingStep.of(Change.delete(ResourceKind.ROLE, name), () -> delete(iam, name)));
            }
        });
        return steps;
    }

    /** A role listed under the stage's path, with its tags. */
    private record Found(Role role, Map<String, String> tags) {
    }

    /** The roles under {@code path}, each with its tags (ListRoles does not give them). */
    private static Map<String, Found> rolesAt(IamClient iam, String path) {
        Map<String, Found> roles = new LinkedHashMap<>();
        for (Role role : iam.listRolesPaginator(b -> b.pathPrefix(path)).roles()) {
            // the prefix also matches deeper paths, where a deploy makes no role
            if (role.path().equals(path)) {
                roles.put(role.roleName(), new Found(role, tags(iam, role.roleName())));
            }
        }
        return roles;
    }

    private static Map<String, String> tags(IamClient iam, String role) {
        Map<String, String> tags = new LinkedHashMap<>();
        iam.listRoleTagsPaginator(b -> b.roleName(role)).tags().forEach(tag -> tags.put(tag.key(), tag.value()));
        return tags;
    }

    /** Role names are unique in the account whatever the path: one elsewhere is someone else's. */
    private static void requireNoRoleElsewhere(DeployContext context, IamClient iam, String name) {
        Role role;
        try {
            role = iam.getRole(b -> b.roleName(name)).role();
        } catch (NoSuchEntityException e) {
            return;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        role.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
        throw NotOwned.error(context, ResourceKind.ROLE, name + " (path " + role.path() + ")", tags);
    }

    private static Step create(DeployContext context, IamClient iam, StageFunction function, String name, RolePolicy policy) {
        List<Tag> tags = DeployTags.of(context, "functions." + function.logicalName()).entrySet().stream()
                .map(tag -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
                .toList();
        String path = context.names().rolePath();
        String description = "Execution role of Lambda function " + function.name() + " (dynctl deploy of service "
                + context.stage().service() + ", stage " + context.stage().stage() + ")";
        return CallingStep.of(Change.create(ResourceKind.ROLE, name), () -> {
            // tagged as it is made: a deploy stopped right after still finds it as the stage's
            iam.createRole(b -> b.roleName(name).path(path).assumeRolePolicyDocument(ExecutionRole.TRUST_POLICY)
                    .description(description).tags(tags));
            putPolicy(iam, name, policy);
        });
    }

    /**
     * Brings an owned role back to what the deploy makes: Lambda's trust policy, the one inline
     * policy as the project wants it, and nothing more — a policy added or attached by hand gives
     * the function rights the project does not, so it is removed.
     */
    private static Step update(IamClient iam, Role role, RolePolicy wanted) {
        String name = role.roleName();
        List<FieldChange> fields = new ArrayList<>();
        IamPolicyDocument trust = trustPolicy(iam, role);
        boolean trustDrifted = !trust.sameAs(LAMBDA_TRUST);
        if (trustDrifted) {
            String from = principals(trust);
            String to = principals(LAMBDA_TRUST);
            // the same principals on other terms: the line names the setting only
            fields.add(from.equals(to) ? new FieldChange("trust", null, null) : new FieldChange("trust", from, to));
        }
        RolePolicy current = currentPolicy(iam, name);
        boolean policyDrifted = current == null || !current.sameAs(wanted);
        if (policyDrifted) {
            fields.add(RolePolicy.change(current, wanted));
        }
        List<String> extraInline = iam.listRolePoliciesPaginator(b -> b.roleName(name)).policyNames().stream()
                .filter(policy -> !policy.equals(RolePolicy.NAME)).toList();
        if (!extraInline.isEmpty()) {
            fields.add(new FieldChange("inline policies", String.join(", ", extraInline), null));
        }
        List<AttachedPolicy> attached = iam.listAttachedRolePoliciesPaginator(b -> b.roleName(name)).attachedPolicies().stream().toList();
        if (!attached.isEmpty()) {
            fields.add(new FieldChange("attached policies", attached.stream().map(AttachedPolicy::policyName).collect(Collectors.joining(", ")),
                    null));
        }
        if (fields.isEmpty()) {
            return CallingStep.none(ResourceKind.ROLE, name);
        }
        return CallingStep.of(Change.update(ResourceKind.ROLE, name, fields), () -> {
            if (trustDrifted) {
                iam.updateAssumeRolePolicy(b -> b.roleName(name).policyDocument(ExecutionRole.TRUST_POLICY));
            }
            if (policyDrifted) {
                putPolicy(iam, name, wanted);
            }
            extraInline.forEach(policy -> iam.deleteRolePolicy(b -> b.roleName(name).policyName(policy)));
            attached.forEach(policy -> iam.detachRolePolicy(b -> b.roleName(name).policyArn(policy.policyArn())));
        });
    }

    /** The role's trust policy: ListRoles gives it; GetRole when an engine leaves it out. */
    private static IamPolicyDocument trustPolicy(IamClient iam, Role listed) {
        String document = listed.assumeRolePolicyDocument();
        if (document == null) {
            document = iam.getRole(b -> b.roleName(listed.roleName())).role().assumeRolePolicyDocument();
        }
        return IamPolicyDocument.parse(document == null ? "" : document);
    }

    /** Who a trust policy names, in words ({@code lambda.amazonaws.com}). */
    private static String principals(IamPolicyDocument trust) {
        Set<String> principals = new TreeSet<>();
        for (JsonNode statement : trust.statements()) {
            JsonNode principal = statement.path("Principal");
            if (principal.isTextual()) {
                principals.add(principal.asText());
            }
            principal.forEach(kind -> IamPolicyDocument.values(kind).forEach(p -> principals.add(p.asText())));
        }
        return principals.isEmpty() ? "(none)" : String.join(", ", principals);
    }

    private static RolePolicy currentPolicy(IamClient iam, String role) {
        try {
            return RolePolicy.read(iam.getRolePolicy(b -> b.roleName(role).policyName(RolePolicy.NAME)).policyDocument());
        } catch (NoSuchEntityException e) {
            return null;
        }
    }

    private static void putPolicy(IamClient iam, String role, RolePolicy policy) {
        iam.putRolePolicy(b -> b.roleName(role).policyName(RolePolicy.NAME).policyDocument(policy.json()));
    }

    /** IAM deletes a role only once it has no policies. */
    private static void delete(IamClient iam, String role) {
        // read whole before the first removal: pages must not shift under the listing
        List<String> inline = iam.listRolePoliciesPaginator(b -> b.roleName(role)).policyNames().stream().toList();
        inline.forEach(policy -> iam.deleteRolePolicy(b -> b.roleName(role).policyName(policy)));
        List<String> attached = iam.listAttachedRolePoliciesPaginator(b -> b.roleName(role)).attachedPolicies().stream()
                .map(AttachedPolicy::policyArn).toList();
        attached.forEach(policy -> iam.detachRolePolicy(b -> b.roleName(role).policyArn(policy)));
        iam.deleteRole(b -> b.roleName(role));
    }
}
