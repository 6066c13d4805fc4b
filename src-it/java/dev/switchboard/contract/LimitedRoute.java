package dev.switchboard.contract;

import dev.switchboard.OnBinary;
import dev.switchboard.OnText;
import dev.switchboard.Route;

/**
 * An echo that accepts messages of at most 1 KiB.
 */
@Route(value = "/limited", maxMessageBytes = 1024)
public class LimitedRoute extends TrackedRoute {

    @OnText
    String text(String text) {
        return text;
    }

    @OnBinary
    byte[] binary(byte[] data) {
        return data;
    }
}
