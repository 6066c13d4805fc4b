package dev.switchboard.bench.report;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The rounds of one case and the figures the report shows of them: Switchboard (the first target) against each
 * other target, or alone (a case with no counterpart, such as the heartbeat's).
 *
 * @param label   the case's short name, as its round lines and warnings give it
 * @param targets the targets' names, Switchboard first
 * @param rounds  every counted round
 * @param metrics the figures to show, a row each per compared target
 * @param <F>     the case's figures
 */
public record CaseResult<F>(String label, List<String> targets, List<Round<F>> rounds, List<Metric<F>> metrics) {

    /** A metric's values in a target's rounds that measured it, sorted. */
    double[] values(Metric<F> metric, String target) {
        return values(metric, metric.value(), target);
    }

    /** A metric's reference values in a target's rounds that measured them, sorted; none without a reference. */
    double[] referenceValues(Metric<F> metric, String target) {
        return metric.reference() == null ? new double[0] : values(metric, metric.reference().value(), target);
    }

    private double[] values(Metric<F> metric, ToDoubleFunction<F> value, String target) {
        return rounds.stream().filter(round -> round.target().equals(target) && round.figures() != null)
                .mapToDouble(round -> value.applyAsDouble(round.figures()))
                .filter(metric::measured).sorted().toArray();
    }

    /** The median of a metric over a target's rounds that measured it; NaN if none did. */
    public double median(Metric<F> metric, String target) {
        return median(values(metric, target));
    }

    /** The median of a target's CPU use, generator's or server's, in cores; NaN if unknown. */
    double medianCpu(String target, boolean generator) {
        return median(rounds.stream().filter(round -> round.target().equals(target))
                .mapToDouble(round -> (generator ? round.generator() : round.server()).cores())
                .filter(cores -> cores >= 0).sorted().toArray());
    }

    long invalidRounds() {
        return rounds.stream().filter(round -> !round.valid()).count();
    }

    /** The median of sorted values; NaN if there are none. */
    static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
