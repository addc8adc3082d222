package dev.dynctl.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which typed lines may hold a secret, so that history does not keep them: AWS key ids and
 * secret keys, session tokens, passwords, and credentials in URLs. It errs on the side of not
 * keeping a line.
 */
final class SecretLines {
    private static final Pattern SECRET = Pattern.compile(String.join("|",
            // access key ids: long-term (AKIA) and temporary (ASIA)
            "(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])",
            // the names that secrets are given in files, variables and options
            "(?i:secret|passw(?:or)?d|\\bpwd\\b|session[_-]?token|security[_-]?token|access[_-]?token|api[_-]?key|bearer\\s)",
            // user:password@host in a URL
            "[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]*@"));
    /** A run of 40 base64 characters, the shape of an AWS secret access key. */
    private static final Pattern FORTY = Pattern.compile("(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");

    private SecretLines() {
    }

    static boolean holdsSecret(String line) {
        if (SECRET.matcher(line).find()) {
            return true;
        }
        Matcher forty = FORTY.matcher(line);
        while (forty.find()) {
            if (mixed(forty.group())) {
                return true;
            }
        }
        return false;
    }

    /** Upper and lower case letters and digits together, as in a random key (a hex digest has no upper case). */
    private static boolean mixed(String run) {
        return run.chars().anyMatch(Character::isUpperCase) && run.chars().anyMatch(Character::isLowerCase)
                && run.chars().anyMatch(Character::isDigit);
    }
}
