package dev.switchboard.runtime;

import java.io.IOException;
import java.io.Reader;
import java.util.Objects;

/**
 * A text message as a {@link Reader} that reads its parts as they arrive through an {@link InboundPipe}. Closing it
 * drops the rest of the message.
 */
final class PartsReader extends Reader {

    private final InboundPipe<String> pipe;
    private String current = "";
    private int position;
    private boolean ended;

    PartsReader(InboundPipe<String> pipe) {
        this.pipe = pipe;
    }

    @Override
    public int read(char[] chars, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, chars.length);
        if (length == 0) {
            return 0;
        }
        if (!next()) {
            return -1;
        }
        int count = Math.min(length, current.length() - position);
        current.getChars(position, position + count, chars, offset);
        position += count;
        return count;
    }

    @Override
    public boolean ready() {
        return position < current.length();
    }

    @Override
    public void close() {
        pipe.abandon();
    }

    /** Whether there is a char to read, waiting for the next part if need be. */
    private boolean next() throws IOException {
        while (!ended && position == current.length()) {
            String part = pipe.take();
            ended = part == null;
            current = ended ? "" : part;
            position = 0;
        }
        return !ended;
    }
}
