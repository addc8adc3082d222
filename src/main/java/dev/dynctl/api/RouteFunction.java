package dev.dynctl.api;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.NearNames;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** Finds the Lambda function a route is to call, by name or ARN. */
public final class RouteFunction {
    private RouteFunction() {
    }

    /** The function as a route target; not found is exit 3 with the near names. */
    public static RouteTarget.Function find(LambdaClient lambda, String nameOrArn, String where) {
        try {
            FunctionConfiguration function = lambda.getFunction(b -> b.functionName(nameOrArn)).configuration();
            return new RouteTarget.Function(function.functionArn(), function.functionName());
        } catch (ResourceNotFoundException e) {
            List<String> names = new ArrayList<>();
            lambda.listFunctionsPaginator().functions().forEach(f -> names.add(f.functionName()));
            String wanted = nameOrArn.substring(nameOrArn.lastIndexOf(':') + 1);
            throw DynctlException.notFound("Function '" + nameOrArn + "' not found in " + where + ".",
                    NearNames.hint(NearNames.among(names, wanted), "List functions with 'dynctl function list' (check --region / --profile)."));
        }
    }
}
