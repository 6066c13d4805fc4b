package com.example.chat;

import dev.switchboard.Switchboard;

/** Serves the chat on port 8080, or where --host and --port say. */
public final class Main {

    // tag::main[]
    public static void main(String[] args) throws InterruptedException {
        Switchboard.builder().port(8080).route(ChatRoom.class)
                .commandLine(args)          // --host, --port, --keystore, --blocking-handlers
                .build()
                .serveUntilShutdown();      // serves until SIGTERM or Ctrl+C, then drains
    }
    // end::main[]
}
