package dev.dynctl.shell;

import java.util.List;

/** Questions about a statement's words that do not need the command tree. */
final class Words {
    private Words() {
    }

    /** True when {@code name} is among the words, alone or as {@code name=value}. */
    static boolean hasOption(List<String> words, String... names) {
        for (String word : words) {
            for (String name : names) {
                if (word.equals(name) || word.startsWith(name + "=")) {
                    return true;
                }
            }
        }
        return false;
    }
}
