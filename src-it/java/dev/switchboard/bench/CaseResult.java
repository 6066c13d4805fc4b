package dev.switchboard.bench;

import java.util.List;

/**
 * The rounds of one case of {@link VersusTyrusBenchmark}: Switchboard (the first target) against each other
 * target, one table row per comparison.
 *
 * @param title   the case, as the table names it
 * @param unit    the unit of its figures
 * @param format  how to print one figure, e.g. {@code "%,.0f"}
 * @param goal    the goal of the first comparison; the others have none
 * @param targets the targets, Switchboard first
 * @param samples every counted round
 */
record CaseResult(String title, String unit, String format, Goal goal, List<String> targets, List<Sample> samples) {

    List<Sample> of(String target) {
        return samples.stream().filter(sample -> sample.target().equals(target)).toList();
    }

    /** The median figure of a target's rounds that measured one; NaN if none did. */
    double median(String target) {
        List<Sample> measured = of(target).stream().filter(sample -> sample.value() >= 0).toList();
        return measured.isEmpty() ? Double.NaN : Report.median(measured, Sample::value);
    }

    /** The median of a target's CPU use, generator's or server's, in cores; NaN if unknown. */
    double medianCpu(String target, boolean generator) {
        List<Sample> known = of(target).stream()
                .filter(sample -> (generator ? sample.generator() : sample.server()).cores() >= 0).toList();
        return known.isEmpty() ? Double.NaN
                : Report.median(known, sample -> (generator ? sample.generator() : sample.server()).cores());
    }

    long invalidRounds() {
        return samples.stream().filter(sample -> !sample.valid()).count();
    }
}
