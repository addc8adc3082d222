package dev.dynctl.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Fills in what the shell's context implies: the table in use where a statement leaves it out
 * ({@code get --key id=u1} after {@code use users}), and {@code --key} before a bare key
 * ({@code get id=u1}). The command tree says which words are options, their values and positions,
 * so a statement that names its table keeps it.
 */
final class ContextArguments {
    /** DynamoDB's rule for table names: a word that breaks it is a key, an item or a file, not a table. */
    static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    /** The first parameter of these commands names a table that exists (table create's names a new one). */
    private static final Set<String> TABLE_LABELS = Set.of("TABLE", "NAME", "SRC");
    /** Commands that delete or empty a table: they never take the table in use, and must name theirs. */
    private static final Set<String> NAMED_ONLY = Set.of("table delete", "table truncate");

    private ContextArguments() {
    }

    /** The words with the context's table and --key filled in where the statement leaves them out. */
    static List<String> apply(List<String> words, CommandLine root, String table) {
        List<String> filled = new ArrayList<>(words);
        CommandSpot spot = CommandSpot.of(root, filled);
        CommandSpec leaf = spot.command().getCommandSpec();
        if (!spot.command().getSubcommands().isEmpty()) {
            return filled;
        }
        if (spot.wantsKey()) {
            List<Integer> at = spot.parameterAt();
            for (int i = 0; i < at.size(); i++) {
                if (isKeyPart(filled.get(at.get(i)))) {
                    // get customer=c1 ordered=2024-05-01: the parts of one key, as --key joins them
                    int last = i;
                    while (last + 1 < at.size() && at.get(last + 1) == at.get(last) + 1 && isKeyPart(filled.get(at.get(last + 1)))) {
                        last++;
                    }
                    List<String> parts = new ArrayList<>(filled.subList(at.get(i), at.get(last) + 1));
                    filled.subList(at.get(i), at.get(last) + 1).clear();
                    filled.addAll(at.get(i), List.of("--key", String.join(",", parts)));
                    spot = CommandSpot.of(root, filled);
                    break;
                }
            }
        }
        if (table != null && fillsTable(leaf) && leavesTableOut(leaf, spot.parameters())) {
            filled.add(spot.parameterAt().isEmpty() ? spot.commandEnd() : spot.parameterAt().get(0), table);
        }
        return filled;
    }

    private static boolean isKeyPart(String word) {
        return word.contains("=") && !word.startsWith("{") && !word.startsWith("[") && !word.startsWith("@");
    }

    /** True when the command's first parameter names a table that exists. */
    static boolean takesTable(CommandSpec leaf) {
        List<PositionalParamSpec> positionals = leaf.positionalParameters();
        return !positionals.isEmpty() && TABLE_LABELS.contains(positionals.get(0).paramLabel())
                && !leaf.qualifiedName(" ").endsWith("table create");
    }

    /**
     * True when the table in use may stand for the command's missing table: not for a bare 'use'
     * (it asks which table is in use), nor for a command that deletes or empties one, which must
     * name it.
     */
    private static boolean fillsTable(CommandSpec leaf) {
        return takesTable(leaf) && !(leaf.userObject() instanceof UseCommand) && !NAMED_ONLY.contains(leaf.qualifiedName(" ").strip());
    }

    private static boolean leavesTableOut(CommandSpec leaf, List<String> parameters) {
        if (parameters.isEmpty()) {
            return true;
        }
        int required = leaf.positionalParameters().stream().mapToInt(p -> p.arity().min()).sum();
        return !TABLE_NAME.matcher(parameters.get(0)).matches() || parameters.size() < required;
    }
}
