package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The summary of {@link VersusTyrusBenchmark}: per case, the medians of Switchboard and of the compared target
 * with their ranges, the ratio, the goal and whether it is met, and the CPU the generator and the servers
 * used meanwhile; then a warning for any case whose generator came near its core's limit.
 */
final class ComparisonTable {

    /** A generator above this share of its one core may have limited the figures. */
    private static final double GENERATOR_LIMIT = 0.9;

    private ComparisonTable() {
    }

    /**
     * Prints the table.
     *
     * @param results        the cases run, in order
     * @param generatorCores the cores the generator may use (1 when pinned)
     * @return whether every round of every case was valid
     */
    static boolean print(List<CaseResult> results, int generatorCores) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("case", "unit", "switchboard", "compared with", "raw", "ratio", "target", "met",
                "generator CPU", "server CPU"));
        List<String> warnings = new ArrayList<>();
        for (CaseResult result : results) {
            String switchboard = result.targets().get(0);
            for (int i = 1; i < result.targets().size(); i++) {
                String raw = result.targets().get(i);
                double ratio = result.median(switchboard) / result.median(raw);
                Goal goal = i == 1 ? result.goal() : Goal.NONE;
                rows.add(List.of(i == 1 ? result.title() : "", result.unit(),
                        summary(result.of(switchboard), result.format()), raw,
                        summary(result.of(raw), result.format()),
                        Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio),
                        goal.describe(), goal.met(ratio, result.median(switchboard)),
                        cpu(result, switchboard, raw, true), cpu(result, switchboard, raw, false)));
            }
            for (String target : result.targets()) {
                double generator = result.medianCpu(target, true);
                if (generator > GENERATOR_LIMIT * generatorCores) {
                    warnings.add(String.format(Locale.ROOT, "Warning: in '%s' against %s the generator used %.2f"
                            + " of its %d core(s): it may have limited the figures.", result.title(), target,
                            generator, generatorCores));
                }
            }
        }
        System.out.println();
        System.out.println("Medians over rounds (min-max). Ratio = switchboard / raw. CPU in cores during the"
                + " measurement, medians, switchboard / raw.");
        printAligned(rows);
        warnings.forEach(System.out::println);
        long invalid = results.stream().mapToLong(CaseResult::invalidRounds).sum();
        long rounds = results.stream().mapToLong(result -> result.samples().size()).sum();
        System.out.println(invalid == 0 ? "VALID: every round of every case completed without errors, mismatches,"
                + " lost messages or failed handshakes."
                : "INVALID: " + invalid + " of " + rounds + " rounds had problems (listed under each round).");
        return invalid == 0;
    }

    private static String summary(List<Sample> samples, String format) {
        double[] values = samples.stream().mapToDouble(Sample::value).filter(v -> v >= 0).sorted().toArray();
        if (values.length == 0) {
            return "n/a";
        }
        double median = Report.median(samples.stream().filter(s -> s.value() >= 0).toList(), Sample::value);
        if (values.length == 1) {
            return String.format(Locale.ROOT, format, median);
        }
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")",
                median, values[0], values[values.length - 1]);
    }

    private static String cpu(CaseResult result, String switchboard, String raw, boolean generator) {
        double first = result.medianCpu(switchboard, generator);
        double second = result.medianCpu(raw, generator);
        return (Double.isNaN(first) ? "n/a" : String.format(Locale.ROOT, "%.2f", first)) + " / "
                + (Double.isNaN(second) ? "n/a" : String.format(Locale.ROOT, "%.2f", second));
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
