package dev.dynctl.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Where a word being typed stands in a command, read from the words before it with the command
 * tree: which command they name, whether the word is an option's value, or which parameter it is.
 *
 * @param command the command the words name (the root when they name none)
 * @param path the names of the subcommands from the root to {@code command}
 * @param valueOf the option whose value the word is, or null
 * @param parameters the parameters before the word (words that are neither commands, options nor their values)
 * @param parameterAt where each of them is among the words
 * @param commandEnd where the words after the command's name begin
 * @param values the options given before the word, by each of their names, with their last values
 */
record CommandSpot(CommandLine command, List<String> path, OptionSpec valueOf, List<String> parameters, List<Integer> parameterAt,
                   int commandEnd, Map<String, String> values) {

    /** @param before the words before the one being typed (or a whole statement's words), quotes removed */
    static CommandSpot of(CommandLine root, List<String> before) {
        CommandLine current = root;
        List<String> path = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        List<String> parameters = new ArrayList<>();
        List<Integer> parameterAt = new ArrayList<>();
        int commandEnd = 0;
        for (int i = 0; i < before.size(); i++) {
            String word = before.get(i);
            if (word.startsWith("-") && word.length() > 1 && !word.equals("--")) {
                String[] nameAndValue = word.split("=", 2);
                OptionSpec option = current.getCommandSpec().findOption(nameAndValue[0]);
                if (option == null) {
                    continue;
                }
                String value = nameAndValue.length > 1 ? nameAndValue[1] : null;
                if (value == null && takesValue(option)) {
                    if (i + 1 == before.size()) {
                        return new CommandSpot(current, path, option, parameters, parameterAt, commandEnd, values);
                    }
                    value = before.get(++i);
                }
                for (String name : option.names()) {
                    values.put(name, value == null ? "" : value);
                }
                continue;
            }
            CommandLine subcommand = parameters.isEmpty() ? current.getSubcommands().get(word) : null;
            if (subcommand != null) {
                current = subcommand;
                path.add(word);
                commandEnd = i + 1;
            } else {
                parameters.add(word);
                parameterAt.add(i);
            }
        }
        return new CommandSpot(current, path, null, parameters, parameterAt, commandEnd, values);
    }

    /** How many parameters come before the word. */
    int positionals() {
        return parameters.size();
    }

    static boolean takesValue(OptionSpec option) {
        return option.arity().max() > 0 && !option.type().equals(boolean.class) && !option.type().equals(Boolean.class);
    }

    /** The parameter the word being typed would be, or null when the command takes no more. */
    PositionalParamSpec positional() {
        for (PositionalParamSpec parameter : command.getCommandSpec().positionalParameters()) {
            if (parameter.index().contains(positionals())) {
                return parameter;
            }
        }
        return null;
    }

    /** True when the command's first parameter names a table that exists (get, query, describe, use …). */
    boolean takesTable() {
        return path.size() > 0 && ContextArguments.takesTable(command.getCommandSpec());
    }

    /**
     * The table the words are about: the one they name as the command's first parameter, else the
     * table in use (null when neither).
     */
    String table(String inUse) {
        if (takesTable() && !parameters.isEmpty() && ContextArguments.TABLE_NAME.matcher(parameters.get(0)).matches()) {
            return parameters.get(0);
        }
        return inUse;
    }

    /** The value given to the option, or null. */
    String value(String option) {
        return values.get(option);
    }

    boolean has(String option) {
        return values.containsKey(option);
    }

    /** True when the command reads an item by a key the words have not given yet (get, delete, query …). */
    boolean wantsKey() {
        return command.getCommandSpec().findOption("--key") != null && !has("--key");
    }
}
