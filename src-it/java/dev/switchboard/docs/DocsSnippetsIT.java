package dev.switchboard.docs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The code in README.md and docs/*.md is compiled code: every marked block equals its source (see
 * {@link Snippets}), and no java block goes unmarked.
 */
class DocsSnippetsIT {

    private static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

    @Test
    void everyBlockOfTheDocsIsItsSource() throws IOException {
        Snippets snippets = new Snippets(ROOT);
        List<String> problems = new ArrayList<>();
        for (Path doc : docs()) {
            problems.addAll(snippets.problems(doc));
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @Test
    void aBlockThatDriftedFromItsSourceIsReported(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("Hello.java"), """
                class Hello {
                    // tag::greet[]
                    void greet() {
                        // tag::inner[]
                        System.out.println("hello");
                        // end::inner[]
                    }
                    // end::greet[]
                }
                """);
        Path doc = Files.writeString(root.resolve("doc.md"), """
                <!-- snippet: Hello.java#greet -->
                ```java
                void greet() {
                    System.out.println("hello");
                }
                ```
                <!-- snippet: Hello.java#inner -->
                ```java
                System.out.println("hi");
                ```
                """);

        List<String> problems = new Snippets(root).problems(doc);

        assertEquals(1, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).startsWith("doc.md:9: the block differs from its source, snippet "
                + "Hello.java#inner, at its line 1:\n    shown:  System.out.println(\"hi\");\n"
                + "    source: System.out.println(\"hello\");"), problems.get(0));
    }

    @Test
    void unmarkedJavaBrokenMarkersAndMissingRegionsAreReported(@TempDir Path root) throws IOException {
        Files.writeString(root.resolve("Hello.java"), "class Hello {\n}\n");
        Path doc = Files.writeString(root.resolve("doc.md"), """
                ```java
                class Unchecked {}
                ```
                ```
                mvn -B verify
                ```
                <!-- snippet: Hello.java -->
                ```java
                class Hello {
                }
                ```
                <!-- snippet: Hello.java#missing -->
                ```java
                ```
                <!-- snippet: Gone.java -->
                ```java
                ```
                <!-- snippet: Hello.java -->
                text
                """);

        List<String> problems = new Snippets(root).problems(doc);

        assertEquals(List.of(
                "doc.md:1: a java block without a snippet marker: show compiled code with <!-- snippet: path#name -->"
                        + " before the block and tag::name[] ... end::name[] around it in its source",
                "doc.md:13: snippet Hello.java#missing: no line holds tag::missing[]",
                "doc.md:16: snippet Gone.java: no such file",
                "doc.md:18: the marker <!-- snippet: Hello.java --> is not followed by a fenced code block"), problems);
    }

    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }
}
