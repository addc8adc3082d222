package dev.dynctl.tail;

import java.time.Instant;

/**
 * What to read from a log group.
 *
 * @param group the log group's name
 * @param since the first moment read
 * @param filter a CloudWatch Logs filter pattern, or null for every event
 */
public record LogQuery(String group, Instant since, String filter) {
}
