package dev.switchboard.bench.report;

import dev.switchboard.bench.server.Target;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Rounds alternating between targets: in odd rounds in the given order, in even rounds in reverse, so that
 * neither target always runs first (or always right after the other) while the machine drifts. One line per
 * round, with its problems under it.
 */
public final class Rounds {

    /** One round of a case against one target; its failure becomes the round's problem. */
    public interface Body<F> {
        Round<F> run(Target target) throws Exception;
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
     * @param count  counted rounds per target
     * @param warmup whether to run an uncounted round per target first, so that neither pays alone for the
     *               server's JIT compilation and heap sizing
     * @return the counted rounds
     */
    public static <F> List<Round<F>> alternate(String label, List<Target> targets, int count, boolean warmup,
                                               Body<F> body) {
        if (warmup) {
            for (Target target : targets) {
                print(label, "warm-up", run(body, target));
            }
        }
        List<Round<F>> rounds = new ArrayList<>();
        for (int round = 1; round <= count; round++) {
            for (Target target : order(targets, round)) {
                Round<F> result = run(body, target);
                rounds.add(result);
                print(label, "round " + round, result);
            }
        }
        return rounds;
    }

    private static <F> Round<F> run(Body<F> body, Target target) {
        try {
            return body.run(target);
        } catch (Exception e) {
            return Round.failed(target.name(), e);
        }
    }

    /** The round's line: its figures (their {@code toString()}), the CPU, and whether it was valid. */
    private static void print(String label, String round, Round<?> result) {
        System.out.printf(Locale.ROOT, "%-11s %-8s %-15s %s; generator %s, server %s  %s%n", label, round,
                result.target(), result.figures() == null ? "n/a" : result.figures(), result.generator(),
                result.server(), result.valid() ? "ok" : "INVALID");
        for (String problem : result.problems()) {
            System.out.println("    " + problem);
        }
    }
}
