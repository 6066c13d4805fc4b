package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Rounds alternating between targets: in odd rounds in the given order, in even rounds in reverse, so that
 * neither target always runs first (or always right after the other) while the machine drifts. One line per
 * round, with its problems under it.
 */
final class Rounds {

    /** One round of a case against one target; its failure becomes the round's problem. */
    interface Body {
        Sample run(Target target) throws Exception;
    }

    private Rounds() {
    }

    /** The targets in the order of the given round (1-based). */
    static <T> List<T> order(List<T> targets, int round) {
        if (round % 2 == 1) {
            return targets;
        }
        List<T> reversed = new ArrayList<>(targets);
        Collections.reverse(reversed);
        return reversed;
    }

    /**
     * Runs the rounds.
     *
     * @param label  the case's name, for the round lines
     * @param warmup whether to run an uncounted round per target first
     * @return the counted rounds' samples
     */
    static List<Sample> alternate(String label, String unit, String format, List<Target> targets, int rounds,
                                  boolean warmup, Body body) {
        if (warmup) {
            for (Target target : targets) {
                Sample sample = run(body, target);
                print(label, "warm-up (not counted)", sample, unit, format);
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (Target target : order(targets, round)) {
                Sample sample = run(body, target);
                samples.add(sample);
                print(label, "round " + round, sample, unit, format);
            }
        }
        return samples;
    }

    static Sample run(Body body, Target target) {
        try {
            return body.run(target);
        } catch (Exception e) {
            return Sample.failed(target.name(), e);
        }
    }

    static void print(String label, String round, Sample sample, String unit, String format) {
        System.out.printf(Locale.ROOT, "%-9s %-8s %-16s %14s %-12s generator %s, server %s  %s%n", label, round,
                sample.target(), sample.value() < 0 ? "n/a" : String.format(Locale.ROOT, format, sample.value()),
                unit, sample.generator(), sample.server(), sample.valid() ? "ok" : "INVALID");
        for (String problem : sample.problems()) {
            System.out.println("    " + problem);
        }
    }
}
