package dev.switchboard.runtime;

import dev.switchboard.HandshakeDecision;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a WebSocket upgrade request must carry before an engine sees it (RFC 6455, 4.2.1), as a pure rule that
 * every host applies through its {@link HandshakeGate}. Engines answer these
 * cases badly: Tyrus answers a request without {@code Sec-WebSocket-Key} with 500 and upgrades a malformed key
 * or a POST.
 */
public final class UpgradeRequestRules {

    /** The only version of the protocol there is; RFC 6455 makes a server name it when it refuses another. */
    public static final String VERSION = "13";

    /**
     * The answer to a plain GET on a route's path: 426 names the protocol to switch to (RFC 9110, 15.5.22), where
     * a 404 would tell a user trying the URL with curl or a browser that the route is missing.
     */
    public static final Refusal UPGRADE_REQUIRED = new Refusal(426, "Upgrade Required",
            "This is a WebSocket endpoint; connect with a WebSocket client",
            Map.of("Upgrade", "websocket", "Connection", "Upgrade"));

    private UpgradeRequestRules() {
    }

    /**
     * How to refuse an upgrade request, or a plain GET on a route's path.
     *
     * @param status  the HTTP status
     * @param reason  its reason phrase (some hosts know no phrase for 426)
     * @param message a short plain-text body that says what is wrong
     * @param headers headers the response must carry
     */
    public record Refusal(int status, String reason, String message, Map<String, String> headers) {

        /** A route's rejection: its status and body. */
        static Refusal of(HandshakeDecision rejection) {
            return new Refusal(rejection.status(), reasonPhrase(rejection.status()), rejection.body(), Map.of());
        }

        private static String reasonPhrase(int status) {
            return switch (status) {
                case 400 -> "Bad Request";
                case 401 -> "Unauthorized";
                case 403 -> "Forbidden";
                case 404 -> "Not Found";
                case 429 -> "Too Many Requests";
                case 500 -> "Internal Server Error";
                case 503 -> "Service Unavailable";
                default -> status < 500 ? "Client Error" : "Server Error";
            };
        }
    }

    /**
     * Whether a request asks for a WebSocket upgrade.
     *
     * @param upgradeHeader the value of its {@code Upgrade} header, or {@code null}
     * @return whether it names {@code websocket}
     */
    public static boolean isWebSocketUpgrade(String upgradeHeader) {
        return upgradeHeader != null && "websocket".equalsIgnoreCase(upgradeHeader.trim());
    }

    /**
     * Checks a WebSocket upgrade request.
     *
     * @param method  the HTTP method
     * @param headers every value of a header by name (case-insensitive), an empty list or {@code null} if absent
     * @return {@code null} if the engine may handle it, or how to refuse it
     */
    public static Refusal check(String method, Function<String, List<String>> headers) {
        if (!"GET".equals(method)) {
            return new Refusal(405, "Method Not Allowed", "A WebSocket upgrade must use GET, not " + method,
                    Map.of("Allow", "GET"));
        }
        List<String> versions = orEmpty(headers.apply("Sec-WebSocket-Version"));
        if (versions.size() != 1 || !VERSION.equals(versions.get(0).trim())) {
            // 426 with the version spoken lets a client retry with it (RFC 6455, 4.4).
            return new Refusal(426, "Upgrade Required", versions.isEmpty()
                    ? "Missing Sec-WebSocket-Version header; this server speaks version " + VERSION
                    : "Unsupported Sec-WebSocket-Version " + String.join(", ", versions)
                            + "; this server speaks version " + VERSION,
                    Map.of("Sec-WebSocket-Version", VERSION));
        }
        List<String> keys = orEmpty(headers.apply("Sec-WebSocket-Key"));
        if (keys.isEmpty()) {
            return badRequest("Missing Sec-WebSocket-Key header");
        }
        if (keys.size() > 1 || !isKey(keys.get(0).trim())) {
            return badRequest("Sec-WebSocket-Key must be one base64-encoded 16-byte value");
        }
        return null;
    }

    /** A key is 16 random bytes in padded base64: always 24 characters. */
    private static boolean isKey(String key) {
        if (key.length() != 24) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static Refusal badRequest(String message) {
        return new Refusal(400, "Bad Request", message, Map.of());
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
