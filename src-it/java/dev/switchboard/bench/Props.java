package dev.switchboard.bench;

/**
 * The benchmarks' settings, read from system properties (the pom passes each with its default), with a
 * fallback for a run started without Maven.
 */
final class Props {

    private Props() {
    }

    static int intProperty(String name, int fallback) {
        return (int) doubleProperty(name, fallback);
    }

    static long millisProperty(String name, double fallbackSeconds) {
        return Math.round(doubleProperty(name, fallbackSeconds) * 1000);
    }

    static double doubleProperty(String name, double fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return Double.parseDouble(value.trim());
    }
}
