package dev.switchboard.runtime;

import java.util.ArrayList;
import java.util.List;
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
}
