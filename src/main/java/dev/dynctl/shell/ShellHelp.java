package dev.dynctl.shell;

import java.util.Set;

/** The shell's own words, read before the command tree, and what 'help' prints. */
final class ShellHelp {
    /** Words that leave the shell. */
    static final Set<String> EXIT = Set.of("exit", "quit", "\\q");
    /** Words that print this help, or with a command its --help. */
    static final Set<String> HELP = Set.of("help", "?");

    /** True for a word the shell reads itself rather than the command tree. */
    static boolean isShellWord(String word) {
        return EXIT.contains(word) || HELP.contains(word);
    }

    static final String OVERVIEW = """
            Type a dynctl command without 'dynctl', or a PartiQL statement ending in ';'.

              table, item, sql, schema, backup, local   the CLI's commands (help COMMAND for each)
              SELECT|INSERT|UPDATE|DELETE|EXISTS …;    PartiQL, over several lines until ';'

            With a table in use ('use users'), these need no table name:
              get id=u1 · put {"id": "u2"} · update id=u1 --update 'SET n = n + 1'
              delete id=u1 · query id=u1 --sk 'begins_with 2024' · scan --limit 10
              describe · export --to users.jsonl · import --from users.jsonl · backup create

            Shell commands:
              use TABLE | use --none              pick the table in use
              connect --local | --endpoint-url URL | --profile P --region R
              output FORMAT                       table, json, jsonl, yaml, csv, text, ddb-json
              timing on|off                       latency and consumed capacity after each statement
              pager on|off                        a page at a time on a terminal (--all: no pauses)
              explain STATEMENT                   the requests a statement would send, not sent
              tables                              the tables here
              help [COMMAND] · exit (or Ctrl-D)

            Ctrl-C stops the running statement (a bulk job keeps its resume point); Ctrl-R searches history.
            """;

    private ShellHelp() {
    }
}
