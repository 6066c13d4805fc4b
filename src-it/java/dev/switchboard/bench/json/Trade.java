package dev.switchboard.bench.json;

import java.time.Instant;
import java.util.List;

/**
 * The message of the JSON echo benchmark: a trade order of ten fields of the kinds a typical message has (strings,
 * an enum, a long, a double, an {@link Instant}, a boolean and a list), about 200 bytes as JSON. Both compared
 * targets decode it into this record and encode the record back.
 *
 * @param id       the order's id
 * @param symbol   the instrument
 * @param side     buy or sell
 * @param quantity how many
 * @param price    the limit price
 * @param placed   when it was placed
 * @param venue    where it goes
 * @param account  whose it is
 * @param urgent   whether it jumps the queue
 * @param tags     free labels
 */
public record Trade(String id, String symbol, Side side, long quantity, double price, Instant placed, String venue,
                    String account, boolean urgent, List<String> tags) {

    /** Which way a trade goes. */
    public enum Side { BUY, SELL }
}
