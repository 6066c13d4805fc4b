package dev.switchboard.processor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code @Route} path template, parsed once: its variables, the key that equivalent paths share, and
 * every way it breaks the template rules. Each defect carries its rule and fix, so the rules of the
 * template live here and nowhere else.
 */
final class RouteTemplate {

    /** One broken rule of a template: the parts of a {@link Problems} message. */
    record Defect(String rule, String found, String fix) {
    }

    private static final Pattern VARIABLE_SEGMENT = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final String path;
    private final List<String> variables;
    private final List<Defect> defects;

    private RouteTemplate(String path, List<String> variables, List<Defect> defects) {
        this.path = path;
        this.variables = List.copyOf(variables);
        this.defects = List.copyOf(defects);
    }

    static RouteTemplate parse(String path) {
        // Each rule is reported at most once per template (its first occurrence), so that one slip such as
        // a doubled slash does not bury the other messages.
        Map<String, Defect> defects = new LinkedHashMap<>();
        Set<String> variables = new LinkedHashSet<>();
        if (!path.startsWith("/")) {
            defects.putIfAbsent("start", new Defect("path must start with '/'", quote(path),
                    "write " + quote("/" + path)));
        }
        if (path.contains("?") || path.contains("#")) {
            defects.putIfAbsent("query", new Defect("path must not contain '?' or '#'", quote(path),
                    "remove the query or fragment; read query parameters with WebSocketSession.queryParam(name)"));
        }
        if (path.length() > 1 && path.endsWith("/")) {
            defects.putIfAbsent("trailing", new Defect("path must not end with '/' (unless it is exactly \"/\")",
                    quote(path), "remove the trailing '/'"));
        }
        String[] segments = path.startsWith("/") ? path.substring(1).split("/", -1) : path.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.isEmpty() && !last) {
                defects.putIfAbsent("empty", new Defect("path must not have empty segments ('//')", quote(path),
                        "remove the extra '/'"));
            }
            if (segment.indexOf('{') < 0 && segment.indexOf('}') < 0) {
                continue;
            }
            Matcher variable = VARIABLE_SEGMENT.matcher(segment);
            if (!variable.matches()) {
                defects.putIfAbsent("segment", new Defect(
                        "path variable must be a whole segment {name}, with braces nowhere else",
                        "segment " + quote(segment),
                        "put each variable in a segment of its own, like \"/chat/{room}\", and use no other braces"));
                continue;
            }
            String name = variable.group(1);
            if (!VARIABLE_NAME.matcher(name).matches()) {
                defects.putIfAbsent("name", new Defect("path variable name must match [A-Za-z_][A-Za-z0-9_.-]*",
                        "{" + name + "}",
                        "start the name with a letter or '_' and use only letters, digits, '_', '.' and '-'"));
            } else if (!variables.add(name)) {
                defects.putIfAbsent("duplicate", new Defect("path variable names must be unique",
                        "{" + name + "} twice", "rename one of them"));
            }
        }
        return new RouteTemplate(path, new ArrayList<>(variables), new ArrayList<>(defects.values()));
    }

    String path() {
        return path;
    }

    /** The variable names, in template order. */
    List<String> variables() {
        return variables;
    }

    List<Defect> defects() {
        return defects;
    }

    boolean valid() {
        return defects.isEmpty();
    }

    /**
     * The path with every variable replaced by {@code {}}: two templates with the same key match the same
     * requests, whatever their variables are called.
     */
    String equivalenceKey() {
        return VARIABLE_SEGMENT.matcher(path).replaceAll("{}");
    }

    static String quote(String text) {
        return "\"" + text + "\"";
    }
}
