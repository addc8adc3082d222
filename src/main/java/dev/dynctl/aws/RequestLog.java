package dev.dynctl.aws;

import java.io.PrintWriter;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * --debug's account of every AWS call, on stderr: "→ DynamoDB.GetItem GetItemRequest(…)" before,
 * "← 200 in 12 ms" or the failure after. The request is printed by the SDK's own toString(), which
 * leaves out fields marked sensitive; headers (and with them the signature) are never printed.
 * A request made for a shell statement is printed where that statement's {@link RequestScope} says.
 */
public final class RequestLog implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("dynctl.requestLog.started");

    private static final Map<String, String> SPELLING = Map.of("DynamoDb", "DynamoDB", "Iam", "IAM", "Sts", "STS");

    private final PrintWriter err;

    /** @param err where requests without a scope are printed; null for silence */
    public RequestLog(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
        print(attributes, "→ " + service(attributes) + "." + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " " + context.request());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        print(attributes, "← " + context.httpResponse().statusCode() + " in " + elapsed(attributes) + " ms");
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        String status = context.httpResponse().map(r -> r.statusCode() + " ").orElse("");
        String why = String.valueOf(context.exception().getMessage()).lines().findFirst().orElse("");
        print(attributes, "← " + status + "failed in " + elapsed(attributes) + " ms: " + why);
    }

    /** The service as AWS spells it (DynamoDB, IAM), where the SDK's client name differs (DynamoDb, Iam). */
    private static String service(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        return SPELLING.getOrDefault(name, name);
    }

    private static long elapsed(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        return started == null ? 0 : (System.nanoTime() - started) / 1_000_000;
    }

    private void print(ExecutionAttributes attributes, String line) {
        RequestScope scope = RequestScope.of(attributes);
        PrintWriter sink = scope != null ? scope.log() : err;
        if (sink == null) {
            return;
        }
        synchronized (sink) {
            sink.println(line);
            sink.flush();
        }
    }
}
