package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.NearNames;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * The region of a replica as the user typed it, checked against the regions the SDK knows so
 * that a typo fails here with the nearest names rather than after the steps before it were
 * applied. A region newer than the SDK passes when it looks like one and is near none it knows.
 */
final class ReplicaRegion {
    private static final Pattern SHAPE = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private ReplicaRegion() {
    }

    /** The regions given to {@code option}, lower-cased, each once, in the order given. */
    static List<String> all(String option, List<String> regions) {
        Set<String> checked = new LinkedHashSet<>();
        for (String region : regions) {
            checked.add(check(option, region));
        }
        return List.copyOf(checked);
    }

    /**
     * A region name as typed: one of the SDK's regions, or a name of that shape that is near none
     * of them (a region newer than the SDK). A near miss (eu-wst-1) is a typo.
     */
    private static String check(String option, String text) {
        String region = text.trim().toLowerCase(Locale.ROOT);
        List<String> known = Region.regions().stream().map(Region::id).filter(id -> SHAPE.matcher(id).matches()).sorted().toList();
        if (known.contains(region)) {
            return region;
        }
        List<String> near = NearNames.among(known, region);
        if (SHAPE.matcher(region).matches() && near.isEmpty()) {
            return region;
        }
        throw DynctlException.usage("Bad " + option + " '" + text + "': " + (SHAPE.matcher(region).matches()
                        ? "no such region." : "not a region name such as eu-west-1."),
                NearNames.hint(near, "Regions are named like us-east-1, eu-west-1, ap-southeast-2."));
    }

    /** The region of a table, from its ARN (arn:aws:dynamodb:REGION:ACCOUNT:table/NAME); null when it has none. */
    static String ofArn(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : null;
    }
}
