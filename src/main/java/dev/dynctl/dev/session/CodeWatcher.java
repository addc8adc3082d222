package dev.dynctl.dev.session;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches directory trees of code and says which of them changed, once a burst of changes is
 * over (an editor's save, a git checkout and a build each write several files). What tools write
 * beside the code is not a change: {@code .dynctl/}, {@code .git/}, {@code __pycache__/},
 * {@code node_modules/.cache/}, editors' swap files, and the output folder of a Maven
 * ({@code target/} beside pom.xml) or Gradle ({@code build/} beside build.gradle) build, which the
 * function's own build rewrites on every reload. Below {@code node_modules/} only its top is
 * watched (a package added or removed), and what a rebuild writes into its own folder while it
 * runs, or just after, is not a new change.
 */
public final class CodeWatcher implements AutoCloseable {
    private static final Set<String> CHURN = Set.of(".dynctl", ".git", "__pycache__", ".pytest_cache", ".mypy_cache", ".idea");
    /** How long after a rebuild the events of its last writes may still arrive (the JDK reads them on a thread of its own). */
    private static final Duration SETTLE = Duration.ofMillis(50);
    /** How long a build may go on finishing after close before the watcher stops waiting for it. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final List<Path> roots;
    private final Set<Path> ignored;
    private final Duration quiet;
    private final Consumer<Set<Path>> changed;
    private final WatchService service;
    private final Map<WatchKey, Path> directories = new ConcurrentHashMap<>();
    private final Thread thread;

    private CodeWatcher(List<Path> roots, Set<Path> ignored, Duration quiet, Consumer<Set<Path>> changed) throws IOException {
        this.roots = roots;
        this.ignored = ignored;
        this.quiet = quiet;
        this.changed = changed;
        this.service = FileSystems.getDefault().newWatchService();
        this.thread = new Thread(this::watch, "dynctl-code-watcher");
        thread.setDaemon(true);
    }

    /**
     * Starts watching every directory under {@code roots}.
     *
     * @param ignored paths under the roots that are never a change (a build's output that is the function's code)
     * @param quiet how long nothing must change before the changes so far are reported
     * @param changed called on the watcher's thread, one call at a time, with the roots that changed
     */
    public static CodeWatcher start(Collection<Path> roots, Collection<Path> ignored, Duration quiet, Consumer<Set<Path>> changed)
            throws IOException {
        List<Path> absolute = roots.stream().map(CodeWatcher::absolute).distinct().toList();
        CodeWatcher watcher = new CodeWatcher(absolute, Set.copyOf(ignored.stream().map(CodeWatcher::absolute).toList()), quiet, changed);
        try {
            for (Path root : absolute) {
                watcher.registerTree(root);
            }
        } catch (IOException | RuntimeException e) {
            watcher.service.close();
            throw e;
        }
        watcher.thread.start();
        return watcher;
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private void watch() {
        try {
            Set<Path> carried = Set.of();
            while (true) {
                Set<Path> changedRoots = new LinkedHashSet<>(carried);
                if (changedRoots.isEmpty()) {
                    collect(service.take(), changedRoots);
                }
                // the burst goes on while events keep coming within the quiet time
                awaitQuiet(changedRoots, quiet);
                if (changedRoots.isEmpty()) {
                    carried = Set.of();
                    continue;
                }
                changed.accept(Set.copyOf(changedRoots));
                // what a rebuild writes into its own folder (npm install's node_modules/.package-lock.json, tsc's
                // .tsbuildinfo, pip install -t .) is not a new change of those roots: reporting it would rebuild forever
                Set<Path> since = new LinkedHashSet<>();
                awaitQuiet(since, SETTLE);
                since.removeAll(changedRoots);
                carried = since;
            }
        } catch (ClosedWatchServiceException | InterruptedException closed) {
            // closed: the session is over
        }
    }

    /** Collects events into {@code changedRoots} until none has come for {@code quietTime}. */
    private void awaitQuiet(Set<Path> changedRoots, Duration quietTime) throws InterruptedException {
        for (WatchKey next = service.poll(quietTime.toMillis(), TimeUnit.MILLISECONDS); next != null;
             next = service.poll(quietTime.toMillis(), TimeUnit.MILLISECONDS)) {
            collect(next, changedRoots);
        }
    }

    private void collect(WatchKey key, Set<Path> changedRoots) {
        Path directory = directories.get(key);
        if (directory != null) {
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == OVERFLOW) {
                    // events were lost: whatever is under this directory may have changed
                    changedRoots.addAll(rootsOf(directory));
                    continue;
                }
                Path path = directory.resolve((Path) event.context());
                if (isIgnored(path)) {
                    continue;
                }
                if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                    registerNewTree(path);
                }
                changedRoots.addAll(rootsOf(path));
            }
        }
        if (!key.reset()) {
            directories.remove(key);
        }
    }

    /** A directory made since the watch began (a new package, a folder moved in) is watched too. */
    private void registerNewTree(Path directory) {
        try {
            registerTree(directory);
        } catch (IOException gone) {
            // removed again before it could be watched: nothing to watch
        }
    }

    private void registerTree(Path top) throws IOException {
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                if (!directory.equals(top) && isIgnored(directory) || insidePackages(directory)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                directories.put(directory.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE), directory);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * A folder below {@code node_modules/}: the packages' own files, thousands of folders that
     * only npm writes. Only the top of node_modules is watched, where npm adds or removes a package.
     */
    private boolean insidePackages(Path directory) {
        for (Path root : rootsOf(directory)) {
            Path relative = root.relativize(directory);
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
                if (relative.getName(i).toString().equals("node_modules")) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<Path> rootsOf(Path path) {
        return roots.stream().filter(path::startsWith).toList();
    }

    /** True for what tools write beside the code. */
    boolean isIgnored(Path path) {
        if (ignored.stream().anyMatch(path::startsWith)) {
            return true;
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.endsWith("~") || name.endsWith(".swp") || name.endsWith(".swx") || name.endsWith(".pyc")) {
            return true;
        }
        for (Path root : rootsOf(path)) {
            Path at = root;
            for (Path part : root.relativize(path)) {
                String segment = part.toString();
                if (CHURN.contains(segment) || segment.equals(".cache") && at.getFileName() != null
                        && at.getFileName().toString().equals("node_modules") || isBuildOutput(at, segment)) {
                    return true;
                }
                at = at.resolve(part);
            }
        }
        return false;
    }

    /** Maven's target/ beside a pom.xml, Gradle's build/ beside a build.gradle(.kts). */
    private static boolean isBuildOutput(Path parent, String name) {
        return name.equals("target") && Files.exists(parent.resolve("pom.xml"))
                || name.equals("build") && (Files.exists(parent.resolve("build.gradle")) || Files.exists(parent.resolve("build.gradle.kts")));
    }

    /** Stops watching; a rebuild under way is waited for (a little), so its process does not outlive the session. */
    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // closing a watch service only releases its handles
        }
        if (Thread.currentThread() == thread) {
            return;
        }
        thread.interrupt();
        try {
            thread.join(CLOSE_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
