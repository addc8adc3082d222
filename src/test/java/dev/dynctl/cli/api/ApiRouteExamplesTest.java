package dev.dynctl.cli.api;

import static dev.dynctl.cli.api.ApiFixtures.json;
import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynctl.testing.Cli.Result;
import dev.dynctl.testing.Engine;
import dev.dynctl.testing.ShellWords;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The route examples of --help, followed as written after the setup docs/apis.md gives (shop an
 * HTTP API, orders a REST API, chat a WebSocket API), succeed. Names are made unique for the shared
 * engine; the shell variables the examples use are set.
 */
class ApiRouteExamplesTest {
    private static final Map<String, String> VARIABLES = Map.of(
            "$POOL_ARN", "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123",
            "$APP_CLIENT_ID", "1example23456789");

    @Test
    void theRouteExamplesWorkWhenFollowed() {
        for (String[] command : List.of(new String[] {"api", "route", "add"}, new String[] {"api", "route"})) {
            Map<String, String> names = new HashMap<>();
            for (String api : List.of("shop", "orders", "chat")) {
                names.put(api, Engine.uniqueName(api));
            }
            json(cli().aws("api", "create", names.get("shop"), "--type", "http"));
            json(cli().aws("api", "create", names.get("orders"), "--type", "rest"));
            json(cli().aws("api", "create", names.get("chat"), "--type", "websocket"));

            List<List<String>> examples = examples(cli().run(append(command, "--help")).out());
            assertThat(examples).as("examples of " + String.join(" ", command)).isNotEmpty();
            for (List<String> example : examples) {
                List<String> args = new ArrayList<>();
                for (int i = 0; i < example.size(); i++) {
                    String arg = example.get(i);
                    boolean function = i > 0 && example.get(i - 1).equals("--function");
                    if (function && !names.containsKey(arg)) {
                        names.put(arg, Engine.uniqueName(arg));
                        Engine.function(names.get(arg));
                    }
                    args.add(i == 3 || function ? names.getOrDefault(arg, arg) : arg);
                }
                Result r = cli().aws(args.toArray(String[]::new));
                assertThat(r.code()).as("dynctl " + String.join(" ", example) + "\n" + r).isZero();
            }
        }
    }

    /** Each "dynctl …" example as its arguments (after "dynctl"), continuation lines joined, comments dropped. */
    private static List<List<String>> examples(String help) {
        String section = help.substring(help.indexOf("Examples:") + "Examples:".length());
        List<List<String>> examples = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String text : section.lines().map(String::strip).toList()) {
            if (text.endsWith("\\")) {
                line.append(text, 0, text.length() - 1).append(' ');
                continue;
            }
            line.append(text);
            List<String> words = words(line.toString());
            line.setLength(0);
            if (!words.isEmpty() && words.get(0).equals("dynctl")) {
                examples.add(words.subList(1, words.size()));
            }
        }
        return examples;
    }

    /** The line's shell words, with the example's variables set. */
    private static List<String> words(String line) {
        String set = line;
        for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
            set = set.replace(variable.getKey(), variable.getValue());
        }
        return ShellWords.split(set);
    }

    private static String[] append(String[] command, String arg) {
        String[] all = java.util.Arrays.copyOf(command, command.length + 1);
        all[command.length] = arg;
        return all;
    }
}
