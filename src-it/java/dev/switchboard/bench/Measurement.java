package dev.switchboard.bench;

/**
 * What one connection recorded during a measurement window.
 *
 * @param histogram its latencies (round trips, or delivery times)
 * @param messages  how many it recorded
 */
record Measurement(LatencyHistogram histogram, long messages) {
}
