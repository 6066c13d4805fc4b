package dev.switchboard.runtime;

import dev.switchboard.binding.Messages;

import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One connection's typed messages: decoding through its route's codec for the generated adapter, and sending what
 * handlers return.
 */
final class ConnectionMessages implements Messages {

    private final RouteCodec codec;
    private final SessionWrites session;
    private final HandlerCalls calls;

    ConnectionMessages(RouteCodec codec, SessionWrites session, HandlerCalls calls) {
        this.codec = codec;
        this.session = session;
        this.calls = calls;
    }

    @Override
    public Object decodeText(String text, Type type) {
        return codec.decodeText(text, type);
    }

    @Override
    public Object decodeBinary(ByteBuffer data, Type type) {
        return codec.decodeBinary(data, type);
    }

    @Override
    public void reply(Object reply, boolean binary) {
        if (reply == null) {
            return;
        }
        if (reply instanceof CompletionStage<?> later) {
            later.whenComplete((value, failure) -> {
                try {
                    if (failure != null) {
                        throw failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                    }
                    reply(value, binary);
                } catch (Throwable e) {
                    calls.later(handlers -> { // as if the handler had thrown it: @OnError, then 1011
                        throw e;
                    });
                }
            });
        } else if (reply instanceof String text) {
            session.writeText(text);
        } else if (reply instanceof byte[] bytes) {
            session.writeData(bytes);
        } else if (reply instanceof ByteBuffer data) {
            session.writeData(data);
        } else {
            session.write(codec.encode(reply, binary));
        }
    }
}
