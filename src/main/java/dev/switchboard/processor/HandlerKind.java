package dev.switchboard.processor;

import dev.switchboard.OnBinary;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnError;
import dev.switchboard.OnPong;
import dev.switchboard.OnText;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The six handler kinds, in the order the generated adapter lists its callbacks, with what the adapter's
 * callback of each kind looks like. Which parameters and return types a kind accepts is decided in
 * {@link HandlerRules}, next to the messages that explain it.
 */
enum HandlerKind {
    CONNECTED(OnConnected.class, "onConnected", "", null),
    TEXT(OnText.class, "onText", "java.lang.String", "message"),
    BINARY(OnBinary.class, "onBinary", "java.nio.ByteBuffer", "message"),
    PONG(OnPong.class, "onPong", "java.nio.ByteBuffer", "payload"),
    DISCONNECTED(OnDisconnected.class, "onDisconnected", "dev.switchboard.CloseStatus", "status"),
    ERROR(OnError.class, "onError", "java.lang.Throwable", "error");

    private final Class<? extends Annotation> annotation;
    private final String callback;
    private final String callbackParameterType;
    private final String callbackParameter;

    HandlerKind(Class<? extends Annotation> annotation, String callback, String callbackParameterType,
            String callbackParameter) {
        this.annotation = annotation;
        this.callback = callback;
        this.callbackParameterType = callbackParameterType;
        this.callbackParameter = callbackParameter;
    }

    Class<? extends Annotation> annotation() {
        return annotation;
    }

    /** How messages name this kind: {@code @OnText}. */
    String label() {
        return "@" + annotation.getSimpleName();
    }

    /** The {@code ConnectionHandlers} method the adapter overrides for this kind. */
    String callback() {
        return callback;
    }

    /** The fully qualified type of that method's parameter; empty for {@code onConnected()}. */
    String callbackParameterType() {
        return callbackParameterType;
    }

    /** The name of that method's parameter, or {@code null} for {@code onConnected()}. */
    String callbackParameter() {
        return callbackParameter;
    }

    /** Whether a handler's return value is sent back as a reply. */
    boolean replies() {
        return this == TEXT || this == BINARY;
    }

    /** The kinds whose annotations an element carries, in the order they are written. */
    static List<HandlerKind> on(Element element) {
        List<HandlerKind> kinds = new ArrayList<>();
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
            for (HandlerKind kind : values()) {
                if (kind.annotation.getName().equals(name)) {
                    kinds.add(kind);
                }
            }
        }
        return kinds;
    }
}
