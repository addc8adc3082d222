package dev.dynctl.aws;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK exceptions into sentences with an exit code and the fix. */
public final class AwsErrors {
    private static final Set<String> THROTTLING = Set.of("ProvisionedThroughputExceededException",
            "RequestLimitExceeded", "ThrottlingException", "Throttling", "TooManyRequestsException");
    private static final Set<String> AUTH = Set.of("UnrecognizedClientException", "AccessDeniedException", "AccessDenied",
            "ExpiredTokenException", "ExpiredToken", "InvalidSignatureException", "MissingAuthenticationTokenException",
            "IncompleteSignatureException", "InvalidClientTokenId", "SignatureDoesNotMatch");
    /** DynamoDB and Lambda say ResourceNotFoundException, API Gateway NotFoundException, IAM NoSuchEntity. */
    private static final Set<String> NOT_FOUND = Set.of("ResourceNotFoundException", "NotFoundException", "NoSuchEntity");
    /** CloudWatch Logs says InvalidParameterException (a bad filter pattern), Lambda InvalidParameterValueException. */
    private static final Set<String> BAD_REQUEST = Set.of("ValidationException", "SerializationException", "BadRequestException",
            "InvalidParameterValueException", "InvalidParameterException", "MalformedPolicyDocument");
    private static final Set<String> CONDITION = Set.of("ConditionalCheckFailedException", "TransactionCanceledException",
            "TransactionConflictException");

    /** How {@link Target#describe} names an endpoint that is not AWS's own. */
    private static final String ENDPOINT = "endpoint ";
    private static final String SDK_SERVICES = "software.amazon.awssdk.services.";

    private AwsErrors() {
    }

    /** @param where where the request went, in words ({@link Clients#where()}) */
    public static DynctlException translate(SdkException e, String where) {
        if (e instanceof AwsServiceException service) {
            return fromService(service, where);
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new DynctlException(ExitCode.THROTTLED, "The request to " + where + " timed out after retries.",
                    "Try again, or check the network and the endpoint.", e);
        }
        Throwable root = rootCause(e);
        if (root instanceof SocketTimeoutException) {
            // "Read timed out": connected, but no answer in time; "Connect timed out": no answer to connect
            boolean connecting = String.valueOf(root.getMessage()).toLowerCase(Locale.ROOT).contains("connect");
            return new DynctlException(ExitCode.THROTTLED, (connecting ? "Connecting to " : "The request to ") + where
                    + " timed out after retries.", "Try again, or check the network and the endpoint.", e);
        }
        if (root instanceof ConnectException || root instanceof UnknownHostException || root instanceof NoRouteToHostException) {
            return new DynctlException(ExitCode.FAILURE, "Cannot reach " + where + ": " + root.getMessage() + ".",
                    Target.describesLocal(where) ? "Start it with 'dynctl local start', or check --endpoint-url."
                            : "Check --endpoint-url / AWS_ENDPOINT_URL, the region and your network.", e);
        }
        if (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("credentials")) {
            return new DynctlException(ExitCode.CREDENTIALS, "No AWS credentials were found for " + where + ".",
                    "Run 'aws configure' or 'aws sso login', set AWS_PROFILE / AWS_ACCESS_KEY_ID, or use --local.", e);
        }
        return new DynctlException(ExitCode.FAILURE, firstLine(e.getMessage()), null, e);
    }

