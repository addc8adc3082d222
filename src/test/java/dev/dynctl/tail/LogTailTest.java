package dev.dynctl.tail;

import static dev.dynctl.tail.LogFixtures.event;
import static dev.dynctl.tail.LogFixtures.put;
import static dev.dynctl.tail.LogFixtures.secondsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Engine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The tail itself against moto: order across streams and pages, and a follow that neither repeats nor misses events. */
class LogTailTest {
    /** Small pages cross page boundaries; fast polls keep the tests quick. */
    private static final LogPolling FAST = new LogPolling(Duration.ofMillis(50), Duration.ofSeconds(5), 2);

    @Test
    void everyStreamIsInterleavedByTimeAcrossPages() {
        String group = "/test/" + Engine.uniqueName("interleave");
        LogFixtures.group(group, "a", "b", "c");
        long t = secondsAgo(60);
        put(group, "a", event(t, "1"), event(t + 3000, "4"), event(t + 6000, "7"));
        put(group, "b", event(t + 1000, "2"), event(t + 4000, "5"));
        put(group, "c", event(t + 2000, "3"), event(t + 5000, "6"));

        Recorder seen = new Recorder();
        LogTail.Result result = new LogTail(Engine.logs(), "moto", FAST).run(query(group, 600), new TailEnd(false, null, null), seen);

        assertThat(seen.messages()).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(seen.events).extracting(LogEvent::logStream).containsExactly("a", "b", "c", "a", "b", "c", "a");
        assertThat(result).isEqualTo(new LogTail.Result(7, false));
    }

    @Test
    void sinceAndUntilBoundWhatIsRead() {
        String group = "/test/" + Engine.uniqueName("bounds");
        LogFixtures.group(group, "s");
        long t = secondsAgo(300);
        put(group, "s", event(t, "old"), event(t + 100_000, "middle"), event(t + 200_000, "new"));

        Recorder seen = new Recorder();
        TailEnd until = new TailEnd(false, Instant.ofEpochMilli(t + 150_000), null);
        new LogTail(Engine.logs(), "moto", FAST).run(new LogQuery(group, Instant.ofEpochMilli(t + 1), null), until, seen);

        assertThat(seen.messages()).containsExactly("middle");
    }

    @Test
    void maxStopsPartWayThroughAPage() {
        String group = "/test/" + Engine.uniqueName("max");
        LogFixtures.group(group, "s");
        long t = secondsAgo(60);
        put(group, "s", event(t, "1"), event(t + 1, "2"), event(t + 2, "3"), event(t + 3, "4"), event(t + 4, "5"));

        Recorder seen = new Recorder();
        LogTail.Result result = new LogTail(Engine.logs(), "moto", FAST).run(query(group, 600), new TailEnd(false, null, 3L), seen);

        assertThat(seen.messages()).containsExactly("1", "2", "3");
        assertThat(result.printed()).isEqualTo(3);
    }

    @Test
    void aFollowSeesEventsWrittenWhileItRunsOnceEachAndInOrder() throws Exception {
        String group = "/test/" + Engine.uniqueName("follow");
        LogFixtures.group(group, "a", "b");
        long t = secondsAgo(30);
        put(group, "a", event(t, "before"));
        Recorder seen = new Recorder();
        LogTail tail = new LogTail(Engine.logs(), "moto", FAST);
        CompletableFuture<LogTail.Result> following = CompletableFuture.supplyAsync(
                () -> tail.run(query(group, 600), new TailEnd(true, null, 5L), seen));

        seen.await(m -> m.contains("before"));
        put(group, "b", event(t + 1000, "one"), event(t + 2000, "two"));
        seen.await(m -> m.contains("two"));
        put(group, "a", event(t + 3000, "three"));
        seen.await(m -> m.contains("three"));
        put(group, "b", event(t + 4000, "four"));

        assertThat(following.get(20, TimeUnit.SECONDS)).isEqualTo(new LogTail.Result(5, false));
        assertThat(seen.messages()).containsExactly("before", "one", "two", "three", "four");
    }

