package dev.switchboard.binding;

/**
 * How a route's handler of one kind of message ({@code @OnText} or {@code @OnBinary}) takes its messages, so that
 * the runtime delivers them in that form.
 */
public enum MessageForm {

    /** Whole messages, assembled within the route's message size limit. */
    WHOLE,

    /** One stream per message ({@code Reader}, {@code InputStream}), fed as its parts arrive. */
    STREAM,

    /** Each part as the host delivers it, with whether it is the last of its message. */
    PARTS
}
