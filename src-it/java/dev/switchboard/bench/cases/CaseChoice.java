package dev.switchboard.bench.cases;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which cases of a benchmark to run, from {@code -Dcases=name,name}: all of them when it is empty, missing or
 * {@code all}; always in the benchmark's own order, whatever the order asked.
 */
public final class CaseChoice {

    private CaseChoice() {
    }

    /**
     * The cases the {@code cases} system property asks for.
     *
     * @param all the benchmark's cases, in its report's order
     * @throws IllegalArgumentException for a name that is not one of them
     */
    public static Set<String> fromProperty(List<String> all) {
        String property = System.getProperty("cases");
        if (property == null || property.isBlank() || property.trim().equals("all")) {
            return new LinkedHashSet<>(all);
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : property.split(",")) {
            String trimmed = name.trim();
            if (!all.contains(trimmed)) {
                throw new IllegalArgumentException("Unknown case '" + trimmed + "'; the cases are " + all);
            }
            chosen.add(trimmed);
        }
        Set<String> ordered = new LinkedHashSet<>(all);
        ordered.retainAll(chosen);
        return ordered;
    }
}
