package dev.switchboard.docs;

// tag::war-settings[]
import dev.switchboard.Heartbeat;
import dev.switchboard.ServerSettings;
import dev.switchboard.WarSettings;

import java.time.Duration;

/** The settings of every route of this WAR: the container finds this class, no web.xml needed. */
public class ChatSettings implements WarSettings {

    @Override
    public ServerSettings settings() {
        return ServerSettings.builder()
                .heartbeat(Heartbeat.every(Duration.ofSeconds(20)))
                .idleTimeout(Duration.ofMinutes(5))
                .allowedOrigins("https://chat.example.com")
                .maxSessions(10_000)
                .maxMessageSize(64 * 1024)
                .shutdownTimeout(Duration.ofSeconds(30))
                .build();
    }
}
// end::war-settings[]
