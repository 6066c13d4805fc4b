package dev.switchboard.codec;

/**
 * The optional JSON libraries the codecs are built on: whether they are on the class path, and the message that
 * names what to add when one is missing.
 */
public final class CodecLibraries {

    /** What to do when JSON-B's API is there and no implementation. */
    public static final String NO_JSONB_IMPLEMENTATION = "JSON-B has no implementation on the class path: add "
            + "org.eclipse:yasson (Switchboard is tested with 3.0.4); full Jakarta EE servers provide one.";

    private CodecLibraries() {
    }

    /**
     * Fails unless Jackson 2 is on the class path.
     *
     * @param caller what needs it, for the message
     * @throws IllegalStateException naming the artifact to add
     */
    public static void requireJackson(String caller) {
        if (!present("com.fasterxml.jackson.databind.ObjectMapper")) {
            throw new IllegalStateException(caller + " needs Jackson, which is not on the class path: add the "
                    + "dependency com.fasterxml.jackson.core:jackson-databind (Switchboard is tested with 2.23.0), and "
                    + "com.fasterxml.jackson.datatype:jackson-datatype-jsr310 for java.time values; for Jackson 3, "
                    + "use Jackson3Codec.");
        }
    }

    /**
     * Fails unless Jackson 3 is on the class path.
     *
     * @param caller what needs it, for the message
     * @throws IllegalStateException naming the artifact to add
     */
    public static void requireJackson3(String caller) {
        if (!present("tools.jackson.databind.ObjectMapper")) {
            throw new IllegalStateException(caller + " needs Jackson 3, which is not on the class path: add the "
                    + "dependency tools.jackson.core:jackson-databind (Switchboard is tested with 3.3.0).");
        }
    }

    /**
     * Fails unless JSON-B's API is on the class path.
     *
     * @param caller what needs it, for the message
     * @throws IllegalStateException naming the artifact to add
     */
    public static void requireJsonb(String caller) {
        if (!present("jakarta.json.bind.Jsonb")) {
            throw new IllegalStateException(caller + " needs JSON-B, which is not on the class path: add the "
                    + "dependency jakarta.json.bind:jakarta.json.bind-api with an implementation, "
                    + "org.eclipse:yasson (Switchboard is tested with 3.0.4); full Jakarta EE servers provide both.");
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, CodecLibraries.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
