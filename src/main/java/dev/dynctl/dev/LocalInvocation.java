package dev.dynctl.dev;

import java.time.Duration;

/**
 * What one local invocation answered.
 *
 * @param payload the handler's response bytes; for a failure the runtime's error document as Lambda
 *                returns it ({"errorType", "errorMessage", "trace"} from Node.js, {"errorMessage",
 *                "errorType", "requestId", "stackTrace"} from Python, {"errorMessage", "errorType",
 *                "stackTrace"} from Java), or the host's {"errorType", "errorMessage"}
 * @param errorType null on success; else the handler's error type, "Runtime.ExitError" for a crash,
 *                  "Sandbox.Timedout" for a timeout, the runtime's type when the handler could not be
 *                  loaded ("Runtime.UserCodeSyntaxError", "Runtime.ImportModuleError", …; "Runtime.InitError"
 *                  when it names none or the host could not start the function)
 * @param errorMessage null on success; one line saying what went wrong
 * @param duration from the event handed to the instance to its answer
 * @param coldStart true when a new instance was started for it
 */
public record LocalInvocation(byte[] payload, String errorType, String errorMessage, Duration duration, boolean coldStart) {
    public boolean failed() {
        return errorType != null;
    }
}
