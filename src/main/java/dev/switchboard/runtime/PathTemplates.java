package dev.switchboard.runtime;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Path template arithmetic.
 */
final class PathTemplates {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^/}]*)}");

    private PathTemplates() {
    }

    /** The variable names of a template, in order. */
    static List<String> variables(String template) {
        List<String> names = new ArrayList<>();
        Matcher variable = VARIABLE.matcher(template);
        while (variable.find()) {
            names.add(variable.group(1));
        }
        return List.copyOf(names);
    }

    /** The template with every variable name erased: two templates with one shape match the same paths. */
    static String shape(String template) {
        return VARIABLE.matcher(template).replaceAll("{}");
    }

    /**
     * The variables of a raw (still percent-encoded) path that a template matches, decoded, or {@code null} if it
     * does not match: literal segments equal, each variable one non-empty segment.
     */
    static Map<String, String> match(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < expected.length; i++) {
            Matcher variable = VARIABLE.matcher(expected[i]);
            if (variable.matches()) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                String raw = actual[i].replace("+", "%2B"); // a "+" in a path is a plus, not a space
                variables.put(variable.group(1), URLDecoder.decode(raw, StandardCharsets.UTF_8));
            } else if (!expected[i].equals(actual[i])) {
                return null;
            }
        }
        return variables;
    }

    /**
     * Orders templates that match one path as Jakarta WebSocket chooses between them: the first segment where
     * they differ decides, and a literal segment beats a variable.
     */
    static int bySpecificity(String a, String b) {
        String[] left = a.split("/", -1);
        String[] right = b.split("/", -1);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            boolean leftVariable = VARIABLE.matcher(left[i]).matches();
            boolean rightVariable = VARIABLE.matcher(right[i]).matches();
            if (leftVariable != rightVariable) {
                return leftVariable ? 1 : -1;
            }
        }
        return 0;
    }
}
