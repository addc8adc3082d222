package dev.dynctl.api;

/**
 * One route as it stands in API Gateway.
 *
 * @param key the route
 * @param target what it calls, in words: a function's name, "sns:topic", or the integration's type
 * @param functionArn the Lambda function it calls, else null
 * @param snsTopicArn the SNS topic it publishes to, else null
 * @param auth none, iam, cognito (or the authorization type API Gateway names)
 */
public record RouteInfo(RouteKey key, String target, String functionArn, String snsTopicArn, String auth) {
}
