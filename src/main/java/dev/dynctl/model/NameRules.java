package dev.dynctl.model;

import dev.dynctl.error.DynctlException;
import dev.dynctl.model.yaml.Location;
import dev.dynctl.model.yaml.YamlNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names a deploy builds real names from: the service's and the stage's. Both go into table,
 * function, role and API names and into IAM paths, so they keep to what all of those accept. The
 * one rule for both, whether a command's option or the project file gives them.
 */
public final class NameRules {
    /**
     * A stage's name is part of every name the stage has (and of Lambda aliases and API stages):
     * kept short so SERVICE-STAGE-KEY stays readable within Lambda's and IAM's 64 characters.
     */
    static final int MAX_STAGE_LENGTH = 32;
    /** Words of lower-case letters and digits joined by single '-': names made from it never hold "--" or end in '-'. */
    static final String STAGE_SYNTAX = "[a-z][a-z0-9]*(?:-[a-z0-9]+)*";

    private static final Pattern NAME = Pattern.compile(STAGE_SYNTAX);
    private static final Pattern LETTERS = Pattern.compile("[a-z][a-z0-9-]*");
    private static final String DASH_RULE = "a '-' joins two words: not at the end, nor two in a row";
    private static final String SYNTAX_RULE = "use lower-case letters, digits and '-', starting with a letter";
    /** A service named after a directory is kept short: every resource's name starts with it. */
    private static final int MAX_DERIVED_SERVICE = 40;
    private static final String FALLBACK_SERVICE = "service";

    private NameRules() {
    }

    /** The stage a command was given (--stage): a usage error (exit 2) saying the rule when it breaks it. */
    public static String checkStage(String stage) {
        String problem = stageProblem(stage);
        if (problem != null) {
            throw DynctlException.usage("'" + stage + "' is not a stage name: " + problem + ".", "e.g. --stage dev, prod or pr-123.");
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

    /** The service a command was given (init --service): a usage error suggesting a valid name when it breaks the rule. */
    public static String checkService(String service) {
        if (!NAME.matcher(service).matches()) {
            throw DynctlException.usage("'" + service + "' is not a service name: " + problem(service) + ".",
                    "For example --service " + serviceFrom(service) + ".");
        }
        return service;
    }

    /** The service the project file names ({@code service:}). */
    static String checkService(Location at, String service) {
        if (!NAME.matcher(service).matches()) {
            throw YamlNode.error(at, "service '" + service + "' must be lower-case letters, digits and '-', starting with a letter"
                    + (LETTERS.matcher(service).matches() ? "; " + DASH_RULE : "") + ".",
                    "e.g. service: notes");
        }
        return service;
    }

    /**
     * A valid service name made from any text (a directory's name): "My App_2" becomes "my-app-2";
     * kept short, as every resource's name starts with it.
     */
    public static String serviceFrom(String text) {
        String name = text.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^[^a-z]+", "");
        if (name.length() > MAX_DERIVED_SERVICE) {
            name = name.substring(0, MAX_DERIVED_SERVICE);
        }
        name = name.replaceAll("-+$", "");
        return name.isEmpty() ? FALLBACK_SERVICE : name;
    }

    static boolean isStage(String text) {
        return stageProblem(text) == null;
    }

    private static String stageProblem(String stage) {
        if (stage == null || !NAME.matcher(stage).matches()) {
            return stage == null ? SYNTAX_RULE : problem(stage);
        }
        if (stage.length() > MAX_STAGE_LENGTH) {
            return "at most " + MAX_STAGE_LENGTH + " characters, so that the names made from it fit";
        }
        return null;
    }

    private static String problem(String name) {
        return LETTERS.matcher(name).matches() ? DASH_RULE : SYNTAX_RULE;
    }
}
