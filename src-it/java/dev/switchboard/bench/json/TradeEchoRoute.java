package dev.switchboard.bench.json;

import dev.switchboard.JacksonCodec;
import dev.switchboard.OnText;
import dev.switchboard.Route;

/**
 * Switchboard's side of the JSON echo benchmark: a typed handler that takes a {@link Trade}, decoded by the route's
 * {@link JacksonCodec} (its default mapper), and returns it, encoded by the same codec and sent back as text.
 */
@Route(value = TradeEchoRoute.PATH, codec = JacksonCodec.class)
public class TradeEchoRoute {

    /** Where the benchmark servers serve it, beside the baseline's {@code /raw-json-echo}. */
    public static final String PATH = "/json-echo";

    @OnText
    Trade echo(Trade trade) {
        return trade;
    }
}
