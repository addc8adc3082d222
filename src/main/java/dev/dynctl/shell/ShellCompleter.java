package dev.dynctl.shell;

import dev.dynctl.dynamo.TableCatalog;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Tab in the shell. Command and option names come from picocli-shell-jline3 over the shell's
 * command tree, with their descriptions; beside them, the names only the target knows: tables
 * where a table is expected, a table's indexes after --index, its attribute names in keys and
 * expressions, and files after {@code @}. In a PartiQL statement: keywords, tables after
 * FROM/INTO/UPDATE and the statement's table's attributes.
 */
final class ShellCompleter implements Completer {
    private static final Set<String> TABLE_OPTIONS = Set.of("--table");
    private static final Set<String> INDEX_OPTIONS = Set.of("--index", "--remove-gsi");
    /** Options whose value is an expression, or attribute paths: attribute names complete inside them. */
    private static final Set<String> ATTRIBUTE_OPTIONS = Set.of("--filter", "--if", "--update", "--attrs", "--set", "--remove",
            "--add", "--delete", "--ttl");
    /** Parameters after the first that name a table that exists (table copy's). */
    private static final Set<String> TABLE_LABELS = Set.of("TABLE", "SRC", "DST");
    /** The shell's own words, which {@link Shell} reads before the command tree. */
    private static final Map<String, String> BUILTINS = Map.of("help", "How the shell works, or (help COMMAND) a command's help",
            "exit", "Leave the shell (Ctrl-D too)");
    /** Characters of a description in a list of suggestions. */
    private static final int MOST_DESCRIBED = 60;
    private static final Pattern PARENTHESES = Pattern.compile("\\s*\\([^()]*\\)");
    /** More files than a list of suggestions can show. */
    private static final int MOST_FILES = 500;

    private final CommandLine tree;
    private final Completer names;
    private final SessionCatalog catalog;
    private final Session session;

    /**
     * @param tree the shell's command tree
     * @param names completes command and option names over the same tree (picocli-shell-jline3's)
     */
    ShellCompleter(CommandLine tree, Completer names, SessionCatalog catalog, Session session) {
        this.tree = tree;
        this.names = names;
        this.catalog = catalog;
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        try {
            if (ShellSyntax.isPartiql(line.line())) {
                partiql(line, candidates);
            } else {
                command(reader, line, candidates);
            }
        } catch (RuntimeException e) {
            // completion helps with typing: a failure of its own must never reach the prompt
        }
    }

