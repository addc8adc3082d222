package dev.dynctl.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/** Signs a call to an API with Signature Version 4 for the execute-api service, with the SDK's own signer. */
final class ApiCallSigner {
    static final String SERVICE = "execute-api";

    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final String region;

    ApiCallSigner(IdentityProvider<? extends AwsCredentialsIdentity> credentials, String region) {
        this.credentials = credentials;
        this.region = region;
    }

    /** The request's headers with the signature's (Authorization, X-Amz-Date, X-Amz-Security-Token, Host) added. */
    Map<String, List<String>> sign(URI url, String method, List<Map.Entry<String, String>> headers, byte[] body) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().uri(url).method(SdkHttpMethod.fromValue(method));
        headers.forEach(header -> request.appendHeader(header.getKey(), header.getValue()));
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        return AwsV4HttpSigner.create().sign(r -> r
                        .identity(identity)
                        .request(request.build())
                        .payload(body.length == 0 ? null : ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region))
                .request().headers();
    }
}
