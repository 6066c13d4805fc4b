package dev.switchboard.settingsapp;

import dev.switchboard.OnText;
import dev.switchboard.Route;

/**
 * Echoes texts, and answers questions about the app: {@code released?}, how many route instances its factory
 * released; {@code causes?}, how {@link FloodRoute}'s sessions ended; and {@code opened?}, how many sessions of
 * this route its metrics counted.
 */
@Route("/tuned/echo")
public class EchoRoute {

    @OnText
    String said(String text) {
        return switch (text) {
            case "released?" -> Integer.toString(AppSettings.RELEASED.get());
            case "causes?" -> FloodRoute.CAUSES.toString();
            case "opened?" -> Long.toString((long) AppSettings.METERS.get("switchboard.sessions.opened")
                    .tag("route", "/tuned/echo").counter().count());
            default -> text;
        };
    }
}
