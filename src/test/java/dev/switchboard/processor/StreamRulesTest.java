package dev.switchboard.processor;

import dev.switchboard.processor.InMemoryCompiler.Result;
import org.junit.jupiter.api.Test;

/** One test per rule of streamed and fragmented messages: the broken route, the exact message, and the element. */
class StreamRulesTest {

    /** A route at "/upload/{name}" with the given members. */
    private static Result upload(String members) {
        return InMemoryCompiler.compile("""
                package com.example;

                import dev.switchboard.*;
                import java.io.InputStream;
                import java.io.Reader;
                import java.nio.ByteBuffer;

                @Route("/upload/{name}")
                class Upload {
                %s
                }
                """.formatted(members));
    }

    @Test
    void textHandlerTakingAnInputStream() {
        upload("""
                    @OnText void said(InputStream text) {}
                """).assertErrors(
                "@OnText handler reads its message from a Reader, not an InputStream: found InputStream text in"
                        + " Upload#said. Fix: declare it as java.io.Reader text to read the text as it arrives, or take"
                        + " the message in an @OnBinary handler.",
                "InputStream text");
    }

    @Test
    void binaryHandlerTakingAReader() {
        upload("""
                    @OnBinary void data(Reader data, WebSocketSession session) {}
                """).assertErrors(
                "@OnBinary handler reads its message from an InputStream, not a Reader: found Reader data in"
                        + " Upload#data. Fix: declare it as java.io.InputStream data to read the data as it arrives,"
                        + " or take the message in an @OnText handler.",
                "Reader data");
    }

    @Test
    void lastFlagWithAStream() {
        upload("""
                    @OnBinary void data(InputStream data, boolean last) {}
                """).assertErrors(
                "@OnBinary handler's boolean parameter goes only with a byte[] or ByteBuffer part: found boolean last"
                        + " with InputStream data in Upload#data. Fix: remove it to read the whole message from the"
                        + " stream, or take a byte[] or ByteBuffer part and the boolean to receive the message's"
                        + " fragments one by one.",
                "boolean last");
    }

    @Test
    void lastFlagWithATextStream() {
        upload("""
                    @OnText void said(boolean last, Reader text) {}
                """).assertErrors(
                "@OnText handler's boolean parameter goes only with a String part: found boolean last with Reader"
                        + " text in Upload#said. Fix: remove it to read the whole message from the stream, or take a"
                        + " String part and the boolean to receive the message's fragments one by one.",
                "boolean last");
    }

    @Test
    void twoLastFlags() {
        upload("""
                    @OnText void said(String part, boolean last, boolean again) {}
                """).assertErrors(
                "@OnText handler takes at most one boolean last parameter: found a second one, boolean again, after"
                        + " boolean last in Upload#said. Fix: remove one of them.",
                "boolean again");
    }

    @Test
    void lastFlagWithoutAPartIsAMissingMessage() {
        upload("""
                    @OnBinary void data(boolean last) {}
                """).assertErrors(
                "@OnBinary handler needs the message as one parameter: found no message parameter in Upload#data."
                        + " Fix: add a byte[] or java.nio.ByteBuffer parameter for the message data, one of the type"
                        + " the route's codec decodes it into, a java.io.InputStream to read it as it arrives, or a"
                        + " part with a boolean last.",
                "@OnBinary void data(boolean last) {}");
    }

    @Test
    void fragmentHandlerReturningAReply() {
        upload("""
                    @OnText String said(String part, boolean last) { return part; }
                """).assertErrors(
                "@OnText handler that takes fragments must return void: found String in Upload#said. Fix: declare"
                        + " it void, and send a reply through a WebSocketSession parameter once the part with last =="
                        + " true came.",
                "@OnText String said(String part, boolean last) { return part; }");
    }

    @Test
    void binaryFragmentHandlerReturningAReply() {
        upload("""
                    @OnBinary byte[] data(ByteBuffer part, boolean last) { return null; }
                """).assertErrors(
                "@OnBinary handler that takes fragments must return void: found byte[] in Upload#data. Fix: declare"
                        + " it void, and send a reply through a WebSocketSession parameter once the part with last =="
                        + " true came.",
                "@OnBinary byte[] data(ByteBuffer part, boolean last) { return null; }");
    }

    @Test
    void streamAndWholeMessageTogether() {
        upload("""
                    @OnText void said(Reader text, String again) {}
                """).assertErrors(
                "@OnText handler takes exactly one message parameter: found a second one, String again, after"
                        + " Reader text in Upload#said. Fix: remove one; to receive a path variable, annotate a String"
                        + " with @PathParam(\"name\").",
                "String again");
    }

    @Test
    void lastFlagOnAnotherKindIsUnsupported() {
        upload("""
                    @OnPong void pong(ByteBuffer payload, boolean last) {}
                """).assertErrors(
                "@OnPong handler parameter has an unsupported type: found boolean last in Upload#pong. Fix: remove"
                        + " it; a @OnPong handler takes only an optional ByteBuffer payload, a WebSocketSession and"
                        + " String parameters annotated @PathParam.",
                "boolean last");
    }
}
