package dev.switchboard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.binding.ConnectionHandlers;
import dev.switchboard.binding.MessageForm;
import dev.switchboard.binding.RouteBinding;
import dev.switchboard.processor.InMemoryCompiler.Result;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every allowed form of streamed and fragmented messages compiles into an adapter that calls it right. */
class StreamAdapterTest {

    private static final String IMPORTS = """
            import dev.switchboard.*;
            import java.io.InputStream;
            import java.io.Reader;
            import java.nio.ByteBuffer;

            """;

    private static RouteBinding binding(Result result, String adapter) throws ReflectiveOperationException {
        return (RouteBinding) result.loader().loadClass(adapter).getDeclaredConstructor().newInstance();
    }

    @Test
    void everyStreamAndFragmentSignatureCompiles() throws Exception {
        Result result = InMemoryCompiler.compile(
                "package s;\n" + IMPORTS + """
                        @Route("/a") class TextStreamVoid { @OnText void said(Reader text) {} }
                        """,
                "package s;\n" + IMPORTS + """
                        @Route("/b/{x}") class TextStreamReply {
                            @OnText String said(@PathParam("x") String x, Reader text, WebSocketSession s) { return x; }
                        }
                        """,
                "package s;\n" + IMPORTS + """
                        @Route("/c") class BinaryStreamVoid { @OnBinary void data(InputStream data) {} }
                        """,
                "package s;\n" + IMPORTS + """
                        @Route("/d") class BinaryStreamReplies {
                            @OnBinary ByteBuffer data(WebSocketSession s, InputStream data) { return null; }
                            @OnText byte[] said(Reader text) throws java.io.IOException { return null; }
                        }
                        """,
                "package s;\n" + IMPORTS + """
                        @Route("/e/{x}") class TextParts {
                            @OnText void said(boolean last, WebSocketSession s, String part, @PathParam("x") String x) {}
                        }
                        """,
                "package s;\n" + IMPORTS + """
                        @Route("/f") class BinaryByteParts { @OnBinary void data(byte[] part, boolean last) {} }
                        """,
                "package s;\n" + IMPORTS + """
                        @Route("/g") class BinaryBufferParts {
                            @OnBinary void data(ByteBuffer part, boolean last) {}
                            @OnText void said(String text) {}
                        }
                        """).assertClean();
        assertEquals(Set.of("s.TextStreamVoid_SwitchboardRoute", "s.TextStreamReply_SwitchboardRoute",
                "s.BinaryStreamVoid_SwitchboardRoute", "s.BinaryStreamReplies_SwitchboardRoute",
                "s.TextParts_SwitchboardRoute", "s.BinaryByteParts_SwitchboardRoute",
                "s.BinaryBufferParts_SwitchboardRoute"), result.sources().keySet());

        assertForms(result, "s.TextStreamVoid_SwitchboardRoute", MessageForm.STREAM, MessageForm.WHOLE);
        assertForms(result, "s.BinaryStreamReplies_SwitchboardRoute", MessageForm.STREAM, MessageForm.STREAM);
        assertForms(result, "s.TextParts_SwitchboardRoute", MessageForm.PARTS, MessageForm.WHOLE);
        assertForms(result, "s.BinaryBufferParts_SwitchboardRoute", MessageForm.WHOLE, MessageForm.PARTS);

        String reply = result.sources().get("s.TextStreamReply_SwitchboardRoute");
        assertTrue(reply.contains("public void onTextStream(java.io.Reader message) throws java.lang.Throwable {\n"
                + "                messages.reply(route.said(path0, message, session), false);"), reply);
        String parts = result.sources().get("s.TextParts_SwitchboardRoute");
        assertTrue(parts.contains("public void onTextPart(java.lang.String part, boolean last)"), parts);
        assertTrue(parts.contains("route.said(last, session, part, path0);"), parts);
        String bytes = result.sources().get("s.BinaryByteParts_SwitchboardRoute");
        assertTrue(bytes.contains("route.data(dev.switchboard.binding.Payloads.bytes(part), last);"), bytes);
    }

    private static void assertForms(Result result, String adapter, MessageForm text, MessageForm binary)
            throws ReflectiveOperationException {
        RouteBinding binding = binding(result, adapter);
        assertEquals(List.of(text, binary), List.of(binding.textForm(), binding.binaryForm()), adapter);
    }

    @Test
    void adapterHandsStreamsAndPartsToTheHandlersAndWritesStreamReplies() throws Throwable {
        Result result = InMemoryCompiler.compile("package r;\n" + IMPORTS + """
                @Route(value = "/r/{name}", maxStreamBytes = 1L << 40)
                public class Uploads {
                    @OnText
                    String said(Reader text, @PathParam("name") String name) throws java.io.IOException {
                        StringBuilder all = new StringBuilder();
                        for (int c = text.read(); c != -1; c = text.read()) {
                            all.append((char) c);
                        }
                        return name + " read " + all;
                    }

                    @OnBinary
                    void data(WebSocketSession session, byte[] part, boolean last) {
                        session.writeText(new String(part, java.nio.charset.StandardCharsets.UTF_8) + (last ? "." : ","));
                    }
                }
                """).assertClean();
        RouteBinding binding = binding(result, "r.Uploads_SwitchboardRoute");
        assertEquals(1L << 40, binding.options().maxStreamBytes());
        RecordingSession session = new RecordingSession(Map.of("name", "ann"));
        ConnectionHandlers handlers = binding.connect(session, binding.constructor().get(), session);
        handlers.onTextStream(new StringReader("hello"));
        ByteBuffer part = ByteBuffer.wrap("ab".getBytes(StandardCharsets.UTF_8));
        handlers.onBinaryPart(part, false);
        assertEquals(0, part.position(), "the handler got a copy; the buffer is untouched");
        handlers.onBinaryPart(ByteBuffer.wrap("c".getBytes(StandardCharsets.UTF_8)), true);
        assertEquals(List.of("text:ann read hello", "text:ab,", "text:c."), session.events);
    }

    @Test
    void binaryStreamReplyIsWritten() throws Throwable {
        Result result = InMemoryCompiler.compile("package q;\n" + IMPORTS + """
                @Route("/q")
                public class Sum {
                    @OnBinary
                    byte[] data(InputStream data) throws java.io.IOException {
                        return data.readAllBytes();
                    }
                }
                """).assertClean();
        RouteBinding binding = binding(result, "q.Sum_SwitchboardRoute");
        assertEquals(0, binding.options().maxStreamBytes(), "the server's limit");
        RecordingSession session = new RecordingSession(Map.of());
        binding.connect(session, binding.constructor().get(), session)
                .onBinaryStream(new ByteArrayInputStream("xyz".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("data:xyz"), session.events);
    }
}
