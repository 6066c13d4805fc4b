package dev.switchboard.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The typed messages of the contract app: records with what JSON codecs must carry both ways (nested records, a
 * list, a map, {@code java.time} values, an enum and a null).
 */
public final class Orders {

    private Orders() {
    }

    /** An order's state, sent by name. */
    public enum Status { NEW, PAID }

    /**
     * One line of an order.
     *
     * @param name     what is ordered
     * @param quantity how many
     */
    public record Item(String name, int quantity) {
    }

    /**
     * An order, as a client sends it.
     *
     * @param id     its id
     * @param status its state
     * @param items  its lines
     * @param tags   counts by tag
     * @param placed when it was placed, as an ISO-8601 instant
     * @param due    when it is due, as an ISO-8601 date
     * @param note   a note, often {@code null}
     */
    public record Order(String id, Status status, List<Item> items, Map<String, Integer> tags, Instant placed,
                        LocalDate due, String note) {
    }

    /**
     * What a list of items adds up to.
     *
     * @param lines    how many items
     * @param quantity their quantities' sum
     */
    public record Summary(int lines, int quantity) {
    }

    /**
     * The answer of a route's {@code @OnError} to a message that did not decode.
     *
     * @param type     the type it was to decode into
     * @param position where the parser stopped
     * @param text     the message as it came
     */
    public record Undecodable(String type, long position, String text) {
    }

    /**
     * What a session is told when it opens.
     *
     * @param session its id
     */
    public record Welcome(String session) {
    }
}
