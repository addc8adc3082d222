package dev.dynctl.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.AuthorizerType;
import software.amazon.awssdk.services.apigatewayv2.model.GetAuthorizerResponse;

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
     * The API's authorizers. Engines without GetAuthorizers (moto answers 500) are asked for the
     * ones the routes use, one by one: enough to find an authorizer an earlier add made.
     */
    private List<GetAuthorizerResponse> authorizers(Collection<String> routeAuthorizerIds) {
        List<GetAuthorizerResponse> found = new ArrayList<>();
        try {
            String next = null;
            do {
                String token = next;
                var page = apiGateway.getAuthorizers(b -> b.apiId(apiId).maxResults("500").nextToken(token));
                page.items().forEach(a -> found.add(GetAuthorizerResponse.builder().authorizerId(a.authorizerId()).name(a.name())
                        .jwtConfiguration(a.jwtConfiguration()).build()));
                next = page.nextToken();
            } while (next != null && !next.isEmpty());
            return found;
        } catch (SdkServiceException e) {
            if (e.statusCode() < 500) {
                throw e;
            }
        }
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
