package dev.switchboard.it.typed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.Switchboard;
import dev.switchboard.contract.TypedRoutes;
import dev.switchboard.it.clients.WsClient;
import dev.switchboard.it.contract.TypedMessagesContract;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * 10,000 random and truncated JSON messages to one typed route: each reaches its {@code @OnError}, which answers
 * with the message as it came, in order; the session that sent them, the route's other sessions and the server go
 * on as if nothing happened.
 */
class UndecodableFuzzIT {

    private static final int MESSAGES = 10_000;
    private static final String ALPHABET = "{}[]\":,.-+eE0123456789 truefalsnl\\abcxyz\u00e9\u6f22";
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Test
    void everyUndecodableMessageReachesOnErrorAndNothingElseNotices() {
        List<String> messages = undecodableMessages(new Random(20261205));
        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0)
                .route(TypedRoutes.JacksonEcho.class).route(TypedRoutes.Total.class).build().start()) {
            URI echo = URI.create("ws://127.0.0.1:" + server.port() + "/typed/jackson");
            try (WsClient bystander = WsClient.connect(echo);
                 WsClient neighbour = WsClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/typed/total"));
                 WsClient fuzzer = WsClient.connect(echo)) {
                for (String message : messages) {
                    fuzzer.sendText(message);
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> fuzzer.texts.size() >= MESSAGES || fuzzer.closed());
                assertFalse(fuzzer.closed(), "closed with " + fuzzer.closeCode.getNow(null));
                for (int i = 0; i < MESSAGES; i++) {
                    JsonNode answer = tree(fuzzer.texts.get(i));
                    assertEquals(messages.get(i), answer.get("text").asText(), "answer " + i);
                    assertEquals("dev.switchboard.contract.Orders$Order", answer.get("type").asText());
                }

                fuzzer.sendText(TypedMessagesContract.ORDER);
                bystander.sendText(TypedMessagesContract.ORDER);
                neighbour.sendText("[{\"name\":\"tea\",\"quantity\":2}]");
                await().atMost(Duration.ofSeconds(20)).until(() -> fuzzer.texts.size() == MESSAGES + 1
                        && bystander.texts.size() == 1 && neighbour.texts.size() == 1);
                assertEquals(tree(TypedMessagesContract.ORDER), tree(fuzzer.texts.get(MESSAGES)));
                assertEquals(tree(TypedMessagesContract.ORDER), tree(bystander.texts.get(0)));
                assertFalse(bystander.closed() || neighbour.closed());
            }
        }
    }

    /** Half truncated orders, half random text; none of them valid JSON (random text that happens to be is redrawn). */
    private static List<String> undecodableMessages(Random random) {
        String order = TypedMessagesContract.ORDER;
        List<String> messages = new ArrayList<>(MESSAGES);
        while (messages.size() < MESSAGES) {
            String message;
            if (messages.size() % 2 == 0) {
                message = order.substring(0, random.nextInt(order.length())); // an object never closed
            } else {
                StringBuilder text = new StringBuilder();
                for (int length = 1 + random.nextInt(48); length > 0; length--) {
                    text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                message = text.toString();
            }
            if (!isJson(message)) {
                messages.add(message);
            }
        }
        return messages;
    }

    private static boolean isJson(String text) {
        try {
            return STRICT.readTree(text) != null && !text.isBlank();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static JsonNode tree(String json) {
        try {
            return STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
