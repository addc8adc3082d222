package dev.dynctl.deploy;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.util.Map;

/**
 * A resource with a name the stage wants but without the stage's tags: someone else's, or another
 * stage's. The deploy stops (exit 1) and leaves it as it is.
 */
final class NotOwned {
    private NotOwned() {
    }

    /** @param tags the resource's tags (empty when it has none) */
    static DynctlException error(DeployContext context, ResourceKind kind, String name, Map<String, String> tags) {
        String service = tags.get(DeployTags.SERVICE);
        String stage = tags.get(DeployTags.STAGE);
        String whose = service == null && stage == null
                ? "it has no " + DeployTags.SERVICE + " and " + DeployTags.STAGE + " tags, so no dynctl deploy made it"
                : "its tags give it to service " + service + ", stage " + stage;
        return new DynctlException(ExitCode.FAILURE, capitalised(kind.label()) + " " + name + " already exists but is not stage "
                + context.stage().stage() + " of service " + context.stage().service() + ": " + whose + ". The deploy leaves it alone.",
                "Delete or rename that " + kind.label() + " if it is no longer used, or give the service or stage another name.");
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
