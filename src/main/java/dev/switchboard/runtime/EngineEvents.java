package dev.switchboard.runtime;

/**
 * Where an engine reports what happens on its routes, for metrics: the runtime's side of the API's
 * {@code Metrics}, so that the runtime names no metrics library. {@link #NONE}, the default, reports nowhere.
 */
public interface EngineEvents {

    /** Reports nowhere: every route gets {@link RouteEvents#NONE}. */
    EngineEvents NONE = (template, state) -> RouteEvents.NONE;

    /**
     * An engine begins to serve a route.
     *
     * @param template the route's path template: metrics name a route by it, never by a session's path
     * @param state    the route's sessions on that engine, for gauges to read until {@link #stoppedServing}
     * @return where the engine reports the route's events
     */
    RouteEvents serving(String template, RouteState state);

    /**
     * An engine stopped serving a route: gauges no longer read its state.
     *
     * @param template the route's path template
     * @param state    the state given to {@link #serving}
     */
    default void stoppedServing(String template, RouteState state) {
    }

    /**
     * An engine uses a bus to other nodes, for gauges and counters to read until {@link #leftCluster}; never told of
     * the in-process cluster's.
     *
     * @param bus the bus
     */
    default void joinedCluster(ClusterBus bus) {
    }

    /**
     * An engine stopped using a bus to other nodes.
     *
     * @param bus the bus given to {@link #joinedCluster}
     */
    default void leftCluster(ClusterBus bus) {
    }
}
