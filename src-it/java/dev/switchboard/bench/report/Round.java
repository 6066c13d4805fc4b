package dev.switchboard.bench.report;

import dev.switchboard.bench.load.CpuMeter;

import java.util.List;

/**
 * One round of a case against one target: what it measured, the CPU that generator and server used meanwhile,
 * and what makes the round invalid.
 *
 * @param target    the target's name
 * @param figures   what the round measured, for the table and the round's line; null if it failed before
 *                  measuring anything
 * @param generator the load generator's CPU use during the measurement
 * @param server    the server's CPU use during the measurement
 * @param problems  what makes this round invalid, empty if nothing
 * @param <F>       the case's figures
 */
public record Round<F>(String target, F figures, CpuMeter.Usage generator, CpuMeter.Usage server,
                       List<String> problems) {

    /** A round that failed before it could measure anything. */
    static <F> Round<F> failed(String target, Exception error) {
        return new Round<>(target, null, CpuMeter.Usage.UNKNOWN, CpuMeter.Usage.UNKNOWN,
                List.of("the round failed: " + error));
    }

    /** The same round with these problems, found after the measurement (lost messages, unanswered closes). */
    public Round<F> withProblems(List<String> found) {
        return new Round<>(target, figures, generator, server, List.copyOf(found));
    }

    boolean valid() {
        return problems.isEmpty();
    }
}
