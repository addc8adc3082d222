package dev.dynctl.functions;

/**
 * The configuration a deploy asks for. A null setting is one the user did not give: a new function
 * gets Lambda's default, an existing one keeps what it has. The environment is changed as
 * {@link EnvironmentChange} says.
 */
public record FunctionSettings(String runtime, String handler, Integer memoryMb, Integer timeoutSeconds,
                               EnvironmentChange environment, String role, String description) {
}
