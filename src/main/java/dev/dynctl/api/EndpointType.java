package dev.dynctl.api;

import java.util.Locale;

/**
 * Where a REST API is served from: EDGE through CloudFront's edge locations (AWS's default),
 * REGIONAL in its region only, PRIVATE only from inside a VPC through an interface endpoint.
 */
public enum EndpointType {
    EDGE, REGIONAL, PRIVATE;

    /** The word users type and see: edge, regional, private. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
