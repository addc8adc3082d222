package dev.dynctl.bulk;

import dev.dynctl.error.DynctlException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The file formats of export and import. A file's name says its format ({@code users.ddb.jsonl.gz},
 * {@code users.csv}) unless --format does; {@code .gz} says gzip on writing, while reading looks at
 * the file's first bytes instead.
 */
public enum BulkFormat {
    /** One {"Item": {…DynamoDB JSON…}} per line: what AWS's export to S3 writes in data/*.json.gz. */
    DDB_JSONL("ddb-jsonl", ".ddb.jsonl"),
    /** One item per line in plain JSON ({"$set"} and {"$binary"} for the types JSON lacks). */
    JSONL("jsonl", ".jsonl"),
    /** One JSON array of plain-JSON items. */
    JSON("json", ".json"),
    /** A header of attribute names, one row per item (docs/bulk.md says how types survive). */
    CSV("csv", ".csv");

    public static final String GZIP_SUFFIX = ".gz";

    private final String label;
    private final String suffix;

    BulkFormat(String label, String suffix) {
        this.label = label;
        this.suffix = suffix;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** The format --format names: ddb-jsonl, jsonl, json or csv. */
    public static BulkFormat of(String label) {
        String wanted = label.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.label.equals(wanted)).findFirst()
                .orElseThrow(() -> DynctlException.usage("Unknown format '" + label + "'; expected one of " + labels() + "."));
    }

    /**
     * The format a file name says, or the one given (which wins when not null). Without either,
     * a usage error names the suffixes.
     */
    public static BulkFormat resolve(BulkFormat given, String fileName, String option) {
        if (given != null) {
            return given;
        }
        String name = withoutGzip(fileName).toLowerCase(Locale.ROOT);
        // .ddb.jsonl before .jsonl: the longer suffix is the more specific
        for (BulkFormat format : values()) {
            if (name.endsWith(format.suffix)) {
                return format;
            }
        }
        throw DynctlException.usage("Cannot tell the format of '" + fileName + "' from its name.",
                "Pass " + option + " " + labels().replace(", ", "|") + ", or name the file *.ddb.jsonl, *.jsonl, *.json or *.csv (optionally .gz).");
    }

    /** True when the name asks for gzip on writing. */
    public static boolean gzipName(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(GZIP_SUFFIX);
    }

    private static String withoutGzip(String fileName) {
        return gzipName(fileName) ? fileName.substring(0, fileName.length() - GZIP_SUFFIX.length()) : fileName;
    }

    public static String labels() {
        return Arrays.stream(values()).map(BulkFormat::label).collect(Collectors.joining(", "));
    }
}
