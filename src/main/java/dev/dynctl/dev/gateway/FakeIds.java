package dev.dynctl.dev.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * The ids API Gateway puts in its events, made up locally in the shapes AWS uses, so code that
 * parses or stores them works unchanged.
 */
final class FakeIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private FakeIds() {
    }

    /** Ten lower-case letters and digits like a real API id, the same for the same API every run. */
    static String apiId(String apiName) {
        byte[] digest = sha256(apiName);
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
        }
        return id.toString();
    }

    /** A REST API's request id: a UUID. */
    static String uuid() {
        return UUID.randomUUID().toString();
    }

    /**
     * HTTP and WebSocket APIs' request, message and connection ids: 16 characters of base64 ending
     * in '=' ("L0SM9cOFvHcCIhw="), which must be URL-encoded in an {@code @connections} path.
     */
    static String shortId() {
        byte[] bytes = new byte[11];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).replace('/', '_').replace('+', '-');
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
