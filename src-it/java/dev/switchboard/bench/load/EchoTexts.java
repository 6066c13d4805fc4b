package dev.switchboard.bench.load;

import java.util.Locale;

/**
 * What an {@link EchoConnection} sends: a text per message, unique for each connection and sequence number, so
 * that an echo tells which message it answers.
 */
public interface EchoTexts {

    /**
     * The text of a message.
     *
     * @param connection the connection's id
     * @param sequence   the message's number on that connection, from 0
     */
    String text(int connection, long sequence);

    /** The texts as the report's rows name them, e.g. {@code 64 B text}. */
    String describe();

    /**
     * Texts of a fixed size: the connection's id and the sequence number, then filler letters.
     *
     * @param size characters (and bytes: ASCII) per text
     */
    static EchoTexts filler(int size) {
        return new EchoTexts() {
            @Override
            public String text(int connection, long sequence) {
                StringBuilder text = new StringBuilder(size);
                text.append('c').append(connection).append('#').append(sequence).append(' ');
                for (int i = text.length(); i < size; i++) {
                    text.append((char) ('a' + i % 26));
                }
                text.setLength(size);
                return text.toString();
            }

            @Override
            public String describe() {
                return String.format(Locale.ROOT, "%,d B text", size);
            }
        };
    }
}
