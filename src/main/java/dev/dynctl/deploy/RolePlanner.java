package dev.dynctl.deploy;

import dev.dynctl.functions.ExecutionRole;
import dev.dynctl.model.StageFunction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    public RolePlanner() {
    }

    @Override
    public List<Step> plan(DeployContext context) {
        IamClient iam = context.clients().iam();
        String path = context.names().rolePath();
        Map<String, Map<String, String>> atPath = rolesAt(iam, path);
        ResourceArns arns = ResourceArns.of(context);
        List<Step> steps = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        for (StageFunction function : context.stage().functions()) {
            String name = context.names().role(function.logicalName());
            wanted.add(name);
            RolePolicy policy = RolePolicy.wanted(arns, function);
            Map<String, String> tags = atPath.get(name);
            if (tags == null) {
                requireNoRoleElsewhere(context, iam, name);
                steps.add(create(context, iam, function, name, policy));
            } else if (!DeployTags.owned(context, tags)) {
                throw NotOwned.error(context, ResourceKind.ROLE, name, tags);
            } else {
                steps.add(update(iam, name, policy));
            }
        }
        atPath.forEach((name, tags) -> {
            if (!wanted.contains(name) && DeployTags.owned(context, tags)) {
                steps.add(CallingStep.of(Change.delete(ResourceKind.ROLE, name), () -> delete(iam, name)));
            }
        });
        return steps;
    }

    /** The roles under {@code path}, each with its tags (ListRoles does not give them). */
    private static Map<String, Map<String, String>> rolesAt(IamClient iam, String path) {
        Map<String, Map<String, String>> roles = new LinkedHashMap<>();
        for (Role role : iam.listRolesPaginator(b -> b.pathPrefix(path)).roles()) {
            // the prefix also matches deeper paths, where a deploy makes no role
            if (role.path().equals(path)) {
                roles.put(role.roleName(), tags(iam, role.roleName()));
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

    private static Step update(IamClient iam, String name, RolePolicy wanted) {
        RolePolicy current = currentPolicy(iam, name);
        if (current != null && current.sameAs(wanted)) {
            return CallingStep.none(ResourceKind.ROLE, name);
        }
        return CallingStep.of(Change.update(ResourceKind.ROLE, name, List.of(RolePolicy.change(current, wanted))),
                () -> putPolicy(iam, name, wanted));
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
