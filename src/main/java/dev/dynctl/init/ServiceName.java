package dev.dynctl.init;

import dev.dynctl.error.DynctlException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A service's name as dynctl.yaml needs it: lower-case letters, digits and '-', starting with a
 * letter, so that {@code SERVICE-STAGE-KEY} is a valid table, function, role and API name.
 */
final class ServiceName {
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final int MAX = 40;
    private static final String FALLBACK = "service";

    private ServiceName() {
    }

    /**
     * A valid name made from a directory's name: "My App_2" becomes "my-app-2"; kept short, as
     * every resource's name starts with it.
     */
    static String from(String directoryName) {
        String name = directoryName.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^[^a-z]+", "");
        if (name.length() > MAX) {
            name = name.substring(0, MAX);
        }
        name = name.replaceAll("-+$", "");
        return name.isEmpty() ? FALLBACK : name;
    }

    /** {@code name} when it is valid; a usage error saying the rule otherwise. */
    static String checked(String name) {
        if (!VALID.matcher(name).matches()) {
            throw DynctlException.usage("'" + name + "' is not a service name: lower-case letters, digits and '-', "
                    + "starting with a letter.", "For example --service " + from(name) + ".");
        }
        return name;
    }
}
