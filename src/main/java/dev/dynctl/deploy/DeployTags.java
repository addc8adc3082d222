package dev.dynctl.deploy;

import java.util.Map;

/**
 * The tags on everything a deploy creates: which service and stage own it, and which entry of the
 * project file it is ({@code tables.items}, {@code functions.items}, {@code apis.http}). A
 * resource is the stage's only when both service and stage tags match; a deploy never changes or
 * deletes anything else, even when it has the name the stage wants (that is an error, exit 1).
 */
public final class DeployTags {
    public static final String SERVICE = "dynctl:service";
    public static final String STAGE = "dynctl:stage";
    public static final String RESOURCE = "dynctl:resource";

    private DeployTags() {
    }

    /** The tags of project entry {@code resource} (e.g. "functions.items") of this stage. */
    public static Map<String, String> of(DeployContext context, String resource) {
        return Map.of(SERVICE, context.stage().service(), STAGE, context.stage().stage(), RESOURCE, resource);
    }

    /** True when {@code tags} say the resource belongs to this service and stage. */
    public static boolean owned(DeployContext context, Map<String, String> tags) {
        return tags != null && context.stage().service().equals(tags.get(SERVICE)) && context.stage().stage().equals(tags.get(STAGE));
    }

    /** The project entry the resource was made for, or null. */
    public static String resource(Map<String, String> tags) {
        return tags == null ? null : tags.get(RESOURCE);
    }
}
