package dev.switchboard.runtime;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Request headers kept as they were read, every line in one string, and looked up by name, case-insensitively,
 * when asked: an unmodifiable map of each name to its lines' values, in the order they came.
 *
 * <p>Why: every session keeps its handshake's headers for {@code session.headers()}, and most never read them
 * beyond the few the handshake itself checks. One string of the lines costs a byte a character; a map of each
 * name to a list of its values cost several objects a header, for every one of 10,000 connections. A lookup
 * scans the lines, which for the dozen headers of a handshake is as quick as a tree's descent.
 */
public final class HeaderLines extends AbstractMap<String, List<String>> {

    private static final char NAME_END = ':';
    private static final char LINE_END = '\n';

    /** "name:value\n" per line. */
    private final String lines;

    private HeaderLines(String lines) {
        this.lines = lines;
    }

    /**
     * Collects header lines.
     *
     * @return an empty collector
     */
    public static Collector collector() {
        return new Collector();
    }

    /** Adds header lines in the order they were read, then {@link #done()}. */
    public static final class Collector {

        private final StringBuilder lines = new StringBuilder(256);

        private Collector() {
        }

        /**
         * Adds one header line.
         *
         * @param name  the header's name, as sent
         * @param value its value, as sent
         * @return this collector
         */
        public Collector add(String name, String value) {
            // A line break inside a value cannot come from a parsed request head; it would end the line here.
            lines.append(name).append(NAME_END).append(value.replace(LINE_END, ' ')).append(LINE_END);
            return this;
        }

        /**
         * The headers collected.
         *
         * @return them, as an unmodifiable map
         */
        public HeaderLines done() {
            return new HeaderLines(lines.toString());
        }
    }

    /** The values of every line with this name, whatever its case; {@code null} if there is none. */
    @Override
    public List<String> get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        List<String> values = null;
        for (int start = 0; start < lines.length(); ) {
            int colon = lines.indexOf(NAME_END, start);
            int end = lines.indexOf(LINE_END, colon);
            if (colon - start == name.length() && lines.regionMatches(true, start, name, 0, name.length())) {
                String value = lines.substring(colon + 1, end);
                if (values == null) {
                    values = List.of(value);
                } else {
                    values = new ArrayList<>(values);
                    values.add(value);
                }
            }
            start = end + 1;
        }
        return values == null ? null : List.copyOf(values);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** Made when asked for: names case-insensitive and sorted, each name as first sent. */
    @Override
    public Set<Entry<String, List<String>>> entrySet() {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int start = 0; start < lines.length(); ) {
            int colon = lines.indexOf(NAME_END, start);
            int end = lines.indexOf(LINE_END, colon);
            byName.computeIfAbsent(lines.substring(start, colon), this::get);
            start = end + 1;
        }
        return Collections.unmodifiableMap(byName).entrySet();
    }
}
