package dev.switchboard.standalone;

import jakarta.websocket.Extension;
import org.glassfish.tyrus.core.TyrusExtension;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which of a client's offers is taken, and the answer it gets (RFC 7692, section 7.1). */
class DeflateNegotiationTest {

    private final PerMessageDeflate offered = new PerMessageDeflate(1 << 20);

    /** The Sec-WebSocket-Extensions answer to a request header, parsed as Tyrus parses it; "" for none. */
    private String answer(String requestHeader) {
        Optional<Extension> agreed = offered.accept(TyrusExtension.fromString(List.of(requestHeader)));
        return agreed.map(extension -> extension.getName() + extension.getParameters().stream()
                        .map(p -> "; " + p.getName() + (p.getValue() == null ? "" : "=" + p.getValue()))
                        .collect(Collectors.joining()))
                .orElse("");
    }

    @Test
    void acceptsWhatBrowsersAndWsOfferWithoutAnsweringClientWindowBits() {
        assertEquals("permessage-deflate", answer("permessage-deflate; client_max_window_bits"));
        assertEquals("permessage-deflate", answer("permessage-deflate"));
        assertEquals("permessage-deflate", answer("permessage-deflate; client_max_window_bits=10"));
    }

    @Test
    void answersContextTakeoverRequests() {
        assertEquals("permessage-deflate; server_no_context_takeover",
                answer("permessage-deflate; server_no_context_takeover; client_max_window_bits"));
        assertEquals("permessage-deflate; client_no_context_takeover",
                answer("permessage-deflate; client_no_context_takeover"));
        assertEquals("permessage-deflate; server_no_context_takeover; client_no_context_takeover",
                answer("permessage-deflate; client_no_context_takeover; server_no_context_takeover"));
    }

    @Test
    void declinesAServerWindowTheDeflaterCannotKeepTo() {
        assertEquals("", answer("permessage-deflate; server_max_window_bits=10"));
        assertEquals("", answer("permessage-deflate; server_max_window_bits=14; client_max_window_bits"));
        // The full window is what it always uses: accepted, and the RFC wants it answered.
        assertEquals("permessage-deflate; server_max_window_bits=15",
                answer("permessage-deflate; server_max_window_bits=15"));
        assertEquals("permessage-deflate; server_max_window_bits=15",
                answer("permessage-deflate; server_max_window_bits=\"15\""));
    }

    @Test
    void takesTheFirstOfferItCanHonour() {
        assertEquals("permessage-deflate; client_no_context_takeover",
                answer("permessage-deflate; server_max_window_bits=10, permessage-deflate; client_no_context_takeover"));
        assertEquals("permessage-deflate",
                answer("x-webkit-deflate-frame, permessage-deflate; foo, permessage-deflate"));
    }

    @Test
    void declinesInvalidOffers() {
        assertEquals("", answer("permessage-deflate; foo"));
        assertEquals("", answer("permessage-deflate; server_no_context_takeover; server_no_context_takeover"));
        assertEquals("", answer("permessage-deflate; server_no_context_takeover=1"));
        assertEquals("", answer("permessage-deflate; client_no_context_takeover=true"));
        assertEquals("", answer("permessage-deflate; server_max_window_bits"));
        assertEquals("", answer("permessage-deflate; client_max_window_bits=16"));
        assertEquals("", answer("permessage-deflate; client_max_window_bits=7"));
        assertEquals("", answer("permessage-deflate; client_max_window_bits=010"));
        assertEquals("", answer("x-webkit-deflate-frame"));
    }

    @Test
    void eachHandshakeGetsItsOwnConnectionState() {
        Extension first = offered.accept(TyrusExtension.fromString(List.of("permessage-deflate"))).orElseThrow();
        Extension second = offered.accept(TyrusExtension.fromString(List.of("permessage-deflate"))).orElseThrow();
        assertEquals(DeflateConnection.class, first.getClass());
        assertEquals(false, first == second, "one DeflateConnection per handshake");
    }
}
