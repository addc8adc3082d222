package dev.dynctl.api;

/**
 * The partition (aws, aws-cn, aws-us-gov) an ARN lives in: the one source for the ARNs dynctl
 * builds next to it (execute-api, apigateway integration URIs), so a route in China or GovCloud
 * names its own partition.
 */
final class ArnPartition {
    private ArnPartition() {
    }

    /** "aws" from "arn:aws:lambda:…". */
    static String of(String arn) {
        String[] parts = arn.split(":", 3);
        if (parts.length < 3 || !parts[0].equals("arn") || parts[1].isEmpty()) {
            throw new IllegalArgumentException("not an ARN: " + arn);
        }
        return parts[1];
    }
}
