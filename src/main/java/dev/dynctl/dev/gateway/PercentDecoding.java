package dev.dynctl.dev.gateway;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** URL decoding as API Gateway does it for paths (%XX only) and query strings (%XX and '+'). */
final class PercentDecoding {
    private PercentDecoding() {
    }

    /** %XX escapes decoded as UTF-8; a malformed escape is kept as written rather than refused. */
    static String path(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length()) {
            if (raw.charAt(i) == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 3;
            } else {
                int end = raw.charAt(i) == '%' ? i + 1 : nextEscape(raw, i);
                bytes.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A query string's name or value: '+' is a space. */
    static String query(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return path(raw.replace('+', ' '));
        }
    }

    private static int nextEscape(String raw, int from) {
        int next = raw.indexOf('%', from);
        return next < 0 ? raw.length() : next;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
