package dev.dynctl.dynamo;

import dev.dynctl.dynamo.PartiqlScanner.Kind;
import dev.dynctl.dynamo.PartiqlScanner.Token;
import dev.dynctl.error.DynctlException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One PartiQL statement with its parameters, and what dynctl reads from its text before sending
 * it: the verb, the table (for the missing-table message and the key columns), the number of
 * {@code ?} placeholders, and whether it returns items (a SELECT, or a write with RETURNING).
 */
public final class PartiqlStatement {
    private static final Set<String> RUNNABLE = Set.of("SELECT", "INSERT", "UPDATE", "DELETE");

    private final String text;
    private final int line;
    private final List<AttributeValue> parameters;
    private final String verb;
    private final int placeholders;
    private final boolean returning;
    private final String table;
    private final String index;
    private final boolean exists;

    private PartiqlStatement(String text, int line, List<AttributeValue> parameters, List<Token> tokens, boolean exists) {
        this.exists = exists;
        this.text = text;
        this.line = line;
        this.parameters = List.copyOf(parameters);
        this.verb = tokens.get(0).text().toUpperCase(Locale.ROOT);
        this.placeholders = (int) tokens.stream().filter(t -> t.kind() == Kind.PLACEHOLDER).count();
        this.returning = tokens.stream().anyMatch(t -> t.isWord("RETURNING"));
        List<String> target = target(verb, tokens);
        this.table = target.isEmpty() ? null : target.get(0);
        this.index = target.size() > 1 ? target.get(1) : null;
    }

    /**
     * The one statement of {@code text} (a trailing {@code ;} and comments are fine) with its
     * parameters; several statements, none, a verb DynamoDB does not run, or a number of
     * parameters other than the placeholders are usage errors.
     */
    public static PartiqlStatement of(String text, List<AttributeValue> parameters) {
        List<PartiqlScanner.Piece> pieces = PartiqlScanner.split(text);
        if (pieces.isEmpty()) {
            throw DynctlException.usage("The statement is empty.", "For example: dynctl sql \"SELECT * FROM users WHERE id = ?\" --param u1");
        }
        if (pieces.size() > 1) {
            throw DynctlException.usage("The text holds " + pieces.size() + " statements; sql runs one at a time.",
                    "Put them in a file and run it with --file, as one BatchExecuteStatement.");
        }
        PartiqlStatement statement = parsed(pieces.get(0), parameters);
        if (statement.placeholders() != parameters.size()) {
            String given = switch (parameters.size()) {
                case 0 -> "no --param was given";
                case 1 -> "1 --param value was given";
                default -> parameters.size() + " --param values were given";
            };
            throw DynctlException.usage("The statement has " + placeholders(statement.placeholders()) + ", but " + given + ".",
                    "Give one --param per ?, in order.");
        }
        return statement;
    }

    /** A statement of a file, already split off; the caller checks the parameters against the placeholders. */
    static PartiqlStatement parsed(PartiqlScanner.Piece piece, List<AttributeValue> parameters) {
        List<Token> tokens = PartiqlScanner.tokens(piece.text());
        Token first = tokens.get(0);
        if (first.isWord("EXISTS")) {
            return exists(piece, parameters, tokens);
        }
        if (first.kind() != Kind.WORD || !RUNNABLE.contains(first.text().toUpperCase(Locale.ROOT))) {
            throw DynctlException.usage("A statement starts with SELECT, INSERT, UPDATE or DELETE, not '" + first.text() + "'.",
                    "See the statements DynamoDB runs: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.statements.html");
        }
        return new PartiqlStatement(piece.text(), piece.line(), parameters, tokens, false);
    }

    /**
     * EXISTS(SELECT …): DynamoDB takes it only inside a transaction, as a condition; on its own it
     * asks whether the SELECT finds an item, which the SELECT itself answers.
     */
    private static PartiqlStatement exists(PartiqlScanner.Piece piece, List<AttributeValue> parameters, List<Token> tokens) {
        Token last = tokens.get(tokens.size() - 1);
        if (tokens.size() < 4 || !tokens.get(1).text().equals("(") || !last.text().equals(")") || !tokens.get(2).isWord("SELECT")) {
            throw DynctlException.usage("EXISTS takes a SELECT in parentheses: EXISTS(SELECT * FROM users WHERE id = 'u1').");
        }
        String select = piece.text().substring(tokens.get(1).end(), last.start());
        List<Token> inner = PartiqlScanner.tokens(select);
        return new PartiqlStatement(select.strip(), piece.line(), parameters, inner, true);
    }

    /** "1 ? placeholder", "2 ? placeholders". */
    static String placeholders(int count) {
        return count + " ? placeholder" + (count == 1 ? "" : "s");
    }

    /**
     * The table (and index) a statement names: SELECT … FROM t[.index], INSERT INTO t, UPDATE t,
     * DELETE FROM t. Empty when the text does not follow that shape; DynamoDB then says what is wrong.
     */
    private static List<String> target(String verb, List<Token> tokens) {
        int at = switch (verb) {
            case "UPDATE" -> 1;
            case "INSERT" -> after(tokens, "INTO");
            default -> after(tokens, "FROM");
        };
        if (at < 0 || at >= tokens.size() || !tokens.get(at).isName()) {
            return List.of();
        }
        boolean dotted = at + 2 < tokens.size() && tokens.get(at + 1).text().equals(".")
                && tokens.get(at + 1).kind() == Kind.SYMBOL && tokens.get(at + 2).isName();
        return dotted ? List.of(tokens.get(at).text(), tokens.get(at + 2).text()) : List.of(tokens.get(at).text());
    }

    private static int after(List<Token> tokens, String word) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isWord(word)) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The text sent to DynamoDB: the statement without comments or the trailing {@code ;}. */
    public String text() {
        return text;
    }

    /** The line of its file the statement starts on (1 for a statement given as an argument). */
    public int line() {
        return line;
    }

    public List<AttributeValue> parameters() {
        return parameters;
    }

    /** SELECT, INSERT, UPDATE or DELETE. */
    public String verb() {
        return verb;
    }

    public int placeholders() {
        return placeholders;
    }

    /** True for EXISTS(SELECT …): the answer is whether the SELECT (this statement's text) finds an item. */
    public boolean isExists() {
        return exists;
    }

    public boolean isRead() {
        return verb.equals("SELECT");
    }

    /** True for a SELECT, and for a write with RETURNING: DynamoDB answers with items. */
    public boolean returnsItems() {
        return !exists && (isRead() || returning);
    }

    public Optional<String> table() {
        return Optional.ofNullable(table);
    }

    /** The index a SELECT reads ({@code FROM "t"."index"}). */
    public Optional<String> index() {
        return Optional.ofNullable(index);
    }

    /** The first line of the text, for messages about the statement. */
    public String firstLine() {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    /** "INSERT INTO users", "UPDATE users", "DELETE FROM users", for the line that confirms a write. */
    public String summary() {
        String name = table == null ? "" : " " + table;
        return switch (verb) {
            case "INSERT" -> "INSERT INTO" + name;
            case "DELETE" -> "DELETE FROM" + name;
            default -> verb + name;
        };
    }
}
