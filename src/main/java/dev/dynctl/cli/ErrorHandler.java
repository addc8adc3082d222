package dev.dynctl.cli;

import dev.dynctl.aws.AwsErrors;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one door errors leave by: a one-line message, the hint on the next line, the exit code of
 * DESIGN.md, and a stack trace only with --debug.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final Dynctl root;

    ErrorHandler(Dynctl root) {
        this.root = root;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        DynctlException error = translate(e);
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText("Error: " + error.getMessage()));
        if (error.hint() != null) {
            err.println("Hint: " + error.hint());
        }
        if (root.options().debug()) {
            e.printStackTrace(err);
        }
        err.flush();
        return error.exitCode().code();
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText("Error: " + e.getMessage()));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage and examples.");
        err.flush();
        return ExitCode.USAGE.code();
    }

    private DynctlException translate(Exception e) {
        if (e instanceof DynctlException d) {
            return d;
        }
        if (e instanceof SdkException sdk) {
            String where = root.where();
            return AwsErrors.translate(sdk, where == null ? "AWS" : where);
        }
        if (e instanceof InterruptedException) {
            return new DynctlException(ExitCode.INTERRUPTED, "Interrupted.");
        }
        Throwable cause = e.getCause();
        if (cause instanceof DynctlException d) {
            return d;
        }
        if (cause instanceof SdkException sdk) {
            String where = root.where();
            return AwsErrors.translate(sdk, where == null ? "AWS" : where);
        }
        return new DynctlException(ExitCode.FAILURE, e.getClass().getSimpleName() + ": " + e.getMessage(),
                "Run again with --debug for the stack trace.", e);
    }
}
