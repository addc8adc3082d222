package dev.dynctl.shell;

import dev.dynctl.dynamo.TableCatalog;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The table catalog of the target the session's statements go to. {@code connect} makes a new
 * one, so that the old target's names are not suggested for the new one; each starts reading the
 * target's tables at once, so that the first Tab finds them (and the target's client) ready.
 */
final class SessionCatalog {
    /** Long enough for one burst of Tabs, short enough that a table just made soon appears. */
    static final Duration FRESH = Duration.ofSeconds(10);
    /** How long a Tab may wait for the engine before it shows what it has. */
    static final Duration PATIENCE = Duration.ofSeconds(2);

    private final Session session;
    private final Supplier<DynamoDbClient> client;
    private Connection connection;
    private TableCatalog catalog;

    /** @param client the client of the session's current target */
    SessionCatalog(Session session, Supplier<DynamoDbClient> client) {
        this.session = session;
        this.client = client;
    }

    synchronized TableCatalog current() {
        Connection now = session.connection();
        if (!now.equals(connection)) {
            if (catalog != null) {
                catalog.close();
            }
            catalog = new TableCatalog(client, FRESH, PATIENCE);
            catalog.prefetch();
            connection = now;
        }
        return catalog;
    }
}
