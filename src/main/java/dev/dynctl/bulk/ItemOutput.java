package dev.dynctl.bulk;

import java.io.IOException;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items written to a stream in one {@link BulkFormat}, one at a time from one thread. {@link
 * #finish} completes the file (a json array's end; a csv file's header and rows) and flushes; the
 * stream itself is the caller's to close.
 */
public interface ItemOutput extends AutoCloseable {
    void write(Map<String, AttributeValue> item) throws IOException;

    void finish() throws IOException;

    /** Releases what the output holds besides the stream (csv's temporary file). */
    @Override
    void close();
}
