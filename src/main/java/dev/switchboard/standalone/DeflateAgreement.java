package dev.switchboard.standalone;

import jakarta.websocket.Extension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The permessage-deflate parameters agreed with one client (RFC 7692, section 7.1), and the answer that tells it
 * so. Context takeover stays on unless the client asks otherwise: a window shared across messages is what makes
 * small, repetitive messages (JSON) compress.
 *
 * @param serverNoContextTakeover the server resets its compressor after every message
 * @param clientNoContextTakeover the client resets its compressor after every message, so the server may reset
 *                                its decompressor too
 * @param serverMaxWindowBits     the client asked for {@code server_max_window_bits=15}, which must be answered
 */
record DeflateAgreement(boolean serverNoContextTakeover, boolean clientNoContextTakeover,
                        boolean serverMaxWindowBits) {

    static final String NAME = "permessage-deflate";

    /**
     * {@code java.util.zip.Deflater} always uses a window of 2^15 bytes and has no setting to use less: an offer
     * that limits the server's window below that is declined.
     */
    private static final int DEFLATER_WINDOW_BITS = 15;

    /**
     * Accepts one offer, or declines it as the RFC says a server must (section 7.1): for a parameter it does not
     * know, a parameter given twice, a value that is not allowed, or a window smaller than the compressor can keep
     * to.
     *
     * @param offer one permessage-deflate offer of the request
     * @return the agreement, or empty to decline the offer
     */
    static Optional<DeflateAgreement> accept(Extension offer) {
        if (!NAME.equals(offer.getName())) {
            return Optional.empty();
        }
        boolean serverNoContextTakeover = false;
        boolean clientNoContextTakeover = false;
        boolean serverMaxWindowBits = false;
        Set<String> seen = new HashSet<>();
        List<Extension.Parameter> parameters = offer.getParameters() == null ? List.of() : offer.getParameters();
        for (Extension.Parameter parameter : parameters) {
            String name = parameter.getName();
            String value = parameter.getValue();
            if (!seen.add(name)) {
                return Optional.empty();
            }
            switch (name) {
                case "server_no_context_takeover" -> {
                    if (value != null) {
                        return Optional.empty();
                    }
                    serverNoContextTakeover = true;
                }
                case "client_no_context_takeover" -> {
                    if (value != null) {
                        return Optional.empty();
                    }
                    clientNoContextTakeover = true;
                }
                case "server_max_window_bits" -> {
                    // Required value; only the full window can be honoured.
                    if (windowBits(value) != DEFLATER_WINDOW_BITS) {
                        return Optional.empty();
                    }
                    serverMaxWindowBits = true;
                }
                case "client_max_window_bits" -> {
                    // The client may limit its window; the response need not mention it, and the decompressor
                    // reads any window up to 2^15. Its value, if any, must still be valid.
                    if (value != null && windowBits(value) < 0) {
                        return Optional.empty();
                    }
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new DeflateAgreement(serverNoContextTakeover, clientNoContextTakeover,
                serverMaxWindowBits));
    }

    /** 8 to 15, without leading zeros (RFC 7692, section 7.1.2); -1 otherwise. */
    private static int windowBits(String value) {
        if (value == null || !value.matches("[1-9][0-9]?")) {
            return -1;
        }
        int bits = Integer.parseInt(value);
        return bits >= 8 && bits <= 15 ? bits : -1;
    }

    /**
     * The parameters of the response: those the RFC requires the server to answer (server_no_context_takeover and
     * server_max_window_bits when offered) and client_no_context_takeover, echoed when the client offered it, so
     * that the decompressor may start each message afresh. client_max_window_bits is not answered: a smaller
     * client window would not make the decompressor any smaller.
     *
     * @return the response's parameters
     */
    List<Extension.Parameter> response() {
        List<Extension.Parameter> response = new ArrayList<>();
        if (serverNoContextTakeover) {
            response.add(new Parameter("server_no_context_takeover", null));
        }
        if (clientNoContextTakeover) {
            response.add(new Parameter("client_no_context_takeover", null));
        }
        if (serverMaxWindowBits) {
            response.add(new Parameter("server_max_window_bits", String.valueOf(DEFLATER_WINDOW_BITS)));
        }
        return List.copyOf(response);
    }

    /** A parameter of the response; a {@code null} value is written as the name alone. */
    private record Parameter(String name, String value) implements Extension.Parameter {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getValue() {
            return value;
        }
    }
}
