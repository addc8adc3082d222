package dev.dynctl.dev.gateway;

/** One header line, its name as the client (or the function) wrote it. */
record Header(String name, String value) {
    boolean named(String other) {
        return name.equalsIgnoreCase(other);
    }
}
