package dev.switchboard.metrics;

import dev.switchboard.Cluster;
import dev.switchboard.runtime.BusCounts;
import dev.switchboard.runtime.ClusterBus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A cluster bus's meters on one registry, tagged with its node id: what it published, failed to publish and
 * received, and whether it is up. Read only when the registry is read; registered while an engine uses the bus and
 * removed with the last one, so that a stopped server leaves no meter holding on to its bus.
 */
final class ClusterMeters {

    private final MeterRegistry registry;
    private final ClusterBus bus;
    private int engines; // guarded by this
    private List<Meter> registered = List.of(); // guarded by this

    ClusterMeters(MeterRegistry registry, ClusterBus bus) {
        this.registry = registry;
        this.bus = bus;
    }

    /** One more engine uses the bus: the first registers the meters. */
    synchronized void add() {
        if (engines++ == 0) {
            Tags node = Tags.of(MeterNames.NODE, bus.nodeId());
            registered = List.of(
                    counter(MeterNames.CLUSTER_PUBLISHED, "Broadcasts handed to the cluster bus for the other nodes",
                            BusCounts::published, node),
                    counter(MeterNames.CLUSTER_UNPUBLISHED, "Broadcasts that were to reach the other nodes and were "
                            + "not published: the bus was down, too many waited, or Redis refused them",
                            BusCounts::unpublished, node),
                    counter(MeterNames.CLUSTER_RECEIVED, "Messages the other nodes published that reached this node",
                            BusCounts::received, node),
                    counter(MeterNames.CLUSTER_UNREADABLE, "Messages that reached this node and could not be read",
                            BusCounts::unreadable, node),
                    Gauge.builder(MeterNames.CLUSTER_UP, bus, up -> up.state() == Cluster.State.UP ? 1 : 0)
                            .description("1 while the cluster bus is up, 0 while it is down or connecting")
                            .tags(node)
                            .strongReference(true) // removed explicitly, with the last engine
                            .register(registry));
        }
    }

    /**
     * One engine less uses the bus: with the last, the meters go.
     *
     * @return whether no engine uses the bus any more
     */
    synchronized boolean remove() {
        if (--engines == 0) {
            registered.forEach(registry::remove);
            registered = List.of();
        }
        return engines == 0;
    }

    private Meter counter(String name, String description, ToLongFunction<BusCounts> count, Tags node) {
        return FunctionCounter.builder(name, bus, counted -> count.applyAsLong(counted.counts()))
                .description(description)
                .tags(node)
                .register(registry);
    }
}
