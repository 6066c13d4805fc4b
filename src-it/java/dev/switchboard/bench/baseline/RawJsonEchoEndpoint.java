package dev.switchboard.bench.baseline;

import dev.switchboard.bench.json.Trade;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The baseline of the JSON echo benchmark: the typed echo written directly against Jakarta WebSocket (JSR-356) the
 * way its specification has it, with a Jackson {@code Decoder.Text<Trade>} and {@code Encoder.Text<Trade>}
 * ({@link TradeJsonCoders}) declared on the endpoint. The container decodes each text into a {@link Trade}, and
 * sends the returned one, encoded, on the session's basic (blocking) remote.
 *
 * <p>Annotated for the same reason as {@link RawEchoEndpoint}: every server deploys this one class.
 */
@ServerEndpoint(value = RawJsonEchoEndpoint.PATH, decoders = TradeJsonCoders.Decoder.class,
        encoders = TradeJsonCoders.Encoder.class)
public class RawJsonEchoEndpoint {

    /** Where every server serves it, beside Switchboard's {@code /json-echo}. */
    public static final String PATH = "/raw-json-echo";

    /**
     * Echoes a trade.
     *
     * @param trade the decoded message
     * @return the same trade, encoded and sent back
     */
    @OnMessage
    public Trade echo(Trade trade) {
        return trade;
    }
}
