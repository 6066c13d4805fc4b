package dev.switchboard.settingsapp;

import dev.switchboard.OnText;
import dev.switchboard.Route;

/**
 * Echoes texts, and answers two questions about the app: {@code released?}, how many route instances its factory
 * released, and {@code causes?}, how {@link FloodRoute}'s sessions ended.
 */
@Route("/tuned/echo")
public class EchoRoute {

    @OnText
    String said(String text) {
        return switch (text) {
            case "released?" -> Integer.toString(AppSettings.RELEASED.get());
            case "causes?" -> FloodRoute.CAUSES.toString();
            default -> text;
        };
    }
}
