package dev.dynctl.model;

import dev.dynctl.error.DynctlException;
import dev.dynctl.model.yaml.Location;
import dev.dynctl.model.yaml.YamlNode;
import java.util.regex.Pattern;

/**
 * The names a deploy builds real names from: the service's and the stage's. Both go into table,
 * function, role and API names and into IAM paths, so they keep to what all of those accept.
 */
final class NameRules {
    /**
     * A stage's name is part of every name the stage has (and of Lambda aliases and API stages):
     * kept short so SERVICE-STAGE-KEY stays readable within Lambda's and IAM's 64 characters.
     */
    static final int MAX_STAGE_LENGTH = 32;
    static final String STAGE_SYNTAX = "[a-z][a-z0-9-]*";

    private static final Pattern NAME = Pattern.compile(STAGE_SYNTAX);

    private NameRules() {
    }

    /** The stage a command was given. */
    static String checkStage(String stage) {
        String problem = stageProblem(stage);
        if (problem != null) {
            throw DynctlException.usage("Bad stage name '" + stage + "': " + problem + ".", "e.g. dev, prod or pr-123.");
        }
        return stage;
    }

    /** A stage named in the file (a key under {@code stages:}). */
    static String checkStage(Location at, String stage) {
        String problem = stageProblem(stage);
        if (problem != null) {
            throw YamlNode.error(at, "'" + stage + "' is not a stage name: " + problem + ".", "e.g. dev, prod or pr-123.");
        }
        return stage;
    }

    static String checkService(Location at, String service) {
        if (!NAME.matcher(service).matches()) {
            throw YamlNode.error(at, "service '" + service + "' must be lower-case letters, digits and '-', starting with a letter.",
                    "e.g. service: notes");
        }
        return service;
    }

    static boolean isStage(String text) {
        return stageProblem(text) == null;
    }

    private static String stageProblem(String stage) {
        if (stage == null || !NAME.matcher(stage).matches()) {
            return "use lower-case letters, digits and '-', starting with a letter";
        }
        if (stage.length() > MAX_STAGE_LENGTH) {
            return "at most " + MAX_STAGE_LENGTH + " characters, so that the names made from it fit";
        }
        return null;
    }
}
