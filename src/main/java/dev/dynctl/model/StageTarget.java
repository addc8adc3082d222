package dev.dynctl.model;

import java.util.Map;

/**
 * Where a stage is resolved for: the account and region its ARNs name, and the environment
 * {@code ${env:NAME}} reads.
 */
public record StageTarget(String partition, String region, String account, Map<String, String> environment) {
    public StageTarget {
        environment = Map.copyOf(environment);
    }
}
