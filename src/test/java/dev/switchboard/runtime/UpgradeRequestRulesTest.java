package dev.switchboard.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an upgrade request must carry before an engine sees it, and how each lack is answered.
 */
class UpgradeRequestRulesTest {

    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private static UpgradeRequestRules.Refusal check(String method, String... nameValuePairs) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            headers.computeIfAbsent(nameValuePairs[i], n -> new ArrayList<>()).add(nameValuePairs[i + 1]);
        }
        return UpgradeRequestRules.check(method, headers::get);
    }

    @Test
    void aWellFormedRequestPasses() {
        assertNull(check("GET", "Sec-WebSocket-Key", KEY, "Sec-WebSocket-Version", "13"));
        assertNull(check("GET", "sec-websocket-key", " " + KEY, "SEC-WEBSOCKET-VERSION", "13 "));
    }

    @Test
    void aMissingKeyIs400() {
        UpgradeRequestRules.Refusal refusal = check("GET", "Sec-WebSocket-Version", "13");
        assertEquals(400, refusal.status());
        assertEquals("Missing Sec-WebSocket-Key header", refusal.message());
    }

    @Test
    void aKeyThatIsNotBase64Of16BytesIs400() {
        for (String key : List.of("abc", "not base64 at all!!!!!!!", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZSEh",
                "dGhlIHNhbXBsZSBub25jZQ==dGhl")) {
            UpgradeRequestRules.Refusal refusal = check("GET", "Sec-WebSocket-Key", key, "Sec-WebSocket-Version", "13");
            assertEquals(400, refusal.status(), key);
            assertTrue(refusal.message().contains("16-byte"), refusal.message());
        }
    }

    @Test
    void twoKeysAre400() {
        assertEquals(400, check("GET", "Sec-WebSocket-Key", KEY, "Sec-WebSocket-Key", KEY,
                "Sec-WebSocket-Version", "13").status());
    }

    @Test
    void anotherOrNoVersionIs426NamingVersion13() {
        for (UpgradeRequestRules.Refusal refusal : List.of(
                check("GET", "Sec-WebSocket-Key", KEY, "Sec-WebSocket-Version", "8"),
                check("GET", "Sec-WebSocket-Key", KEY),
                check("GET", "Sec-WebSocket-Key", KEY, "Sec-WebSocket-Version", "13, 8"))) {
            assertEquals(426, refusal.status());
            assertEquals("Upgrade Required", refusal.reason());
            assertEquals(Map.of("Sec-WebSocket-Version", "13"), refusal.headers());
        }
        assertTrue(check("GET", "Sec-WebSocket-Key", KEY, "Sec-WebSocket-Version", "8").message().contains("8"));
    }

    @Test
    void anUpgradeByAnotherMethodIs405AllowingGet() {
        UpgradeRequestRules.Refusal refusal = check("POST", "Sec-WebSocket-Key", KEY, "Sec-WebSocket-Version", "13");
        assertEquals(405, refusal.status());
        assertEquals(Map.of("Allow", "GET"), refusal.headers());
    }

    @Test
    void onlyTheWebsocketUpgradeIsOne() {
        assertTrue(UpgradeRequestRules.isWebSocketUpgrade("websocket"));
        assertTrue(UpgradeRequestRules.isWebSocketUpgrade("WebSocket"));
        assertFalse(UpgradeRequestRules.isWebSocketUpgrade("h2c"));
        assertFalse(UpgradeRequestRules.isWebSocketUpgrade(null));
    }
}
