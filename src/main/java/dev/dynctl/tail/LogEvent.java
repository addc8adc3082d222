package dev.dynctl.tail;

import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * One CloudWatch Logs event as FilterLogEvents returns it.
 *
 * @param timestamp when it happened (milliseconds since the epoch), as the writer stamped it
 * @param logStream the stream it was written to (a Lambda function writes one per execution environment)
 * @param eventId CloudWatch's id: the same event read twice has the same id
 * @param message the text as written, with its line breaks
 */
public record LogEvent(long timestamp, String logStream, String eventId, String message) {
    static LogEvent of(FilteredLogEvent event) {
        return new LogEvent(event.timestamp() == null ? 0 : event.timestamp(), event.logStreamName(), event.eventId(),
                event.message() == null ? "" : event.message());
    }
}
