package dev.dynctl.aws;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where requests go: a profile and region from the standard AWS chain, an explicit endpoint, or the
 * local engine. Null fields mean "let the SDK's default chain decide".
 */
public record Target(String profile, String region, URI endpoint, boolean local) {

    /** Region used for the local engine when none is given; the engine keeps tables per region. */
    public static final String LOCAL_REGION = "us-east-1";

    private static final String LOCAL_ENGINE = "the local engine at ";
    private static final Pattern USER_INFO = Pattern.compile("(?<=//)[^/?#@]*@");

    public static Target local(URI endpoint, String region) {
        return new Target(null, region == null ? LOCAL_REGION : region, endpoint, true);
    }

    /**
     * A short name for prompts and messages: the local engine, an endpoint, or the region.
     *
     * @param resolvedEndpoint where requests go when it is not the region's AWS endpoint: this
     *     target's, or one the SDK found itself (AWS_ENDPOINT_URL); null for AWS
     */
    public String describe(String resolvedRegion, URI resolvedEndpoint) {
        if (local) {
            return LOCAL_ENGINE + redacted(String.valueOf(endpoint)) + " (region " + resolvedRegion + ")";
        }
        if (resolvedEndpoint != null) {
            return "endpoint " + redacted(resolvedEndpoint.toString()) + " (region " + resolvedRegion + ")";
        }
        return "region " + resolvedRegion;
    }

    /** True when a description from {@link #describe} names the local engine. */
    public static boolean describesLocal(String where) {
        return where.startsWith(LOCAL_ENGINE);
    }

    /** A URL without the user:password@ it may carry, for anything printed. */
    public static String redacted(String url) {
        return USER_INFO.matcher(url).replaceFirst("");
    }
}
