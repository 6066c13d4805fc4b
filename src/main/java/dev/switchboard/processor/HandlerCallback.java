package dev.switchboard.processor;

import dev.switchboard.binding.MessageForm;
import dev.switchboard.processor.RoutePlan.Arg;
import dev.switchboard.processor.RoutePlan.Handler;
import dev.switchboard.processor.RoutePlan.LastArg;
import dev.switchboard.processor.RoutePlan.StreamArg;

/**
 * The {@code ConnectionHandlers} method an adapter overrides to call one handler: the kind's own, or for a
 * message handler that takes a stream or parts, the one of that form.
 *
 * @param method     the method's name
 * @param parameters its parameters as declared, fully qualified
 * @param message    the name of its parameter that handlers receive as their message, or {@code null} for none
 */
record HandlerCallback(String method, String parameters, String message) {

    static HandlerCallback of(Handler handler) {
        HandlerKind kind = handler.kind();
        boolean text = kind == HandlerKind.TEXT;
        return switch (formOf(handler)) {
            case STREAM -> new HandlerCallback(text ? "onTextStream" : "onBinaryStream",
                    (text ? "java.io.Reader" : "java.io.InputStream") + " message", "message");
            case PARTS -> new HandlerCallback(text ? "onTextPart" : "onBinaryPart",
                    (text ? "java.lang.String" : "java.nio.ByteBuffer") + " part, boolean last", "part");
            case WHOLE -> new HandlerCallback(kind.callback(), kind.callbackParameter() == null ? ""
                    : kind.callbackParameterType() + " " + kind.callbackParameter(), kind.callbackParameter());
        };
    }

    /** How a handler takes its messages: whole unless it takes a stream, or a part with its {@code last} flag. */
    static MessageForm formOf(Handler handler) {
        for (Arg arg : handler.args()) {
            if (arg instanceof StreamArg) {
                return MessageForm.STREAM;
            }
            if (arg instanceof LastArg) {
                return MessageForm.PARTS;
            }
        }
        return MessageForm.WHOLE;
    }
}
