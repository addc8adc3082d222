package dev.dynctl.api;

import java.util.List;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Authorizer;
import software.amazon.awssdk.services.apigateway.model.AuthorizerType;

/** A REST API's COGNITO_USER_POOLS authorizer for one pool: found by its name, made when missing. */
final class RestCognitoAuthorizer {
    private RestCognitoAuthorizer() {
    }

    /** The authorizer's id; notes in {@code actions} when it had to be created. */
    static String ensure(ApiGatewayClient apiGateway, String apiId, RouteAuth auth, List<String> actions) {
        for (Authorizer authorizer : apiGateway.getAuthorizers(b -> b.restApiId(apiId).limit(500)).items()) {
            if (auth.authorizerName().equals(authorizer.name())) {
                return authorizer.id();
            }
        }
        String id = apiGateway.createAuthorizer(b -> b.restApiId(apiId).name(auth.authorizerName())
                .type(AuthorizerType.COGNITO_USER_POOLS).providerARNs(auth.userPoolArn())
                .identitySource("method.request.header.Authorization")).id();
        actions.add("created authorizer " + auth.authorizerName() + " for user pool " + auth.poolId());
        return id;
    }
}
