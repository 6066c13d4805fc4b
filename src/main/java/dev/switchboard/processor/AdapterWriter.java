package dev.switchboard.processor;

import dev.switchboard.Route;
import dev.switchboard.binding.MessageForm;
import dev.switchboard.processor.RoutePlan.Arg;
import dev.switchboard.processor.RoutePlan.Handler;
import dev.switchboard.processor.RoutePlan.LastArg;
import dev.switchboard.processor.RoutePlan.MessageArg;
import dev.switchboard.processor.RoutePlan.PathArg;
import dev.switchboard.processor.RoutePlan.Reply;
import dev.switchboard.processor.RoutePlan.SessionArg;
import dev.switchboard.processor.RoutePlan.TypedArg;
import dev.switchboard.processor.RoutePlan.StreamArg;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;

/**
 * Writes the Java source of a route's or client's adapter: a {@code RouteBinding} or {@code ClientBinding} in the
 * class's package (so it can call package-private handlers) whose callbacks call the handlers as the
 * {@link RoutePlan} says.
 *
 * <p>Every name except the route class's is fully qualified, {@code java.lang} included: a class of the
 * user's package called {@code String}, {@code Override} or {@code Payloads} would otherwise shadow ours.
 */
final class AdapterWriter {

    static final String GENERATED = "javax.annotation.processing.Generated";


    private final Filer filer;
    private final Predicate<TypeElement> seesGenerated;
    private final String generator;

    /**
     * @param seesGenerated whether a route's adapter can carry {@code @Generated}: it lives in the java.compiler
     *                      module, which a modular application need not read
     * @param generator     the processor's class name, which {@code @Generated} names
     */
    AdapterWriter(Filer filer, Predicate<TypeElement> seesGenerated, String generator) {
        this.filer = filer;
        this.seesGenerated = seesGenerated;
        this.generator = generator;
    }

    /** Writes the adapter with the route or client class as originating element, for incremental builds. */
    void write(RoutePlan plan) throws IOException {
        try (Writer out = filer.createSourceFile(Naming.adapterBinaryName(plan.route(), plan.kind()), plan.route())
                .openWriter()) {
            out.write(source(plan));
        }
    }

    String source(RoutePlan plan) {
        String route = Naming.displayName(plan.route());
        String pkg = Naming.packageName(plan.route());
        StringBuilder s = new StringBuilder();
        if (!pkg.isEmpty()) {
            s.append("package ").append(pkg).append(";\n\n");
        }
        s.append("/** Binds {@link ").append(route)
                .append("} to Switchboard's runtime. Generated from its annotations: do not edit. */\n");
        if (seesGenerated.test(plan.route())) {
            s.append("@").append(GENERATED).append("(\"").append(generator).append("\")\n");
        }
        s.append("public final class ").append(Naming.adapterSimpleName(plan.route(), plan.kind()))
                .append(" implements ").append(plan.kind().binding()).append(" {\n");
        s.append("\n");
        s.append("    @java.lang.Override public java.lang.Class<?> routeClass() { return ").append(route)
                .append(".class; }\n");
        s.append("    @java.lang.Override public java.lang.String path() { return ").append(literal(plan.path()))
                .append("; }\n");
        s.append("    @java.lang.Override public boolean handlesText() { return ").append(plan.has(HandlerKind.TEXT))
                .append("; }\n");
        s.append("    @java.lang.Override public boolean handlesBinary() { return ")
                .append(plan.has(HandlerKind.BINARY)).append("; }\n");
        s.append(forms(plan));
        if (plan.usesCodec()) {
            s.append("    @java.lang.Override public boolean usesCodec() { return true; }\n");
        }
        s.append("\n");
        s.append(messageTypes(plan));
        s.append("    @java.lang.Override public java.util.function.Supplier<java.lang.Object> constructor() { return ")
                .append(plan.constructible() ? route + "::new" : "null").append("; }\n\n");
        s.append(options(plan));

        s.append("    @java.lang.Override\n");
        s.append("    public dev.switchboard.binding.ConnectionHandlers connect(dev.switchboard.WebSocketSession session,"
                + " java.lang.Object instance, dev.switchboard.binding.Messages messages) {\n");
        s.append("        ").append(route).append(" route = (").append(route).append(") instance;\n");
        List<String> variables = plan.pathVariables();
        for (int i = 0; i < variables.size(); i++) {
            s.append("        java.lang.String path").append(i).append(" = session.pathParam(")
                    .append(literal(variables.get(i))).append(");\n");
        }
        s.append("        return new dev.switchboard.binding.ConnectionHandlers() {");
        List<String> callbacks = new ArrayList<>();
        for (Handler handler : plan.handlers()) {
            callbacks.add(callback(handler, variables));
        }
        s.append(callbacks.isEmpty() ? "\n" : "\n" + String.join("\n", callbacks));
        s.append("        };\n");
        s.append("    }\n");
        s.append("}\n");
        return s.toString();
    }

