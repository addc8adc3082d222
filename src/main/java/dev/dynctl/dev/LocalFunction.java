package dev.dynctl.dev;

import java.nio.file.Path;
import java.util.Map;

/**
 * A function as the local host runs it.
 *
 * @param logicalName its key under {@code functions:}
 * @param name its real name in the stage (AWS_LAMBDA_FUNCTION_NAME)
 * @param runtime Lambda's runtime id: nodejs20.x, python3.12, java17, provided.al2023, …
 * @param handler as Lambda reads it for the runtime (app.handler, index.handler, com.example.Handler::handleRequest)
 * @param code the directory, .zip or .jar the function's code is in (after its build command ran)
 * @param environment the function's variables from dynctl.yaml, resolved
 */
public record LocalFunction(String logicalName, String name, String runtime, String handler, Path code,
                            int memoryMb, int timeoutSeconds, Map<String, String> environment) {
    public LocalFunction {
        environment = Map.copyOf(environment);
    }

    /** Names only: values may be secrets. */
    @Override
    public String toString() {
        return "LocalFunction[" + logicalName + " (" + name + "), " + runtime + ", " + handler + ", " + code + ", env=" + environment.keySet() + "]";
    }
}
