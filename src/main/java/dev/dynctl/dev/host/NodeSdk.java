package dev.dynctl.dev.host;

import dev.dynctl.dev.DevLog;
import dev.dynctl.dev.LocalFunction;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.process.ProcessTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS SDK for JavaScript v3 that Lambda's Node.js runtimes include, installed with npm into
 * the host's cache the first time a function's code imports an {@code @aws-sdk/*} package it does
 * not bring in its own node_modules. Functions that import none never start npm.
 */
final class NodeSdk {
    /** Installed together on first need: what DynamoDB and WebSocket handlers use. */
    static final List<String> PACKAGES = List.of(
            "@aws-sdk/client-dynamodb", "@aws-sdk/lib-dynamodb", "@aws-sdk/util-dynamodb", "@aws-sdk/client-apigatewaymanagementapi");
    private static final Pattern IMPORTED = Pattern.compile("[\"'`](@aws-sdk/[a-z0-9][a-z0-9._-]*)");
    private static final Pattern NPM_ERROR = Pattern.compile("npm (?:error|ERR!)(.*)");
    private static final Pattern NPM_HEADER = Pattern.compile("(code|errno|syscall|path|dest)\\b");
    private static final Set<String> SOURCES = Set.of(".js", ".mjs", ".cjs");
    private static final long LARGEST_SCANNED = 32L * 1024 * 1024;
    private static final long NPM_MINUTES = 10;
    /** A file lock is held per JVM, not per thread: threads of one JVM take turns here first. */
    private static final ReentrantLock IN_PROCESS = new ReentrantLock();

    private static final long OUTPUT_SECONDS = 10;

    private final Path prefix;
    private final DevLog log;
    /** The npm this host runs (one at a time per JVM, see IN_PROCESS): close() kills it. */
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    NodeSdk(Path cache, DevLog log) {
        this.prefix = cache.resolve("nodejs").toAbsolutePath();
        this.log = log;
    }

    /** Where require() and dynctl's import hook find the SDK (NODE_PATH). */
    Path modules() {
        return prefix.resolve("node_modules");
    }

    /** Installs the packages the function's code imports and cannot find in its own node_modules. */
    void provideFor(LocalFunction function, Path taskRoot) {
        Set<String> imported = imported(taskRoot);
        Path handlerFolder = handlerFolder(function.handler(), taskRoot);
        imported.removeIf(name -> bundled(handlerFolder, name) || installed(name));
        if (imported.isEmpty()) {
            return;
        }
        try {
            IN_PROCESS.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
        try (FileChannel channel = lockFile(); FileLock ignored = channel.lock()) {
            imported.removeIf(this::installed);
            if (!imported.isEmpty()) {
                install(function, imported);
            }
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted(); // an interrupt closes a channel waiting for its lock
            }
            throw cannotInstall(function, imported, e.getMessage());
        } finally {
            IN_PROCESS.unlock();
        }
    }

    /** Kills a running npm (and what it started): the host is closing, nothing waits for the SDK any more. */
    void close() {
        closed = true;
        running.forEach(npm -> ProcessTrees.kill(npm.toHandle()));
    }

    private void install(LocalFunction function, Set<String> needed) {
        Set<String> packages = new TreeSet<>(needed);
        PACKAGES.stream().filter(name -> !installed(name)).forEach(packages::add);
        List<String> command = new ArrayList<>(List.of("npm", "install", "--prefix", prefix.toString(),
                "--no-audit", "--no-fund", "--no-progress", "--loglevel=error"));
        command.addAll(packages);
        String noNpmHint = "Install npm (it comes with Node.js), or add " + String.join(" ", needed) + " to the function's own package.json.";
        if (!ProcessTrees.runnable("npm")) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot run npm to install the AWS SDK for JavaScript for function "
                    + function.logicalName() + ": it is not on PATH.", noNpmHint);
        }
        if (closed) {
            throw stopped();
        }
        log.note("Installing the AWS SDK for JavaScript (" + String.join(", ", packages) + ") into " + prefix
                + " for " + function.logicalName() + ": Lambda's Node.js runtime includes it. Once; it takes a minute.");
        Process npm;
        try {
            npm = new ProcessBuilder(ProcessTrees.inOwnSession(command)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new DynctlException(ExitCode.FAILURE, "Cannot run npm to install the AWS SDK for JavaScript for function "
                    + function.logicalName() + ": " + e.getMessage(), noNpmHint, e);
        }
        running.add(npm);
        try {
            if (closed) {
                ProcessTrees.kill(npm.toHandle()); // close() ran before npm was in running
            }
            FutureTask<String> output = readOutput(npm);
            boolean finished = npm.waitFor(NPM_MINUTES, TimeUnit.MINUTES);
            if (closed) {
                throw stopped();
            }
            if (!finished) {
                ProcessTrees.kill(npm.toHandle());
                throw cannotInstall(function, packages, "npm did not finish within " + NPM_MINUTES + " minutes");
            }
            if (npm.exitValue() != 0 || !packages.stream().allMatch(this::installed)) {
                throw cannotInstall(function, packages, reason(outputOf(output)));
            }
        } catch (InterruptedException e) {
            ProcessTrees.kill(npm.toHandle());
            Thread.currentThread().interrupt();
            throw interrupted();
        } finally {
            running.remove(npm);
        }
        log.note("Installed the AWS SDK for JavaScript into " + prefix + ".");
    }

    /** npm's output, read on a thread of its own: waiting for npm to end must not wait for its pipe. */
    private static FutureTask<String> readOutput(Process npm) {
        FutureTask<String> output = new FutureTask<>(() -> {
            try (InputStream in = npm.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        });
        Thread reader = new Thread(output, "npm-output");
        reader.setDaemon(true);
        reader.start();
        try {
            npm.getOutputStream().close();
        } catch (IOException alreadyGone) {
            // npm reads no input either way
        }
        return output;
    }

    /** What npm printed; its end closes the pipe unless something it started still holds it (then what it printed is lost). */
    private static String outputOf(FutureTask<String> output) throws InterruptedException {
        try {
            return output.get(OUTPUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException unreadable) {
            return "";
        }
    }

    private static DynctlException interrupted() {
        return new DynctlException(ExitCode.INTERRUPTED, "Interrupted while npm installed the AWS SDK for JavaScript; stopped it.");
    }

    private static DynctlException stopped() {
        return new DynctlException(ExitCode.INTERRUPTED, "The function host stopped while npm installed the AWS SDK for JavaScript; stopped npm too.");
    }

    private DynctlException cannotInstall(LocalFunction function, Set<String> packages, String why) {
        return new DynctlException(ExitCode.FAILURE, "npm could not install " + String.join(", ", packages) + " into " + prefix
                + " for function " + function.logicalName() + ": " + why,
                "Check that npm reaches its registry (npm ping), or add the packages to the function's own package.json.");
    }

    private FileChannel lockFile() throws IOException {
        Files.createDirectories(prefix);
        return FileChannel.open(prefix.resolve(".dynctl-install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private boolean installed(String name) {
        return Files.isRegularFile(modules().resolve(name).resolve("package.json"));
    }

    /** Node resolves a bare name from the handler's folder upwards: a copy there wins over the host's. */
    private static boolean bundled(Path handlerFolder, String name) {
        for (Path folder = handlerFolder; folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("node_modules").resolve(name).resolve("package.json"))) {
                return true;
            }
        }
        return false;
    }

    /** The folder of the handler's file: "src/app.handler" is src/app.js (or .mjs, .cjs). */
    static Path handlerFolder(String handler, Path taskRoot) {
        int slash = handler.lastIndexOf('/');
        int dot = handler.indexOf('.', slash + 1);
        String module = dot < 0 ? handler : handler.substring(0, dot);
        Path file = taskRoot.resolve(module).normalize();
        return file.getParent() == null ? taskRoot : file.getParent();
    }

    /** The @aws-sdk packages named in the code's JavaScript files, outside node_modules. */
    static Set<String> imported(Path taskRoot) {
        Set<String> names = new TreeSet<>();
        try {
            Files.walkFileTree(taskRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                    return directory.getFileName() != null && directory.getFileName().toString().equals("node_modules")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    String name = file.getFileName().toString();
                    int dot = name.lastIndexOf('.');
                    if (dot >= 0 && SOURCES.contains(name.substring(dot)) && attributes.size() <= LARGEST_SCANNED) {
                        Matcher matcher = IMPORTED.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
                        while (matcher.find()) {
                            names.add(matcher.group(1));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** npm's own reason: its first error line past the code/errno headers ("404 Not Found - GET …", "FetchError: … ECONNREFUSED"). */
    private static String reason(String output) {
        List<String> lines = Arrays.stream(output.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
        return lines.stream()
                .map(line -> NPM_ERROR.matcher(line))
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1).strip())
                .filter(text -> !text.isEmpty() && !NPM_HEADER.matcher(text).lookingAt())
                .findFirst()
                .orElse(lines.isEmpty() ? "npm failed without saying why" : lines.get(lines.size() - 1));
    }
}
