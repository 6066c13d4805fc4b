package dev.switchboard.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The broadcast case of {@link VersusTyrusBenchmark}, a {@link BroadcastRun} (every delivery checked for gaps
 * and order): one publisher and many subscribers in one room, Switchboard's example {@code ChatRoute} at
 * {@code /chat/bench} against the naive loop over raw sessions at {@code /raw-chat/bench} on Tyrus, and, as a third
 * target on the same Tyrus server, Tyrus's own {@code TyrusSession.broadcast} at {@code /broadcast/bench}.
 */
final class BroadcastCase {

    /** The name of the third target. */
    static final String TYRUS_BROADCAST = "tyrus-broadcast";

    private BroadcastCase() {
    }

    static CaseResult run(VersusSettings s, NioClient client, List<Target> targets) {
        BroadcastBenchmark.Settings settings = new BroadcastBenchmark.Settings(s.rounds(), s.warmupMillis(),
                s.measureMillis(), s.subscribers(), s.publishWindow(), 0, 64).fittingOpenFiles();
        List<Target> all = new ArrayList<>(targets);
        all.add(targets.get(1).as(TYRUS_BROADCAST, "/broadcast/{room}"));
        String label = "4 broadcast";
        List<Sample> samples = Rounds.alternate(label, "deliveries/s", "%,.0f", all, s.rounds(), s.warmupRounds(),
                target -> {
                    boolean switchboard = target == all.get(0);
                    BroadcastRound result = new BroadcastRun(target.name(), target.room("bench"), switchboard, client,
                            settings, target.server()).run();
                    return new Sample(target.name(), result.deliveriesPerSecond(), result.generator(),
                            result.server(), result.problems());
                });
        return new CaseResult(String.format("%s: 1 publisher, %,d subscribers, 64 B text, %d undelivered at most",
                label, settings.subscribers(), settings.window()), "deliveries/s", "%,.0f", Goal.ratioAtLeast(1.6),
                all.stream().map(Target::name).toList(), samples);
    }
}
