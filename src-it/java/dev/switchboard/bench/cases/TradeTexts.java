package dev.switchboard.bench.cases;

import dev.switchboard.bench.json.Trade;
import dev.switchboard.bench.load.EchoTexts;

import java.time.Instant;
import java.util.Locale;

/**
 * The texts of the JSON echo case: a {@link Trade} as JSON, exactly as Jackson writes it with the mapper both
 * targets use (the record's fields in their order, the enum by name, the {@code Instant} as an ISO-8601 string,
 * the double as {@link Double#toString(double)} does), so that the echo of a decoded and re-encoded trade is the
 * very text that was sent and the load generator checks it as it checks any echo, without parsing JSON. The id
 * holds the connection and the sequence number; quantity, price, time, side and symbol vary with the sequence.
 */
final class TradeTexts implements EchoTexts {

    private static final String[] SYMBOLS = {"ACME", "GLOBEX", "INITECH", "UMBRELLA"};
    private static final long PLACED_FROM = Instant.parse("2025-06-02T09:30:00Z").toEpochMilli();

    @Override
    public String text(int connection, long sequence) {
        return "{\"id\":\"c" + connection + "#" + sequence
                + "\",\"symbol\":\"" + SYMBOLS[(int) (sequence % SYMBOLS.length)]
                + "\",\"side\":\"" + (sequence % 2 == 0 ? Trade.Side.BUY : Trade.Side.SELL)
                + "\",\"quantity\":" + (100 + sequence % 900)
                + ",\"price\":" + (100 + (sequence % 400) * 0.25) // quarters: exact in binary, short in decimal
                + ",\"placed\":\"" + Instant.ofEpochMilli(PLACED_FROM + sequence * 7)
                + "\",\"venue\":\"XNAS\",\"account\":\"ACC-" + (1000 + connection)
                + "\",\"urgent\":" + (sequence % 10 == 0)
                + ",\"tags\":[\"algo\",\"dma\"]}";
    }

    /** With the size of a typical text: its length varies by a few bytes with the numbers in it. */
    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%d-field record, ~%d B JSON", Trade.class.getRecordComponents().length,
                text(10, 123_456).length());
    }
}
