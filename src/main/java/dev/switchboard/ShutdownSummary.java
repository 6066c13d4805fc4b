package dev.switchboard;

/**
 * What {@link Switchboard#stop()} did to the sessions that were open.
 *
 * @param closed         sessions that closed within the shutdown timeout, their queued messages sent
 * @param cut            sessions still open when the timeout passed, reported disconnected all the same
 * @param unsentMessages queued messages of the cut sessions that were not sent
 */
public record ShutdownSummary(int closed, int cut, long unsentMessages) {
}
