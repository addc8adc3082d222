package dev.dynctl.aws;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The one place that builds SDK clients. Clients are created lazily, once per process, share one
 * HTTP client, and are closed together. The standard AWS chain (environment, ~/.aws/config and
 * credentials, SSO and web-identity profiles, AWS_ENDPOINT_URL) applies unless the target says
 * otherwise.
 */
public final class Clients implements AutoCloseable {
    /** The key dynctl signs with for the local engine, which accepts any (and what dev hands local functions). */
    public static final AwsBasicCredentials LOCAL_CREDENTIALS = AwsBasicCredentials.create("dynctl", "local");
    private final Target target;
    private final PrintWriter requestLog;
    private final List<ExecutionInterceptor> interceptors;
    /** The session's clients whose SDK client these lend to one statement; null when these are their own. */
    private final Clients shared;
    private final RequestScope scope;
    private boolean profileChecked;
    private SdkHttpClient http;
    private SdkHttpClient patchingHttp;
    private Region region;
    /** The SDK clients made so far, by interface: one of each per process (or per statement's scope). */
    private final Map<Class<?>, SdkClient> made = new LinkedHashMap<>();

    /** @param requestLog where --debug prints each call ({@link RequestLog}); null for silence */
    public Clients(Target target, PrintWriter requestLog) {
        this(target, requestLog, List.of());
    }

    /** @param interceptors see every call of these clients, e.g. the shell's explain and timing */
    public Clients(Target target, PrintWriter requestLog, List<ExecutionInterceptor> interceptors) {
        this.target = target;
        this.requestLog = requestLog;
        this.interceptors = List.copyOf(interceptors);
        this.shared = null;
        this.scope = null;
    }

    private Clients(Clients shared, RequestScope scope) {
        this.target = shared.target;
        this.requestLog = null;
        this.interceptors = List.of();
        this.shared = shared;
        this.scope = scope;
    }

    /**
     * These clients as one statement of a session uses them: the same SDK client, with
     * {@code scope} on every request. Closing them closes nothing: the session's stay open.
     */
    Clients scoped(RequestScope scope) {
        return new Clients(this, scope);
    }

    public Target target() {
        return target;
    }

    public synchronized Region region() {
        if (shared != null) {
            return shared.region();
        }
        if (region == null) {
            requireProfile();
            region = resolveRegion();
        }
        return region;
    }

    /**
     * Where requests go, in words, for error messages: "region eu-west-1", "endpoint … (region …)",
     * "the local engine at …". An endpoint the SDK took from AWS_ENDPOINT_URL(_DYNAMODB) or the
     * profile is named too: a user who forgot the variable is set must see where requests went.
     */
    public synchronized String where() {
        if (shared != null) {
            return shared.where();
        }
        String regionId;
        try {
            regionId = region().id();
        } catch (DynctlException noRegion) {
            regionId = "not set";
        }
        URI endpoint = target.endpoint();
        if (endpoint == null) {
            // the endpoint the SDK took from the environment or profile for the first client made
            endpoint = made.values().stream().findFirst()
                    .flatMap(client -> client.serviceClientConfiguration().endpointOverride()).orElse(null);
        }
        return target.describe(regionId, endpoint);
    }

    public DynamoDbClient dynamo() {
        return client(DynamoDbClient.class, DynamoDbClient::builder);
    }

    /** API Gateway v1: REST APIs. */
    public ApiGatewayClient apiGateway() {
        return client(ApiGatewayClient.class, ApiGatewayClient::builder);
    }

    /** API Gateway v2: HTTP and WebSocket APIs. */
    public ApiGatewayV2Client apiGatewayV2() {
        return client(ApiGatewayV2Client.class, ApiGatewayV2Client::builder);
    }

    public LambdaClient lambda() {
        return client(LambdaClient.class, LambdaClient::builder);
    }

    public CloudWatchClient cloudWatch() {
        return client(CloudWatchClient.class, CloudWatchClient::builder);
    }

    /** Application Auto Scaling: the capacity range and target-tracking policies of provisioned tables and indexes. */
    public ApplicationAutoScalingClient autoScaling() {
        return client(ApplicationAutoScalingClient.class, ApplicationAutoScalingClient::builder);
    }

    /** CloudWatch Logs: a function's log group, any log group. */
    public CloudWatchLogsClient logs() {
        return client(CloudWatchLogsClient.class, CloudWatchLogsClient::builder);
    }

