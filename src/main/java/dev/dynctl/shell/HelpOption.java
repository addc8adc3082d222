package dev.dynctl.shell;

import picocli.CommandLine.Option;

/** -h/--help for the shell's own commands, which have no version of their own to show (-V). */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message.")
    boolean help;
}
