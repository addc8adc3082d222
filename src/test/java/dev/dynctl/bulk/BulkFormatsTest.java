package dev.dynctl.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every format writes and reads back the same items, exactly, plain and gzipped. */
class BulkFormatsTest {
    @ParameterizedTest
    @EnumSource(BulkFormat.class)
    void roundTripIsExact(BulkFormat format) throws IOException {
        List<Map<String, AttributeValue>> items = new ArrayList<>(BulkItems.allTypes());
        items.add(BulkItems.large("large", 390_000));
        assertThat(readBack(format, write(format, items, false))).isEqualTo(items);
        assertThat(readBack(format, write(format, items, true))).isEqualTo(items);
    }

    @ParameterizedTest
    @EnumSource(BulkFormat.class)
    void noItemsIsAnEmptyFile(BulkFormat format) throws IOException {
        assertThat(readBack(format, write(format, List.of(), false))).isEmpty();
    }

    static byte[] write(BulkFormat format, List<Map<String, AttributeValue>> items, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = gzip ? new GZIPOutputStream(bytes) : bytes;
        try (ItemOutput output = ItemOutputs.open(format, out, List.of("id"), false)) {
            for (Map<String, AttributeValue> item : items) {
                output.write(item);
            }
            output.finish();
        }
        out.close();
        return bytes.toByteArray();
    }

    static List<Map<String, AttributeValue>> readBack(BulkFormat format, byte[] file) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        try (ItemSource source = ItemSources.open(new ByteArrayInputStream(file), format, "test")) {
            long expected = 0;
            while (source.hasNext()) {
                ItemSource.Entry entry = source.next();
                assertThat(entry.ordinal()).isEqualTo(expected++);
                items.add(entry.item());
            }
        }
        return items;
    }
}
