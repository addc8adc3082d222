package dev.dynctl.cli;

import dev.dynctl.aws.ClientSource;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * What a shell session lends each command it runs: AWS clients kept between statements (with the
 * session's interceptors on them), what Ctrl-C does, and the shell's own commands beside the CLI's.
 * A plain command line has none of these.
 *
 * @param clients the session's clients, lent to this statement; null to build clients for the one run and close them after
 * @param commands adds subcommands to the root before it is configured (the shell's shortcuts and commands)
 */
public record SessionHooks(ClientSource clients, Interrupts interrupts, Consumer<CommandLine> commands) {
    /** One process, one command: fresh clients, the process's SIGINT, the CLI's commands. */
    public static final SessionHooks NONE = new SessionHooks(null, Interrupts.SIGNAL, root -> { });
}
