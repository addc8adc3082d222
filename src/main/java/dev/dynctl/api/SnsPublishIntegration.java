package dev.dynctl.api;

import dev.dynctl.error.DynctlException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REST method's AWS service integration that publishes the request body to one SNS topic: API
 * Gateway POSTs the Query API's form (Action=Publish&amp;TopicArn=…&amp;Message=body) to SNS.
 * A FIFO topic (name ending .fifo) also gets MessageGroupId and MessageDeduplicationId, which SNS
 * requires of every publish to one: both the request's id, so each request is its own message
 * group (no ordering between requests) and is published once.
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

    /** The integration URI: SNS's Publish action in the topic's partition and region. */
    static String uri(String topicArn) {
        return "arn:" + ArnPartition.of(topicArn) + ":apigateway:" + topic(topicArn).group(1) + ":sns:action/Publish";
    }

    /** True for a FIFO topic, whose publishes need a message group and deduplication id. */
    static boolean fifo(String topicArn) {
        return topic(topicArn).group(4) != null;
    }

    private static Matcher topic(String topicArn) {
        Matcher topic = TOPIC.matcher(topicArn);
        if (!topic.matches()) {
            throw new IllegalStateException("checked in check()");
        }
        return topic;
    }

    /** Form-encoded requests, which is what SNS's Query API reads. */
    static Map<String, String> requestParameters() {
        return Map.of(CONTENT_TYPE_PARAMETER, FORM);
    }

    /**
     * The body of a JSON or plain-text request becomes the message; the topic is fixed. Requests of
     * any other content type find no template and, with passthrough NEVER, API Gateway refuses them
     * (415 Unsupported Media Type) instead of forwarding them unchanged to SNS.
     */
    static Map<String, String> requestTemplates(String topicArn) {
        String form = "Action=Publish&TopicArn=$util.urlEncode('" + topicArn + "')&Message=$util.urlEncode($input.body)";
        if (fifo(topicArn)) {
            form += "&MessageGroupId=$util.urlEncode($context.requestId)&MessageDeduplicationId=$util.urlEncode($context.requestId)";
        }
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
