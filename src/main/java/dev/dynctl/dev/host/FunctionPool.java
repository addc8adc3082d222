package dev.dynctl.dev.host;

import dev.dynctl.dev.DevLog;
import dev.dynctl.dev.HostSettings;
import dev.dynctl.dev.LocalFunction;
import dev.dynctl.dev.LocalInvocation;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * The instances of one version of a function: warm ones are reused (the last one used first, as
 * Lambda tends to), new ones start when all are busy, up to the host's concurrency; more
 * invocations wait for a free one. A retired pool (the function was reloaded) takes no new
 * invocation; its busy instances finish and stop.
 */
final class FunctionPool {
    private final LocalFunction function;
    private final HostSettings settings;
    private final RuntimeLauncher launcher;
    private final DevLog log;
    private final Executor apiThreads;
    private final Semaphore slots;
    private final Deque<Instance> idle = new ArrayDeque<>();
    private final Set<Instance> instances = new HashSet<>();
    private final Object preparing = new Object();
    private FunctionCode code;
    private boolean retired;

    FunctionPool(LocalFunction function, HostSettings settings, RuntimeLauncher launcher, DevLog log, Executor apiThreads) {
        this.function = function;
        this.settings = settings;
        this.launcher = launcher;
        this.log = log;
        this.apiThreads = apiThreads;
        this.slots = new Semaphore(Math.max(1, settings.concurrency()), true);
    }

    /** The invocation's answer; empty when the pool was retired before an instance took the event (the caller asks the new version). */
    Optional<LocalInvocation> invoke(byte[] event) throws InterruptedException {
        slots.acquire();
        try {
            while (true) {
                Instance instance = warm();
                boolean started = instance == null;
                if (started) {
                    Optional<Instance> fresh;
                    try {
                        fresh = start();
                    } catch (InitFailure e) {
                        log.function(function.logicalName(), e.getMessage());
                        Answer failure = Answer.startFailure(e.getMessage());
                        return Optional.of(new LocalInvocation(failure.payload(), failure.errorType(), failure.errorMessage(), Duration.ZERO, true));
                    }
                    if (fresh.isEmpty()) {
                        return Optional.empty();
                    }
                    instance = fresh.get();
                }
                Optional<LocalInvocation> result;
                try {
                    result = instance.invoke(event);
                } finally {
                    release(instance);
                }
                // a warm instance that ended before it took the event: the event never ran, so a fresh one runs it
                if (result.isPresent() || started) {
                    return result;
                }
            }
        } finally {
            slots.release();
        }
    }

    /** No new invocations; idle instances stop now, busy ones when they finish. */
    void retire() {
        List<Instance> stopping;
        synchronized (this) {
            retired = true;
            stopping = new ArrayList<>(idle);
            idle.clear();
            instances.removeAll(stopping);
        }
        stopping.forEach(Instance::stop);
        removeCodeWhenDone();
    }

    /** Stops every instance, busy or not. */
    void close() {
        retire();
        List<Instance> busy;
        synchronized (this) {
            busy = new ArrayList<>(instances);
            instances.clear();
        }
        busy.forEach(Instance::stop);
        removeCodeWhenDone();
    }

    /** The most recently used idle instance that still runs; dead ones are dropped on the way. */
    private Instance warm() {
        List<Instance> dead = new ArrayList<>();
        try {
            synchronized (this) {
                while (!idle.isEmpty()) {
                    Instance candidate = idle.pop();
                    if (candidate.alive()) {
                        return candidate;
                    }
                    instances.remove(candidate);
                    dead.add(candidate);
                }
                return null;
            }
        } finally {
            dead.forEach(Instance::stop);
        }
    }

    private Optional<Instance> start() throws InitFailure {
        FunctionCode prepared = prepared();
        if (prepared == null) {
            return Optional.empty();
        }
        Instance instance = Instance.start(function, settings, prepared.root(), launcher, log, apiThreads);
        synchronized (this) {
            if (!retired) {
                instances.add(instance);
                return Optional.of(instance);
            }
        }
        instance.stop();
        return Optional.empty();
    }

    /**
     * The code, unpacked and checked once per version, on the first start (so npm runs only when a
     * function is called); under a lock of its own, so that a long npm install does not hold up
     * retire() and close().
     */
    private FunctionCode prepared() throws InitFailure {
        synchronized (preparing) {
            synchronized (this) {
                if (retired || code != null) {
                    return retired ? null : code;
                }
            }
            FunctionCode unpacked = FunctionCode.of(function.logicalName(), function.code());
            try {
                launcher.prepare(unpacked.root());
            } catch (InitFailure | RuntimeException e) {
                unpacked.close();
                throw e;
            }
            synchronized (this) {
                if (!retired) {
                    code = unpacked;
                    return code;
                }
            }
            unpacked.close();
            return null;
        }
    }

    private void release(Instance instance) {
        boolean keep;
        synchronized (this) {
            keep = !retired && instance.alive();
            if (keep) {
                idle.push(instance);
            } else {
                instances.remove(instance);
            }
        }
        if (!keep) {
            instance.stop();
            removeCodeWhenDone();
        }
    }

    private void removeCodeWhenDone() {
        FunctionCode unpacked;
        synchronized (this) {
            if (!retired || !instances.isEmpty() || code == null) {
                return;
            }
            unpacked = code;
            code = null;
        }
        unpacked.close();
    }
}
