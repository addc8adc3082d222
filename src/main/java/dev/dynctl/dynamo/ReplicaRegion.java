package dev.dynctl.dynamo;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.NearNames;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * The region of a replica as the user typed it, checked against the regions the SDK knows so
 * that a typo fails here with the nearest names rather than after the steps before it were
 * applied. A region newer than the SDK passes when its letter part (us-west, eusc-de-east) is one
 * the SDK knows: a new region is a new number after a known prefix far more often than a new
 * prefix, and any new number is one keystroke from a sibling, so nearness cannot tell it from a
 * typo.
 */
final class ReplicaRegion {
    /** A region name: its letter part, then its number (eu-west-1, eusc-de-east-1). */
    private static final Pattern SHAPE = Pattern.compile("([a-z]+(?:-[a-z]+)+)-\\d{1,2}");

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
     * A region name as typed: one of the SDK's regions, or a new number after the letter part of
     * one of them. Anything else is a typo (eu-wst-1), with the nearest names.
     */
    private static String check(String option, String text) {
        String region = text.trim().toLowerCase(Locale.ROOT);
        List<String> known = Region.regions().stream().map(Region::id).sorted().toList();
        if (known.contains(region)) {
            return region;
        }
        Matcher shape = SHAPE.matcher(region);
        if (shape.matches() && known.stream().map(SHAPE::matcher).anyMatch(id -> id.matches() && id.group(1).equals(shape.group(1)))) {
            return region;
        }
        throw DynctlException.usage("Bad " + option + " '" + text + "': " + (shape.matches() ? "no such region." : "not a region name such as eu-west-1."),
                NearNames.hint(NearNames.among(known, region), "Regions are named like us-east-1, eu-west-1, ap-southeast-2."));
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
