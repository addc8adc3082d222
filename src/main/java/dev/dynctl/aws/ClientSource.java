package dev.dynctl.aws;

import java.io.PrintWriter;

/** Where a shell statement's commands get their clients: the session's, lent to that one statement. */
@FunctionalInterface
public interface ClientSource {
    /** The clients for {@code target}; {@code requestLog} as for {@link Clients}. Not closed by the command. */
    Clients clients(Target target, PrintWriter requestLog);
}
