package dev.switchboard.containers;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A web application archive ready to deploy.
 *
 * @param file      the {@code .war} file; its name without {@code .war} is the context path on every container
 * @param probePath a WebSocket path of the app that answers 101 once the app is deployed (relative to the
 *                  context root, starting with {@code /}), or {@code null} if the app is not expected to deploy
 */
public record War(Path file, String probePath) {

    public War {
        Objects.requireNonNull(file, "file");
        if (!file.getFileName().toString().endsWith(".war")) {
            throw new IllegalArgumentException("A WAR file name ends with .war: " + file);
        }
    }

    /** {@code /contract-app} for {@code contract-app.war}. */
    public String contextPath() {
        String name = file.getFileName().toString();
        return "/" + name.substring(0, name.length() - ".war".length());
    }
}
