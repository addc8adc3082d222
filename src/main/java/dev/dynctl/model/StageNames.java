package dev.dynctl.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The real names a stage's resources get unless the project file names them: {@code
 * SERVICE-STAGE-KEY} (notes-dev-items). Lambda functions and IAM roles take at most 64 characters:
 * a longer name keeps its start and ends in a short hash of the whole, so it stays unique and the
 * same on every run.
 */
public record StageNames(String service, String stage) {
    private static final int MAX_FUNCTION_OR_ROLE = 64;
    private static final int HASH_CHARS = 8;

    /** The default real name of table, function or API {@code key}. */
    public String of(String key) {
        return service + "-" + stage + "-" + key;
    }

    public String function(String key) {
        return fitted(of(key), MAX_FUNCTION_OR_ROLE);
    }

    /** The execution role of function {@code key}. */
    public String role(String key) {
        return fitted(of(key), MAX_FUNCTION_OR_ROLE);
    }

    /** The IAM path of the stage's roles, so they are listed without scanning every role of the account. */
    public String rolePath() {
        return "/dynctl/" + service + "/" + stage + "/";
    }

    /** The alias every function of the stage is called through: the stage's name. */
    public String alias() {
        return stage;
    }

    private static String fitted(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        String hash = sha256Hex(name).substring(0, HASH_CHARS);
        return name.substring(0, max - HASH_CHARS - 1) + "-" + hash;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
