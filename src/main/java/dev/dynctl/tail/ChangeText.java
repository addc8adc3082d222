package dev.dynctl.tail;

import dev.dynctl.codec.AttributeCodec;
import dev.dynctl.codec.Json;
import dev.dynctl.dynamo.KeyText;
import dev.dynctl.output.Colors;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A change as people read it (--format diff): the time, the event and the key on one line; for a
 * MODIFY, one line per attribute that changed ({@code attr: old → new}, {@code +attr: value},
 * {@code -attr: value}); for an INSERT the new item, for a REMOVE the old one, on the first line.
 * Values are plain JSON. What the stream does not record is said: "(no old image)", "(keys only)".
 */
public final class ChangeText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final Colors colors;
    private final ZoneId zone;

    /** @param color ANSI colours (a terminal that allows them); @param zone the time zone times are shown in */
    public ChangeText(boolean color, ZoneId zone) {
        this.colors = new Colors(color);
        this.zone = zone;
    }

    /** The change's lines, without a final line break. */
    public String render(ChangeRecord change) {
        String time = change.time() == null ? "-" : TIME.format(change.time().atZone(zone));
        StringBuilder text = new StringBuilder(colors.faint(time)).append("  ")
                .append(event(change.event())).append("  ")
                .append(KeyText.of(change.keys()));
        if (change.expired()) {
            text.append("  ").append(colors.faint("(expired: time to live)"));
        }
        if (change.stream().streamViewType() == StreamViewType.KEYS_ONLY) {
            text.append("  ").append(colors.faint("(keys only: the stream records no images)"));
        } else if (change.event().equals("INSERT")) {
            item(text, change.newImage(), "(no new image: the stream records old images only)");
        } else if (change.event().equals("REMOVE")) {
            item(text, change.oldImage(), "(no old image: the stream records new images only)");
        } else {
            modify(text, change.oldImage(), change.newImage());
        }
        return text.toString();
    }

    private void item(StringBuilder text, Map<String, AttributeValue> image, String missing) {
        text.append("  ").append(image != null ? json(image) : colors.faint(missing));
    }

    private void modify(StringBuilder text, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        if (before == null || after == null) {
            // one image: show it whole, and say which one it is
            text.append("  ").append(after != null ? "now " + json(after) + "  " + colors.faint("(no old image to compare with)")
                    : "was " + json(before) + "  " + colors.faint("(no new image to compare with)"));
            return;
        }
        ChangeDiff diff = ChangeDiff.between(before, after);
        if (diff.entries().isEmpty()) {
            text.append("  ").append(colors.faint("(no attribute changed)"));
        }
        for (ChangeDiff.Entry entry : diff.entries()) {
            text.append(System.lineSeparator()).append("  ");
            if (entry.added()) {
                text.append(colors.green("+" + entry.name() + ": " + json(entry.after())));
            } else if (entry.removed()) {
                text.append(colors.red("-" + entry.name() + ": " + json(entry.before())));
            } else {
                text.append(entry.name()).append(": ").append(json(entry.before())).append(" → ").append(json(entry.after()));
            }
        }
    }

    private static String json(Map<String, AttributeValue> item) {
        return Json.write(Json.MAPPER.writer(), AttributeCodec.toJson(item));
    }

    private static String json(AttributeValue value) {
        return Json.write(Json.MAPPER.writer(), AttributeCodec.toJson(value));
    }

    /** The event's name: INSERT green, REMOVE red, MODIFY yellow. */
    private String event(String event) {
        return switch (event) {
            case "INSERT" -> colors.green(event);
            case "REMOVE" -> colors.red(event);
            default -> colors.yellow(event);
        };
    }
}
