package dev.switchboard.it.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.CloseStatus;
import dev.switchboard.it.clients.WsClient;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Typed messages on any host, through the contract app's {@code TypedRoutes}: records in and out with each JSON
 * codec (Jackson 2 and 3, JSON-B), as text and as binary; a {@code List<T>} parameter with a {@code CompletionStage} reply;
 * {@code writeObject} and {@code broadcastObject}; messages that do not decode, answered by {@code @OnError} with
 * the session left open, or closing a route without {@code @OnError} with 1007 while its other sessions go on.
 */
public interface TypedMessagesContract {

    /** An order with what codecs must carry: nested records, a list, a map, java.time values, an enum, a null. */
    String ORDER = """
            {"id":"o-1","status":"PAID","items":[{"name":"tea","quantity":2},{"name":"scone","quantity":3}],\
            "tags":{"gift":1,"rush":0},"placed":"2026-12-05T10:15:30Z","due":"2026-12-24","note":null}""";

    ObjectMapper JSON = new ObjectMapper();

    /**
     * A URI of the contract app.
     *
     * @param pathAndQuery the path and query after the app's root
     * @return the URI
     */
    URI appUri(String pathAndQuery);

    private static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static String nextText(WsClient client, int index) {
        eventually().until(() -> client.texts.size() > index || client.closed());
        assertTrue(client.texts.size() > index, "closed with " + client.closeCode.getNow(null) + " instead of replying");
        return client.texts.get(index);
    }

    private void recordsRoundTrip(String route) {
        try (WsClient client = WsClient.connect(appUri(route))) {
            client.sendText(ORDER);
            String reply = nextText(client, 0);
            assertEquals(tree(ORDER), tree(reply), reply);
            // On the wire as users expect: ISO-8601 strings, enums by name, nulls written.
            assertTrue(reply.contains("\"placed\":\"2026-12-05T10:15:30Z\""), reply);
            assertTrue(reply.contains("\"due\":\"2026-12-24\""), reply);
            assertTrue(reply.contains("\"status\":\"PAID\""), reply);
            assertTrue(reply.contains("\"note\":null"), reply);

            client.sendBinary(ORDER.getBytes(StandardCharsets.UTF_8));
            eventually().until(() -> client.binaries.size() == 1);
            ByteBuffer binary = client.binaries.get(0);
            assertEquals(tree(ORDER), tree(StandardCharsets.UTF_8.decode(binary).toString()),
                    "an @OnBinary handler's reply comes back binary");
        }
    }

    @Test
    default void recordsRoundTripThroughJackson() {
        recordsRoundTrip("/typed/jackson");
    }

    /**
     * Whether the host lets the contract app's Jackson 3 work: a container that gives an application its own older
     * Jackson classes first does not.
     *
     * @return {@code true} unless the host says otherwise
     */
    default boolean servesJackson3() {
        return true;
    }

    @Test
    default void recordsRoundTripThroughJackson3() {
        Assumptions.assumeTrue(servesJackson3(), "this container puts its own older jackson-annotations first");
        recordsRoundTrip("/typed/jackson3");
    }

    @Test
    default void recordsRoundTripThroughJsonb() {
        recordsRoundTrip("/typed/jsonb");
    }

    @Test
    default void aListParameterGetsItsReplyWhenTheStageCompletes() {
        try (WsClient client = WsClient.connect(appUri("/typed/total"))) {
            client.sendText("[{\"name\":\"tea\",\"quantity\":2},{\"name\":\"scone\",\"quantity\":3}]");
            assertEquals(tree("{\"lines\":2,\"quantity\":5}"), tree(nextText(client, 0)));
            client.sendText("[]");
            assertEquals(tree("{\"lines\":0,\"quantity\":0}"), tree(nextText(client, 1)));
        }
    }

    @Test
    default void writeObjectAndBroadcastObjectSendEncodedObjects() {
        try (WsClient ann = WsClient.connect(appUri("/typed/room"));
             WsClient bob = WsClient.connect(appUri("/typed/room"))) {
            String annId = tree(nextText(ann, 0)).get("session").asText();
            String bobId = tree(nextText(bob, 0)).get("session").asText();
            assertEquals(22, annId.length(), "the welcome carries the session's id: " + annId);
            assertFalse(annId.equals(bobId));

            ann.sendText("{\"name\":\"tea\",\"quantity\":2}");
            assertEquals(tree("{\"name\":\"tea\",\"quantity\":2}"), tree(nextText(bob, 1)));
            bob.sendText("{\"name\":\"scone\",\"quantity\":1}");
            assertEquals(tree("{\"name\":\"scone\",\"quantity\":1}"), tree(nextText(ann, 1)));
            assertEquals(2, ann.texts.size(), "the sender is not among the recipients");
        }
    }

    private void undecodableMessagesReachOnError(String route) {
        try (WsClient client = WsClient.connect(appUri(route))) {
            String malformed = "{\"id\":\"o-2\",\"items\":[{\"name\":";
            client.sendText(malformed);
            JsonNode answer = tree(nextText(client, 0));
            assertEquals("dev.switchboard.contract.Orders$Order", answer.get("type").asText());
            assertEquals(malformed, answer.get("text").asText(), "the raw text reaches @OnError");
            long position = answer.get("position").asLong();
            assertTrue(position > 0 && position <= malformed.length(), "where the parser stopped: " + position);

            String wrongShape = "{\"id\":\"o-3\",\"items\":{\"name\":\"tea\"}}";
            client.sendText(wrongShape);
            JsonNode second = tree(nextText(client, 1));
            assertEquals(wrongShape, second.get("text").asText());

            client.sendText(ORDER);
            assertEquals(tree(ORDER), tree(nextText(client, 2)), "the session stays open and goes on");
            assertFalse(client.closed());
        }
    }

    @Test
    default void undecodableMessagesReachOnErrorThroughJackson() {
        undecodableMessagesReachOnError("/typed/jackson");
    }

    @Test
    default void undecodableMessagesReachOnErrorThroughJsonb() {
        undecodableMessagesReachOnError("/typed/jsonb");
    }

    @Test
    default void anUndecodableMessageClosesARouteWithoutOnErrorWith1007() {
        try (WsClient other = WsClient.connect(appUri("/typed/strict"));
             WsClient client = WsClient.connect(appUri("/typed/strict"))) {
            client.sendText("{\"id\": [1, 2");
            eventually().until(client::closed);
            assertEquals(CloseStatus.INVALID_PAYLOAD, client.closeCode.join());

            other.sendText(ORDER);
            assertEquals(tree(ORDER), tree(nextText(other, 0)), "the route's other sessions never notice");
        }
    }
}
