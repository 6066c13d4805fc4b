package dev.switchboard.bench.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.switchboard.bench.json.Trade;
import jakarta.websocket.DecodeException;
import jakarta.websocket.EncodeException;

/**
 * The JSR-356 text coders of {@link RawJsonEchoEndpoint}, as an application writes them on Jackson: one
 * {@link ObjectMapper} for all sessions (mappers are thread-safe and costly to make), set up as Switchboard's
 * {@code JacksonCodec} sets up its default one, so both targets of the benchmark do the same JSON work: the
 * {@code java.time} module, dates as ISO-8601 strings, unknown properties ignored, trailing tokens refused.
 */
public final class TradeJsonCoders {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TradeJsonCoders() {
    }

    /** Decodes a text message into a {@link Trade}. */
    public static final class Decoder implements jakarta.websocket.Decoder.Text<Trade> {

        @Override
        public Trade decode(String text) throws DecodeException {
            try {
                return MAPPER.readValue(text, Trade.class);
            } catch (JsonProcessingException e) {
                throw new DecodeException(text, "not a trade: " + e.getOriginalMessage(), e);
            }
        }

        /** Every text is meant to be a trade; one that is not fails in {@link #decode}. */
        @Override
        public boolean willDecode(String text) {
            return true;
        }
    }

    /** Encodes a {@link Trade} as a text message. */
    public static final class Encoder implements jakarta.websocket.Encoder.Text<Trade> {

        @Override
        public String encode(Trade trade) throws EncodeException {
            try {
                return MAPPER.writeValueAsString(trade);
            } catch (JsonProcessingException e) {
                throw new EncodeException(trade, "cannot encode the trade: " + e.getOriginalMessage(), e);
            }
        }
    }
}
