package dev.dynctl.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynctl.aws.Clients;
import dev.dynctl.codec.Json;
import dev.dynctl.error.DynctlException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetAliasResponse;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.PublishVersionResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.UpdateFunctionConfigurationRequest;

/**
 * Deploys a function: creates it when it is missing, else updates its code (only when the
 * package's SHA-256 differs from Lambda's CodeSha256) and its configuration (only the settings that
 * differ), waits until Lambda is done after each change, publishes a version (Lambda gives back the
 * latest one when nothing changed since) and points an alias at it. The same inputs twice change
 * nothing the second time.
 */
public final class FunctionDeployer {
    /**
     * What a deploy asks for besides code and settings; {@code function} names the function itself (no version or alias).
     *
     * @param tags put on the function when it is created (in CreateFunction itself, so that a
     *             failure never leaves it untagged); an existing function's tags are not touched
     * @param roleMayBeNew the settings' role may have been made a moment ago (by the same
     *                     {@code deploy}): while Lambda says it cannot assume it, the call is
     *                     made again, up to {@code waitLimit}
     */
    public record Request(FunctionName function, FunctionPackage code, FunctionSettings settings, String alias, Duration waitLimit,
                          Map<String, String> tags, boolean roleMayBeNew) {
        public Request {
            tags = Map.copyOf(tags);
        }

        /** No tags, and a role that exists already (or none: one is made). */
        public Request(FunctionName function, FunctionPackage code, FunctionSettings settings, String alias, Duration waitLimit) {
            this(function, code, settings, alias, waitLimit, Map.of(), false);
        }
    }

    /** The summary a deploy prints: what is deployed now, the alias moved (null: none asked for) and what this deploy changed (empty: nothing). */
    public record Result(String function, String arn, String version, String alias, String codeSha256, List<String> changed) {
        public JsonNode document() {
            ObjectNode doc = Json.MAPPER.createObjectNode();
            doc.put("function", function);
            doc.put("arn", arn);
            doc.put("version", version);
            if (alias != null) {
                // no alias asked for: no field, rather than a null a table shows as "null"
                doc.put("alias", alias);
            }
            doc.put("codeSha256", codeSha256);
            changed.forEach(doc.putArray("changed")::add);
            return doc;
        }
    }

    private final Clients clients;
    private final Consumer<String> notes;

    /** @param notes receives what happens along the way ("Created the execution role …"), for stderr */
    public FunctionDeployer(Clients clients, Consumer<String> notes) {
        this.clients = clients;
        this.notes = notes;
    }

    public Result deploy(Request request) throws InterruptedException {
        request.code().requireDirectUpload();
        LambdaClient lambda = clients.lambda();
        FunctionWaiter waiter = new FunctionWaiter(lambda);
        String name = request.function().text();
        GetFunctionConfigurationResponse current = existing(lambda, name);
        List<String> changed = new ArrayList<>();
        if (current == null) {
            create(lambda, request, changed);
        } else {
            if (!FunctionWaiter.isReady(current)) {
                // an update from before (another deploy's, or one that timed out) still runs: Lambda refuses another meanwhile
                current = waiter.untilReady(name, request.waitLimit(), false);
            }
            if (!request.code().sha256().equals(current.codeSha256())) {
                lambda.updateFunctionCode(b -> b.functionName(name).zipFile(SdkBytes.fromByteArrayUnsafe(request.code().zip())));
                changed.add("code");
                waiter.untilReady(name, request.waitLimit(), true);
            }
            updateConfiguration(lambda, current, request, changed);
        }
        GetFunctionConfigurationResponse ready = waiter.untilReady(name, request.waitLimit(), !changed.isEmpty());
        Set<String> versionsBefore = lambda.listVersionsByFunctionPaginator(b -> b.functionName(name)).versions().stream()
                .map(FunctionConfiguration::version).collect(Collectors.toSet());
        // the SHA guards against someone else's code change between our update and this version
        PublishVersionResponse published = lambda.publishVersion(b -> b.functionName(name).codeSha256(ready.codeSha256()));
        if (!versionsBefore.contains(published.version())) {
            changed.add("version");
        }
        if (request.alias() != null && pointAlias(lambda, name, request.alias(), published.version())) {
            changed.add("alias");
        }
        return new Result(name, ready.functionArn(), published.version(), request.alias(), published.codeSha256(), List.copyOf(changed));
    }

