package dev.dynctl.dev.host;

import dev.dynctl.dev.LocalFunction;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * java* runtimes: a child JVM (this one's java) running AWS's runtime interface client, as
 * Lambda's Java runtime does. The client loads the handler from the folder it runs in (classes at
 * the top, libraries in lib/), so the function's classes stay apart from the client's own.
 */
final class JavaLauncher implements RuntimeLauncher {
    private static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** One class of each jar the runtime interface client runs with: itself, aws-lambda-java-core, its serialization, utils-lite. */
    private static final List<String> CLIENT_CLASSES = List.of(
            MAIN,
            "com.amazonaws.services.lambda.runtime.Context",
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");

    private static volatile String clientClasspath;

    private final LocalFunction function;

    JavaLauncher(LocalFunction function) {
        this.function = function;
    }

    @Override
    public void prepare(Path taskRoot) {
        classpath();
    }

    /** Lambda's JVM options: a heap of about 85% of the function's memory, fast start over peak speed. */
    @Override
    public List<String> command(Path taskRoot) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:MaxHeapSize=" + Math.max(64, function.memoryMb() * 85 / 100) + "m");
        command.add("-XX:+TieredCompilation");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-Xshare:auto");
        command.add("-classpath");
        command.add(classpath());
        command.add(MAIN);
        command.add(function.handler());
        return command;
    }

    @Override
    public Map<String, String> environment(Path taskRoot) {
        return Map.of();
    }

    @Override
    public String installHint() {
        return "The Java runtime of this dynctl (" + System.getProperty("java.home") + ") runs Java functions; reinstall dynctl if it is incomplete.";
    }

    /** The client's jars, found where dynctl itself loaded them from. */
    private static String classpath() {
        if (clientClasspath == null) {
            Set<String> jars = new LinkedHashSet<>();
            for (String name : CLIENT_CLASSES) {
                jars.add(locate(name));
            }
            clientClasspath = String.join(File.pathSeparator, jars);
        }
        return clientClasspath;
    }

    private static String locate(String className) {
        try {
            CodeSource source = Class.forName(className, false, JavaLauncher.class.getClassLoader()).getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                throw missing(className, null);
            }
            return Path.of(source.getLocation().toURI()).toString();
        } catch (ClassNotFoundException | URISyntaxException | IllegalArgumentException e) {
            throw missing(className, e);
        }
    }

    private static DynctlException missing(String className, Exception cause) {
        return new DynctlException(ExitCode.FAILURE, "Cannot find " + className + " in dynctl's install: Java functions run on AWS's runtime interface client, which ships with dynctl.",
                "Reinstall dynctl.", cause);
    }
}
