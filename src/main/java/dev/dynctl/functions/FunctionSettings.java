package dev.dynctl.functions;

import dev.dynctl.error.DynctlException;
import java.util.regex.Pattern;

/**
 * The configuration a deploy asks for. A null setting is one the user did not give: a new function
 * gets Lambda's default, an existing one keeps what it has. The environment is changed as
 * {@link EnvironmentChange} says. Memory and timeout are checked against Lambda's limits here, so
 * a value out of range is said before anything is zipped or sent; so is a role that is not an IAM role ARN.
 */
public record FunctionSettings(String runtime, String handler, Integer memoryMb, Integer timeoutSeconds,
                               EnvironmentChange environment, String role, String description) {
    private static final int MIN_MEMORY_MB = 128;
    private static final int MAX_MEMORY_MB = 10240;
    private static final int MIN_TIMEOUT_SECONDS = 1;
    private static final int MAX_TIMEOUT_SECONDS = 900;
    /** Lambda's pattern for a function's Role (CreateFunction, UpdateFunctionConfiguration). */
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+");

    public FunctionSettings {
        if (memoryMb != null && (memoryMb < MIN_MEMORY_MB || memoryMb > MAX_MEMORY_MB)) {
            throw DynctlException.usage("--memory " + memoryMb + " is out of range: Lambda takes " + MIN_MEMORY_MB + " to " + MAX_MEMORY_MB + " MB.",
                    "e.g. --memory 256 (CPU grows with memory).");
        }
        if (timeoutSeconds != null && (timeoutSeconds < MIN_TIMEOUT_SECONDS || timeoutSeconds > MAX_TIMEOUT_SECONDS)) {
            throw DynctlException.usage("--timeout " + timeoutSeconds + " is out of range: Lambda takes " + MIN_TIMEOUT_SECONDS + " to "
                    + MAX_TIMEOUT_SECONDS + " seconds.", "e.g. --timeout 30.");
        }
        if (role != null && !ROLE_ARN.matcher(role).matches()) {
            throw DynctlException.usage("--role '" + role + "' is not an IAM role ARN: Lambda takes arn:aws:iam::ACCOUNT:role/NAME, "
                    + "ACCOUNT being 12 digits and NAME letters, digits and +=,.@_-/.",
                    "e.g. --role arn:aws:iam::123456789012:role/report-runner (see the ARN with 'aws iam get-role --role-name NAME').");
        }
    }
}