    /** The route's settings as literals, one per line, each named in a comment; a client's inherit all but its codec. */
    private static String options(RoutePlan plan) {
        Route route = plan.settings();
        List<String> values = List.of(
                route.shared() + ", // shared",
                route.maxQueuedMessages() + ", // maxQueuedMessages",
                route.maxQueuedBytes() + "L, // maxQueuedBytes",
                "dev.switchboard.OverflowAction." + route.onOverflow().name() + ", // onOverflow",
                route.maxMessageBytes() + "L, // maxMessageBytes",
                route.sendTimeoutSeconds() + ", // sendTimeoutSeconds",
                route.heartbeatSeconds() + ", // heartbeatSeconds",
                route.idleTimeoutSeconds() + ", // idleTimeoutSeconds",
                list(route.origins()) + ", // origins",
                list(route.subprotocols()) + ", // subprotocols",
                route.maxSessions() + ", // maxSessions",
                plan.handshake() == null ? "null, // handshake: none"
                        : plan.handshake().getQualifiedName() + "::new, // handshake",
                plan.codec() == null ? "null, // codec: the " + (plan.kind().hasPath() ? "server" : "connector") + "'s"
                        : plan.codec().getQualifiedName() + "::new, // codec",
                route.maxStreamBytes() + "L); // maxStreamBytes");
        return "    @java.lang.Override\n"
                + "    public dev.switchboard.binding.RouteOptions options() {\n"
                + "        return new dev.switchboard.binding.RouteOptions(\n"
                + values.stream().map(value -> "                " + value + "\n").collect(Collectors.joining())
                + "    }\n\n";
    }

    /**
     * The types the codec decodes handlers' messages into, made once: a {@code TypeOf} of a generic type reads its
     * type argument reflectively, which is not for every message.
     */
    private static String messageTypes(RoutePlan plan) {
        StringBuilder s = new StringBuilder();
        for (Handler handler : plan.handlers()) {
            for (Arg arg : handler.args()) {
                if (arg instanceof TypedArg typed) {
                    s.append("    private static final java.lang.reflect.Type ").append(messageType(handler))
                            .append(" = ").append(typed.token()).append(";\n\n");
                }
            }
        }
        return s.toString();
    }

    /** The name of the constant that holds a handler's message type; a handler of each kind has one at most. */
    private static String messageType(Handler handler) {
        return handler.kind().name() + "_MESSAGE_TYPE";
    }

    private static String list(String[] values) {
        return Arrays.stream(values).map(AdapterWriter::literal)
                .collect(Collectors.joining(", ", "java.util.List.of(", ")"));
    }

    /** The forms of the message handlers that do not take whole messages, which the runtime's default assumes. */
    private static String forms(RoutePlan plan) {
        StringBuilder s = new StringBuilder();
        for (Handler handler : plan.handlers()) {
            MessageForm form = HandlerCallback.formOf(handler);
            if (form != MessageForm.WHOLE) {
                s.append("    @java.lang.Override public dev.switchboard.binding.MessageForm ")
                        .append(handler.kind() == HandlerKind.TEXT ? "textForm" : "binaryForm")
                        .append("() { return dev.switchboard.binding.MessageForm.").append(form.name())
                        .append("; }\n");
            }
        }
        return s.toString();
    }

    private static String callback(Handler handler, List<String> variables) {
        HandlerKind kind = handler.kind();
        HandlerCallback callback = HandlerCallback.of(handler);
        String call = "route." + handler.method() + "(" + arguments(handler, callback, variables) + ")";
        StringBuilder s = new StringBuilder();
        s.append("            @java.lang.Override\n");
        if (handler.args().stream().anyMatch(TypedArg.class::isInstance)) {
            // The cast from what the codec decoded into the handler's type, generics included.
            s.append("            @java.lang.SuppressWarnings(\"unchecked\")\n");
        }
        s.append("            public ").append(kind == HandlerKind.ERROR ? "boolean " : "void ")
                .append(callback.method()).append("(").append(callback.parameters())
                .append(") throws java.lang.Throwable {\n");
        if (handler.reply() == Reply.NONE) {
            s.append("                ").append(call).append(";\n");
        } else {
            s.append("                messages.reply(").append(call).append(", ").append(kind == HandlerKind.BINARY)
                    .append(");\n");
        }
        if (kind == HandlerKind.ERROR) {
            // Tells the runtime the route handled the error, so it does not log it as unhandled.
            s.append("                return true;\n");
        }
        s.append("            }\n");
        return s.toString();
    }

    private static String arguments(Handler handler, HandlerCallback callback, List<String> variables) {
        List<String> args = new ArrayList<>();
        String name = callback.message();
        for (Arg arg : handler.args()) {
            if (arg instanceof SessionArg) {
                args.add("session");
            } else if (arg instanceof PathArg path) {
                args.add("path" + variables.indexOf(path.variable()));
            } else if (arg instanceof MessageArg message) {
                args.add(message.asBytes() ? "dev.switchboard.binding.Payloads.bytes(" + name + ")" : name);
            } else if (arg instanceof TypedArg typed) {
                String decode = handler.kind() == HandlerKind.BINARY ? "decodeBinary" : "decodeText";
                args.add("(" + typed.type() + ") messages." + decode + "(" + name + ", " + messageType(handler) + ")");
            } else if (arg instanceof StreamArg) {
                args.add(name);
            } else if (arg instanceof LastArg) {
                args.add("last");
            }
        }
        return String.join(", ", args);
    }

    /** A Java string literal; non-ASCII as unicode escapes, so the file's encoding cannot matter. */
    static String literal(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
