package dev.switchboard;

/**
 * The server settings of the routes a WAR deploys, without web.xml: a public class of the WAR with a public
 * no-argument constructor implements it, and the container hands it to Switchboard with the routes. At most one
 * per application; without one, every setting has its default.
 *
 * <pre>{@code
 * public class ChatSettings implements WarSettings {
 *     public ServerSettings settings() {
 *         return ServerSettings.builder()
 *                 .heartbeat(Heartbeat.every(Duration.ofSeconds(20)))
 *                 .maxSessions(10_000)
 *                 .build();
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface WarSettings {

    /**
     * The settings, read once when the application starts.
     *
     * @return the settings of every route of the application
     */
    ServerSettings settings();
}
