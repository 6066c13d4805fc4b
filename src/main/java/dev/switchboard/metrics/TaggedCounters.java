package dev.switchboard.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The counters of one name and route told apart by one more tag (a cause, an action, a status), each registered
 * the first time it counts, so that only what happened shows, and kept, so that counting never searches the
 * registry.
 *
 * @param <K> what the tag's value is made from
 */
final class TaggedCounters<K> {

    private final Map<K, Counter> counters = new ConcurrentHashMap<>();
    private final Function<K, Counter> register;

    /**
     * @param tag   the tag that tells the counters apart
     * @param value the tag's value for a key
     */
    TaggedCounters(MeterRegistry registry, String name, String description, Tags route, String tag,
                   Function<K, String> value) {
        this.register = key -> Counter.builder(name).description(description).tags(route).tag(tag, value.apply(key))
                .register(registry);
    }

    void increment(K key, double amount) {
        counters.computeIfAbsent(key, register).increment(amount);
    }
}
