package dev.dynctl.dev.gateway;

import dev.dynctl.model.StageApi;

/**
 * An API of the project as the gateway serves it.
 *
 * @param apiId a made-up id, the same for the same API on every run (events carry one)
 * @param port where it listens on localhost
 */
record ServedApi(StageApi api, String stage, String apiId, int port) {
    /** What API Gateway calls the domain name: "localhost:3000". */
    String domainName() {
        return "localhost:" + port;
    }
}