    private void command(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, line.wordCursor());
        CommandSpot spot = CommandSpot.of(tree, line.words().subList(0, line.wordIndex()));
        int equals = word.indexOf('=');
        if (spot.valueOf() != null) {
            value(spot, spot.valueOf(), "", word, candidates);
        } else if (word.startsWith("-") && equals > 0) {
            OptionSpec option = spot.command().getCommandSpec().findOption(word.substring(0, equals));
            if (option != null) {
                value(spot, option, word.substring(0, equals + 1), word.substring(equals + 1), candidates);
            }
        } else if (word.startsWith("-")) {
            names(reader, spot, word, candidates);
        } else if (word.startsWith("@")) {
            files("@", word.substring(1), candidates);
        } else if (!spot.command().getSubcommands().isEmpty() && spot.positionals() == 0) {
            names(reader, spot, word, candidates);
            if (spot.path().isEmpty()) {
                PartiqlWords.VERBS.forEach(verb -> candidates.add(candidate("", PartiqlWords.inCaseOf(word, verb), "PartiQL", true)));
                BUILTINS.forEach((builtin, description) -> candidates.add(new Candidate(builtin, builtin, null, description, null, null,
                        true)));
            }
        } else {
            parameter(spot, word, candidates);
        }
    }

    /**
     * Subcommand or option names, from picocli-shell-jline3's completer given only the words that
     * name the command (it reads every other word as one more subcommand), with their descriptions.
     */
    private void names(LineReader reader, CommandSpot spot, String word, List<Candidate> candidates) {
        List<String> words = new ArrayList<>(spot.path());
        words.add(word);
        List<Candidate> named = new ArrayList<>();
        names.complete(reader, new CommandWords(words), named);
        for (Candidate name : named) {
            candidates.add(new Candidate(name.value(), name.displ(), null, description(spot.command(), name.value()), null, null,
                    name.complete()));
        }
    }

    private static String description(CommandLine command, String name) {
        String[] lines;
        if (name.startsWith("-")) {
            OptionSpec option = command.getCommandSpec().findOption(name.endsWith("=") ? name.substring(0, name.length() - 1) : name);
            lines = option == null ? new String[0] : option.description();
        } else {
            CommandLine subcommand = command.getSubcommands().get(name);
            lines = subcommand == null ? new String[0] : subcommand.getCommandSpec().usageMessage().description();
        }
        return lines.length == 0 ? null : gist(lines[0]);
    }

    /** A description's first clause without its asides, short enough to sit beside its name in a list. */
    private static String gist(String description) {
        String gist = PARENTHESES.matcher(description).replaceAll("").split(":|;|\\. |\\.$", 2)[0].strip();
        if (gist.length() <= MOST_DESCRIBED) {
            return gist;
        }
        int space = gist.lastIndexOf(' ', MOST_DESCRIBED - 1);
        return gist.substring(0, space > 0 ? space : MOST_DESCRIBED - 1) + "…";
    }

    /** The value of {@code option}: {@code head} is what comes before it in the word (--index=). */
    private void value(CommandSpot spot, OptionSpec option, String head, String typed, List<Candidate> candidates) {
        String name = option.longestName();
        String table = spot.table(session.table());
        if (TABLE_OPTIONS.contains(name)) {
            tables(head, candidates);
        } else if (INDEX_OPTIONS.contains(name) && table != null) {
            catalog().indexes(table).forEach(index -> candidates.add(candidate(head, index, "indexes", true)));
        } else if (name.equals("--key") && table != null) {
            keys(head, typed, table, spot.value("--index"), candidates);
        } else if (ATTRIBUTE_OPTIONS.contains(name) && table != null) {
            attributesIn(head, typed, table, candidates);
        } else if (option.completionCandidates() != null) {
            option.completionCandidates().forEach(value -> candidates.add(candidate(head, value, null, true)));
        } else if (isFile(option.type())) {
            files(head, typed, candidates);
        }
    }

    /**
     * A parameter: a table, a bare key (get id=u1: after the table, or first when a table is in
     * use), a listed value or a file.
     */
    private void parameter(CommandSpot spot, String word, List<Candidate> candidates) {
        PositionalParamSpec parameter = spot.positional();
        String inUse = session.table();
        if (spot.positionals() == 0 && spot.takesTable() && (inUse == null || !spot.wantsKey())) {
            tables("", candidates);
        } else if (parameter != null && spot.positionals() > 0 && TABLE_LABELS.contains(parameter.paramLabel())) {
            tables("", candidates);
        } else if (spot.wantsKey()) {
            String table = spot.table(inUse);
            if (table != null) {
                keys("", word, table, spot.value("--index"), candidates);
            }
        } else if (parameter != null && parameter.completionCandidates() != null) {
            parameter.completionCandidates().forEach(value -> candidates.add(candidate("", value, null, true)));
        } else if (parameter != null && isFile(parameter.type())) {
            files("", word, candidates);
        }
    }

    private void tables(String head, List<Candidate> candidates) {
        catalog().tables().forEach(table -> candidates.add(candidate(head, table, "tables", true)));
    }

    /** The key attributes not yet typed, as NAME= after the pairs that are (id=u1,sk=…); the partition key first. */
    private void keys(String head, String typed, String table, String index, List<Candidate> candidates) {
        String done = typed.substring(0, typed.lastIndexOf(',') + 1);
        if (typed.substring(done.length()).contains("=")) {
            return;
        }
        List<String> keys = catalog().keyAttributes(table, index);
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            if (!("," + done).contains("," + key + "=")) {
                candidates.add(new Candidate(head + done + key + "=", key + "=", "keys", null, null, null, false, i));
            }
        }
    }

    /** Attribute names where the expression typed so far ends in a name (not in a quoted value, not after a dot). */
    private void attributesIn(String head, String typed, String table, List<Candidate> candidates) {
        int start = typed.length();
        while (start > 0 && (Character.isLetterOrDigit(typed.charAt(start - 1)) || typed.charAt(start - 1) == '_')) {
            start--;
        }
        String before = typed.substring(0, start);
        if (before.endsWith(".") || before.chars().filter(c -> c == '"').count() % 2 == 1
                || before.chars().filter(c -> c == '\'').count() % 2 == 1) {
            return;
        }
        // the expression goes on after the name: no space, and an open quote stays open
        catalog().attributes(table).forEach(name -> candidates.add(new Candidate(head + before + name, name, "attributes", null, null,
                null, false)));
    }

    private void partiql(ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, line.wordCursor());
        int rawCursor = line instanceof CompletingParsedLine raw ? raw.rawWordCursor() : line.wordCursor();
        String before = line.line().substring(0, line.cursor() - rawCursor);
        if (PartiqlWords.wantsTable(before)) {
            tables("", candidates);
            return;
        }
        PartiqlWords.KEYWORDS.forEach(keyword -> candidates.add(candidate("", PartiqlWords.inCaseOf(word, keyword), "keywords", true)));
        PartiqlWords.FUNCTIONS.forEach(function -> candidates.add(candidate("", function, "functions", false)));
        String table = PartiqlWords.table(line.line()).orElse(session.table());
        if (table != null) {
            catalog().attributes(table).forEach(name -> candidates.add(candidate("", name, "attributes", true)));
        }
    }

    /** Files and folders for the path typed so far; a folder ends in / and goes on. */
    private static void files(String head, String typed, List<Candidate> candidates) {
        String folder = typed.substring(0, typed.lastIndexOf('/') + 1);
        String start = typed.substring(folder.length());
        int found = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of(".").resolve(folder.isEmpty() ? "." : folder))) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(start) || (name.startsWith(".") && !start.startsWith(".")) || found++ >= MOST_FILES) {
                    continue;
                }
                String shown = Files.isDirectory(entry) ? name + "/" : name;
                candidates.add(new Candidate(head + folder + shown, shown, null, null, null, null, !shown.endsWith("/")));
            }
        } catch (IOException | RuntimeException e) {
            // a folder that cannot be read has nothing to suggest
        }
    }

    private static boolean isFile(Class<?> type) {
        return Path.class.isAssignableFrom(type) || File.class.equals(type);
    }

    private static Candidate candidate(String head, String value, String group, boolean complete) {
        return new Candidate(head + value, value, group, null, null, null, complete);
    }

    private TableCatalog catalog() {
        return catalog.current();
    }

    /** The words that name a command and the word being typed, as picocli-shell-jline3's completer reads a line. */
    private record CommandWords(List<String> words) implements ParsedLine {
        @Override
        public String word() {
            return words.get(words.size() - 1);
        }

        @Override
        public int wordCursor() {
            return word().length();
        }

        @Override
        public int wordIndex() {
            return words.size() - 1;
        }

        @Override
        public String line() {
            return String.join(" ", words);
        }

        @Override
        public int cursor() {
            return line().length();
        }
    }
}
