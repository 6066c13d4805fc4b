package dev.switchboard.containers;

import dev.switchboard.binding.RouteBinding;
import dev.switchboard.it.TestClassPath;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Assembles a WAR the way a user's build would, from what the test compilation produced: the classes of some
 * packages of {@code target/test-classes} (routes and their generated adapters), the lines of the processor's
 * route index that name those packages' adapters, and the library jar in {@code WEB-INF/lib}. No web.xml, no
 * Tyrus, no Grizzly: the container is the server.
 */
public final class WarBuilder {

    /**
     * The packages of the contract app. To add one, add its name here: its classes, adapters and index lines
     * go into the WAR.
     */
    public static final List<String> CONTRACT_APP_PACKAGES = List.of(
            "dev.switchboard.example",
            "dev.switchboard.contract");

    /** The route the broken app carries without its adapter. */
    public static final String BROKEN_ROUTE = "dev.switchboard.example.EchoRoute";

    /** What Switchboard says when it refuses the broken app (the start of its message). */
    public static final String BROKEN_MESSAGE = BROKEN_ROUTE + " is annotated @Route but has no generated adapter";

    private static final String INDEX = "META-INF/services/" + RouteBinding.class.getName();
    private static final String ADAPTER_SUFFIX = "_SwitchboardRoute";
    private static final FileTime EPOCH = FileTime.fromMillis(315_532_800_000L); // 1980-01-01, the zip epoch

    private static War contractApp;
    private static War brokenApp;
    private static War settingsApp;

    private final String name;
    private final List<String> packages = new ArrayList<>();
    private final Set<String> withoutAdapter = new LinkedHashSet<>();
    private final List<Path> libraries = new ArrayList<>();
    private final TreeMap<String, String> resources = new TreeMap<>();

    private WarBuilder(String name) {
        this.name = name;
    }

    /** A builder of {@code target/<name>.war}, deployed at {@code /<name>}. */
    public static WarBuilder named(String name) {
        return new WarBuilder(name);
    }

    /**
     * {@code target/contract-app.war}: the contract app's packages ({@link #CONTRACT_APP_PACKAGES}), the library and
     * the JSON libraries of its typed routes ({@link #jsonLibraries()}). Built once per test JVM.
     */
    public static synchronized War contractApp() {
        if (contractApp == null) {
            contractApp = named("contract-app").packages(CONTRACT_APP_PACKAGES).libraries(jsonLibraries()).build();
        }
        return contractApp;
    }

    /**
     * {@code target/broken-app.war}: the example package with {@link #BROKEN_ROUTE} but without its generated
     * adapter and index line, as if it had been compiled without the annotation processor. Its deployment must
     * fail with {@link #BROKEN_MESSAGE}. Built once per test JVM.
     */
    public static synchronized War brokenApp() {
        if (brokenApp == null) {
            brokenApp = named("broken-app").packages(List.of("dev.switchboard.example"))
                    .withoutAdapterOf(BROKEN_ROUTE).build();
        }
        return brokenApp;
    }

    /**
     * {@code target/settings-app.war}: the settings app ({@code dev.switchboard.settingsapp}), whose
     * {@code WarSettings} class sets every server-wide setting, with Micrometer in {@code WEB-INF/lib} for its
     * metrics. Built once per test JVM.
     */
    public static synchronized War settingsApp() {
        if (settingsApp == null) {
            settingsApp = named("settings-app").packages(List.of("dev.switchboard.settingsapp"))
                    .libraries(micrometer()).build();
        }
        return settingsApp;
    }

    /**
     * {@code target/cluster-app.war}: the cluster app ({@code dev.switchboard.clusterapp}), a node of the cluster on
     * a Redis, with Lettuce and what it needs (Netty, Reactor) in {@code WEB-INF/lib}, and the Redis URI and node id
     * in its {@code WEB-INF/classes/cluster-app.properties}. Built on every call: each test has a Redis of its own.
     */
    public static War clusterApp(String redisUri, String nodeId) {
        return named("cluster-app").packages(List.of("dev.switchboard.clusterapp")).libraries(lettuce())
                .resource("cluster-app.properties", "redis=" + redisUri + "\nnode-id=" + nodeId + "\n").build();
    }

