package dev.dynctl.bulk;

import dev.dynctl.error.DynctlException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A csv file with a header: one item per row, an attribute per non-empty cell, typed as {@link
 * CsvCells} says. Rows are read one at a time; blank lines are skipped.
 */
final class CsvSource implements ItemSource {
    private final String description;
    private final CsvRecords records;
    private final BufferedReader reader;
    private List<CsvCells.Column> columns;
    private long ordinal;
    private Entry next;

    CsvSource(String description, InputStream in) {
        this.description = description;
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        this.records = new CsvRecords(reader);
    }

    @Override
    public boolean hasNext() {
        if (columns == null) {
            List<CsvRecords.Field> header = record();
            if (header == null) {
                return false;
            }
            columns = header(header);
        }
        while (next == null) {
            List<CsvRecords.Field> row = record();
            if (row == null) {
                return false;
            }
            if (!blank(row)) {
                next = new Entry(ordinal++, item(row));
            }
        }
        return true;
    }

    @Override
    public Entry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Entry entry = next;
        next = null;
        return entry;
    }

    private List<CsvRecords.Field> record() {
        try {
            return records.next();
        } catch (CsvRecords.Malformed e) {
            throw InputErrors.item(description, e.line, e.column, "malformed csv: " + e.getMessage(), e);
        } catch (IOException e) {
            throw InputErrors.unreadable(description, records.recordLine(), e);
        }
    }

    private List<CsvCells.Column> header(List<CsvRecords.Field> fields) {
        List<CsvCells.Column> header = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvRecords.Field field : fields) {
            CsvCells.Column column = CsvCells.Column.parse(field.text());
            if (column.name().isEmpty()) {
                throw InputErrors.item(description, records.recordLine(), null,
                        "column " + (header.size() + 1) + " of the header has no attribute name", null);
            }
            if (!seen.add(column.name())) {
                throw InputErrors.item(description, records.recordLine(), null,
                        "the header names attribute '" + column.name() + "' twice", null);
            }
            header.add(column);
        }
        return header;
    }

    private static boolean blank(List<CsvRecords.Field> row) {
        return row.size() == 1 && row.get(0).text().isEmpty() && !row.get(0).quoted();
    }

    private Map<String, AttributeValue> item(List<CsvRecords.Field> row) {
        if (row.size() != columns.size()) {
            throw InputErrors.item(description, records.recordLine(), null,
                    "the row has " + row.size() + " fields and the header " + columns.size(), null);
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            CsvCells.Column column = columns.get(i);
            try {
                AttributeValue value = CsvCells.read(row.get(i), column.type());
                if (value != null) {
                    item.put(column.name(), value);
                }
            } catch (DynctlException e) {
                throw InputErrors.item(description, records.recordLine(), null, "column " + column.name() + ": " + e.getMessage(), e);
            }
        }
        return item;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // only read from: nothing is lost
        }
    }
}
