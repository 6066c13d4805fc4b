package dev.switchboard.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one report of every benchmark: per figure of each case, the medians of Switchboard and of each compared
 * target with their ranges, the ratio, the goal and whether it is met, and the CPU the generator and the
 * servers used meanwhile; then a warning for any case whose generator came near its cores' limit, and the
 * verdict.
 */
public final class Report {

    /** A generator above this share of its cores may have limited the figures. */
    private static final double GENERATOR_LIMIT = 0.9;

    private Report() {
    }

    /**
     * Prints the table.
     *
     * @param results        the cases run, in order
     * @param generatorCores the cores the generator may use (1 when pinned)
     * @return whether every round of every case was valid
     */
    public static boolean print(List<CaseResult<?>> results, int generatorCores) {
        return print(results, generatorCores, "switchboard", "raw");
    }

    /**
     * Prints the table, naming its columns of figures.
     *
     * @param results        the cases run, in order
     * @param generatorCores the cores the generator may use (1 when pinned)
     * @param first          what the first target of each case is, e.g. "switchboard"
     * @param others         what the targets compared with it are, e.g. "raw"
     * @return whether every round of every case was valid
     */
    public static boolean print(List<CaseResult<?>> results, int generatorCores, String first, String others) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("case", "unit", first, "compared with", others, "ratio", "target", "met",
                "generator CPU", "server CPU"));
        List<String> warnings = new ArrayList<>();
        for (CaseResult<?> result : results) {
            addRows(result, rows);
            warnIfGeneratorBound(result, generatorCores, warnings);
        }
        System.out.println();
        System.out.println("Medians over rounds (min-max). Ratio = " + first + " / " + others + ". CPU in cores"
                + " during the measurement, medians, " + first + " / " + others + ".");
        printAligned(rows);
        warnings.forEach(System.out::println);
        long invalid = results.stream().mapToLong(CaseResult::invalidRounds).sum();
        long rounds = results.stream().mapToLong(result -> result.rounds().size()).sum();
        System.out.println(invalid == 0 ? "VALID: every round of every case completed without errors, mismatches,"
                + " lost messages or failed handshakes."
                : "INVALID: " + invalid + " of " + rounds + " rounds had problems (listed under each round).");
        return invalid == 0;
    }

    private static <F> void addRows(CaseResult<F> result, List<List<String>> rows) {
        String switchboard = result.targets().get(0);
        for (Metric<F> metric : result.metrics()) {
            double[] mine = result.values(metric, switchboard);
            if (result.targets().size() == 1) {
                rows.add(aloneRow(result, metric, switchboard, mine));
                continue;
            }
            for (int i = 1; i < result.targets().size(); i++) {
                String raw = result.targets().get(i);
                double[] theirs = result.values(metric, raw);
                double ratio = CaseResult.median(mine) / CaseResult.median(theirs);
                Goal goal = i == 1 ? metric.goal() : Goal.NONE;
                rows.add(List.of(i == 1 ? metric.title() : "", metric.unit(), summary(mine, metric.format()), raw,
                        summary(theirs, metric.format()),
                        Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio),
                        goal.describe(), goal.met(ratio, CaseResult.median(mine)),
                        cpu(result, metric, switchboard, raw, true), cpu(result, metric, switchboard, raw, false)));
            }
        }
    }

    /**
     * The row of a case with Switchboard alone: compared with the metric's reference figure of the same rounds if
     * it has one, else with nothing.
     */
    private static <F> List<String> aloneRow(CaseResult<F> result, Metric<F> metric, String switchboard,
                                             double[] mine) {
        String none = "-";
        double ratio = Double.NaN;
        String compared = none;
        String theirs = none;
        if (metric.reference() != null) {
            double[] reference = result.referenceValues(metric, switchboard);
            ratio = CaseResult.median(mine) / CaseResult.median(reference);
            compared = metric.reference().name();
            theirs = summary(reference, metric.format());
        }
        return List.of(metric.title(), metric.unit(), summary(mine, metric.format()), compared, theirs,
                metric.reference() == null ? none : Double.isNaN(ratio) ? "n/a"
                        : String.format(Locale.ROOT, "%.2f", ratio),
                metric.goal().describe(), metric.goal().met(ratio, CaseResult.median(mine)),
                cores(metric.cpu() ? result.medianCpu(switchboard, true) : Double.NaN) + " / " + none,
                cores(metric.cpu() ? result.medianCpu(switchboard, false) : Double.NaN) + " / " + none);
    }

    private static void warnIfGeneratorBound(CaseResult<?> result, int generatorCores, List<String> warnings) {
        for (String target : result.targets()) {
            double generator = result.medianCpu(target, true);
            if (generator > GENERATOR_LIMIT * generatorCores) {
                warnings.add(String.format(Locale.ROOT, "Warning: in '%s' against %s the generator used %.2f"
                        + " of its %d core(s): it may have limited the figures.", result.label(), target,
                        generator, generatorCores));
            }
        }
    }

    /** The median, and the range if there is more than one value. */
    private static String summary(double[] sorted, String format) {
        if (sorted.length == 0) {
            return "n/a";
        }
        double median = CaseResult.median(sorted);
        if (sorted.length == 1) {
            return String.format(Locale.ROOT, format, median);
        }
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")",
                median, sorted[0], sorted[sorted.length - 1]);
    }

    private static String cpu(CaseResult<?> result, Metric<?> metric, String switchboard, String raw,
                              boolean generator) {
        return cores(metric.cpu() ? result.medianCpu(switchboard, generator) : Double.NaN) + " / "
                + cores(metric.cpu() ? result.medianCpu(raw, generator) : Double.NaN);
    }

    private static String cores(double cores) {
        return Double.isNaN(cores) ? "n/a" : String.format(Locale.ROOT, "%.2f", cores);
    }

    private static void printAligned(List<List<String>> rows) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format(Locale.ROOT, "%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            System.out.println(line.toString().stripTrailing());
        }
    }
}
