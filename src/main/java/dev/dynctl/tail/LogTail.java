package dev.dynctl.tail;

import dev.dynctl.error.DynctlException;
import dev.dynctl.error.ExitCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Reads a log group's events, every stream interleaved by time (FilterLogEvents, page after
 * page), and while following polls again from a little before the newest event seen, so that
 * events that reach CloudWatch late are not lost; event ids keep those read twice from being
 * printed twice. Ends as {@link dev.dynctl.tail.TailEnd} says, or at {@link #stop()} (Ctrl-C).
 */
public final class LogTail {
    /** How long a follow waits when CloudWatch still throttles after the SDK's retries. */
    private static final Duration THROTTLED_PAUSE = Duration.ofSeconds(5);

    /** How a tail ended: the events it printed, and whether {@link #stop()} ended it. */
    public record Result(long printed, boolean stopped) {
    }

    private final CloudWatchLogsClient logs;
    private final String where;
    private final LogPolling polling;
    private final CountDownLatch stop = new CountDownLatch(1);

    /** @param where where requests go, in words, for messages */
    public LogTail(CloudWatchLogsClient logs, String where, LogPolling polling) {
        this.logs = logs;
        this.where = where;
        this.polling = polling;
    }

    /** Ends the tail at the next event or poll (Ctrl-C); a wait between polls ends at once. */
    public void stop() {
        stop.countDown();
    }

    public boolean stopped() {
        return stop.getCount() == 0;
    }

    /**
     * Polls {@code exists} until it says yes (true), or the tail ends first: --until passed or
     * {@link #stop()} (false). For a function's log group, which Lambda creates at its first log line.
     */
    public boolean awaitGroup(BooleanSupplier exists, TailEnd end) {
        while (!stopped()) {
            boolean last = end.over(Instant.now());
            if (exists.getAsBoolean()) {
                return true;
            }
            if (last || pause(end.waitAtMost(polling.interval(), Instant.now()))) {
                return false;
            }
        }
        return false;
    }

    /** Hands {@code sink} the query's events, in time order, each once, until the end says stop. */
    public Result run(LogQuery query, TailEnd end, LogSink sink) {
        Long endTime = end.until() == null ? null : end.until().toEpochMilli();
        LogEventWindow window = new LogEventWindow(polling.overlap().toMillis(), query.since().toEpochMilli());
        long printed = 0;
        while (!stopped()) {
            // the clock is read before the poll: one that starts after --until has passed sees every event up to it, and is the last
            Instant clock = Instant.now();
            boolean last = !end.follow() || end.over(clock);
            window.pollBegins(clock.toEpochMilli());
            try {
                for (FilterLogEventsResponse page : logs.filterLogEventsPaginator(request(query, window.start(), endTime))) {
                    for (LogEvent event : inTimeOrder(page)) {
                        if (stopped()) {
                            return new Result(printed, true);
                        }
                        if (!window.firstSight(event)) {
                            continue;
                        }
                        if (sink.show(event)) {
                            printed++;
                        }
                        if (end.full(printed) || !sink.open()) {
                            return new Result(printed, false);
                        }
                    }
                    window.pageRead();
                    if (stopped()) {
                        return new Result(printed, true);
                    }
                }
                window.pollRead();
            } catch (ResourceNotFoundException e) {
                // it existed when the tail began: CloudWatch's "The specified log group does not exist." names none
                throw new DynctlException(ExitCode.NOT_FOUND, "Log group " + query.group() + " is gone from " + where
                        + (end.follow() ? " (deleted while following)." : " (deleted while it was read)."), null, e);
            } catch (AwsServiceException e) {
                if (!end.follow() || !e.isThrottlingException()) {
                    throw e;
                }
                // the SDK's retries are spent; a follow waits longer and reads again from where it was (the window drops repeats)
                if (pause(THROTTLED_PAUSE)) {
                    break;
                }
                continue;
            }
            if (last) {
                return new Result(printed, false);
            }
            if (pause(end.waitAtMost(polling.interval(), Instant.now()))) {
                break;
            }
        }
        return new Result(printed, true);
    }

    /**
     * One page's events by time. CloudWatch interleaves the streams itself; engines that follow its
     * older API (moto) only when asked, so the request asks, and the sort keeps ties in their order.
     */
    private static List<LogEvent> inTimeOrder(FilterLogEventsResponse page) {
        return page.events().stream().map(LogEvent::of).sorted(Comparator.comparingLong(LogEvent::timestamp)).toList();
    }

    @SuppressWarnings("deprecation") // interleaved: AWS interleaves since 2019 and ignores it; moto sorts only when asked
    private FilterLogEventsRequest request(LogQuery query, long start, Long endTime) {
        FilterLogEventsRequest.Builder request = FilterLogEventsRequest.builder()
                .logGroupName(query.group())
                .startTime(start)
                .endTime(endTime)
                .filterPattern(query.filter())
                .limit(polling.pageSize())
                .interleaved(true);
        return request.build();
    }

    /** Waits {@code time}; true when the tail was stopped meanwhile. */
    private boolean pause(Duration time) {
        try {
            return stop.await(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // the shell's Ctrl-C interrupts the statement's thread: the same as stop()
            Thread.currentThread().interrupt();
            stop();
            return true;
        }
    }
}
