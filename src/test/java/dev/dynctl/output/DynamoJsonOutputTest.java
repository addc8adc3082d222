package dev.dynctl.output;

import static dev.dynctl.output.Rendering.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynctl.codec.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoJsonOutputTest {
    private static Map<String, AttributeValue> item() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS("u1"));
        item.put("n", AttributeValue.fromN("1.50"));
        item.put("tags", AttributeValue.fromSs(List.of("a", "b")));
        item.put("bin", AttributeValue.fromB(SdkBytes.fromUtf8String("ABC")));
        item.put("m", AttributeValue.fromM(Map.of("ok", AttributeValue.fromBool(true))));
        return item;
    }

    @Test
    void anItemIsWrittenInTheTypedWireForm() throws Exception {
        JsonNode out = Json.MAPPER.readTree(render(Format.DDB_JSON, o -> o.item(item())));

        assertThat(out).isEqualTo(Rendering.json("{'pk':{'S':'u1'},'n':{'N':'1.50'},'tags':{'SS':['a','b']},"
                + "'bin':{'B':'QUJD'},'m':{'M':{'ok':{'BOOL':true}}}}"));
    }

    @Test
    void itemsAreAnArrayOfTypedItems() throws Exception {
        JsonNode out = Json.MAPPER.readTree(render(Format.DDB_JSON, o -> o.items(List.of(item(), item()), List.of("pk"))));

        assertThat(out).hasSize(2);
        assertThat(out.get(1).get("pk")).isEqualTo(Rendering.json("{'S':'u1'}"));
    }

    @Test
    void plainFormatsSeeThePlainJsonForm() {
        assertThat(render(Format.JSONL, o -> o.item(item())))
                .isEqualTo("{\"pk\":\"u1\",\"n\":1.50,\"tags\":{\"$set\":[\"a\",\"b\"]},\"bin\":{\"$binary\":\"QUJD\"},"
                        + "\"m\":{\"ok\":true}}\n");
    }
}
