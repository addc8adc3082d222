package dev.dynctl.model;

import java.util.List;
import java.util.Locale;

/** What a function may do with a table it declares: the words of {@code functions.F.tables.T}. */
public enum TableAccess {
    READ(List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan",
            "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable")),
    WRITE(List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
            "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable")),
    READ_WRITE(List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan",
            "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
            "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"));

    private final List<String> actions;

    TableAccess(List<String> actions) {
        this.actions = actions;
    }

    /** The IAM actions this access allows on the table and its indexes, sorted for a stable policy. */
    public List<String> actions() {
        return actions.stream().sorted().toList();
    }

    /** read, write, read-write. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The access a word names (read, write, read-write), if it names one. */
    public static java.util.Optional<TableAccess> ofLabel(String label) {
        return java.util.Arrays.stream(values()).filter(a -> a.label().equals(label)).findFirst();
    }

    public static List<String> labels() {
        return java.util.Arrays.stream(values()).map(TableAccess::label).toList();
    }
}
