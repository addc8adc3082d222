package dev.dynctl.deploy;

import java.util.Locale;

/** What a deploy does to one resource. */
public enum Action {
    CREATE("+"), UPDATE("~"), DELETE("-"), NONE(" ");

    private final String sign;

    Action(String sign) {
        this.sign = sign;
    }

    /** The one-character mark of a plan line: + ~ - or a space. */
    public String sign() {
        return sign;
    }

    /** create, update, delete, none. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
