package dev.dynctl.dev.host;

import dev.dynctl.dev.DevLog;
import dev.dynctl.dev.HostSettings;
import dev.dynctl.dev.LocalFunction;
import dev.dynctl.dev.LocalInvocation;
import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import dev.dynctl.process.ProcessTrees;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One execution environment of a function: a child process whose runtime asks its own Runtime API
 * endpoint for events, one at a time. An instance that timed out, crashed or could not load its
 * handler is stopped and never used again.
 */
final class Instance {
    /** Lambda gives a function's start (loading the handler) 10 seconds before its first event counts against the timeout. */
    static final Duration INIT_LIMIT = Duration.ofSeconds(10);
    /** How long the host waits at most for the output readers to log what an instance printed before its answer or its end. */
    private static final Duration OUTPUT_LIMIT = Duration.ofSeconds(2);
    /** For runtimes without dynctl's end marker: output that paused this long is all the invocation printed (see OutputLines). */
    private static final Duration OUTPUT_QUIET = Duration.ofMillis(5);

    private final LocalFunction function;
    private final Process process;
    private final RuntimeApi api;
    private final DevLog log;
    private final List<OutputLines> output;
    private final boolean marksOutput;
    private final long startedNanos;
    private boolean served;
    private volatile boolean usable = true;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private Instance(LocalFunction function, Process process, RuntimeApi api, DevLog log, List<OutputLines> output, boolean marksOutput, long startedNanos) {
        this.function = function;
        this.process = process;
        this.api = api;
        this.log = log;
        this.output = output;
        this.marksOutput = marksOutput;
        this.startedNanos = startedNanos;
    }

    /** Starts the process; its runtime then asks for the first event, which {@link #invoke} hands it. */
    static Instance start(LocalFunction function, HostSettings settings, Path taskRoot, RuntimeLauncher launcher, DevLog log, Executor apiThreads) {
        RuntimeApi api = RuntimeApi.open(LambdaEnvironment.functionArn(function, settings), apiThreads);
        List<String> command = launcher.command(taskRoot);
        if (!ProcessTrees.runnable(command.get(0))) {
            api.close();
            throw new DynctlException(ExitCode.FAILURE, "Cannot start " + command.get(0) + " for function " + function.logicalName() + ": it is not on PATH or not executable.",
                    launcher.installHint());
        }
        ProcessBuilder builder = new ProcessBuilder(ProcessTrees.inOwnSession(command)).directory(taskRoot.toFile());
        builder.environment().clear();
        builder.environment().putAll(LambdaEnvironment.of(function, settings, taskRoot, api.address(), LambdaEnvironment.logStream(),
                launcher.environment(taskRoot)));
        long started = System.nanoTime();
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close(); // a function reads no standard input
        } catch (IOException e) {
            api.close();
            throw new DynctlException(ExitCode.FAILURE, "Cannot start " + command.get(0) + " for function " + function.logicalName() + ": " + e.getMessage(),
                    launcher.installHint(), e);
        }
        List<OutputLines> output = List.of(
                OutputLines.follow(process.getInputStream(), function.logicalName(), "stdout", log),
                OutputLines.follow(process.getErrorStream(), function.logicalName(), "stderr", log));
        Instance instance = new Instance(function, process, api, log, output, launcher.marksOutput(), started);
        process.onExit().thenRun(instance::ended);
        return instance;
    }

    /**
     * Runs one event and waits for its answer, the function's timeout at most. Empty when a warm
     * instance ended before it took the event (the event never ran: the caller may start another).
     */
    Optional<LocalInvocation> invoke(byte[] event) throws InterruptedException {
        boolean cold = !served;
        served = true;
        PendingInvocation call = new PendingInvocation(event, Duration.ofSeconds(function.timeoutSeconds()));
        api.submit(call);
        Answer answer = await(call, cold);
        if (answer == null) {
            stop();
            return Optional.empty();
        }
        long end = call.answer().isDone() ? call.answeredNanos() : System.nanoTime();
        OptionalLong memory = ReportLine.peakMemoryMb(process.pid());
        boolean hostFound = Answer.TIMED_OUT.equals(answer.errorType()) || Answer.EXIT_ERROR.equals(answer.errorType());
        if (hostFound || answer.init()) {
            stop();
        } else {
            awaitOutput(call);
        }
        if (hostFound) {
            log.function(function.logicalName(), "RequestId: " + call.requestId() + " Error: " + answer.errorMessage());
        }
        Long handed = call.handed().getNow(null);
        Duration duration = handed == null ? Duration.ZERO : Duration.ofNanos(end - handed);
        Duration init = cold ? Duration.ofNanos((handed == null ? end : handed) - startedNanos) : null;
        log.function(function.logicalName(), ReportLine.of(call.requestId(), duration, function.memoryMb(), memory, init));
        return Optional.of(new LocalInvocation(answer.payload(), answer.errorType(), answer.errorMessage(), duration, cold));
    }

    /**
     * The answer: the runtime's, a crash, or a timeout (counted from when the runtime took the
     * event; a cold instance first has INIT_LIMIT to ask for it). Null when a warm instance ended
     * without taking the event.
     */
    private Answer await(PendingInvocation call, boolean cold) throws InterruptedException {
        Duration timeout = Duration.ofSeconds(function.timeoutSeconds());
        try {
            Duration startLimit = cold ? INIT_LIMIT.plus(timeout) : timeout;
            CompletableFuture.anyOf(call.handed(), call.answer()).get(startLimit.toNanos(), TimeUnit.NANOSECONDS);
            if (!call.handed().isDone()) {
                return cold ? call.answer().join() : null;
            }
            return call.answer().get(call.handed().join() + timeout.toNanos() - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return Answer.hostError(Answer.TIMED_OUT, String.format(Locale.ROOT, "Task timed out after %d.00 seconds", function.timeoutSeconds()));
        } catch (InterruptedException e) {
            stop();
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("an invocation's answer never fails", e);
        }
    }

    /**
     * What the instance printed for the invocation reaches the log before the host's lines about it.
     * dynctl's runtimes mark the end of it; AWS's Java client prints a handler's exception after
     * posting the error, so for it (and custom bootstraps) the output is complete once the runtime
     * asks for the next event, and logged once the readers then pause.
     */
    private void awaitOutput(PendingInvocation call) throws InterruptedException {
        long deadline = System.nanoTime() + OUTPUT_LIMIT.toNanos();
        if (!marksOutput) {
            api.awaitNextRequestAfter(call.nextRequest(), deadline);
        }
        for (OutputLines lines : output) {
            if (marksOutput) {
                lines.awaitEnd(call.requestId(), deadline);
            } else {
                lines.awaitQuiet(OUTPUT_QUIET, deadline);
            }
        }
    }

    /** Still running and fit for another event. */
    boolean alive() {
        return usable && process.isAlive();
    }

    /**
     * Ends the process tree and the endpoint (once: the pool may stop an instance the invocation
     * already stopped), then lets the output readers log what the process printed before it ended.
     */
    void stop() {
        usable = false;
        if (stopped.compareAndSet(false, true)) {
            ProcessTrees.kill(process.toHandle());
            api.close();
            long deadline = System.nanoTime() + OUTPUT_LIMIT.toNanos();
            try {
                for (OutputLines lines : output) {
                    lines.awaitClosed(deadline);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void ended() {
        usable = false;
        api.processEnded(Answer.hostError(Answer.EXIT_ERROR, Answer.describeExit(process.exitValue())));
    }
}
