package dev.switchboard.it.contract;

import dev.switchboard.it.clients.RawClient;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks a session limit over raw sockets: many handshakes at once get exactly as many sessions as the limit
 * allows and 503 for the rest, and no handshake keeps a place under the limit once it is over, whether the
 * handshake check refused it after the limit let it through or its client left half-way.
 */
public final class SessionLimitCheck {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CONCURRENT = 50;

    private final int limit;
    private final Function<String, URI> sessionUri;

    /**
     * @param limit      the session limit
     * @param sessionUri the URI of an upgrade under the limit, for a session of the given name
     */
    public SessionLimitCheck(int limit, Function<String, URI> sessionUri) {
        this.limit = limit;
        this.sessionUri = sessionUri;
    }

    /**
     * Runs the check; no session under the limit may be open at its start.
     *
     * @param refusedByCheck an upgrade under the limit that the route's handshake check refuses
     * @param checkStatus    the status it refuses with
     */
    public void run(URI refusedByCheck, int checkStatus) throws IOException, InterruptedException {
        for (int i = 0; i < 2 * limit; i++) {
            try (RawClient refused = RawClient.upgrade(refusedByCheck)) {
                assertEquals(checkStatus, refused.statusCode(), "the handshake check's refusal");
            }
        }
        Map<Integer, Long> exact = Map.of(101, (long) limit, 503, (long) CONCURRENT - limit);
        assertEquals(exact, crowd("crowd"), CONCURRENT + " handshakes at once, by status");

        for (int i = 0; i < limit; i++) {
            RawClient.abandon(sessionUri.apply("abandoned-" + i), Integer.MAX_VALUE, false);
            RawClient.abandon(sessionUri.apply("reset-" + i), Integer.MAX_VALUE, true);
            RawClient.abandon(sessionUri.apply("cut-" + i), 40, false);
        }

        // Every place comes back once the crowd and the abandoned connections are gone (a host may never open the
        // connection of a client that reset it: its place comes back a little later), and a crowd gets as many
        // sessions again, never more.
        AtomicInteger attempt = new AtomicInteger();
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .until(() -> crowd("again-" + attempt.incrementAndGet()), statuses -> {
                    assertTrue(statuses.getOrDefault(101, 0L) <= limit, () -> "a crowd again, by status: " + statuses);
                    return statuses.equals(exact);
                });
    }

    /** Many handshakes at once; every client leaves at once after its answer. */
    private Map<Integer, Long> crowd(String name) throws IOException, InterruptedException {
        List<URI> uris = IntStream.range(0, CONCURRENT).mapToObj(i -> sessionUri.apply(name + "-" + i)).toList();
        List<RawClient> crowd = RawClient.upgradeAll(uris, 10);
        closeAll(crowd);
        return crowd.stream().collect(Collectors.groupingBy(RawClient::statusCode, Collectors.counting()));
    }

    private static void closeAll(List<RawClient> clients) throws IOException {
        for (RawClient client : clients) {
            client.close();
        }
    }
}
