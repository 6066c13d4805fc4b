package dev.switchboard.contract;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A reply of the {@link ProbeRoute}: one {@code key=value} line per entry, keys may repeat and keep their
 * order. A key without {@code =} stands for {@code null}. In values, a backslash, line feed and carriage
 * return are written {@code \\}, {@code \n} and {@code \r}. Keys never hold {@code =} or line breaks.
 */
public final class ProbeReply {

    private final StringBuilder lines = new StringBuilder();

    /** Adds an entry; a {@code null} value is written as the bare key. */
    public ProbeReply add(String key, Object value) {
        lines.append(key);
        if (value != null) {
            lines.append('=').append(escape(String.valueOf(value)));
        }
        lines.append('\n');
        return this;
    }

    /**
     * Adds a throwable as {@code key=<class>} for its class and each superclass (so a reader can check
     * "is an instance of"), then {@code key.message=<message>}. A {@link CompletionException} or
     * {@link ExecutionException} is unwrapped first, as {@code join()} and {@code getCause()} would.
     */
    public ProbeReply addThrowable(String key, Throwable error) {
        Throwable shown = unwrap(error);
        for (Class<?> type = shown.getClass(); type != null; type = type.getSuperclass()) {
            add(key, type.getName());
        }
        return add(key + ".message", shown.getMessage());
    }

    /** A reply that says the probe could not do what it was asked. */
    public static ProbeReply fault(String problem) {
        return new ProbeReply().add("fault", problem);
    }

    static Throwable unwrap(Throwable error) {
        Throwable shown = error;
        while ((shown instanceof CompletionException || shown instanceof ExecutionException)
                && shown.getCause() != null) {
            shown = shown.getCause();
        }
        return shown;
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    /** The reply's text, headed by the {@code reply=<id>} line of the command it answers. */
    String text(String id) {
        return "reply=" + escape(id) + "\n" + lines;
    }

    @Override
    public String toString() {
        return lines.toString();
    }
}
