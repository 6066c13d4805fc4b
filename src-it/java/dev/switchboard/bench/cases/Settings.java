package dev.switchboard.bench.cases;

import dev.switchboard.bench.load.EchoTexts;

import java.util.Locale;

/**
 * The settings of every benchmark, one set read the same way for all, from system properties: the pom passes
 * each {@code -Dname=value} on, and an empty or missing value means the default. {@code -Dquick=true} turns the
 * defaults into tiny ones for a smoke test; a property set explicitly still wins. Each benchmark uses the
 * settings of the cases it runs.
 *
 * @param quick            whether the quick defaults apply
 * @param pin              whether to pin generator and servers to CPUs with taskset
 * @param rounds           counted rounds per target of the load cases (echo, latency, large, broadcast)
 * @param warmupRounds     whether each load case first runs an uncounted round per target
 * @param warmupMillis     warm-up of each round of the load cases, before measuring
 * @param measureMillis    measurement window of each round of the load cases
 * @param connections      connections of the echo and JSON echo cases
 * @param window           messages in flight per connection of the echo and JSON echo cases
 * @param size             bytes per text of the echo and broadcast cases
 * @param largeConnections connections of the large-message case
 * @param largeSize        bytes per text of the large-message case
 * @param subscribers      subscribers of the broadcast case
 * @param publishWindow    messages published and not yet delivered to all, at most, in the broadcast case
 * @param publishRate      messages published per second in the broadcast case, 0 for as fast as the window allows
 * @param idleConnections  connections opened and held by the memory and connect cases
 * @param idleRounds       rounds per target of the memory and connect cases
 * @param startupRounds    rounds per target of the startup case
 * @param heartbeatMillis  heartbeat interval of the server of the heartbeat case
 * @param heartbeatRounds  rounds of the heartbeat case
 */
public record Settings(boolean quick, boolean pin, int rounds, boolean warmupRounds, long warmupMillis,
                       long measureMillis, int connections, int window, int size, int largeConnections,
                       int largeSize, int subscribers, int publishWindow, double publishRate, int idleConnections,
                       int idleRounds, int startupRounds, long heartbeatMillis, int heartbeatRounds) {

    /** The smallest text the load cases send: room for an id or sequence number and a send time. */
    private static final int MIN_SIZE = 40;

    static Settings fromSystemProperties() {
        boolean quick = Boolean.parseBoolean(System.getProperty("quick", "").trim());
        Settings settings = new Settings(
                quick,
                !"false".equals(System.getProperty("pin", "").trim()),
                intProperty("rounds", quick ? 1 : 5),
                !quick,
                millisProperty("warmup", quick ? 0.2 : 3),
                millisProperty("seconds", quick ? 0.5 : 5),
                intProperty("connections", quick ? 10 : 100),
                intProperty("window", quick ? 2 : 8),
                intProperty("size", 64),
                intProperty("largeConnections", quick ? 2 : 10),
                intProperty("largeSize", 64 * 1024),
                intProperty("subscribers", quick ? 20 : 1000),
                intProperty("publishWindow", 10),
                doubleProperty("publishRate", 0),
                intProperty("idleConnections", quick ? 100 : 10_000),
                intProperty("idleRounds", quick ? 1 : 3),
                intProperty("startupRounds", quick ? 1 : 5),
                millisProperty("heartbeat", quick ? 2 : 20),
                intProperty("heartbeatRounds", quick ? 1 : 3));
        if (settings.rounds < 1 || settings.idleRounds < 1 || settings.startupRounds < 1
                || settings.measureMillis < 100 || settings.warmupMillis < 0 || settings.connections < 1
                || settings.window < 1 || settings.size < MIN_SIZE || settings.largeConnections < 1
                || settings.largeSize < MIN_SIZE || settings.subscribers < 1 || settings.publishWindow < 1
                || settings.publishRate < 0 || settings.idleConnections < 1 || settings.heartbeatRounds < 1
                || settings.heartbeatMillis < 1000) {
            throw new IllegalArgumentException("Need rounds, idleRounds, startupRounds, heartbeatRounds, connections,"
                    + " window, largeConnections, subscribers, publishWindow, idleConnections >= 1, heartbeat >= 1,"
                    + " seconds >= 0.1,"
                    + " warmup >= 0, publishRate >= 0, size and largeSize >= " + MIN_SIZE + "; got " + settings);
        }
        return settings;
    }

    /** The echo load of one round with these timings, texts of the given size. */
    EchoRun.Load echo(int echoConnections, int echoWindow, int echoSize) {
        return echo(echoConnections, echoWindow, EchoTexts.filler(echoSize));
    }

    /** The echo load of one round with these timings. */
    EchoRun.Load echo(int echoConnections, int echoWindow, EchoTexts texts) {
        return new EchoRun.Load(echoConnections, echoWindow, texts, warmupMillis, measureMillis);
    }

    /** The broadcast load of one round with these timings. */
    BroadcastRun.Load broadcast() {
        return broadcast(publishRate);
    }

    /** The broadcast load of one round with these timings, at another rate (0: as fast as the window allows). */
    BroadcastRun.Load broadcast(double rate) {
        return new BroadcastRun.Load(subscribers, publishWindow, rate, size, warmupMillis, measureMillis);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "quick=%s pin=%s rounds=%d warmup=%dms seconds=%dms connections=%d"
                        + " window=%d size=%d largeConnections=%d largeSize=%d subscribers=%d publishWindow=%d"
                        + " publishRate=%s idleConnections=%d idleRounds=%d startupRounds=%d heartbeat=%dms"
                        + " heartbeatRounds=%d", quick, pin, rounds, warmupMillis, measureMillis, connections, window,
                size, largeConnections, largeSize, subscribers, publishWindow, publishRate, idleConnections,
                idleRounds, startupRounds, heartbeatMillis, heartbeatRounds);
    }

    private static int intProperty(String name, int fallback) {
        return (int) doubleProperty(name, fallback);
    }

    private static long millisProperty(String name, double fallbackSeconds) {
        return Math.round(doubleProperty(name, fallbackSeconds) * 1000);
    }

    private static double doubleProperty(String name, double fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return Double.parseDouble(value.trim());
    }
}
