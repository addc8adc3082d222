package dev.dynctl.aws;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Tells "this engine does not implement the operation" from a real failure, so that a fallback
 * for local engines never hides a transient AWS error (which must go through the SDK's retries to
 * its exit code). HTTP 501 says so plainly. moto 5.x answers an operation it lacks with HTTP 500
 * and Werkzeug's generic HTML page ("The server encountered an internal error and was unable to
 * complete your request…", logging NotImplementedError); AWS's 5xx answers are JSON.
 */
public final class EngineGap {
    private static final String WERKZEUG_500 = "The server encountered an internal error and was unable to complete your request";

    private EngineGap() {
    }

    /** True when the engine answered that it does not implement the operation. */
    public static boolean notImplemented(SdkServiceException e) {
        if (e.statusCode() == 501) {
            return true;
        }
        if (e.statusCode() != 500 || !(e instanceof AwsServiceException aws) || aws.awsErrorDetails() == null
                || aws.awsErrorDetails().rawResponse() == null) {
            return false;
        }
        return aws.awsErrorDetails().rawResponse().asString(StandardCharsets.UTF_8).contains(WERKZEUG_500);
    }
}
