package dev.switchboard.bench;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The settings of {@link VersusTyrusBenchmark}, from system properties; {@code -Dquick=true} changes the
 * defaults to tiny ones for a smoke test, and any property set explicitly still wins.
 *
 * @param cases            the cases to run, of {@link #ALL_CASES}
 * @param quick            whether the quick defaults apply
 * @param pin              whether to pin generator and servers to CPUs with taskset
 * @param rounds           counted rounds per target of the throughput cases (echo, latency, large, broadcast)
 * @param warmupRounds     whether each throughput case first runs an uncounted round per target
 * @param warmupMillis     warm-up of each round of the throughput cases, before measuring
 * @param measureMillis    measurement window of each round of the throughput cases
 * @param echoConnections  connections of the echo case
 * @param echoWindow       messages in flight per connection of the echo case
 * @param echoSize         bytes per message of the echo case
 * @param largeConnections connections of the large-message case
 * @param largeSize        bytes per message of the large-message case
 * @param subscribers      subscribers of the broadcast case
 * @param publishWindow    messages published and not yet delivered to all, at most, in the broadcast case
 * @param idleConnections  connections opened and held by the memory and connect cases
 * @param idleRounds       rounds per target of the memory and connect cases
 * @param startupRounds    rounds per target of the startup case
 */
record VersusSettings(Set<String> cases, boolean quick, boolean pin, int rounds, boolean warmupRounds,
                      long warmupMillis, long measureMillis, int echoConnections, int echoWindow, int echoSize,
                      int largeConnections, int largeSize, int subscribers, int publishWindow, int idleConnections,
                      int idleRounds, int startupRounds) {

    static final List<String> ALL_CASES = List.of("echo", "latency", "large", "broadcast", "memory", "connect",
            "startup");
    /** The one-connection latency case: one message of this size in flight. */
    static final int LATENCY_SIZE = 32;

    static VersusSettings fromSystemProperties() {
        boolean quick = Boolean.parseBoolean(System.getProperty("quick", "").trim());
        VersusSettings settings = new VersusSettings(
                cases(System.getProperty("cases")),
                quick,
                !"false".equals(System.getProperty("pin", "").trim()),
                Props.intProperty("rounds", quick ? 1 : 5),
                !quick,
                Props.millisProperty("warmup", quick ? 0.2 : 3),
                Props.millisProperty("seconds", quick ? 0.5 : 5),
                Props.intProperty("connections", quick ? 10 : 100),
                Props.intProperty("window", quick ? 2 : 8),
                Props.intProperty("size", 64),
                Props.intProperty("largeConnections", quick ? 2 : 10),
                Props.intProperty("largeSize", 64 * 1024),
                Props.intProperty("subscribers", quick ? 20 : 1000),
                Props.intProperty("publishWindow", 10),
                Props.intProperty("idleConnections", quick ? 100 : 10_000),
                Props.intProperty("idleRounds", quick ? 1 : 3),
                Props.intProperty("startupRounds", quick ? 1 : 5));
        if (settings.rounds < 1 || settings.idleRounds < 1 || settings.startupRounds < 1
                || settings.measureMillis < 100 || settings.warmupMillis < 0 || settings.echoConnections < 1
                || settings.echoWindow < 1 || settings.echoSize < 32 || settings.largeConnections < 1
                || settings.largeSize < 32 || settings.subscribers < 1 || settings.publishWindow < 1
                || settings.idleConnections < 1) {
            throw new IllegalArgumentException("Need rounds, idleRounds, startupRounds, connections, window,"
                    + " largeConnections, subscribers, publishWindow, idleConnections >= 1, seconds >= 0.1,"
                    + " warmup >= 0, size and largeSize >= 32; got " + settings);
        }
        return settings;
    }

    private static Set<String> cases(String property) {
        if (property == null || property.isBlank() || property.trim().equals("all")) {
            return new LinkedHashSet<>(ALL_CASES);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : property.split(",")) {
            String trimmed = name.trim();
            if (!ALL_CASES.contains(trimmed)) {
                throw new IllegalArgumentException("Unknown case '" + trimmed + "'; the cases are " + ALL_CASES);
            }
            chosen.add(trimmed);
        }
        // In the table's order, whatever the order asked.
        Set<String> ordered = new LinkedHashSet<>(ALL_CASES);
        ordered.retainAll(chosen);
        return ordered;
    }

    boolean runs(String name) {
        return cases.contains(name);
    }

    @Override
    public String toString() {
        return "cases=" + cases + " quick=" + quick + " rounds=" + rounds + " warmup=" + warmupMillis + "ms seconds="
                + measureMillis + "ms connections=" + echoConnections + " window=" + echoWindow + " size=" + echoSize
                + " largeConnections=" + largeConnections + " largeSize=" + largeSize + " subscribers=" + subscribers
                + " publishWindow=" + publishWindow + " idleConnections=" + idleConnections + " idleRounds="
                + idleRounds + " startupRounds=" + startupRounds;
    }
}
