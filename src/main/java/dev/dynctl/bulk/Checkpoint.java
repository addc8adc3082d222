package dev.dynctl.bulk;

/**
 * Where an import stands: every item of {@code input} with an ordinal below {@code watermark} is
 * in {@code table} at {@code target}. Items at or after it may be there too (batches finish out of
 * order); writing them again on resume is harmless, since a put of the same item is idempotent.
 *
 * @param target where the table is, in words ("endpoint http://… (region us-east-1)")
 * @param written items confirmed written so far, those before the watermark and after
 */
public record Checkpoint(int version, ImportInput input, String table, String target, long watermark, long written) {
    static final int VERSION = 1;

    public Checkpoint(ImportInput input, String table, String target, long watermark, long written) {
        this(VERSION, input, table, target, watermark, written);
    }

    Checkpoint at(long newWatermark, long newWritten) {
        return new Checkpoint(version, input, table, target, newWatermark, newWritten);
    }

    /** Why this checkpoint does not belong to an import of {@code input} into {@code table} at {@code target}, or null. */
    public String mismatch(ImportInput otherInput, String otherTable, String otherTarget) {
        if (!table.equals(otherTable)) {
            return "it is for table " + table + ", not " + otherTable;
        }
        if (!target.equals(otherTarget)) {
            return "it is for " + target + ", not " + otherTarget;
        }
        // standard input cannot be checked: the user pipes the same data again
        return otherInput.stdin() && input.stdin() ? null : input.difference(otherInput);
    }
}
