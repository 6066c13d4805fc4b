package dev.switchboard.path;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code @Route} path template, parsed once: its segments and variables, every way it breaks the template
 * rules (for the annotation processor), the shape that equivalent templates share, and how it matches a request
 * path (for the runtime). A variable is a whole segment {@code {name}}; each defect carries its rule and fix, so
 * the rules of the template live here and nowhere else.
 */
public final class PathTemplate {

    /**
     * One broken rule of a template: the parts of an error message.
     *
     * @param rule  what the rule demands
     * @param found what the template has instead
     * @param fix   how to fix it, without the final period
     */
    public record Defect(String rule, String found, String fix) {
    }

    /**
     * Orders templates that match one path as Jakarta WebSocket chooses between them: the first segment where
     * they differ decides, and a literal segment comes before a variable.
     */
    public static final Comparator<PathTemplate> MOST_SPECIFIC_FIRST = PathTemplate::bySpecificity;

    private static final Pattern VARIABLE_SEGMENT = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final String path;
    /** The path split at every '/', the empty text before a leading '/' included. */
    private final String[] segments;
    /** Per segment, the variable's name, or {@code null} for a literal segment. */
    private final String[] variableNames;
    private final List<String> variables;
    private final List<Defect> defects;

    private PathTemplate(String path) {
        this.path = path;
        this.segments = path.split("/", -1);
        this.variableNames = new String[segments.length];
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < segments.length; i++) {
            Matcher variable = VARIABLE_SEGMENT.matcher(segments[i]);
            if (variable.matches()) {
                variableNames[i] = variable.group(1);
                names.add(variable.group(1));
            }
        }
        this.variables = List.copyOf(names);
        this.defects = List.copyOf(defects(path, segments));
    }

    /**
     * Parses a template. Parsing never fails: an invalid template has {@link #defects()}.
     *
     * @param path the template as written in {@code @Route}
     * @return the template
     */
    public static PathTemplate parse(String path) {
        return new PathTemplate(path);
    }

    /** Each rule is reported at most once (its first occurrence), so that one slip does not bury the others. */
    private static List<Defect> defects(String path, String[] segments) {
        Map<String, Defect> defects = new LinkedHashMap<>();
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
        Set<String> names = new LinkedHashSet<>();
        // The text before a leading '/' is no segment of its own.
        for (int i = path.startsWith("/") ? 1 : 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.isEmpty() && i < segments.length - 1) {
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
            } else if (!names.add(name)) {
                defects.putIfAbsent("duplicate", new Defect("path variable names must be unique",
                        "{" + name + "} twice", "rename one of them"));
            }
        }
        return new ArrayList<>(defects.values());
    }

    /**
     * The template as written.
     *
     * @return the path template
     */
    public String path() {
        return path;
    }

    /**
     * The variable names, in template order, each once.
     *
     * @return the names, without braces
     */
    public List<String> variables() {
        return variables;
    }

    /**
     * Every rule the template breaks, in the order of the rules.
     *
     * @return the defects; empty for a valid template
     */
    public List<Defect> defects() {
        return defects;
    }

    /**
     * Whether the template breaks no rule.
     *
     * @return {@code true} if there are no defects
     */
    public boolean valid() {
        return defects.isEmpty();
    }

    /**
     * The template with every variable name erased, such as {@code /chat/{}}: two templates of one shape match
     * the same paths, whatever their variables are called.
     *
     * @return the shape
     */
    public String shape() {
        String[] shape = segments.clone();
        for (int i = 0; i < shape.length; i++) {
            if (variableNames[i] != null) {
                shape[i] = "{}";
            }
        }
        return String.join("/", shape);
    }

    /**
     * Matches a request path: literal segments equal, each variable one non-empty segment.
     *
     * @param rawPath the path as sent, still percent-encoded, without the query
     * @return the variables' decoded values by name, or {@code null} if the path does not match
     */
    public Map<String, String> match(String rawPath) {
        String[] actual = rawPath.split("/", -1);
        if (actual.length != segments.length) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            if (variableNames[i] != null) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                String raw = actual[i].replace("+", "%2B"); // a "+" in a path is a plus, not a space
                values.put(variableNames[i], URLDecoder.decode(raw, StandardCharsets.UTF_8));
            } else if (!segments[i].equals(actual[i])) {
                return null;
            }
        }
        return values;
    }

    /**
     * How messages show a path: in double quotes.
     *
     * @param text the path or segment
     * @return the quoted text
     */
    public static String quote(String text) {
        return "\"" + text + "\"";
    }

    private static int bySpecificity(PathTemplate a, PathTemplate b) {
        for (int i = 0; i < Math.min(a.segments.length, b.segments.length); i++) {
            boolean leftVariable = a.variableNames[i] != null;
            boolean rightVariable = b.variableNames[i] != null;
            if (leftVariable != rightVariable) {
                return leftVariable ? 1 : -1;
            }
        }
        return 0;
    }

    /** The template as written. */
    @Override
    public String toString() {
        return path;
    }
}
