package dev.switchboard.codec;

import dev.switchboard.Codec;
import dev.switchboard.Jackson3Codec;
import dev.switchboard.JacksonCodec;
import dev.switchboard.JsonbCodec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the codec the class path offers, with {@link ServiceLoader}: an application's own codec first, then
 * Switchboard's {@link JacksonCodec}, {@link Jackson3Codec} and {@link JsonbCodec}, in this order. Switchboard's own
 * fail to load when their library is absent, and are skipped.
 */
public final class CodecDiscovery {

    private static final System.Logger LOG = System.getLogger(CodecDiscovery.class.getName());

    private CodecDiscovery() {
    }

    /**
     * The preferred codec that a class loader offers.
     *
     * @param loader the loader of the application, e.g. a WAR's
     * @return the codec, or {@code null} if there is none
     */
    public static Codec find(ClassLoader loader) {
        List<Codec> found = new ArrayList<>();
        Iterator<ServiceLoader.Provider<Codec>> providers = ServiceLoader.load(Codec.class, loader).stream().iterator();
        while (true) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                found.add(providers.next().get());
            } catch (ServiceConfigurationError | LinkageError | IllegalStateException e) {
                LOG.log(System.Logger.Level.DEBUG, "A codec on the class path cannot be used: " + e);
            }
        }
        return found.stream().min(Comparator.comparingInt(CodecDiscovery::rank)).orElse(null);
    }

    private static int rank(Codec codec) {
        return codec instanceof JacksonCodec ? 1 : codec instanceof Jackson3Codec ? 2 : codec instanceof JsonbCodec ? 3 : 0;
    }

    /**
     * What to do when a route needs a codec and none is there.
     *
     * @param path the route's path template
     * @return the message, naming the libraries to add and the settings to set
     */
    public static String noCodec(String path) {
        return "Route " + path + " needs a codec for typed messages, and none is on the class path: add "
                + "com.fasterxml.jackson.core:jackson-databind (or Jackson 3, tools.jackson.core:jackson-databind), or "
                + "jakarta.json.bind:jakarta.json.bind-api with org.eclipse:yasson, or set a codec with "
                + "SettingsBuilder.codec(...) or @Route(codec = ...).";
    }
}
