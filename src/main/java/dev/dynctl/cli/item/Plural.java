package dev.dynctl.cli.item;

/** Counts in the item commands' summaries: "1 put", "3 puts", "1 retry", "2 retries". */
final class Plural {
    private Plural() {
    }

    static String of(long count, String noun) {
        return of(count, noun, noun + "s");
    }

    static String of(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
