package dev.dynctl.aws;

import java.net.URI;

/**
 * Where requests go: a profile and region from the standard AWS chain, an explicit endpoint, or the
 * local engine. Null fields mean "let the SDK's default chain decide".
 */
public record Target(String profile, String region, URI endpoint, boolean local) {

    /** Region used for the local engine when none is given; the engine keeps tables per region. */
    public static final String LOCAL_REGION = "us-east-1";

    public static Target local(URI endpoint, String region) {
        return new Target(null, region == null ? LOCAL_REGION : region, endpoint, true);
    }

    /** A short name for prompts and messages: "local", an endpoint, or the region. */
    public String describe(String resolvedRegion) {
        if (local) {
            return "the local engine at " + endpoint + " (region " + resolvedRegion + ")";
        }
        if (endpoint != null) {
            return "endpoint " + endpoint + " (region " + resolvedRegion + ")";
        }
        return "region " + resolvedRegion;
    }
}
