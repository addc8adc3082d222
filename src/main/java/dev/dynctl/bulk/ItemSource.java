package dev.dynctl.bulk;

import java.util.Iterator;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items of an export file, a stream or AWS's export folder, read one at a time in a fixed
 * order, each with its ordinal: an import that stopped resumes by skipping the items it had
 * written. Closing releases the files.
 */
public interface ItemSource extends Iterator<ItemSource.Entry>, AutoCloseable {
    /** One item and its place in the input (0 for the first item). */
    record Entry(long ordinal, Map<String, AttributeValue> item) {
    }

    /** Where the items come from, for messages ("users.jsonl.gz", "stdin", "export folder data/"). */
    String description();

    @Override
    void close();
}
