package dev.dynctl.dev.host;

import dev.dynctl.dev.HostSettings;
import dev.dynctl.dev.LocalFunction;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The variables of an instance, as Lambda sets them: this machine's environment without its AWS
 * settings (the function's SDK must not pick up dynctl's profile or endpoint), then the function's
 * {@code environment:}, then Lambda's reserved variables, then where the function's SDK sends its
 * requests and the credentials it signs them with.
 */
public final class LambdaEnvironment {
    /**
     * The account of everything local: the ARNs handed to local functions, the gateway's
     * requestContext.accountId (AWS's documentation account, moto's default).
     */
    public static final String LOCAL_ACCOUNT = "123456789012";
    /** The AWS SDK for JavaScript v3's switch for its NodeVersionSupportWarning (@aws-sdk/core). */
    static final String NODE_SDK_VERSION_WARNING = "AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED";
    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private LambdaEnvironment() {
    }

    static String functionArn(LocalFunction function, HostSettings settings) {
        return "arn:aws:lambda:" + settings.region() + ":" + LOCAL_ACCOUNT + ":function:" + function.name();
    }

    /** A log stream name of Lambda's shape, one per instance: 2024/05/01/[$LATEST]0123…. */
    static String logStream() {
        return LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/[$LATEST]" + UUID.randomUUID().toString().replace("-", "");
    }

    static Map<String, String> of(LocalFunction function, HostSettings settings, Path taskRoot, String runtimeApi,
                                  String logStream, Map<String, String> runtimeVariables) {
        Map<String, String> env = new HashMap<>();
        System.getenv().forEach((name, value) -> {
            if (!name.startsWith("AWS_")) {
                env.put(name, value);
            }
        });
        if (function.runtime().startsWith("nodejs")) {
            // the npm SDK warns at each cold start that its releases from 2027 need node 22: about the
            // machine's node, not the function (its runtime names the node it runs on); the function may set it back
            env.put(NODE_SDK_VERSION_WARNING, "true");
        }
        env.putAll(function.environment());
        env.putAll(runtimeVariables);
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStream);
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("_HANDLER", function.handler());
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        if (!function.runtime().startsWith("provided")) {
            env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        }
        env.put("AWS_REGION", settings.region());
        env.put("AWS_DEFAULT_REGION", settings.region());
        env.put("TZ", ":UTC");
        if (settings.engine() != null) {
            env.put("AWS_ENDPOINT_URL", settings.engine().toString());
        }
        env.putAll(settings.credentials());
        return env;
    }
}
