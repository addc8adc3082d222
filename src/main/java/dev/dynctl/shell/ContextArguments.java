package dev.dynctl.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
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

    private ContextArguments() {
    }

    /** The words with the context's table and --key filled in where the statement leaves them out. */
    static List<String> apply(List<String> words, CommandLine root, String table) {
        List<String> filled = new ArrayList<>(words);
        Parsed parsed = Parsed.of(filled, root);
        CommandSpec leaf = parsed.leaf().getCommandSpec();
        if (!parsed.leaf().getSubcommands().isEmpty()) {
            return filled;
        }
        if (leaf.findOption("--key") != null && !Words.hasOption(filled, "--key")) {
            for (int position : parsed.positionals()) {
                String word = filled.get(position);
                if (word.contains("=") && !word.startsWith("{") && !word.startsWith("[") && !word.startsWith("@")) {
                    filled.add(position, "--key");
                    parsed = Parsed.of(filled, root);
                    break;
                }
            }
        }
        // a bare 'use' asks which table is in use: it must not be told
        boolean asksTable = leaf.userObject() instanceof UseCommand;
        if (table != null && !asksTable && takesTable(leaf) && leavesTableOut(leaf, filled, parsed.positionals())) {
            filled.add(parsed.positionals().isEmpty() ? parsed.leafEnd() : parsed.positionals().get(0), table);
        }
        return filled;
    }

    /** True when the command's first parameter names a table that exists. */
    static boolean takesTable(CommandSpec leaf) {
        List<PositionalParamSpec> positionals = leaf.positionalParameters();
        return !positionals.isEmpty() && TABLE_LABELS.contains(positionals.get(0).paramLabel())
                && !leaf.qualifiedName(" ").endsWith("table create");
    }

    private static boolean leavesTableOut(CommandSpec leaf, List<String> words, List<Integer> positionals) {
        if (positionals.isEmpty()) {
            return true;
        }
        int required = leaf.positionalParameters().stream().mapToInt(p -> p.arity().min()).sum();
        return !TABLE_NAME.matcher(words.get(positionals.get(0))).matches() || positionals.size() < required;
    }

    /**
     * The command the words name and where its positional words are, options and their values skipped.
     *
     * @param leafEnd the index after the last subcommand's name
     */
    private record Parsed(CommandLine leaf, int leafEnd, List<Integer> positionals) {
        static Parsed of(List<String> words, CommandLine root) {
            CommandLine current = root;
            int leafEnd = 0;
            List<Integer> positionals = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (word.startsWith("-") && word.length() > 1 && !word.equals("--")) {
                    OptionSpec option = current.getCommandSpec().findOption(word.split("=", 2)[0]);
                    if (option != null && !word.contains("=") && takesValue(option) && i + 1 < words.size()) {
                        i++;
                    }
                    continue;
                }
                CommandLine subcommand = positionals.isEmpty() ? current.getSubcommands().get(word) : null;
                if (subcommand != null) {
                    current = subcommand;
                    leafEnd = i + 1;
                } else {
                    positionals.add(i);
                }
            }
            return new Parsed(current, leafEnd, positionals);
        }

        private static boolean takesValue(OptionSpec option) {
            return option.arity().max() > 0 && !option.type().equals(boolean.class) && !option.type().equals(Boolean.class);
        }
    }
}
