package dev.switchboard.runtime;

/**
 * A route's sessions on one engine as they are at this moment, read by gauges whenever metrics are collected,
 * which costs the sessions nothing in between.
 */
public interface RouteState {

    /**
     * How many sessions are open.
     *
     * @return the number of open sessions
     */
    int openSessions();

    /**
     * Messages, pings and closes the sessions' outbound queues hold, the one being written included.
     *
     * @return the number of queued entries
     */
    long queuedMessages();

    /**
     * Bytes the sessions' outbound queues hold and have not handed to the socket yet.
     *
     * @return the number of queued bytes
     */
    long queuedBytes();
}