    @Test
    void anEventArrivingLateWithAnOlderTimeWithinTheOverlapIsPrintedOnce() throws Exception {
        String group = "/test/" + Engine.uniqueName("late");
        LogFixtures.group(group, "fast", "slow");
        long t = secondsAgo(30);
        put(group, "fast", event(t, "first"), event(t + 3000, "newest"));
        Recorder seen = new Recorder();
        LogTail tail = new LogTail(Engine.logs(), "moto", FAST);
        CompletableFuture<LogTail.Result> following = CompletableFuture.supplyAsync(
                () -> tail.run(query(group, 600), new TailEnd(true, null, 4L), seen));

        seen.await(m -> m.contains("newest"));
        // stamped two seconds before the newest event printed: within the five seconds the polls reach back
        put(group, "slow", event(t + 1000, "late"));
        seen.await(m -> m.contains("late"));
        put(group, "fast", event(t + 4000, "after"));

        assertThat(following.get(20, TimeUnit.SECONDS).printed()).isEqualTo(4);
        assertThat(seen.messages()).containsExactly("first", "newest", "late", "after");
    }

    @Test
    void untilEndsAFollowOnItsOwnAndStopEndsItAtOnce() throws Exception {
        String group = "/test/" + Engine.uniqueName("ends");
        LogFixtures.group(group, "s");
        put(group, "s", event(secondsAgo(5), "only"));

        Recorder seen = new Recorder();
        TailEnd soon = new TailEnd(true, Instant.now().plusMillis(500), null);
        assertThat(new LogTail(Engine.logs(), "moto", FAST).run(query(group, 600), soon, seen)).isEqualTo(new LogTail.Result(1, false));
        assertThat(seen.messages()).containsExactly("only");

        LogTail tail = new LogTail(Engine.logs(), "moto", FAST);
        Recorder more = new Recorder();
        CompletableFuture<LogTail.Result> following = CompletableFuture.supplyAsync(
                () -> tail.run(query(group, 600), new TailEnd(true, null, null), more));
        more.await(m -> m.contains("only"));
        tail.stop();
        assertThat(following.get(10, TimeUnit.SECONDS)).isEqualTo(new LogTail.Result(1, true));
    }

    @Test
    void theWindowForgetsIdsOlderThanWhereTheNextPollStarts() {
        LogEventWindow window = new LogEventWindow(1000, 0);
        window.pollBegins(200_000);
        for (int i = 0; i < 10_000; i++) {
            assertThat(window.firstSight(new LogEvent(i * 10L, "s", "id" + i, "m"))).isTrue();
            window.pageRead();
        }
        window.pollRead();

        assertThat(window.start()).isEqualTo(99_990 - 1000);
        // within the overlap: a repeat; before it: forgotten, as no later poll reaches back to it
        assertThat(window.firstSight(new LogEvent(99_990, "s", "id9999", "m"))).isFalse();
        assertThat(window.firstSight(new LogEvent(98_980, "s", "id9898", "m"))).isTrue();
    }

    @Test
    void theNextPollStartsNoLaterThanTheOverlapBeforeTheClockAndThereWhenNothingNewCame() {
        LogEventWindow window = new LogEventWindow(1000, 5_000);
        assertThat(window.start()).isEqualTo(5_000);

        window.pollBegins(10_000);
        window.pollRead();
        assertThat(window.start()).as("nothing came: the overlap before the clock").isEqualTo(9_000);

        window.pollBegins(20_000);
        assertThat(window.firstSight(new LogEvent(3_600_000, "s", "future", "m"))).isTrue();
        window.pageRead();
        window.pollRead();
        assertThat(window.start()).as("an event stamped ahead of the clock").isEqualTo(19_000);

        window.pollBegins(30_000);
        assertThat(window.firstSight(new LogEvent(3_600_000, "s", "future", "m"))).isFalse();
        window.pageRead();
        window.pollRead();
        assertThat(window.start()).as("only a repeat came").isEqualTo(29_000);

        window.pollBegins(40_000);
        assertThat(window.firstSight(new LogEvent(35_000, "s", "late", "m"))).isTrue();
        window.pageRead();
        window.pollRead();
        assertThat(window.start()).as("the newest new event, before the clock").isEqualTo(34_000);
    }

    private static LogQuery query(String group, int sinceSeconds) {
        return new LogQuery(group, Instant.now().minusSeconds(sinceSeconds), null);
    }

    /** Records what a tail shows, for a test thread to wait on. */
    private static final class Recorder implements LogSink {
        final List<LogEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public boolean show(LogEvent event) {
            events.add(event);
            return true;
        }

        @Override
        public boolean open() {
            return true;
        }

        List<String> messages() {
            return events.stream().map(LogEvent::message).toList();
        }

        void await(Predicate<List<String>> condition) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!condition.test(messages())) {
                assertThat(System.nanoTime()).as("the tail showed only %s", messages()).isLessThan(deadline);
                Thread.sleep(10);
            }
        }
    }
}
