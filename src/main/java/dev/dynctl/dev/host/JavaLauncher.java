package dev.dynctl.dev.host;

import dev.dynctl.dev.LocalFunction;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * java* runtimes: a child JVM (this one's java, or JAVA_HOME's when the runtime needs a newer one) running AWS's runtime interface client, as
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

    /** The Java version a runtime needs: java21 is 21, java8.al2 is 8. */
    private static final Pattern VERSIONED = Pattern.compile("java(\\d+).*");
    /** A JDK's release file: JAVA_VERSION="21.0.2" (or "1.8.0_392" for 8). */
    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(?:1\\.)?(\\d+)");
    /** The platforms the client's native library is built for (jni/libaws-lambda-jni.linux-x86_64.so, …linux-aarch_64.so). */
    private static final Set<String> CLIENT_ARCHITECTURES = Set.of("amd64", "x86_64", "aarch64");

    private static volatile String clientClasspath;

    private final LocalFunction function;
    private final String osName;
    private final String osArch;
    private final Map<String, String> environment;
    private volatile Path java = Path.of(System.getProperty("java.home"), "bin", "java");

    JavaLauncher(LocalFunction function) {
        this(function, System.getProperty("os.name"), System.getProperty("os.arch"), System.getenv());
    }

    /** {@code environment}: where JAVA_HOME is read (this machine's). */
    JavaLauncher(LocalFunction function, String osName, String osArch, Map<String, String> environment) {
        this.function = function;
        this.osName = osName;
        this.osArch = osArch;
        this.environment = environment;
    }

    /** Checks that the client runs here and picks the java that runs the function's class version. */
    @Override
    public void prepare(Path taskRoot) throws InitFailure {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux") || !CLIENT_ARCHITECTURES.contains(osArch)) {
            throw new InitFailure("Function " + function.logicalName() + " (" + function.runtime() + ") cannot run on " + osName + " " + osArch
                    + ": AWS's runtime interface client, which runs Java functions as on Lambda, ships its native library for Linux"
                    + " on x86_64 and arm64 only. Run dynctl dev for Java functions on Linux (WSL 2 on Windows; a Linux VM or container on macOS).");
        }
        classpath();
        java = javaFor(required());
    }

    /** Lambda's JVM options: a heap of about 85% of the function's memory, fast start over peak speed. */
    @Override
    public List<String> command(Path taskRoot) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
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

    private int required() {
        Matcher versioned = VERSIONED.matcher(function.runtime());
        return versioned.matches() ? Integer.parseInt(versioned.group(1)) : Runtime.version().feature();
    }

    /**
     * The java dynctl runs on when it is as new as the runtime (classes built for Java 21 do not
     * load on 17: UnsupportedClassVersionError), else JAVA_HOME's when that one is.
     */
    private Path javaFor(int required) throws InitFailure {
        Path own = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= required) {
            return own.resolve("bin").resolve("java");
        }
        String home = environment.get("JAVA_HOME");
        if (home != null && !home.isBlank()) {
            Path candidate = Path.of(home).resolve("bin").resolve("java");
            if (releaseVersion(Path.of(home)) >= required && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new InitFailure("Function " + function.logicalName() + " has runtime " + function.runtime() + ", but dynctl runs on Java "
                + Runtime.version().feature() + " (" + own + ")" + (home == null || home.isBlank() ? "" : " and JAVA_HOME (" + home + ") is not Java " + required + " or newer")
                + ": classes built for Java " + required + " would fail to load (UnsupportedClassVersionError). Run dynctl on Java " + required
                + " or newer, or set JAVA_HOME to a JDK " + required + " or newer: dynctl then runs the function on that JDK's java.");
    }

    /** The feature version a JDK's release file names; 0 when it names none. */
    private static int releaseVersion(Path home) {
        try {
            Matcher version = RELEASE_VERSION.matcher(Files.readString(home.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
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
