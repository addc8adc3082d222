package dev.dynctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * docs/commands.md is every command's --help, in tree order. This test fails when they drift;
 * run it with -Ddynctl.updateDocs=true (scripts/generate.sh does) to rewrite the page.
 */
class CommandReferenceTest {
    private static final Path PAGE = Path.of("docs", "commands.md");

    @Test
    void referencePageMatchesTheHelp() throws Exception {
        StringBuilder page = new StringBuilder("# Command reference\n\n"
                + "Generated from `--help` (do not edit by hand: `scripts/generate.sh` rewrites it).\n"
                + "Global options (`--profile`, `--region`, `--endpoint-url`, `--local`, `--project`, `-o`,\n"
                + "`--query`, `--no-color`, `--debug`, `-y`, `--no-input`) work on every command.\n");
        CommandLine root = new Dynctl().commandLine();
        root.setUsageHelpWidth(100);
        append(page, root);
        if (Boolean.getBoolean("dynctl.updateDocs")) {
            Files.writeString(PAGE, page.toString());
        }
        assertThat(Files.readString(PAGE)).as("docs/commands.md is out of date: run scripts/generate.sh").isEqualTo(page.toString());
    }

    private static void append(StringBuilder page, CommandLine command) {
        page.append("\n## ").append(command.getCommandSpec().qualifiedName()).append("\n\n```\n")
                .append(command.getUsageMessage(Ansi.OFF).stripTrailing()).append("\n```\n");
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName())) {
                sub.setUsageHelpWidth(100);
                append(page, sub);
            }
        });
    }
}