    /**
     * Lettuce's jars on the test class path, as Maven bundles them for an application that depends on it: Netty,
     * Reactor, and redis-authx-core with SLF4J's API (Lettuce 7 logs some events through SLF4J directly).
     */
    public static List<Path> lettuce() {
        return jars("lettuce-core-", "lettuce-core-", "netty-", "reactor-core-", "reactive-streams-",
                "redis-authx-core-", "slf4j-api-");
    }

    /** Micrometer's jars on the test class path: the core and what it needs. */
    private static List<Path> micrometer() {
        return jars("micrometer-core-", "micrometer-", "HdrHistogram-", "LatencyUtils-");
    }

    /**
     * The JSON libraries of the test class path, as an application that uses the codecs bundles them: Jackson 2 with
     * its java.time module, Jackson 3, and JSON-B with Yasson and JSON-P. Containers that provide JSON-B (the full
     * Jakarta EE servers) load its API and their own implementation first.
     */
    public static List<Path> jsonLibraries() {
        return jars("jackson-databind-", "jackson-", "jakarta.json", "yasson-", "parsson-");
    }

    /**
     * The jars of the test class path whose names start with one of the prefixes.
     *
     * @param required the prefix of the one jar that must be among them
     */
    private static List<Path> jars(String required, String... prefixes) {
        try {
            List<Path> jars = TestClassPath.entries().stream().filter(path -> {
                String name = path.getFileName().toString();
                return name.endsWith(".jar") && Arrays.stream(prefixes).anyMatch(name::startsWith);
            }).distinct().toList();
            if (jars.stream().noneMatch(jar -> jar.getFileName().toString().startsWith(required))) {
                throw new IllegalStateException(required + "* is not on the test class path: " + jars);
            }
            return jars;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds jars to {@code WEB-INF/lib}, beside the library. */
    public WarBuilder libraries(List<Path> jars) {
        libraries.addAll(jars);
        return this;
    }

    /** Adds a resource to {@code WEB-INF/classes}: a text file the app reads from its class path. */
    public WarBuilder resource(String name, String text) {
        resources.put(name, text);
        return this;
    }

    /** Adds packages of {@code target/test-classes} (not their subpackages). */
    public WarBuilder packages(List<String> names) {
        packages.addAll(names);
        return this;
    }

    /** Leaves out the generated adapter of a route class (binary name) and its index line. */
    public WarBuilder withoutAdapterOf(String routeClass) {
        withoutAdapter.add(routeClass);
        return this;
    }

    /** Writes {@code target/<name>.war}. */
    public War build() {
        Path classes = BuildLayout.testClasses();
        List<String> adapters = adapters(classes);
        Set<String> leftOut = new LinkedHashSet<>();
        for (String route : withoutAdapter) {
            String adapter = adapterOf(route);
            if (!adapters.remove(adapter)) {
                throw new IllegalStateException("The route index of " + classes + " names no adapter " + adapter
                        + " for " + route + ": nothing to leave out.");
            }
            leftOut.add(adapter);
        }

        TreeMap<String, Path> files = new TreeMap<>();
        for (String pkg : packages) {
            Path dir = classes.resolve(pkg.replace('.', '/'));
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".class"))
                        .filter(file -> !isPartOf(file.getFileName().toString(), leftOut, pkg))
                        .forEach(file -> files.put("WEB-INF/classes/" + classes.relativize(file).toString()
                                .replace('\\', '/'), file));
            } catch (IOException e) {
                throw new IllegalStateException("Package " + pkg + " has no classes in " + classes
                        + ": compile the tests first (mvn test-compile).", e);
            }
        }
        for (String adapter : adapters) {
            if (!files.containsKey("WEB-INF/classes/" + adapter.replace('.', '/') + ".class")) {
                throw new IllegalStateException("The index names " + adapter + ", whose class file is missing.");
            }
        }
        Path library = BuildLayout.libraryJar();
        files.put("WEB-INF/lib/" + library.getFileName(), library);
        for (Path jar : libraries) {
            files.put("WEB-INF/lib/" + jar.getFileName(), jar);
        }

