package dev.dynctl.api;

import dev.dynctl.error.DynctlException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REST method's AWS service integration that publishes the request body to one SNS topic: API
 * Gateway POSTs the Query API's form (Action=Publish&amp;TopicArn=…&amp;Message=body) to SNS.
 */
final class SnsPublishIntegration {
    static final String CONTENT_TYPE_PARAMETER = "integration.request.header.Content-Type";
    static final String FORM = "'application/x-www-form-urlencoded'";
    private static final Pattern TOPIC = Pattern.compile("arn:aws[a-z-]*:sns:([a-z0-9-]+):(\\d{12}):([A-Za-z0-9_-]{1,256}(\\.fifo)?)");
    private static final Pattern TOPIC_IN_TEMPLATE = Pattern.compile("TopicArn=\\$util\\.urlEncode\\('([^']+)'\\)");

    private SnsPublishIntegration() {
    }

    /** Refuses what is not an SNS topic ARN (exit 2). */
    static void check(String topicArn) {
        if (!TOPIC.matcher(topicArn).matches()) {
            throw DynctlException.usage("'" + topicArn + "' is not an SNS topic ARN.",
                    "For example: --sns-topic arn:aws:sns:us-east-1:123456789012:orders");
        }
    }

    /** The integration URI: SNS's Publish action in the topic's region. */
    static String uri(String topicArn) {
        Matcher topic = TOPIC.matcher(topicArn);
        if (!topic.matches()) {
            throw new IllegalStateException("checked in check()");
        }
        return "arn:aws:apigateway:" + topic.group(1) + ":sns:action/Publish";
    }

    /** Form-encoded requests, which is what SNS's Query API reads. */
    static Map<String, String> requestParameters() {
        return Map.of(CONTENT_TYPE_PARAMETER, FORM);
    }

    /** The request body, whatever its type, becomes the message; the topic is fixed. */
    static Map<String, String> requestTemplates(String topicArn) {
        String form = "Action=Publish&TopicArn=$util.urlEncode('" + topicArn + "')&Message=$util.urlEncode($input.body)";
        return Map.of("application/json", form, "text/plain", form);
    }

    /** The topic a Publish integration's templates name; null when they name none. */
    static String topicArn(Map<String, String> requestTemplates) {
        for (String template : requestTemplates.values()) {
            Matcher topic = TOPIC_IN_TEMPLATE.matcher(template);
            if (topic.find()) {
                return topic.group(1);
            }
        }
        return null;
    }

    /** True for an integration URI that calls SNS Publish. */
    static boolean isPublish(String uri) {
        return uri != null && uri.matches("arn:[^:]+:apigateway:[^:]+:sns:action/Publish");
    }
}
