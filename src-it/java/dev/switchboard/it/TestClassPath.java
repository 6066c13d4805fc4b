package dev.switchboard.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The test's own class path, for tests that start a JVM of their own with a part of it.
 */
public final class TestClassPath {

    private TestClassPath() {
    }

    /** The class path, with the jars a manifest-only booter jar lists (as failsafe runs tests) expanded. */
    public static List<Path> entries() throws IOException {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            entries.add(path);
            if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                try (JarFile jar = new JarFile(path.toFile())) {
                    Manifest manifest = jar.getManifest();
                    String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
                    if (listed != null) {
                        for (String url : listed.trim().split("\\s+")) {
                            entries.add(Path.of(path.getParent().toUri().resolve(url)));
                        }
                    }
                }
            }
        }
        return entries;
    }
}
