package dev.dynctl.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.aws.Clients;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.NearNames;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EnvironmentResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Lambda functions: list, describe, invoke and delete. Deploys are {@link FunctionDeployer}'s. */
public final class FunctionService {
    /** What an environment variable's value shows without --show-env. */
    public static final String MASK = "****";
    private static final String LATEST = "$LATEST";

    /** What an invoke answered: the payload, Lambda's FunctionError (null on success), and the decoded log tail (null when not asked or not sent). */
    public record Invocation(byte[] payload, String functionError, String logTail, String executedVersion) {
        public boolean failed() {
            return functionError != null;
        }
    }

    private final Clients clients;

    public FunctionService(Clients clients) {
        this.clients = clients;
    }

    private LambdaClient lambda() {
        return clients.lambda();
    }

    /** One row per function ($LATEST), every page, fetched as they are read. */
    public Iterable<JsonNode> list() {
        return () -> lambda().listFunctionsPaginator(b -> { }).functions().stream().map(FunctionService::row).iterator();
    }

    private static JsonNode row(FunctionConfiguration function) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("name", function.functionName());
        row.put("runtime", function.runtimeAsString());
        row.put("memory", function.memorySize());
        row.put("timeout", function.timeout());
        row.put("lastModified", function.lastModified());
        return row;
    }

    /**
     * The function's configuration ($LATEST unless the name or ARN ends in a version or alias); a
     * name Lambda would refuse is exit 2, an unknown function not found (exit 3) with the near names.
     */
    public GetFunctionConfigurationResponse configuration(String function) {
        FunctionName.of(function);
        try {
            return lambda().getFunctionConfiguration(b -> b.functionName(function));
        } catch (ResourceNotFoundException e) {
            throw notFound(function);
        }
    }

    /** The function's ARN (qualified when {@code nameOrArn} names an alias or version); an unknown function is not found (exit 3) with the near names. */
    public String arn(String nameOrArn) {
        return configuration(nameOrArn).functionArn();
    }

    /** Configuration, versions and aliases; environment values masked unless {@code showEnvironment}. */
    public JsonNode describe(String function, boolean showEnvironment) {
        GetFunctionConfigurationResponse c = configuration(function);
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("name", c.functionName());
        doc.put("arn", c.functionArn());
        doc.put("description", c.description());
        doc.put("runtime", c.runtimeAsString());
        doc.put("handler", c.handler());
        doc.put("role", c.role());
        doc.put("memory", c.memorySize());
        doc.put("timeout", c.timeout());
        ObjectNode environment = doc.putObject("environment");
        variables(c.environment()).forEach((name, value) -> environment.put(name, showEnvironment ? value : MASK));
        doc.put("state", c.stateAsString());
        if (c.stateReason() != null) {
            doc.put("stateReason", c.stateReason());
        }
        doc.put("lastUpdateStatus", c.lastUpdateStatusAsString());
        if (c.lastUpdateStatusReason() != null) {
            doc.put("lastUpdateStatusReason", c.lastUpdateStatusReason());
        }
        doc.put("lastModified", c.lastModified());
        doc.put("codeSize", c.codeSize());
        doc.put("codeSha256", c.codeSha256());
        ArrayNode versions = doc.putArray("versions");
        lambda().listVersionsByFunctionPaginator(b -> b.functionName(function)).versions().stream()
                .map(FunctionConfiguration::version)
                .filter(version -> !LATEST.equals(version))
                .forEach(versions::add);
        ArrayNode aliases = doc.putArray("aliases");
        lambda().listAliasesPaginator(b -> b.functionName(function)).aliases().forEach(alias -> {
            ObjectNode a = aliases.addObject();
            a.put("name", alias.name());
            a.put("version", alias.functionVersion());
        });
        return doc;
    }

    /** The variables of a configuration, sorted by name; empty when it has none. */
    static Map<String, String> variables(EnvironmentResponse environment) {
        if (environment == null || environment.variables() == null) {
            return Map.of();
        }
        return new TreeMap<>(environment.variables());
    }

    /**
     * Invokes synchronously (RequestResponse) and waits for the answer.
     *
     * @param payload the event, or null to send none
     * @param qualifier a version or alias, or null for $LATEST
     * @param tail asks for the last 4 KB of the log (LogType Tail)
     */
    public Invocation invoke(String function, byte[] payload, String qualifier, boolean tail) {
        FunctionName.of(function);
        if (qualifier != null) {
            FunctionName.qualifier(qualifier);
        }
        InvokeResponse response;
        try {
            response = lambda().invoke(b -> {
                b.functionName(function).qualifier(qualifier);
                if (payload != null) {
                    b.payload(SdkBytes.fromByteArrayUnsafe(payload));
                }
                if (tail) {
                    b.logType(LogType.TAIL);
                }
            });
        } catch (ResourceNotFoundException e) {
            if (qualifier != null) {
                configuration(function);
                throw DynctlException.notFound("Function '" + function + "' has no version or alias '" + qualifier + "' in " + clients.where() + ".",
                        "See its versions and aliases with 'dynctl function describe " + function + "'.");
            }
            throw notFound(function);
        }
        String log = response.logResult() == null ? null : new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        byte[] answer = response.payload() == null ? new byte[0] : response.payload().asByteArray();
        return new Invocation(answer, response.functionError(), log, response.executedVersion());
    }

    /** The configuration of the function a delete would remove: the function itself (not a version or alias), and one that exists. */
    public GetFunctionConfigurationResponse toDelete(String function) {
        FunctionName.of(function).unqualified("delete");
        return configuration(function);
    }

    /** Deletes the function with all its versions and aliases. */
    public void delete(String function) {
        try {
            lambda().deleteFunction(b -> b.functionName(function));
        } catch (ResourceNotFoundException e) {
            throw notFound(function);
        }
    }

    /** "Function 'x' not found in …", with the names of functions close to it when the caller may list them. */
    DynctlException notFound(String function) {
        List<String> names;
        try {
            names = lambda().listFunctionsPaginator(b -> { }).functions().stream().map(FunctionConfiguration::functionName).toList();
        } catch (SdkException e) {
            // the suggestions are a courtesy: a caller who may not list functions still learns the function is missing (exit 3)
            names = List.of();
        }
        return DynctlException.notFound("Function '" + function + "' not found in " + clients.where() + ".",
                NearNames.hint(NearNames.among(names, function), "List the functions with 'dynctl function list', or create it with 'dynctl function deploy'."));
    }
}
