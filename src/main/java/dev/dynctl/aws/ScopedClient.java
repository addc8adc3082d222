package dev.dynctl.aws;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkClient;

/**
 * A session's shared SDK client (DynamoDB, Lambda, API Gateway, …) as one statement uses it: every request it is given carries
 * the statement's {@link RequestScope}. Paginators keep it on their later pages (each page's
 * request is the first one's copy); the SDK's waiter does not (dynctl polls with plain requests).
 */
final class ScopedClient implements InvocationHandler {
    private final SdkClient shared;
    private final RequestScope scope;

    private ScopedClient(SdkClient shared, RequestScope scope) {
        this.shared = shared;
        this.scope = scope;
    }

    /** @param type the client's interface, e.g. DynamoDbClient.class */
    static <C extends SdkClient> C of(Class<C> type, C shared, RequestScope scope) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new ScopedClient(shared, scope)));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (args != null && args.length == 1 && args[0] instanceof AwsRequest request) {
            return call(method, scoped(request));
        }
        if (method.isDefault() && shared.getClass().getMethod(method.getName(), method.getParameterTypes()).getDeclaringClass().isInterface()) {
            // the interface's own shorthand (a Consumer of a builder, no arguments): it builds the request and calls this proxy with it
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        return call(method, args);
    }

    private Object call(Method method, Object... args) throws Throwable {
        try {
            return method.invoke(shared, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Object scoped(AwsRequest request) {
        AwsRequestOverrideConfiguration.Builder override = request.overrideConfiguration()
                .map(AwsRequestOverrideConfiguration::toBuilder)
                .orElseGet(AwsRequestOverrideConfiguration::builder);
        return request.toBuilder().overrideConfiguration(override.putExecutionAttribute(RequestScope.ATTRIBUTE, scope).build()).build();
    }
}
