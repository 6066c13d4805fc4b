package dev.switchboard.bench.report;

import java.util.Locale;

/**
 * What a figure of a case is meant to reach: a bound on the ratio Switchboard/raw or on
 * Switchboard's own figure. Printed beside the ratio so the table shows which are met.
 *
 * @param onRatio whether the bound is on the ratio (else on Switchboard's absolute figure)
 * @param atLeast whether the figure must be at least the bound (else at most)
 * @param bound   the bound
 * @param unit    the unit of an absolute bound, for printing
 */
public record Goal(boolean onRatio, boolean atLeast, double bound, String unit) {

    /** No goal: the row is for information. */
    public static final Goal NONE = new Goal(true, true, Double.NaN, "");

    public static Goal ratioAtLeast(double bound) {
        return new Goal(true, true, bound, "x");
    }

    public static Goal ratioAtMost(double bound) {
        return new Goal(true, false, bound, "x");
    }

    public static Goal atMost(double bound, String unit) {
        return new Goal(false, false, bound, " " + unit);
    }

    String describe() {
        if (Double.isNaN(bound)) {
            return "-";
        }
        return String.format(Locale.ROOT, "%s %s%s", atLeast ? ">=" : "<=", trim(bound), unit);
    }

    /** "yes", "no", or "-" without a goal or a figure. */
    String met(double ratio, double switchboard) {
        double figure = onRatio ? ratio : switchboard;
        if (Double.isNaN(bound) || Double.isNaN(figure)) {
            return "-";
        }
        return (atLeast ? figure >= bound : figure <= bound) ? "yes" : "no";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
