package dev.switchboard.runtime;

import dev.switchboard.ServerSettings;
import dev.switchboard.binding.MessageForm;
import dev.switchboard.binding.RouteBinding;

/**
 * How a route takes messages that its handler does not take whole: the form of its text and binary handlers,
 * and the largest such message it accepts.
 *
 * @param text           the form of its {@code @OnText} handler
 * @param binary         the form of its {@code @OnBinary} handler
 * @param maxStreamBytes the largest streamed or fragmented message; a larger one closes with 1009
 */
record StreamSettings(MessageForm text, MessageForm binary, long maxStreamBytes) {

    /** A route whose handlers take whole messages. */
    static final StreamSettings WHOLE = new StreamSettings(MessageForm.WHOLE, MessageForm.WHOLE, Long.MAX_VALUE);

    static StreamSettings of(RouteBinding binding, ServerSettings server) {
        long own = binding.options().maxStreamBytes();
        return new StreamSettings(binding.textForm(), binding.binaryForm(),
                own > 0 ? own : server.maxStreamBytes());
    }

    /** The form of the handler of text or binary messages. */
    MessageForm form(boolean ofText) {
        return ofText ? text : binary;
    }
}
