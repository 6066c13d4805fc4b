package dev.switchboard.containers;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the WARs the container tests deploy hold: a user's app with the Switchboard jar and the JSON libraries of its
 * typed routes, and no server of its own: the container is the server.
 */
class ContractWarIT {

    private static final String INDEX = "WEB-INF/classes/META-INF/services/dev.switchboard.binding.RouteBinding";

    @Test
    void contractAppCarriesNoWebXmlNoTyrusNoGrizzly() {
        Path war = WarBuilder.contractApp().file();
        List<String> entries = WarBuilder.entries(war);

        assertFalse(entries.contains("WEB-INF/web.xml"), "a web.xml: " + entries);
        List<String> lib = entries.stream().filter(e -> e.startsWith("WEB-INF/lib/") && !e.endsWith("/")).toList();
        assertTrue(lib.contains("WEB-INF/lib/" + BuildLayout.libraryJar().getFileName()), lib.toString());
        for (String jar : lib) {
            String name = jar.substring("WEB-INF/lib/".length());
            assertTrue(name.startsWith("switchboard-") || name.startsWith("jackson-") || name.startsWith("jakarta.json")
                    || name.startsWith("yasson-") || name.startsWith("parsson-"), "not the library or JSON: " + jar);
        }
        for (String entry : entries) {
            String lower = entry.toLowerCase(Locale.ROOT);
            assertFalse(lower.contains("tyrus") || lower.contains("grizzly") || lower.startsWith("web-inf/classes/org/"),
                    "Tyrus or Grizzly in the WAR: " + entry);
        }
        for (String entry : WarBuilder.entries(BuildLayout.libraryJar())) {
            assertFalse(entry.startsWith("org/glassfish/") || entry.endsWith(".jar"),
                    "the library jar bundles " + entry);
        }
    }

    @Test
    void contractAppCarriesItsPackagesRoutesAdaptersAndOnlyTheirIndexLines() {
        Path war = WarBuilder.contractApp().file();
        List<String> entries = WarBuilder.entries(war);
        List<String> index = WarBuilder.entryText(war, INDEX).lines().toList();

        assertFalse(index.isEmpty());
        for (String adapter : index) {
            String pkg = adapter.substring(0, adapter.lastIndexOf('.'));
            assertTrue(WarBuilder.CONTRACT_APP_PACKAGES.contains(pkg), "index line of another package: " + adapter);
            assertTrue(entries.contains("WEB-INF/classes/" + adapter.replace('.', '/') + ".class"), adapter);
        }
        assertTrue(index.contains("dev.switchboard.example.EchoRoute_SwitchboardRoute"), index.toString());
        assertTrue(entries.contains("WEB-INF/classes/dev/switchboard/example/EchoRoute.class"));
        assertEquals("/contract-app", WarBuilder.contractApp().contextPath());
    }

    @Test
    void brokenAppCarriesARouteWithoutItsAdapter() {
        Path war = WarBuilder.brokenApp().file();
        List<String> entries = WarBuilder.entries(war);
        String index = WarBuilder.entryText(war, INDEX);

        assertTrue(entries.contains("WEB-INF/classes/dev/switchboard/example/EchoRoute.class"));
        assertTrue(entries.stream().noneMatch(e -> e.contains("EchoRoute_SwitchboardRoute")), entries.toString());
        assertFalse(index.contains("EchoRoute_SwitchboardRoute"), index);
        assertTrue(index.contains("dev.switchboard.example.ChatRoute_SwitchboardRoute"), index);
        assertFalse(entries.contains("WEB-INF/web.xml"));
    }
}
