package dev.dynctl.dev.host;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** An X-Ray trace header as Lambda hands one to each invocation (Root=1-time-random;Parent=…;Sampled=0). */
final class TraceId {
    private TraceId() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        byte[] root = new byte[12];
        byte[] parent = new byte[8];
        random.nextBytes(root);
        random.nextBytes(parent);
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + hex.formatHex(root)
                + ";Parent=" + hex.formatHex(parent) + ";Sampled=0";
    }
}