    private static GetFunctionConfigurationResponse existing(LambdaClient lambda, String name) {
        try {
            return lambda.getFunctionConfiguration(b -> b.functionName(name));
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    private void create(LambdaClient lambda, Request request, List<String> changed) throws InterruptedException {
        FunctionSettings settings = request.settings();
        if (settings.runtime() == null || settings.handler() == null) {
            throw DynctlException.usage("Function '" + request.function().text() + "' does not exist yet in " + clients.where()
                    + "; creating it needs --runtime and --handler.", "e.g. --runtime python3.12 --handler app.handler");
        }
        String role = settings.role();
        boolean newRole = false;
        if (role == null) {
            ExecutionRole.Resolved resolved = new ExecutionRole(clients.iam()).ensure(request.function().name(), notes);
            role = resolved.arn();
            newRole = resolved.created();
            if (newRole) {
                changed.add("role");
            }
        }
        String roleArn = role;
        Map<String, String> environment = settings.environment().applyTo(Map.of());
        Supplier<CreateFunctionResponse> createFunction = () -> lambda.createFunction(b -> b.functionName(request.function().text())
                .runtime(settings.runtime())
                .handler(settings.handler())
                .role(roleArn)
                .memorySize(settings.memoryMb())
                .timeout(settings.timeoutSeconds())
                .description(settings.description())
                .environment(environment.isEmpty() ? null : Environment.builder().variables(environment).build())
                .tags(request.tags().isEmpty() ? null : request.tags())
                .code(c -> c.zipFile(SdkBytes.fromByteArrayUnsafe(request.code().zip()))));
        if (newRole || request.roleMayBeNew()) {
            // a role made a moment ago is not yet visible to Lambda
            FreshRoleRetry.call(createFunction, roleArn, request.waitLimit());
        } else {
            try {
                createFunction.get();
            } catch (InvalidParameterValueException e) {
                throw FreshRoleRetry.refused(e, roleArn);
            }
        }
        notes.accept("Created function '" + request.function().text() + "' from " + request.code().source() + ".");
        changed.add(0, "function");
    }

    /** Sends only the settings that differ from the function's; names each one in {@code changed}. */
    private void updateConfiguration(LambdaClient lambda, GetFunctionConfigurationResponse current, Request request, List<String> changed)
            throws InterruptedException {
        FunctionSettings wanted = request.settings();
        UpdateFunctionConfigurationRequest.Builder update = UpdateFunctionConfigurationRequest.builder().functionName(current.functionName());
        List<String> settings = new ArrayList<>();
        if (differs(wanted.runtime(), current.runtimeAsString())) {
            update.runtime(wanted.runtime());
            settings.add("runtime");
        }
        if (differs(wanted.handler(), current.handler())) {
            update.handler(wanted.handler());
            settings.add("handler");
        }
        if (differs(wanted.memoryMb(), current.memorySize())) {
            update.memorySize(wanted.memoryMb());
            settings.add("memory");
        }
        if (differs(wanted.timeoutSeconds(), current.timeout())) {
            update.timeout(wanted.timeoutSeconds());
            settings.add("timeout");
        }
        Map<String, String> variables = FunctionService.variables(current.environment());
        for (String name : wanted.environment().unset()) {
            if (!variables.containsKey(name)) {
                notes.accept("--unset-env " + name + ": the function has no such variable.");
            }
        }
        Map<String, String> environment = wanted.environment().isNone() ? null : wanted.environment().applyTo(variables);
        if (differs(environment, variables)) {
            update.environment(e -> e.variables(environment));
            settings.add("environment");
        }
        if (differs(wanted.role(), current.role())) {
            update.role(wanted.role());
            settings.add("role");
        }
        if (differs(wanted.description(), Objects.requireNonNullElse(current.description(), ""))) {
            update.description(wanted.description());
            settings.add("description");
        }
        if (settings.isEmpty()) {
            return;
        }
        String role = Objects.requireNonNullElse(wanted.role(), current.role());
        if (request.roleMayBeNew() && settings.contains("role")) {
            FreshRoleRetry.call(() -> lambda.updateFunctionConfiguration(update.build()), role, request.waitLimit());
        } else {
            try {
                lambda.updateFunctionConfiguration(update.build());
            } catch (InvalidParameterValueException e) {
                throw FreshRoleRetry.refused(e, role);
            }
        }
        changed.addAll(settings);
    }

    /** True when the user gave a setting and it is not what the function has. */
    private static boolean differs(Object wanted, Object current) {
        return wanted != null && !wanted.equals(current);
    }

    /** Creates the alias or moves it to {@code version}; false when it already points there. */
    public static boolean pointAlias(LambdaClient lambda, String function, String alias, String version) {
        GetAliasResponse existing;
        try {
            existing = lambda.getAlias(b -> b.functionName(function).name(alias));
        } catch (ResourceNotFoundException e) {
            lambda.createAlias(b -> b.functionName(function).name(alias).functionVersion(version));
            return true;
        }
        if (version.equals(existing.functionVersion())) {
            return false;
        }
        lambda.updateAlias(b -> b.functionName(function).name(alias).functionVersion(version));
        return true;
    }
}
