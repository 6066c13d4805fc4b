package dev.switchboard.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the ServiceLoader index of one kind of adapter ({@code META-INF/services/dev.switchboard.binding.RouteBinding}
 * for routes, {@code ...ClientBinding} for clients): the binary names of all adapters of that kind, one per line,
 * sorted, once in the final round.
 *
 * <p>An incremental build compiles only changed classes, so the index of the previous build is merged in:
 * without that, recompiling one route would drop every other route from the index.
 */
final class IndexWriter {

    private final EndpointKind kind;
    private final Set<String> generated = new TreeSet<>();
    /** Adapter names of every class compiled in this run: their old index entries are stale or renewed. */
    private final Set<String> recompiled = new HashSet<>();

    IndexWriter(EndpointKind kind) {
        this.kind = kind;
    }

    /** The index's path in the class output. */
    String resource() {
        return kind.index();
    }

    /** Records the adapter written in this run for an endpoint class of this index's kind. */
    void add(TypeElement endpoint) {
        generated.add(Naming.adapterBinaryName(endpoint, kind));
    }

    /** Records that a class was compiled in this run, whether or not it is (still) a valid endpoint of this kind. */
    void compiled(TypeElement type) {
        recompiled.add(Naming.adapterBinaryName(type, kind));
    }

    /**
     * Writes the index, merged with the previous one found in the class output.
     *
     * @param exists whether a class of that binary name still exists
     */
    void write(Filer filer, Predicate<String> exists) throws IOException {
        List<String> previous = readPrevious(filer, resource());
        if (generated.isEmpty() && previous == null) {
            return;
        }
        Set<String> entries = merge(previous == null ? List.of() : previous, generated, recompiled, exists);
        FileObject index = filer.createResource(StandardLocation.CLASS_OUTPUT, "", resource());
        try (Writer out = index.openWriter()) {
            for (String entry : entries) {
                out.write(entry + "\n");
            }
        }
    }

    /**
     * The new index: this run's adapters, plus the previous entries whose adapter still exists and whose
     * class was not compiled in this run (a recompiled route that lost {@code @Route} or now has errors
     * must leave the index).
     */
    static Set<String> merge(Collection<String> previous, Collection<String> generated, Set<String> recompiled,
            Predicate<String> exists) {
        Set<String> entries = new TreeSet<>(generated);
        for (String line : previous) {
            String entry = line.replaceFirst("#.*", "").trim();
            if (!entry.isEmpty() && !recompiled.contains(entry) && exists.test(entry)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The previous index's lines, or {@code null} if there is none or it cannot be read. */
    private static List<String> readPrevious(Filer filer, String resource) {
        try {
            FileObject index = filer.getResource(StandardLocation.CLASS_OUTPUT, "", resource);
            return index.getCharContent(true).toString().lines().toList();
        } catch (IOException | RuntimeException e) {
            // Absent (the usual case of a clean build) or unreadable: start from this run's adapters only.
            return null;
        }
    }
}
