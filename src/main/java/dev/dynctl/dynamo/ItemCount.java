package dev.dynctl.dynamo;

/** Item counts in messages, with the plural right: "1 item", "3 items". */
public final class ItemCount {
    private ItemCount() {
    }

    /** "1 item", "3 items". */
    public static String of(long count) {
        return count + (count == 1 ? " item" : " items");
    }

    /** "1 item was", "3 items were", for sentences such as "1 item was written". */
    public static String was(long count) {
        return of(count) + (count == 1 ? " was" : " were");
    }

    /**
     * Which items of a put are in the table when it stops part-way. Batches are written in the
     * order the items were read, so they are always the first ones: "Items 1-25 were written."
     * Items of a request that failed (sent but not confirmed) may or may not be there.
     */
    static String writtenSoFar(long written, long sent) {
        String done = written == 0 ? null : written == 1 ? "Item 1 was written" : "Items 1-" + written + " were written";
        if (sent <= written) {
            return done == null ? "No items were written." : done + ".";
        }
        String unsure = sent == written + 1 ? "item " + sent : "items " + (written + 1) + "-" + sent;
        return done == null
                ? Character.toUpperCase(unsure.charAt(0)) + unsure.substring(1) + " may or may not have been written."
                : done + "; " + unsure + " may or may not have been.";
    }
}
