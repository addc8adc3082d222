package dev.dynctl.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The statement in a function's resource policy that lets API Gateway invoke it for one route,
 * and no other: principal apigateway.amazonaws.com, SourceArn the route's execute-api ARN.
 */
final class RoutePermission {
    static final String PRINCIPAL = "apigateway.amazonaws.com";

    private final LambdaClient lambda;

    RoutePermission(LambdaClient lambda) {
        this.lambda = lambda;
    }

    /** Adds the statement unless it is there as asked; one with this id and another SourceArn is replaced. True when it changed anything. */
    boolean ensure(String functionArn, String statementId, String sourceArn) {
        Optional<String> existing = sourceArn(functionArn, statementId);
        if (existing.isPresent() && existing.get().equals(sourceArn)) {
            return false;
        }
        if (existing.isPresent()) {
            lambda.removePermission(b -> b.functionName(functionArn).statementId(statementId));
        }
        // the version or alias as Qualifier: the statement is on it, and its Resource names it
        lambda.addPermission(b -> b.functionName(unqualified(functionArn)).qualifier(qualifier(functionArn)).statementId(statementId)
                .action("lambda:InvokeFunction").principal(PRINCIPAL).sourceArn(sourceArn));
        return true;
    }

    /** Removes the statement if the function (still) has it. True when it removed one. */
    boolean remove(String functionArn, String statementId) {
        try {
            if (sourceArn(functionArn, statementId).isEmpty()) {
                return false;
            }
            // the qualified ARN names the version or alias: engines that ignore RemovePermission's Qualifier (moto) find it too
            lambda.removePermission(b -> b.functionName(functionArn).statementId(statementId));
            return true;
        } catch (ResourceNotFoundException gone) {
            // the function was deleted first: its policy went with it
            return false;
        }
    }

    /** The SourceArn of the function's statement with this id; empty when it has no such statement (or no policy). */
    Optional<String> sourceArn(String functionArn, String statementId) {
        String policy;
        try {
            policy = lambda.getPolicy(b -> b.functionName(unqualified(functionArn)).qualifier(qualifier(functionArn))).policy();
        } catch (ResourceNotFoundException noPolicy) {
            return Optional.empty();
        }
        try {
            for (JsonNode statement : Json.MAPPER.readTree(policy).path("Statement")) {
                if (statementId.equals(statement.path("Sid").asText())) {
                    return Optional.of(statement.path("Condition").path("ArnLike").path("AWS:SourceArn").asText(""));
                }
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Lambda answered a policy that is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String unqualified(String functionArn) {
        return LambdaIntegrationUri.qualified(functionArn, null);
    }

    /** The version or alias after the function's name in the ARN, or null. */
    private static String qualifier(String functionArn) {
        String[] parts = functionArn.split(":");
        return parts.length > 7 ? parts[7] : null;
    }
}
