package dev.dynctl.dev.gateway;

import java.util.Locale;

/**
 * Which request bodies an HTTP API hands a function as text and which as base64: text, JSON, XML
 * and JavaScript media types are text; anything else (a form, an image, a body with no
 * Content-Type) is base64 with {@code isBase64Encoded: true}.
 */
final class BodyEncoding {
    private BodyEncoding() {
    }

    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript");
    }
}
