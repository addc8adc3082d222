package dev.dynctl.dev.session;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Says when the project file changes while {@code dev} runs: dev does not apply it (tables,
 * routes and functions would have to be torn down and made again under running requests), but a
 * silent change reads as one applied. Its folder is watched, not the file, since editors save by
 * writing another file and renaming it over the old one.
 */
final class ProjectFileWatcher implements AutoCloseable {
    private final Path file;
    private final Duration quiet;
    private final Runnable changed;
    private final WatchService service;
    private final Thread thread;

    private ProjectFileWatcher(Path file, Duration quiet, Runnable changed) throws IOException {
        this.file = file;
        this.quiet = quiet;
        this.changed = changed;
        this.service = FileSystems.getDefault().newWatchService();
        this.thread = new Thread(this::watch, "dynctl-project-file-watcher");
        thread.setDaemon(true);
    }

    /**
     * @param quiet a save writes the file more than once: one call once this long passes without another change
     * @param changed called on the watcher's thread after each burst of changes of the file
     */
    static ProjectFileWatcher start(Path file, Duration quiet, Runnable changed) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        ProjectFileWatcher watcher = new ProjectFileWatcher(absolute, quiet, changed);
        try {
            absolute.getParent().register(watcher.service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        } catch (IOException | RuntimeException e) {
            watcher.service.close();
            throw e;
        }
        watcher.thread.start();
        return watcher;
    }

    private void watch() {
        try {
            while (true) {
                if (!isTheFile(service.take())) {
                    continue;
                }
                boolean more = true;
                while (more) {
                    WatchKey next = service.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
                    more = next != null;
                    if (more) {
                        isTheFile(next);
                    }
                }
                changed.run();
            }
        } catch (ClosedWatchServiceException | InterruptedException closed) {
            // closed: the session is over
        }
    }

    /** Whether the events of {@code key} include one of the file; the key is ready for the next events. */
    private boolean isTheFile(WatchKey key) {
        boolean found = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.context() instanceof Path name && name.equals(file.getFileName())) {
                found = true;
            }
        }
        key.reset();
        return found;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // closing a watch service only releases its handles
        }
        thread.interrupt();
    }
}
