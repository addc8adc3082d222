package dev.dynctl.shell;

import dev.dynctl.aws.Target;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the shell's statements go, as the global options that say it. Null fields are left to the
 * AWS chain (AWS_PROFILE, AWS_REGION, ~/.aws/config), as on the command line.
 */
record Connection(String profile, String region, String endpointUrl, boolean local) {
    static final List<String> OPTIONS = List.of("--profile", "--region", "--endpoint-url", "--local");

    /** The global options that choose this target, for a statement that chooses none itself. */
    List<String> arguments(List<String> words) {
        boolean lineChoosesEndpoint = Words.hasOption(words, "--local") || Words.hasOption(words, "--endpoint-url");
        List<String> arguments = new ArrayList<>();
        if (local && !lineChoosesEndpoint) {
            arguments.add("--local");
        }
        if (endpointUrl != null && !lineChoosesEndpoint) {
            arguments.addAll(List.of("--endpoint-url", endpointUrl));
        }
        if (profile != null && !Words.hasOption(words, "--profile")) {
            arguments.addAll(List.of("--profile", profile));
        }
        if (region != null && !Words.hasOption(words, "--region")) {
            arguments.addAll(List.of("--region", region));
        }
        return arguments;
    }

    /** The target's short name in the prompt: local (local@region), an endpoint's host:port, profile@region or the region. */
    String label() {
        if (local) {
            return region == null ? "local" : "local@" + region;
        }
        if (endpointUrl != null) {
            try {
                URI uri = URI.create(Target.redacted(endpointUrl));
                return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            } catch (IllegalArgumentException e) {
                return Target.redacted(endpointUrl);
            }
        }
        String where = region != null ? region : "aws";
        return profile != null ? profile + "@" + where : where;
    }
}
