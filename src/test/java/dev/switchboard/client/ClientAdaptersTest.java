package dev.switchboard.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.switchboard.OnText;
import dev.switchboard.WebSocketClient;
import dev.switchboard.binding.ClientBinding;
import dev.switchboard.processor.InMemoryCompiler;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a connector finds a client's adapter, and what it says when there is none. */
class ClientAdaptersTest {

    /** Compiled with the test sources, by the processor: its adapter is in the test classes' client index. */
    @WebSocketClient
    static class Echo {
        @OnText
        String said(String text) {
            return text;
        }
    }

    static class NotAClient {
    }

    @Test
    void findsTheGeneratedAdapterThroughTheClientIndex() {
        ClientBinding binding = ClientAdapters.of(Echo.class);
        assertSame(Echo.class, binding.routeClass());
        assertEquals("dev.switchboard.client.ClientAdaptersTest_Echo_SwitchboardClient", binding.getClass().getName());
        assertEquals("", binding.path());
    }

    @Test
    void aClassWithoutTheAnnotationIsNamedAsSuch() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClientAdapters.of(NotAClient.class));
        assertEquals("dev.switchboard.client.ClientAdaptersTest$NotAClient is not a client: annotate it with"
                + " @dev.switchboard.WebSocketClient.", e.getMessage());
    }

    @Test
    void aClientCompiledWithoutTheProcessorAsksWhetherProcessingIsEnabled(@TempDir Path out) throws Exception {
        InMemoryCompiler.compileWithoutProcessorInto(out, """
                package com.example;
                @dev.switchboard.WebSocketClient public class Feed {}
                """).assertClean();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                ClientAdaptersTest.class.getClassLoader())) {
            Class<?> feed = loader.loadClass("com.example.Feed");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ClientAdapters.of(feed));
            assertEquals("com.example.Feed is annotated @WebSocketClient but has no generated adapter in the client"
                    + " index (META-INF/services/dev.switchboard.binding.ClientBinding). Is annotation processing"
                    + " enabled? javac runs dev.switchboard.processor.RouteProcessor from the switchboard jar on JDK"
                    + " 17-22; JDK 23+ runs it only when asked: pass -proc:full, or name it in the"
                    + " maven-compiler-plugin's <annotationProcessors> or <annotationProcessorPaths>.", e.getMessage());
        }
    }
}
