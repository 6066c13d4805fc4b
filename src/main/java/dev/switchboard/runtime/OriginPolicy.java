package dev.switchboard.runtime;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which browser origins may open sessions: exact origins, patterns with one {@code *} standing for any
 * subdomain, or {@code *} for all. An empty list allows every origin. Requests without an {@code Origin}
 * header do not come from a browser page, so no page can forge them: they always pass.
 */
final class OriginPolicy {

    static final OriginPolicy ANY = new OriginPolicy(List.of());

    private final List<Pattern> allowed;
    private final boolean any;

    private OriginPolicy(List<String> origins) {
        this.any = origins.isEmpty() || origins.contains("*");
        this.allowed = origins.stream().map(OriginPolicy::pattern).toList();
    }

    /** The policy of a route's list, or the server's when the route has none. */
    static OriginPolicy of(List<String> routeOrigins, List<String> serverOrigins) {
        return new OriginPolicy(routeOrigins.isEmpty() ? serverOrigins : routeOrigins);
    }

    boolean allows(String origin) {
        if (any || origin == null) {
            return true;
        }
        String normalised = origin.toLowerCase(Locale.ROOT);
        return allowed.stream().anyMatch(pattern -> pattern.matcher(normalised).matches());
    }

    /** {@code https://*.example.com} matches {@code https://a.example.com} and {@code https://a.b.example.com}. */
    private static Pattern pattern(String origin) {
        String lower = origin.toLowerCase(Locale.ROOT);
        if (lower.endsWith("/")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        int star = lower.indexOf('*');
        if (star < 0) {
            return Pattern.compile(Pattern.quote(lower));
        }
        return Pattern.compile(Pattern.quote(lower.substring(0, star)) + "[a-z0-9-]+(\\.[a-z0-9-]+)*"
                + Pattern.quote(lower.substring(star + 1)));
    }
}
