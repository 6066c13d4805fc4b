package dev.switchboard.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the code shown in a markdown file is the code of the project's sources. A marker line
 * {@code <!-- snippet: path#name -->} right before a fenced block names where the block comes from: the region of
 * the file at {@code path} (from the project's root) between the lines that hold {@code tag::name[]} and
 * {@code end::name[]}, or the whole file when there is no {@code #name}. Lines that hold a {@code tag::} or
 * {@code end::} are left out of what a block shows, so regions may nest; a region loses its common indentation.
 * The block must equal what is left, line for line. Every {@code java} block needs a marker.
 */
final class Snippets {

    private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([^#\\s]+)(?:#([\\w.-]+))? -->");
    private static final Pattern REGION_LINE = Pattern.compile("\\b(?:tag|end)::[\\w.-]+\\[]");
    private static final String FENCE = "```";

    private final Path root;

    /** Snippets whose paths start at {@code root}. */
    Snippets(Path root) {
        this.root = root;
    }

    /** What is wrong with the code blocks of a markdown file: one entry per problem, none when all match. */
    List<String> problems(Path markdown) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<String> problems = new ArrayList<>();
        String file = root.relativize(markdown.toAbsolutePath()).toString();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i).strip());
            boolean marked = marker.matches();
            int open = marked ? i + 1 : i;
            if (open >= lines.size() || !lines.get(open).startsWith(FENCE)) {
                if (marked) {
                    problems.add(file + ":" + (i + 1) + ": the marker " + lines.get(i).strip()
                            + " is not followed by a fenced code block");
                }
                continue;
            }
            int close = closingFence(lines, open + 1);
            if (close < 0) {
                problems.add(file + ":" + (open + 1) + ": a code block is never closed");
                break;
            }
            if (marked) {
                compare(file, open + 1, lines.subList(open + 1, close), marker.group(1), marker.group(2), problems);
            } else if (lines.get(open).substring(FENCE.length()).strip().equals("java")) {
                problems.add(file + ":" + (open + 1) + ": a java block without a snippet marker: show compiled code "
                        + "with <!-- snippet: path#name --> before the block and tag::name[] ... end::name[] "
                        + "around it in its source");
            }
            i = close;
        }
        return problems;
    }

    private static int closingFence(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(FENCE)) {
                return i;
            }
        }
        return -1;
    }

    private void compare(String file, int firstLine, List<String> block, String path, String name,
                         List<String> problems) throws IOException {
        String snippet = name == null ? path : path + "#" + name;
        List<String> source;
        try {
            source = source(root.resolve(path), name);
        } catch (NoSuchFileException e) {
            problems.add(file + ":" + firstLine + ": snippet " + snippet + ": no such file");
            return;
        } catch (IllegalArgumentException e) {
            problems.add(file + ":" + firstLine + ": snippet " + snippet + ": " + e.getMessage());
            return;
        }
        if (block.equals(source)) {
            return;
        }
        int at = 0;
        while (at < block.size() && at < source.size() && block.get(at).equals(source.get(at))) {
            at++;
        }
        problems.add(file + ":" + (firstLine + at + 1) + ": the block differs from its source, snippet " + snippet
                + ", at its line " + (at + 1) + ":\n    shown:  " + lineOrEnd(block, at)
                + "\n    source: " + lineOrEnd(source, at) + "\n  the source's lines are:\n" + String.join("\n", source));
    }

    private static String lineOrEnd(List<String> lines, int index) {
        return index < lines.size() ? lines.get(index) : "(the end)";
    }

    /** The lines a snippet shows: a named region of a file, or the whole file, without the region lines. */
    static List<String> source(Path file, String name) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int from = 0;
        int to = lines.size();
        if (name != null) {
            from = indexOf(lines, "tag::" + name + "[]", 0) + 1;
            if (from == 0) {
                throw new IllegalArgumentException("no line holds tag::" + name + "[]");
            }
            to = indexOf(lines, "end::" + name + "[]", from);
            if (to < 0) {
                throw new IllegalArgumentException("no line after tag::" + name + "[] holds end::" + name + "[]");
            }
        }
        List<String> shown = new ArrayList<>();
        for (String line : lines.subList(from, to)) {
            if (!REGION_LINE.matcher(line).find()) {
                shown.add(line.isBlank() ? "" : line.stripTrailing());
            }
        }
        while (!shown.isEmpty() && shown.get(shown.size() - 1).isEmpty()) {
            shown.remove(shown.size() - 1);
        }
        return withoutCommonIndentation(shown);
    }

    private static int indexOf(List<String> lines, String part, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> withoutCommonIndentation(List<String> lines) {
        int indent = lines.stream().filter(line -> !line.isEmpty())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        return lines.stream().map(line -> line.isEmpty() ? line : line.substring(indent)).toList();
    }
}
