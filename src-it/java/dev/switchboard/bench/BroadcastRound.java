package dev.switchboard.bench;

import java.util.List;

/**
 * The measurement of one round of the broadcast benchmark against one target.
 *
 * @param target              the target's name
 * @param subscribers         subscribers in the room
 * @param deliveriesPerSecond messages received by subscribers per second of the measurement window
 * @param publishedPerSecond  messages published per second of the window
 * @param p50Micros           median delivery latency
 * @param p99Micros           99th percentile delivery latency
 * @param maxMicros           slowest delivery
 * @param minSecondRate       deliveries in the slowest whole second of the window: near zero means a stall
 * @param minSubscriberRate   deliveries per second of the slowest subscriber
 * @param gaps                messages a subscriber (or the publisher, of its own copies) missed, over the round
 * @param outOfOrder          messages that came after a later one, over the round
 * @param serverDropped       messages the server's outbound queue limits dropped during the round; -1 where the
 *                            target counts none
 * @param generator           the load generator's CPU use during the window
 * @param server              the server process's CPU use during the window
 * @param problems            what makes this round invalid, empty if nothing
 */
record BroadcastRound(String target, int subscribers, double deliveriesPerSecond, double publishedPerSecond,
                      double p50Micros, double p99Micros, double maxMicros, long minSecondRate,
                      double minSubscriberRate, long gaps, long outOfOrder, long serverDropped,
                      CpuMeter.Usage generator, CpuMeter.Usage server, List<String> problems) implements Round {
}
