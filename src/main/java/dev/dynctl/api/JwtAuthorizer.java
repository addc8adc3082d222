package dev.dynctl.api;

import dev.dynctl.aws.EngineGap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.GetAuthorizerResponse;
import software.amazon.awssdk.services.apigatewayv2.model.GetAuthorizersResponse;

/** An HTTP API's JWT authorizer for one Cognito user pool: found by name, made when missing, kept to the pool and audience asked for. */
final class JwtAuthorizer {
    static final String IDENTITY_SOURCE = "$request.header.Authorization";

    private final ApiGatewayV2Client apiGateway;
    private final String apiId;

    JwtAuthorizer(ApiGatewayV2Client apiGateway, String apiId) {
        this.apiGateway = apiGateway;
        this.apiId = apiId;
    }

    /** The authorizer's id; notes in {@code actions} what was created or changed. */
    String ensure(RouteAuth auth, Collection<String> routeAuthorizerIds, List<String> actions) {
        for (GetAuthorizerResponse authorizer : authorizers(routeAuthorizerIds)) {
            if (!auth.authorizerName().equals(authorizer.name())) {
                continue;
            }
            var jwt = authorizer.jwtConfiguration();
            boolean same = jwt != null && auth.issuer().equals(jwt.issuer())
                    && Set.copyOf(jwt.audience()).equals(Set.copyOf(auth.audiences()));
            if (!same) {
                apiGateway.updateAuthorizer(b -> b.apiId(apiId).authorizerId(authorizer.authorizerId())
                        .jwtConfiguration(j -> j.issuer(auth.issuer()).audience(auth.audiences())));
                actions.add("set authorizer " + auth.authorizerName() + " to audience " + String.join(", ", auth.audiences()));
            }
            return authorizer.authorizerId();
        }
        String id = apiGateway.createAuthorizer(b -> b.apiId(apiId).name(auth.authorizerName()).authorizerType(AuthorizerType.JWT)
                .identitySource(IDENTITY_SOURCE)
                .jwtConfiguration(j -> j.issuer(auth.issuer()).audience(auth.audiences()))).authorizerId();
        actions.add("created JWT authorizer " + auth.authorizerName() + " (issuer " + auth.issuer() + ")");
        return id;
    }

    /**
     * The API's authorizers. Engines without GetAuthorizers (moto) are asked for the ones the routes
     * use, one by one: enough to find an authorizer an earlier add made. Only an answer that says
     * "not implemented" leads there; AWS's own failures (a 5xx after the SDK's retries) are thrown.
     */
    private List<GetAuthorizerResponse> authorizers(Collection<String> routeAuthorizerIds) {
        try {
            return V2Pages.all(token -> apiGateway.getAuthorizers(b -> b.apiId(apiId).maxResults(V2Pages.MAX_RESULTS).nextToken(token)),
                    GetAuthorizersResponse::items, GetAuthorizersResponse::nextToken).stream()
                    .map(a -> GetAuthorizerResponse.builder().authorizerId(a.authorizerId()).name(a.name())
                            .jwtConfiguration(a.jwtConfiguration()).build())
                    .toList();
        } catch (SdkServiceException e) {
            if (!EngineGap.notImplemented(e)) {
                throw e;
            }
        }
        List<GetAuthorizerResponse> found = new ArrayList<>();
        for (String id : new LinkedHashSet<>(routeAuthorizerIds)) {
            found.add(apiGateway.getAuthorizer(b -> b.apiId(apiId).authorizerId(id)));
        }
        return found;
    }

    /** The authorizer's issuer, for telling a Cognito authorizer from other JWT ones in listings. */
    String issuer(String authorizerId) {
        var jwt = apiGateway.getAuthorizer(b -> b.apiId(apiId).authorizerId(authorizerId)).jwtConfiguration();
        return jwt == null ? null : jwt.issuer();
    }
}
