package dev.dynctl.cli.function;

import dev.dynctl.cli.Context;
import dev.dynctl.cli.DynctlCommand;
import dev.dynctl.cli.table.DurationConverter;
import dev.dynctl.functions.EnvironmentChange;
import dev.dynctl.functions.FunctionDeployer;
import dev.dynctl.functions.FunctionName;
import dev.dynctl.functions.FunctionPackage;
import dev.dynctl.functions.FunctionSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Create or update a function from a directory (zipped for you, the same files giving the same "
                + "bytes), a .zip or a .jar, wait until Lambda is done, publish a version and point --alias at it.",
            "",
            "A new function needs --runtime and --handler; without --role it runs as the role dynctl-FUNCTION "
                    + "(made or reused: trusted by Lambda, with AWSLambdaBasicExecutionRole). An existing "
                    + "function gets new code only when its SHA-256 differs, and only the settings given that differ; "
                    + "--env gives the whole environment (variables not named are removed), --unset-env removes "
                    + "variables and keeps the rest, --clear-env removes them all. The same deploy twice changes nothing.",
            "",
            "Prints {function, arn, version, alias, codeSha256, changed}."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  dynctl function deploy get-item --code src/ --runtime python3.12 \\",
            "      --handler app.handler --alias live",
            "  dynctl function deploy get-item --code build/app.zip --env TABLE=items \\",
            "      --env LOG_LEVEL=debug --memory 256 --timeout 10",
            "  dynctl function deploy get-item --code src/ --unset-env LOG_LEVEL",
            "  dynctl function deploy report --code target/report.jar --runtime java21 \\",
            "      --handler com.example.Report::handle --role \\",
            "      arn:aws:iam::123456789012:role/report-runner"})
public final class FunctionDeployCommand extends DynctlCommand {
    @Parameters(index = "0", paramLabel = "FUNCTION", description = "The function's name (or ARN).")
    String function;

    @Option(names = "--code", required = true, paramLabel = "DIR|ZIP|JAR", description = "The code: a directory to zip, or a .zip or .jar.")
    Path code;

    @Option(names = "--runtime", paramLabel = "RUNTIME", description = "e.g. python3.12, nodejs20.x, java21 (needed to create).")
    String runtime;

    @Option(names = "--handler", paramLabel = "HANDLER", description = "e.g. app.handler (needed to create).")
    String handler;

    @Option(names = "--memory", paramLabel = "MB", description = "Memory in MB, 128 to 10240 (Lambda's default on create: 128).")
    Integer memory;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Longest run in seconds, 1 to 900 (Lambda's default on create: 3).")
    Integer timeout;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "An environment variable (repeat for more); replaces the whole environment.")
    List<String> environment = new ArrayList<>();

    @Option(names = "--unset-env", paramLabel = "NAME", description = "Remove this environment variable and keep the rest (repeat for more).")
    List<String> unsetEnvironment = new ArrayList<>();

    @Option(names = "--clear-env", description = "Remove every environment variable.")
    boolean clearEnvironment;

    @Option(names = "--role", paramLabel = "ARN", description = "The execution role (default on create: dynctl-FUNCTION, made or reused).")
    String role;

    @Option(names = "--description", paramLabel = "TEXT", description = "The function's description.")
    String description;

    @Option(names = "--alias", paramLabel = "NAME", description = "Create this alias, or move it, to the published version (not all digits).")
    String alias;

    @Option(names = "--wait-timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "5m",
            description = "Wait at most this long for each change to finish (exit 5 after). Default: ${DEFAULT-VALUE}.")
    Duration waitTimeout;

    @Override
    protected void run(Context context) throws InterruptedException {
        // every check before the code is zipped or anything is sent
        FunctionName name = FunctionName.of(function).unqualified("deploy");
        if (alias != null) {
            FunctionName.alias(alias);
        }
        FunctionSettings settings = new FunctionSettings(runtime, handler, memory, timeout, EnvironmentChange.of(environment, unsetEnvironment, clearEnvironment),
                role, description);
        FunctionPackage zip = FunctionPackage.of(code);
        FunctionDeployer deployer = new FunctionDeployer(context.clients(), context.err()::println);
        FunctionDeployer.Result result = deployer.deploy(new FunctionDeployer.Request(name, zip, settings, alias, waitTimeout));
        if (result.changed().isEmpty()) {
            context.err().println("Function '" + function + "' is up to date (version " + result.version() + "); nothing changed.");
        } else {
            context.err().println("Deployed function '" + function + "' version " + result.version()
                    + (alias == null ? "" : " as " + alias) + " (changed: " + String.join(", ", result.changed()) + ").");
        }
        context.output().document(result.document());
    }
}
