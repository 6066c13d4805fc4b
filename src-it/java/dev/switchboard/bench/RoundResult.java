package dev.switchboard.bench;

import java.util.List;

/**
 * The measurement of one round of the echo benchmark against one target.
 *
 * @param target            the target's name
 * @param messagesPerSecond echoes received per second of the measurement window
 * @param p50Micros         median round trip
 * @param p99Micros         99th percentile round trip
 * @param maxMicros         slowest round trip
 * @param minSecondRate     echoes in the slowest whole second of the window: near zero means a stall
 * @param minConnectionRate echoes per second of the slowest connection: near zero means one was starved
 * @param generator         the load generator's CPU use during the window
 * @param server            the server process's CPU use during the window
 * @param problems          what makes this round invalid, empty if nothing
 */
record RoundResult(String target, double messagesPerSecond, double p50Micros, double p99Micros, double maxMicros,
                   long minSecondRate, double minConnectionRate, CpuMeter.Usage generator, CpuMeter.Usage server,
                   List<String> problems) implements Round {

    RoundResult withProblems(List<String> found) {
        return new RoundResult(target, messagesPerSecond, p50Micros, p99Micros, maxMicros, minSecondRate,
                minConnectionRate, generator, server, List.copyOf(found));
    }
}
