package dev.switchboard.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The summary of a benchmark run: per target, the median of each metric over the rounds with its range,
 * the ratios of the first target to the second, the CPU note, the server's warnings and the verdict.
 */
final class Report {

    /**
     * One metric of the summary table.
     *
     * @param header its column header
     * @param ratio  its name on the ratio line, or null to leave it off that line
     * @param metric its value in a round; negative for unknown
     * @param format how to print one value, e.g. {@code "%,.0f"}
     */
    record Column<R>(String header, String ratio, ToDoubleFunction<R> metric, String format) {
    }

    private Report() {
    }

    /**
     * Prints the summary.
     *
     * @param targets       the targets, in order; the ratio is the first over the second
     * @param results       every round
     * @param columns       the metrics, besides the generator's and the server's CPU, which every table has
     * @param serverTrouble the server's warnings and errors
     * @param serverLog     where the server logged
     * @param validMessage  what a valid run proved
     * @return whether every round was valid
     */
    static <R extends Round> boolean print(List<String> targets, List<R> results, List<Column<R>> columns,
                                           List<String> serverTrouble, Path serverLog, String validMessage) {
        List<Column<R>> all = new ArrayList<>(columns);
        all.add(new Column<>("generator CPU", null, r -> r.generator().cores(), "%.2f"));
        all.add(new Column<>("server CPU", null, r -> r.server().cores(), "%.2f"));
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("target"));
        all.forEach(column -> header.add(column.header()));
        rows.add(header);
        for (String target : targets) {
            List<R> rounds = of(results, target);
            if (rounds.isEmpty()) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(target));
            all.forEach(column -> row.add(summary(rounds, column.metric(), column.format())));
            rows.add(row);
        }
        System.out.println();
        System.out.println("Medians over rounds (min-max); CPU in cores, during measurement:");
        printAligned(rows);

        if (targets.size() == 2 && !of(results, targets.get(0)).isEmpty() && !of(results, targets.get(1)).isEmpty()) {
            StringBuilder ratios = new StringBuilder(targets.get(0) + "/" + targets.get(1) + ":");
            String separator = " ";
            for (Column<R> column : columns) {
                if (column.ratio() != null) {
                    ratios.append(separator).append(column.ratio()).append(String.format(Locale.ROOT, " %.2f",
                            median(of(results, targets.get(0)), column.metric())
                                    / median(of(results, targets.get(1)), column.metric())));
                    separator = ", ";
                }
            }
            System.out.println(ratios);
        }

        double generator = median(results, r -> r.generator().cores());
        double serverCpu = median(results, r -> r.server().cores());
        int cores = Runtime.getRuntime().availableProcessors();
        if (generator + serverCpu > 0.9 * cores) {
            System.out.printf(Locale.ROOT, "Note: generator and server together use %.2f of %d cores: the machine is"
                            + " saturated, and the generator takes %.0f%% of the CPU in use.%n",
                    generator + serverCpu, cores, 100 * generator / (generator + serverCpu));
        }
        if (!serverTrouble.isEmpty()) {
            System.out.println("Note: the server logged " + serverTrouble.size() + " warnings or errors, see "
                    + serverLog + "; the first:");
            serverTrouble.stream().limit(5).forEach(line -> System.out.println("    " + line));
        }
        long invalid = results.stream().filter(r -> !r.valid()).count();
        System.out.println(invalid == 0 ? "VALID: " + validMessage
                : "INVALID: " + invalid + " of " + results.size() + " rounds had problems (listed under each round).");
        return invalid == 0;
    }

    private static <R extends Round> List<R> of(List<R> results, String target) {
        return results.stream().filter(r -> r.target().equals(target)).toList();
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

    private static <R> String summary(List<R> rows, ToDoubleFunction<R> metric, String format) {
        double[] values = rows.stream().mapToDouble(metric).sorted().toArray();
        if (values[0] < 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")",
                median(values), values[0], values[values.length - 1]);
    }

    static <R> double median(List<R> rows, ToDoubleFunction<R> metric) {
        return median(rows.stream().mapToDouble(metric).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = Arrays.copyOf(values, values.length);
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
