package dev.dynctl.cli;

import dev.dynctl.aws.ClientPool;

/**
 * What a shell session lends each command it runs: AWS clients kept between statements (with the
 * session's interceptors on them), and what Ctrl-C does. A plain command line has neither.
 *
 * @param clients the session's clients; null to build clients for the one run and close them after
 */
public record SessionHooks(ClientPool clients, Interrupts interrupts) {
    /** One process, one command: fresh clients, the process's SIGINT. */
    public static final SessionHooks NONE = new SessionHooks(null, Interrupts.SIGNAL);
}