        String index = adapters.isEmpty() ? null : String.join("\n", adapters) + "\n";
        Path war = BuildLayout.target().resolve(name + ".war");
        write(war, files, index, resources);
        return new War(war, adapters.isEmpty() || !withoutAdapter.isEmpty() ? null : probePath(adapters));
    }

    /** Every entry name of a WAR (or any zip), in order. */
    public static List<String> entries(Path war) {
        try (ZipFile zip = new ZipFile(war.toFile())) {
            List<String> names = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                names.add(e.nextElement().getName());
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of one entry of a WAR, or {@code null} if it has none of that name. */
    public static String entryText(Path war, String entry) {
        try (ZipFile zip = new ZipFile(war.toFile())) {
            ZipEntry found = zip.getEntry(entry);
            return found == null ? null : new String(zip.getInputStream(found).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name of the generated adapter of a route class: {@code a.b.Outer_Inner_SwitchboardRoute}. */
    static String adapterOf(String routeClass) {
        int dot = routeClass.lastIndexOf('.');
        return routeClass.substring(0, dot + 1) + routeClass.substring(dot + 1).replace('$', '_') + ADAPTER_SUFFIX;
    }

    /** The index lines of the chosen packages' adapters. */
    private List<String> adapters(Path classes) {
        Path index = classes.resolve(INDEX);
        try {
            List<String> lines = Files.readAllLines(index);
            List<String> chosen = new ArrayList<>();
            for (String line : lines) {
                String adapter = line.replaceFirst("#.*", "").trim();
                int dot = adapter.lastIndexOf('.');
                if (!adapter.isEmpty() && packages.contains(adapter.substring(0, Math.max(dot, 0)))) {
                    chosen.add(adapter);
                }
            }
            return chosen;
        } catch (IOException e) {
            throw new IllegalStateException("No route index " + index + ": was the annotation processor run?", e);
        }
    }

    /** Whether a class file belongs to one of the left-out adapters (the adapter or one of its nested classes). */
    private static boolean isPartOf(String fileName, Set<String> adapters, String pkg) {
        for (String adapter : adapters) {
            String simple = adapter.substring(pkg.length() + 1);
            if (adapter.startsWith(pkg + ".") && (fileName.equals(simple + ".class") || fileName.startsWith(simple + "$"))) {
                return true;
            }
        }
        return false;
    }

    /** A path of the app to probe: the first route without variables, else the first with each variable filled. */
    private static String probePath(List<String> adapters) {
        List<String> paths = new ArrayList<>();
        for (String adapter : adapters) {
            try {
                RouteBinding binding = (RouteBinding) Class.forName(adapter).getDeclaredConstructor().newInstance();
                paths.add(binding.path());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot instantiate adapter " + adapter + " from the test class path", e);
            }
        }
        return paths.stream().filter(path -> !path.contains("{")).findFirst()
                .orElseGet(() -> paths.get(0).replaceAll("\\{[^}]*}", "probe"));
    }

    private static void write(Path war, TreeMap<String, Path> files, String index, TreeMap<String, String> resources) {
        TreeMap<String, byte[]> entries = new TreeMap<>();
        resources.forEach((name, text) -> entries.put("WEB-INF/classes/" + name,
                text.getBytes(StandardCharsets.UTF_8)));
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\nCreated-By: Switchboard WarBuilder\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8));
        if (index != null) {
            entries.put("WEB-INF/classes/" + INDEX, index.getBytes(StandardCharsets.UTF_8));
        }
        try {
            for (var file : files.entrySet()) {
                entries.put(file.getKey(), Files.readAllBytes(file.getValue()));
            }
            Files.createDirectories(war.getParent());
            Path partial = war.resolveSibling(war.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
                Set<String> directories = new LinkedHashSet<>();
                put(zip, "META-INF/", null, directories);
                put(zip, "META-INF/MANIFEST.MF", entries.remove("META-INF/MANIFEST.MF"), directories);
                for (var entry : entries.entrySet()) {
                    put(zip, entry.getKey(), entry.getValue(), directories);
                }
            }
            Files.move(partial, war, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + war, e);
        }
    }

    /** Writes an entry after the directory entries of its parents, each once, as jar tools do. */
    private static void put(ZipOutputStream zip, String name, byte[] content, Set<String> directories)
            throws IOException {
        for (int slash = name.indexOf('/'); slash >= 0 && slash < name.length() - 1; slash = name.indexOf('/', slash + 1)) {
            String parent = name.substring(0, slash + 1);
            if (directories.add(parent)) {
                zip.putNextEntry(entry(parent));
                zip.closeEntry();
            }
        }
        if (content == null) {
            if (directories.add(name)) {
                zip.putNextEntry(entry(name));
                zip.closeEntry();
            }
            return;
        }
        zip.putNextEntry(entry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(EPOCH);
        return entry;
    }
}
