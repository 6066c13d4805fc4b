package dev.switchboard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles sources in memory with the test class path and the route processor, keeping every output
 * (class files, generated sources, resources) in memory for inspection.
 */
public final class InMemoryCompiler {

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
    /** Shared so that the class path's jars are opened once, not once per compilation: keeps tests fast. */
    private static final StandardJavaFileManager STANDARD =
            JAVAC.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile("(?:class|interface|enum|record)\\s+(\\w+)");

    private InMemoryCompiler() {
    }

    /** What one compilation produced. */
    public record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics,
            Map<String, String> sources, Map<String, byte[]> classes, Map<String, String> resources) {

        List<Diagnostic<? extends JavaFileObject>> errors() {
            return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        }

        List<String> errorMessages() {
            return errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
        }

        /** The generated ServiceLoader index of routes, or {@code null}. */
        String index() {
            return resources.get(EndpointKind.ROUTE.index());
        }

        /** The generated ServiceLoader index of clients, or {@code null}. */
        String clientIndex() {
            return resources.get(EndpointKind.CLIENT.index());
        }

        /** A class loader over the compiled classes, child of the test's. */
        ClassLoader loader() {
            return new ClassLoader(InMemoryCompiler.class.getClassLoader()) {
                @Override
                protected Class<?> findClass(String name) throws ClassNotFoundException {
                    byte[] bytes = classes.get(name);
                    if (bytes == null) {
                        throw new ClassNotFoundException(name);
                    }
                    return defineClass(name, bytes, 0, bytes.length);
                }
            };
        }

        /** Asserts that nothing went wrong, printing the diagnostics if it did. */
        public Result assertClean() {
            List<String> bad = diagnostics.stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
                            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                    .map(d -> d.getKind() + ": " + d.getMessage(Locale.ROOT)).toList();
            assertEquals(List.of(), bad);
            assertTrue(success);
            return this;
        }

        /**
         * Asserts that compilation failed with exactly these errors, in this order: each expected pair is the
         * message and the start of the source text javac points at.
         */
        void assertErrors(String... messageThenPointedAt) {
            assertFalse(success, "compilation should fail");
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < messageThenPointedAt.length; i += 2) {
                expected.add(messageThenPointedAt[i] + "\n  at: " + messageThenPointedAt[i + 1]);
            }
            List<String> actual = new ArrayList<>();
            List<Diagnostic<? extends JavaFileObject>> errors = errors();
            for (int i = 0; i < errors.size(); i++) {
                Diagnostic<? extends JavaFileObject> error = errors.get(i);
                String at = pointedAt(error);
                // Compare only as much of the pointed-at text as the test expects.
                String wanted = i < expected.size() ? messageThenPointedAt[2 * i + 1] : at;
                String shown = at.startsWith(wanted) ? wanted : at;
                actual.add(error.getMessage(Locale.ROOT) + "\n  at: " + shown);
            }
            assertEquals(String.join("\n", expected), String.join("\n", actual));
        }
    }

    /**
     * The source text of the element a diagnostic points at (from its start to its end position), with
     * line breaks and indentation collapsed to single spaces: {@code int count} for a parameter,
     * {@code @OnText void said(String text) {}} for a method, the whole declaration for a class.
     */
    static String pointedAt(Diagnostic<? extends JavaFileObject> diagnostic) {
        if (diagnostic.getSource() == null || diagnostic.getStartPosition() == Diagnostic.NOPOS) {
            return "<no position>";
        }
        try {
            String text = diagnostic.getSource().getCharContent(true).toString();
            return text.substring((int) diagnostic.getStartPosition(), (int) diagnostic.getEndPosition())
                    .replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles the sources; each holds one top-level type, named after it. */
    static Result compile(String... sources) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        MemoryFileManager files = new MemoryFileManager(STANDARD);
        boolean success = JAVAC.getTask(null, files, diagnostics, options(System.getProperty("java.class.path")),
                null, sourceFiles(sources)).call();
        return new Result(success, diagnostics.getDiagnostics(), files.sources(),
                files.classes(), files.resources());
    }

    /**
     * Compiles the sources as {@link #compile} does, on a class path without the JSON libraries that Switchboard has
     * codecs for: as an application that added neither Jackson nor JSON-B.
     */
    static Result compileWithoutJsonLibraries(String... sources) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                // By the jar's own name: a checkout's path may hold "json" too.
                .filter(entry -> !isJsonLibrary(Path.of(entry).getFileName().toString()))
                .collect(Collectors.joining(File.pathSeparator));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        MemoryFileManager files = new MemoryFileManager(STANDARD);
        boolean success = JAVAC.getTask(null, files, diagnostics, options(classPath), null, sourceFiles(sources)).call();
        return new Result(success, diagnostics.getDiagnostics(), files.sources(), files.classes(), files.resources());
    }

    private static boolean isJsonLibrary(String fileName) {
        return fileName.contains("jackson") || fileName.contains("json");
    }

    /**
     * Compiles into a real directory that is also on the class path, as a build tool does: a later call with
     * the same directory sees the earlier classes and index, like an incremental build.
     */
    public static Result compileInto(Path directory, String... sources) throws IOException {
        return compileInto(directory, true, sources);
    }

    /**
     * Compiles into a real directory with annotation processing off, as a build that forgot to enable the
     * processor does: the classes carry {@code @Route} but have no adapters.
     */
    public static Result compileWithoutProcessorInto(Path directory, String... sources) throws IOException {
        return compileInto(directory, false, sources);
    }

    private static Result compileInto(Path directory, boolean process, String... sources) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path generated = Files.createDirectories(directory.resolve("generated"));
        List<String> options = new ArrayList<>(options(System.getProperty("java.class.path") + File.pathSeparator + directory));
        if (!process) {
            options.removeAll(List.of("-processor", RouteProcessor.class.getName()));
            options.add("-proc:none");
        }
        options.addAll(List.of("-d", directory.toString(), "-s", generated.toString()));
        try (StandardJavaFileManager standard = JAVAC.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            boolean success = JAVAC.getTask(null, standard, diagnostics, options, null, sourceFiles(sources)).call();
            Map<String, String> resources = new TreeMap<>();
            for (EndpointKind kind : EndpointKind.values()) {
                Path index = directory.resolve(kind.index());
                if (Files.exists(index)) {
                    resources.put(kind.index(), Files.readString(index));
                }
            }
            return new Result(success, diagnostics.getDiagnostics(), Map.of(), Map.of(), resources);
        }
    }

    private static List<String> options(String classPath) {
        // -processor names the processor explicitly: JDK 23+ no longer runs processors found on the class path.
        return List.of("-classpath", classPath, "-processor", RouteProcessor.class.getName(), "-Xlint:all",
                "-Xlint:-processing");
    }

    private static List<JavaFileObject> sourceFiles(String... sources) {
        List<JavaFileObject> files = new ArrayList<>();
        for (String source : sources) {
            Matcher pkg = PACKAGE.matcher(source);
            Matcher type = TYPE.matcher(source);
            if (!type.find()) {
                throw new IllegalArgumentException("no type in " + source);
            }
            String name = (pkg.find() ? pkg.group(1) + "." : "") + type.group(1);
            files.add(new SimpleJavaFileObject(URI.create("mem:///" + name.replace('.', '/') + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            });
        }
        return files;
    }

    /** An output file held in memory; readable once written, as javac reads generated sources back. */
    private static final class MemoryFile extends SimpleJavaFileObject {
        private final String name;
        private ByteArrayOutputStream content;

        MemoryFile(String name, Kind kind) {
            super(URI.create("mem:///out/" + name), kind);
            this.name = name;
        }

        @Override
        public OutputStream openOutputStream() {
            content = new ByteArrayOutputStream();
            return content;
        }

        @Override
        public java.io.InputStream openInputStream() throws IOException {
            return new java.io.ByteArrayInputStream(bytes());
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        byte[] bytes() throws FileNotFoundException {
            if (content == null) {
                throw new FileNotFoundException(name);
            }
            return content.toByteArray();
        }
    }

    private static final class MemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
        private final Map<String, MemoryFile> classes = new TreeMap<>();
        private final Map<String, MemoryFile> sources = new TreeMap<>();
        private final Map<String, MemoryFile> resources = new TreeMap<>();

        MemoryFileManager(StandardJavaFileManager standard) {
            super(standard);
        }

        @Override
        public void close() {
            // The standard manager is shared between compilations; it stays open.
        }

        @Override
        public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                FileObject sibling) {
            Map<String, MemoryFile> files = kind == JavaFileObject.Kind.CLASS ? classes : sources;
            return files.computeIfAbsent(className, n -> new MemoryFile(n.replace('.', '/') + kind.extension, kind));
        }

        @Override
        public FileObject getFileForOutput(Location location, String packageName, String relativeName,
                FileObject sibling) {
            String path = packageName.isEmpty() ? relativeName : packageName.replace('.', '/') + "/" + relativeName;
            return resources.computeIfAbsent(path, p -> new MemoryFile(p, JavaFileObject.Kind.OTHER));
        }

        @Override
        public FileObject getFileForInput(Location location, String packageName, String relativeName)
                throws IOException {
            if (location == StandardLocation.CLASS_OUTPUT) {
                return getFileForOutput(location, packageName, relativeName, null);
            }
            return super.getFileForInput(location, packageName, relativeName);
        }

        Map<String, byte[]> classes() {
            return written(classes);
        }

        Map<String, String> sources() {
            return text(written(sources));
        }

        Map<String, String> resources() {
            return text(written(resources));
        }

        private static Map<String, byte[]> written(Map<String, MemoryFile> files) {
            Map<String, byte[]> written = new TreeMap<>();
            files.forEach((name, file) -> {
                try {
                    written.put(name, file.bytes());
                } catch (FileNotFoundException notWritten) {
                    // Asked for but never written, such as the previous index the processor looks for.
                }
            });
            return written;
        }

        private static Map<String, String> text(Map<String, byte[]> files) {
            Map<String, String> text = new TreeMap<>();
            files.forEach((name, bytes) -> text.put(name, new String(bytes, StandardCharsets.UTF_8)));
            return text;
        }
    }
}
