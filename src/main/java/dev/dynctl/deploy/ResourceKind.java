package dev.dynctl.deploy;

import java.util.Locale;

/** The sorts of resource a deploy manages, in the order they are created. */
public enum ResourceKind {
    ROLE, TABLE, FUNCTION, API, ROUTE, DEPLOYMENT, STAGE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
