package dev.switchboard.bench;

import java.util.List;

/**
 * One round of one case of {@link VersusTyrusBenchmark} against one target: the case's figure and the CPU
 * that generator and server used meanwhile.
 *
 * @param target    the target's name
 * @param value     the figure, in the case's unit; negative if the round could not measure it
 * @param generator the load generator's CPU use
 * @param server    the server's CPU use
 * @param problems  what makes this round invalid, empty if nothing
 */
record Sample(String target, double value, CpuMeter.Usage generator, CpuMeter.Usage server, List<String> problems)
        implements Round {

    /** A round that failed before it could measure anything. */
    static Sample failed(String target, Exception error) {
        return new Sample(target, -1, CpuMeter.Usage.UNKNOWN, CpuMeter.Usage.UNKNOWN,
                List.of("the round failed: " + error));
    }
}