    /** DynamoDB Streams: a table's change records. */
    public DynamoDbStreamsClient dynamoStreams() {
        return client(DynamoDbStreamsClient.class, DynamoDbStreamsClient::builder);
    }

    /** IAM is global; its requests are signed for the target's region, which every endpoint accepts. */
    public IamClient iam() {
        return client(IamClient.class, IamClient::builder);
    }

    public StsClient sts() {
        return client(StsClient.class, StsClient::builder);
    }

    /**
     * The one client of {@code type} these clients have, made on first use: on the shared HTTP
     * client, with the target's region, credentials and endpoint, and the --debug log. A
     * statement's clients lend the session's, with the statement's scope on every request.
     */
    private synchronized <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C client(
            Class<C> type, Supplier<B> builder) {
        SdkClient client = made.get(type);
        if (client == null) {
            client = shared != null ? ScopedClient.of(type, shared.client(type, builder), scope) : build(type, builder.get());
            made.put(type, client);
        }
        return type.cast(client);
    }

    private <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C build(Class<C> type, B builder) {
        requireProfile();
        boolean patches = type == ApiGatewayClient.class || type == ApiGatewayV2Client.class;
        builder.httpClient(patches ? patchingHttp() : http())
                .region(region())
                .credentialsProvider(credentials())
                .overrideConfiguration(overrides());
        if (target.endpoint() != null) {
            builder.endpointOverride(target.endpoint());
        }
        return builder.build();
    }

    private SdkHttpClient http() {
        if (http == null) {
            http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(target.local() ? 2 : 10))
                    .socketTimeout(Duration.ofSeconds(60))
                    .build();
        }
        return http;
    }

    /** API Gateway updates with PATCH, a method HttpURLConnection refuses; the Apache client sends it. */
    private SdkHttpClient patchingHttp() {
        if (patchingHttp == null) {
            patchingHttp = ApacheHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(target.local() ? 2 : 10))
                    .socketTimeout(Duration.ofSeconds(60))
                    .build();
        }
        return patchingHttp;
    }

    private ClientOverrideConfiguration overrides() {
        var config = ClientOverrideConfiguration.builder();
        if (target.profile() != null) {
            config.defaultProfileName(target.profile());
        }
        if (requestLog != null) {
            config.addExecutionInterceptor(new RequestLog(requestLog));
        }
        interceptors.forEach(config::addExecutionInterceptor);
        return config.build();
    }

    /**
     * A --profile that is in neither file is a typo or a machine not set up yet; said plainly here
     * rather than later as "no region" or "no credentials".
     */
    private void requireProfile() {
        if (profileChecked || target.profile() == null) {
            return;
        }
        ProfileFile profiles = ProfileFile.defaultProfileFile();
        if (profiles.profile(target.profile()).isEmpty()) {
            List<String> known = profiles.profiles().keySet().stream().sorted().toList();
            throw new DynctlException(ExitCode.CREDENTIALS, "The profile '" + target.profile()
                    + "' is not in ~/.aws/config or ~/.aws/credentials.",
                    "Create it with 'aws configure --profile " + target.profile() + "' (or 'aws configure sso')"
                            + (known.isEmpty() ? "." : ", or use one of: " + String.join(", ", known) + "."));
        }
        profileChecked = true;
    }

    private AwsCredentialsProvider credentials() {
        if (target.local()) {
            // the local engine accepts any key; these never leave the machine
            return StaticCredentialsProvider.create(LOCAL_CREDENTIALS);
        }
        var chain = DefaultCredentialsProvider.builder();
        if (target.profile() != null) {
            chain.profileName(target.profile());
        }
        return chain.build();
    }

    private Region resolveRegion() {
        if (target.region() != null) {
            return Region.of(target.region());
        }
        try {
            var chain = DefaultAwsRegionProviderChain.builder();
            if (target.profile() != null) {
                chain.profileName(target.profile());
            }
            return chain.build().getRegion();
        } catch (SdkClientException e) {
            throw new DynctlException(ExitCode.USAGE, "No AWS region is set"
                    + (target.profile() != null ? " for profile '" + target.profile() + "'" : "") + ".",
                    "Pass --region, set AWS_REGION (or AWS_DEFAULT_REGION), or add 'region = …' to the profile in ~/.aws/config (or use --local).");
        }
    }

    @Override
    public synchronized void close() {
        if (shared != null) {
            return;
        }
        made.values().forEach(SdkClient::close);
        made.clear();
        if (http != null) {
            http.close();
        }
        if (patchingHttp != null) {
            patchingHttp.close();
        }
    }
}
