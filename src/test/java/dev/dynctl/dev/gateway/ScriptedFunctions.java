package dev.dynctl.dev.gateway;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dynctl.dev.LocalFunctions;
import dev.dynctl.dev.LocalInvocation;
import dev.dynctl.error.DynctlException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Functions as plain Java: each is a function of the event JSON to an invocation's outcome, and
 * every event it received is kept for the test to look at. Stands in for the function host, which
 * the gateway only knows as {@link LocalFunctions}.
 */
final class ScriptedFunctions implements LocalFunctions {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Function<JsonNode, LocalInvocation>> functions = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<JsonNode>> events = new ConcurrentHashMap<>();

    /** {@code function} answers what {@code answer} returns, written as JSON (a String is a JSON string). */
    ScriptedFunctions answer(String function, Function<JsonNode, Object> answer) {
        return script(function, event -> ok(answer.apply(event)));
    }

    ScriptedFunctions script(String function, Function<JsonNode, LocalInvocation> outcome) {
        functions.put(function, outcome);
        return this;
    }

    static LocalInvocation ok(Object answer) {
        try {
            return raw(JSON.writeValueAsString(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An answer of exactly these bytes. */
    static LocalInvocation raw(String payload) {
        return new LocalInvocation(payload.getBytes(StandardCharsets.UTF_8), null, null, Duration.ofMillis(1), false);
    }

    static LocalInvocation failed(String type, String message) {
        String payload = "{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + type + "\",\"stackTrace\":[]}";
        return new LocalInvocation(payload.getBytes(StandardCharsets.UTF_8), type, message, Duration.ofMillis(1), false);
    }

    @Override
    public LocalInvocation invoke(String function, byte[] event) {
        Function<JsonNode, LocalInvocation> outcome = functions.get(function);
        if (outcome == null) {
            throw DynctlException.notFound("The project has no function " + function + ".", null);
        }
        JsonNode received;
        try {
            received = JSON.readTree(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.computeIfAbsent(function, f -> new LinkedBlockingQueue<>()).add(received);
        return outcome.apply(received);
    }

    /** The next event {@code function} received, waiting for it a few seconds. */
    JsonNode nextEvent(String function) throws InterruptedException {
        return nextEvent(function, event -> true);
    }

    /** The next event of {@code function} that {@code wanted} accepts, passing over others (late ones of earlier tests). */
    JsonNode nextEvent(String function, Predicate<JsonNode> wanted) throws InterruptedException {
        BlockingQueue<JsonNode> received = events.computeIfAbsent(function, f -> new LinkedBlockingQueue<>());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode event = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event != null && wanted.test(event)) {
                return event;
            }
        }
        return fail(function + " received no such event");
    }

    /** Whether an event is for this WebSocket connection. */
    static Predicate<JsonNode> connection(String connectionId) {
        return event -> event.path("requestContext").path("connectionId").asText().equals(connectionId);
    }

    /** Forgets the events received so far. */
    void clearEvents() {
        events.values().forEach(BlockingQueue::clear);
    }
}
