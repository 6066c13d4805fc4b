package dev.switchboard.it.contract;

import dev.switchboard.it.clients.WsClient;

import java.net.URI;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A client of the contract app's probe route ({@code dev.switchboard.contract.ProbeRoute}): sends
 * {@code <id> <command>}, and matches each reply to its command by the reply's first line {@code reply=<id>}.
 */
final class Probe implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 20;

    private final Map<String, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    private int nextId;
    private WsClient client;

    private Probe() {
    }

    static Probe connect(URI uri) {
        Probe probe = new Probe();
        probe.client = WsClient.connect(uri, probe::received);
        probe.client.closeCode.whenComplete((code, error) -> probe.failPending(
                new IllegalStateException("the probe connection closed: " + code + " " + probe.client.closeReason)));
        return probe;
    }

    /** Sends a command and waits for its reply; fails if the probe answers with a {@code fault}. */
    Reply ask(String command) {
        Reply reply = send(command).orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        if (reply.has("fault")) {
            throw new AssertionError("probe: " + command + " -> " + reply.value("fault"));
        }
        return reply;
    }

    /** Sends a command without waiting for the reply: the probe runs commands in the order they were sent. */
    synchronized CompletableFuture<Reply> send(String command) {
        String id = Integer.toString(++nextId);
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        pending.put(id, reply);
        client.socket().sendText(id + " " + command, true).orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
        return reply;
    }

    private void received(String text) {
        Reply reply = Reply.parse(text);
        CompletableFuture<Reply> waiting = pending.remove(reply.value("reply"));
        if (waiting != null) {
            waiting.complete(reply);
        }
    }

    private void failPending(Throwable error) {
        pending.values().forEach(reply -> reply.completeExceptionally(error));
    }

    @Override
    public void close() {
        client.close();
    }

    /**
     * A probe reply: {@code key=value} lines, keys in order and possibly repeated; a bare key is a
     * {@code null} value; {@code \\}, {@code \n} and {@code \r} are escapes in values.
     */
    static final class Reply {

        private final List<Map.Entry<String, String>> entries;

        private Reply(List<Map.Entry<String, String>> entries) {
            this.entries = entries;
        }

        static Reply parse(String text) {
            List<Map.Entry<String, String>> entries = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                int equals = line.indexOf('=');
                entries.add(equals < 0
                        ? new AbstractMap.SimpleImmutableEntry<>(line, null)
                        : new AbstractMap.SimpleImmutableEntry<>(line.substring(0, equals),
                                unescape(line.substring(equals + 1))));
            }
            return new Reply(entries);
        }

        private static String unescape(String value) {
            StringBuilder plain = new StringBuilder(value.length());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < value.length()) {
                    char next = value.charAt(++i);
                    plain.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
                } else {
                    plain.append(c);
                }
            }
            return plain.toString();
        }

        boolean has(String key) {
            return entries.stream().anyMatch(e -> e.getKey().equals(key));
        }

        /** The first value of a key, {@code null} for a bare key; fails if the reply has no such key. */
        String value(String key) {
            return entries.stream().filter(e -> e.getKey().equals(key)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + key + " in the probe's reply:\n" + this))
                    .getValue();
        }

        /** Every value of a key, in order; empty if the reply has none. */
        List<String> values(String key) {
            return entries.stream().filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).toList();
        }

        /** The entries whose keys start with {@code prefix + "."}, by the rest of the key, values in order. */
        Map<String, List<String>> map(String prefix) {
            Map<String, List<String>> map = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : entries) {
                if (e.getKey().startsWith(prefix + ".")) {
                    map.computeIfAbsent(e.getKey().substring(prefix.length() + 1), k -> new ArrayList<>())
                            .add(e.getValue());
                }
            }
            return map;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            entries.forEach(e -> text.append(e.getKey()).append(e.getValue() == null ? "" : "=" + e.getValue())
                    .append('\n'));
            return text.toString();
        }
    }
}
