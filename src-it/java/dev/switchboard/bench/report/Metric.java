package dev.switchboard.bench.report;

import java.util.function.ToDoubleFunction;

/**
 * One figure of a case as the report shows it: a row per compared target, with the medians, the ratio
 * Switchboard/raw and the goal.
 *
 * @param title  the row's title
 * @param unit   the figure's unit
 * @param format how to print one figure, e.g. {@code "%,.0f"}
 * @param goal   the goal of the first comparison; the others have none
 * @param value  the figure of a round's figures; negative if the round could not measure it, or NaN for a signed
 *               figure
 * @param cpu    whether the round's CPU use belongs to this figure (not for a figure measured after the load)
 * @param signed whether a negative figure is a measurement (a difference that can go either way), not a round
 *               that could not measure it
 * @param <F>    the case's figures
 */
public record Metric<F>(String title, String unit, String format, Goal goal, ToDoubleFunction<F> value, boolean cpu,
                        boolean signed) {

    /** A figure measured during the load, with the round's CPU use beside it. */
    public Metric(String title, String unit, String format, Goal goal, ToDoubleFunction<F> value) {
        this(title, unit, format, goal, value, true, false);
    }

    /** The same figure, without the round's CPU use. */
    public Metric<F> withoutCpu() {
        return new Metric<>(title, unit, format, goal, value, false, signed);
    }

    /** The same figure, whose negative values are measurements; NaN marks a round that could not measure it. */
    public Metric<F> asSigned() {
        return new Metric<>(title, unit, format, goal, value, cpu, true);
    }

    /** Whether a round's value of this figure is a measurement. */
    boolean measured(double figure) {
        return !Double.isNaN(figure) && (signed || figure >= 0);
    }
}
