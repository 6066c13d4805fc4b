package dev.switchboard.runtime;

/**
 * UTF-8 arithmetic without encoding.
 */
final class Utf8 {

    private Utf8() {
    }

    /** The number of bytes the UTF-8 encoding of {@code text} takes; an unpaired surrogate counts as '?'. */
    static long length(CharSequence text) {
        int chars = text.length();
        long bytes = chars;
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < chars && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 2; // four bytes for the pair of chars
                    i++;
                } else if (Character.isSurrogate(c)) {
                    // encoded as the single byte '?'
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    /**
     * Whether the text is well-formed UTF-16, so that UTF-8 encodes every char of it: no surrogate without its
     * pair. The JDK's encoder puts '?' for an unpaired one, where a strict encoder (Tyrus's) refuses the text.
     */
    static boolean wellFormed(CharSequence text) {
        int chars = text.length();
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == chars || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }
}
