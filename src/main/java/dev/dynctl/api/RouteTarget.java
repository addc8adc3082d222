package dev.dynctl.api;

/** Where a route sends its requests: a Lambda function (proxy integration) or, on REST APIs, SNS Publish. */
public sealed interface RouteTarget {
    /** How the target reads in listings and messages: the function's name, or "sns:" and the topic's name. */
    String label();

    /** A Lambda function, by its unqualified (or alias-qualified) ARN. */
    record Function(String arn, String name) implements RouteTarget {
        @Override
        public String label() {
            return name;
        }
    }

    /** An SNS topic, by its ARN; the request body becomes the message. */
    record SnsTopic(String arn) implements RouteTarget {
        @Override
        public String label() {
            return "sns:" + arn.substring(arn.lastIndexOf(':') + 1);
        }
    }
}
