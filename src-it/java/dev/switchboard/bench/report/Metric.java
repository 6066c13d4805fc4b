package dev.switchboard.bench.report;

import java.util.function.ToDoubleFunction;

/**
 * One figure of a case as the report shows it: a row per compared target, with the medians, the ratio
 * Switchboard/raw and the goal; or, for a case with Switchboard alone, one row, compared with a reference figure
 * of the same rounds if it has one.
 *
 * @param title     the row's title
 * @param unit      the figure's unit
 * @param format    how to print one figure, e.g. {@code "%,.0f"}
 * @param goal      the goal of the first comparison; the others have none
 * @param value     the figure of a round's figures; negative if the round could not measure it, or NaN for a
 *                  signed figure
 * @param cpu       whether the round's CPU use belongs to this figure (not for a figure measured after the load)
 * @param signed    whether a negative figure is a measurement (a difference that can go either way), not a
 *                  round that could not measure it
 * @param reference what Switchboard's figure is compared with in the same rounds, for a case that has no other
 *                  target; null for none
 * @param <F>       the case's figures
 */
public record Metric<F>(String title, String unit, String format, Goal goal, ToDoubleFunction<F> value, boolean cpu,
                        boolean signed, Reference<F> reference) {

    /**
     * A figure the same rounds give to compare Switchboard's with, such as what an even spread would give.
     *
     * @param name  what the report's "compared with" column calls it
     * @param value the figure of a round's figures
     * @param <F>   the case's figures
     */
    public record Reference<F>(String name, ToDoubleFunction<F> value) {
    }

    /** A figure measured during the load, with the round's CPU use beside it. */
    public Metric(String title, String unit, String format, Goal goal, ToDoubleFunction<F> value) {
        this(title, unit, format, goal, value, true, false, null);
    }

    /** The same figure, without the round's CPU use. */
    public Metric<F> withoutCpu() {
        return new Metric<>(title, unit, format, goal, value, false, signed, reference);
    }

    /** The same figure, whose negative values are measurements; NaN marks a round that could not measure it. */
    public Metric<F> asSigned() {
        return new Metric<>(title, unit, format, goal, value, cpu, true, reference);
    }

    /** The same figure, compared with a reference figure of the same rounds; the goal's ratio is against it. */
    public Metric<F> against(String name, ToDoubleFunction<F> referenceValue) {
        return new Metric<>(title, unit, format, goal, value, cpu, signed, new Reference<>(name, referenceValue));
    }

    /** Whether a round's value of this figure is a measurement. */
    boolean measured(double figure) {
        return !Double.isNaN(figure) && (signed || figure >= 0);
    }
}
