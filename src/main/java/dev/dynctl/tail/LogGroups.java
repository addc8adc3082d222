package dev.dynctl.tail;

import dev.dynctl.aws.Clients;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.NearNames;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Which log group a {@link LogSource} reads, whether it exists yet, and the near names when nothing fits. */
public final class LogGroups {
    /** Names listed for "Did you mean": an account may hold many thousands of log groups. */
    private static final int MAX_LISTED = 1000;

    /**
     * The log group to read, and whether it exists: a function's group is made by Lambda at the
     * function's first log line, so a function that has not logged yet has none.
     */
    public record Found(String group, boolean exists) {
    }

    private final Clients clients;

    public LogGroups(Clients clients) {
        this.clients = clients;
    }

    /**
     * The log group {@code source} names. For a function: its group; or, when it has none yet, the
     * group it will have (found without a group); or, when there is no such function, a log group
     * named like it (log groups need no '/'). Not found (exit 3) naming where, with the near names
     * of functions and log groups, when nothing fits.
     */
    public Found find(LogSource source) {
        if (exists(source.group())) {
            return new Found(source.group(), true);
        }
        if (!source.namesFunction()) {
            throw DynctlException.notFound("Log group '" + source.group() + "' not found in " + clients.where() + ".",
                    NearNames.hint(NearNames.among(groupNames(), source.group()),
                            "List the log groups with 'aws logs describe-log-groups'."));
        }
        if (functionExists(source.function())) {
            return new Found(source.group(), false);
        }
        if (source.asGroup() != null && exists(source.asGroup())) {
            return new Found(source.asGroup(), true);
        }
        throw DynctlException.notFound("No function or log group '" + source.text() + "' in " + clients.where() + ".",
                NearNames.hint(nearNames(source), "List the functions with 'dynctl function list', "
                        + "the log groups with 'aws logs describe-log-groups'."));
    }

    /** True when the log group exists (its name is the first with itself as prefix). */
    public boolean exists(String group) {
        return clients.logs().describeLogGroupsPaginator(b -> b.logGroupNamePrefix(group)).logGroups().stream()
                .map(LogGroup::logGroupName)
                .anyMatch(group::equals);
    }

    private boolean functionExists(String function) {
        try {
            clients.lambda().getFunctionConfiguration(b -> b.functionName(function));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    /**
     * Functions and log groups near the name, closest first: a function's name is compared with the
     * functions' names and with the groups' names without /aws/lambda/ (the prefix every Lambda
     * group shares would let far names through and put them first); a function as near as its
     * group comes first.
     */
    private List<String> nearNames(LogSource source) {
        List<String> names = new ArrayList<>(functionNames());
        names.addAll(groupNames());
        return NearNames.among(names, withoutLambdaPrefix(source.group()), LogGroups::withoutLambdaPrefix);
    }

    private static String withoutLambdaPrefix(String group) {
        return group.startsWith(LogSource.LAMBDA_GROUPS) ? group.substring(LogSource.LAMBDA_GROUPS.length()) : group;
    }

    /** The suggestions are a courtesy: a caller who may not list them still learns nothing is there (exit 3). */
    private List<String> groupNames() {
        try {
            return clients.logs().describeLogGroupsPaginator(b -> { }).logGroups().stream()
                    .limit(MAX_LISTED).map(LogGroup::logGroupName).toList();
        } catch (SdkException e) {
            return List.of();
        }
    }

    private List<String> functionNames() {
        try {
            return clients.lambda().listFunctionsPaginator(b -> { }).functions().stream()
                    .limit(MAX_LISTED).map(FunctionConfiguration::functionName).toList();
        } catch (SdkException e) {
            return List.of();
        }
    }
}
