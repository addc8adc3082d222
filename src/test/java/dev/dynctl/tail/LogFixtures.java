package dev.dynctl.tail;

import dev.dynctl.testing.Engine;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/** Log groups, streams and events made behind dynctl's back on the test engine (moto runs no Lambda code: tests write its lines). */
public final class LogFixtures {
    private LogFixtures() {
    }

    /** A new log group with these streams. */
    public static void group(String group, String... streams) {
        Engine.logs().createLogGroup(b -> b.logGroupName(group));
        for (String stream : streams) {
            Engine.logs().createLogStream(b -> b.logGroupName(group).logStreamName(stream));
        }
    }

    /** Writes events to one stream; they must be in time order, as PutLogEvents asks. */
    public static void put(String group, String stream, InputLogEvent... events) {
        List<InputLogEvent> list = Arrays.asList(events);
        Engine.logs().putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(list));
    }

    public static InputLogEvent event(long timestamp, String message) {
        return InputLogEvent.builder().timestamp(timestamp).message(message).build();
    }

    /** A moment this many seconds before now, on a whole second (inside the default --since of ten minutes). */
    public static long secondsAgo(int seconds) {
        return (System.currentTimeMillis() / 1000 - seconds) * 1000;
    }
}