    private static DynctlException fromService(AwsServiceException e, String where) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        String message = details == null || details.errorMessage() == null ? "" : details.errorMessage();
        if (CONDITION.contains(code)) {
            return new DynctlException(ExitCode.CONDITION_FAILED, "Condition failed: " + message, null, e);
        }
        String service = serviceName(details);
        boolean dynamo = service.startsWith("DynamoDB");
        if (THROTTLING.contains(code) || e.isThrottlingException()) {
            return dynamo
                    ? new DynctlException(ExitCode.THROTTLED, "Throttled by " + where + " after retries: " + message,
                            "Lower the request rate, or raise the table's capacity (or use on-demand billing).", e)
                    : new DynctlException(ExitCode.THROTTLED, "Throttled by " + service + " at " + where + " after retries: " + message,
                            "Lower the request rate, or ask for a higher quota in Service Quotas.", e);
        }
        if (AUTH.contains(code) || e.statusCode() == 403) {
            return new DynctlException(ExitCode.CREDENTIALS, "Not allowed by " + where + ": " + message,
                    "Check the profile's credentials and IAM permissions ('aws sts get-caller-identity').", e);
        }
        if (NOT_FOUND.contains(code)) {
            return new DynctlException(ExitCode.NOT_FOUND, message + " — at " + where, null, e);
        }
        if (BAD_REQUEST.contains(code)) {
            return new DynctlException(ExitCode.USAGE, message, null, e);
        }
        if ("LimitExceededException".equals(code)) {
            // DynamoDB: too many table operations at once, or too many tables: waiting or a quota helps, slowing down does not.
            // Other services mean a quota of theirs, or (API Gateway) a request rate
            return dynamo
                    ? new DynctlException(ExitCode.FAILURE, "A DynamoDB limit was reached at " + where + ": " + message,
                            "This is an account or table limit, not throttling: wait for running table operations to finish, "
                                    + "or ask for a higher quota in Service Quotas.", e)
                    : new DynctlException(ExitCode.FAILURE, "A limit of " + service + " was reached at " + where + ": " + message,
                            "Wait and try again, lower the request rate, or ask for a higher quota in Service Quotas.", e);
        }
        if (code.isEmpty() && notAws(where) && engineLacks(e)) {
            String operation = operation(e);
            return new DynctlException(ExitCode.FAILURE, service + " at " + where + " answered "
                    + (operation == null ? "" : operation + " ") + "with HTTP " + e.statusCode() + " and no error code: the engine may not "
                    + "implement this request.", "AWS has it; against this engine, do it on AWS or leave it out."
                    + (Target.describesLocal(where) ? " The engine's log may say more; 'dynctl local status' shows where it is." : ""), e);
        }
        if (code.isEmpty()) {
            // no error code: the service broke rather than refused (moto answers HTTP 500 to what it cannot do)
            return new DynctlException(ExitCode.FAILURE, "The service at " + where + " failed with HTTP " + e.statusCode()
                    + (message.isEmpty() ? "." : ": " + firstLine(message)),
                    Target.describesLocal(where) ? "The local engine's log may say why; 'dynctl local status' shows where it is."
                            : "Try again; run with --debug to see the request.", e);
        }
        return new DynctlException(ExitCode.FAILURE, code + ": " + message + " — at " + where, null, e);
    }

    /** The request went to an engine standing in for AWS (--endpoint-url, --local), not to AWS. */
    private static boolean notAws(String where) {
        return Target.describesLocal(where) || where.startsWith(ENDPOINT);
    }

    /**
     * An answer without an error code that says the engine has no such request: HTTP 404 or 501
     * (moto's server answers a path it does not route with Werkzeug's HTML "Not Found"), or what
     * {@link EngineGap} recognises. AWS answers errors in JSON or XML with a code.
     */
    private static boolean engineLacks(AwsServiceException e) {
        return e.statusCode() == 404 || EngineGap.notImplemented(e);
    }

    /**
     * The operation that failed, as AWS names it (CreateDeployment), or null. The SDK's exception
     * does not carry it, but it is thrown inside the generated client's method of that name
     * ({@code DefaultApiGatewayV2Client.createDeployment}), which its stack shows.
     */
    private static String operation(AwsServiceException e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            String type = frame.getClassName();
            String simple = type.substring(type.lastIndexOf('.') + 1);
            if (type.startsWith(SDK_SERVICES) && simple.startsWith("Default") && simple.endsWith("Client")
                    && !frame.getMethodName().isEmpty() && Character.isLowerCase(frame.getMethodName().charAt(0))) {
                return Character.toUpperCase(frame.getMethodName().charAt(0)) + frame.getMethodName().substring(1);
            }
        }
        return null;
    }

    /** The service that answered, as people name it; the SDK says DynamoDb, ApiGatewayV2, Iam. DynamoDB when it does not say. */
    private static String serviceName(AwsErrorDetails details) {
        String sdk = details == null || details.serviceName() == null ? "DynamoDb" : details.serviceName();
        String lower = sdk.toLowerCase(Locale.ROOT);
        if (lower.startsWith("dynamodb")) {
            return "DynamoDB" + sdk.substring("dynamodb".length());
        }
        if (lower.startsWith("apigateway")) {
            return "API Gateway";
        }
        return switch (lower) {
            case "iam", "sts", "sns", "sqs" -> sdk.toUpperCase(Locale.ROOT);
            default -> sdk;
        };
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
