package dev.dynctl.cli;

import static dev.dynctl.testing.Cli.cli;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** --help fits an 80-column terminal and teaches by example, on every command. */
class HelpTest {
    private static final int MAX = 78;
    @Test
    void everyCommandHasExamplesThatFitTheTerminal() {
        List<String> missing = new ArrayList<>();
        List<String> tooLong = new ArrayList<>();
        walk(new Dynctl().commandLine(), command -> {
            String name = command.getCommandSpec().qualifiedName();
            String heading = command.getCommandSpec().usageMessage().footerHeading();
            String[] footer = command.getCommandSpec().usageMessage().footer();
            if (!heading.contains("Examples:") || footer.length == 0) {
                missing.add(name);
            }
            // rendered as --help shows it (${…} interpolated, $$ unescaped), unwrapped
            command.setUsageHelpAutoWidth(false);
            command.setUsageHelpWidth(200);
            String rendered = command.getHelpFactory()
                    .create(command.getCommandSpec(), CommandLine.Help.defaultColorScheme(Ansi.OFF)).footer();
            rendered.lines().filter(line -> line.length() > MAX)
                    .forEach(line -> tooLong.add(name + ": " + line));
        });
        assertThat(missing).as("commands without an Examples footer").isEmpty();
        assertThat(tooLong).as("footer lines longer than %d columns", MAX).isEmpty();
    }

    @Test
    void everyCommandThatOffersVersionPrintsIt() {
        List<String> silent = new ArrayList<>();
        walk(new Dynctl().commandLine(), command -> {
            if (command.getCommandSpec().findOption("--version") != null) {
                List<String> words = new ArrayList<>(List.of(command.getCommandSpec().qualifiedName(" ").split(" ")));
                words.remove(0);
                words.add("--version");
                var r = cli().run(words.toArray(String[]::new));
                if (r.code() != 0 || !r.out().startsWith("dynctl ")) {
                    silent.add(String.join(" ", words) + " → exit " + r.code() + ": " + r.out());
                }
            }
        });
        assertThat(silent).as("commands whose --version does not print dynctl's").isEmpty();
    }

    @Test
    void subcommandHelpSumsUpTheGlobalOptionsInShortLines() {
        String help = cli().run("table", "list", "--help").out();

        assertThat(help).contains("[GLOBAL-OPTIONS]", "Global options: --profile");
        String global = help.substring(help.indexOf("Global options:"));
        global = global.substring(0, global.indexOf("\n\n"));
        assertThat(global.lines()).hasSize(2).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(MAX));
    }

    @Test
    void theSynopsisMarkerNeverSplits() {
        List<String> split = new ArrayList<>();
        walk(new Dynctl().commandLine(), command -> {
            for (int width = 55; width <= 100; width++) {
                command.setUsageHelpAutoWidth(false);
                command.setUsageHelpWidth(width);
                String synopsis = command.getHelpFactory()
                        .create(command.getCommandSpec(), CommandLine.Help.defaultColorScheme(Ansi.OFF)).synopsis(0);
                if (synopsis.replaceAll("\\s+", " ").contains("[GLOBAL ")) {
                    split.add(command.getCommandSpec().qualifiedName() + " at " + width + " columns");
                }
            }
        });
        assertThat(split).isEmpty();
    }

    @Test
    void zshExampleKeepsItsShellVariable() {
        assertThat(cli().run("completion", "--help").out()).contains("dynctl completion zsh > \"${fpath[1]}/_dynctl\"");
    }

    @Test
    void rootSaysWhatDynctlDoes() {
        assertThat(cli().run("--help").out())
                .contains("Create, query and operate Amazon DynamoDB tables and the APIs in front of them");
    }

    private static void walk(CommandLine command, java.util.function.Consumer<CommandLine> visit) {
        visit.accept(command);
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                walk(sub, visit);
            }
        });
    }
}
