package dev.dynctl.cli;

import dev.dynctl.output.Format;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command takes; inherited by every subcommand of {@link Dynctl}. */
public class GlobalOptions {
    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "AWS profile from ~/.aws/config (default: AWS_PROFILE or 'default').")
    String profile;

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION",
            description = "AWS region (default: AWS_REGION, AWS_DEFAULT_REGION or the profile's region).")
    String region;

    @Option(names = "--endpoint-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Send requests to this endpoint (default: AWS_ENDPOINT_URL).")
    String endpointUrl;

    @Option(names = "--local", scope = ScopeType.INHERIT,
            description = "Use the local engine on localhost (started if nothing listens there).")
    boolean local;

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            converter = FormatLabels.class, completionCandidates = FormatLabels.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table on a terminal, json when piped).")
    Format output;

    @Option(names = "--query", scope = ScopeType.INHERIT, paramLabel = "JMESPATH",
            description = "JMESPath expression applied to the result before it is printed (as aws --query).")
    String query;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colours (also: NO_COLOR set).")
    boolean noColor;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print each AWS request and its answer, and stack traces.")
    boolean debug;

    @Option(names = {"-y", "--yes"}, scope = ScopeType.INHERIT, description = "Answer yes to confirmations.")
    boolean yes;

    @Option(names = "--no-input", scope = ScopeType.INHERIT,
            description = "Never prompt; fail instead of asking (for scripts and CI).")
    boolean noInput;

    @Option(names = "--project", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Project file with the tables' schemas (default: dynctl.yaml in the current directory or the nearest one above it, if there is one).")
    Path project;

    /** --output as users spell it: ddb-json. */
    public static final class FormatLabels extends LabelConverter<Format> {
        public FormatLabels() {
            super(Format.class);
        }
    }

    public String profile() {
        return profile;
    }

    public String region() {
        return region;
    }

    public String endpointUrl() {
        return endpointUrl;
    }

    public boolean local() {
        return local;
    }

    public Format output() {
        return output;
    }

    public String query() {
        return query;
    }

    public boolean noColor() {
        return noColor;
    }

    public boolean debug() {
        return debug;
    }

    public boolean yes() {
        return yes;
    }

    public boolean noInput() {
        return noInput;
    }

    /** --project; null when not given. */
    public Path project() {
        return project;
    }
}
