package dev.switchboard.example;

import dev.switchboard.OnBinary;
import dev.switchboard.OnText;
import dev.switchboard.Route;

import java.nio.ByteBuffer;

/**
 * Sends every message back to its sender, unchanged.
 */
@Route("/echo")
public class EchoRoute {

    @OnText
    String echo(String text) {
        return text;
    }

    @OnBinary
    ByteBuffer echo(ByteBuffer data) {
        ByteBuffer copy = ByteBuffer.allocate(data.remaining());
        return copy.put(data).flip();
    }
}
