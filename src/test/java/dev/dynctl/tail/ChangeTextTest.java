package dev.dynctl.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** The diff format on what moto cannot make: TTL removals, colours, a MODIFY that changed nothing. */
class ChangeTextTest {
    private static final Instant TIME = Instant.parse("2026-05-01T10:15:03Z");

    private static ChangeRecord change(String event, Map<String, AttributeValue> before, Map<String, AttributeValue> after, boolean ttl) {
        Record.Builder record = Record.builder().eventName(event).dynamodb(d -> {
            d.approximateCreationDateTime(TIME).sequenceNumber("100").streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)
                    .keys(Map.of("id", AttributeValue.fromS("u1")));
            if (before != null) {
                d.oldImage(before);
            }
            if (after != null) {
                d.newImage(after);
            }
        });
        if (ttl) {
            record.userIdentity(u -> u.principalId("dynamodb.amazonaws.com").type("Service"));
        }
        return new ChangeRecord(record.build(), List.of("id"));
    }

    private static Map<String, AttributeValue> item(String name, String n) {
        return Map.of("id", AttributeValue.fromS("u1"), name, AttributeValue.fromN(n));
    }

    @Test
    void aRemoveByTimeToLiveSaysSo() {
        String text = new ChangeText(false, ZoneOffset.UTC).render(change("REMOVE", item("expires", "1700000000"), null, true));

        assertThat(text).isEqualTo("2026-05-01 10:15:03  REMOVE  id=u1  (expired: time to live)  {\"id\":\"u1\",\"expires\":1700000000}");
        assertThat(ChangeJson.dynamo(change("REMOVE", item("expires", "1"), null, true), ZoneOffset.UTC).get("userIdentity").toString())
                .isEqualTo("{\"PrincipalId\":\"dynamodb.amazonaws.com\",\"Type\":\"Service\"}");
    }

    @Test
    void aModifyThatChangedNothingSaysSoAndEqualNumbersAreNoChange() {
        String text = new ChangeText(false, ZoneOffset.UTC).render(change("MODIFY", item("n", "1.50"), item("n", "1.5"), false));

        assertThat(text).isEqualTo("2026-05-01 10:15:03  MODIFY  id=u1  (no attribute changed)");
    }

    @Test
    void timesAreShownInTheZoneGivenAndColoursOnlyWhenAllowed() {
        ChangeRecord insert = change("INSERT", null, item("n", "1"), false);

        assertThat(new ChangeText(false, ZoneOffset.ofHours(2)).render(insert)).startsWith("2026-05-01 12:15:03  INSERT  id=u1");
        String colored = new ChangeText(true, ZoneOffset.UTC).render(change("MODIFY", item("a", "1"), item("b", "2"), false));
        assertThat(colored).contains("\u001b[33mMODIFY\u001b[0m", "\u001b[32m+b: 2\u001b[0m", "\u001b[31m-a: 1\u001b[0m");
    }

    @Test
    void ddbJsonTimesAreThoseTheAwsCliPrints() {
        ChangeRecord insert = change("INSERT", null, item("n", "1"), false);

        assertThat(ChangeJson.dynamo(insert, ZoneOffset.ofHours(2)).get("dynamodb").get("ApproximateCreationDateTime").asText())
                .isEqualTo("2026-05-01T12:15:03+02:00");
        Record precise = insert.record().toBuilder().dynamodb(insert.stream().toBuilder()
                .approximateCreationDateTime(Instant.parse("2026-05-01T10:15:03.25Z")).build()).build();
        assertThat(ChangeJson.dynamo(new ChangeRecord(precise, List.of("id")), ZoneOffset.UTC).get("dynamodb")
                .get("ApproximateCreationDateTime").asText()).isEqualTo("2026-05-01T10:15:03.250000+00:00");
    }
}
