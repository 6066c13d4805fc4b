package dev.switchboard.servlet;

import dev.switchboard.ServerSettings;
import dev.switchboard.WarSettings;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a WAR's settings are read from the class that implements {@link WarSettings}, and what a wrong one gets. */
class WarSettingsClassTest {

    public static class Tuned implements WarSettings {
        @Override
        public ServerSettings settings() {
            return ServerSettings.builder().maxSessions(7).build();
        }
    }

    public static class Other implements WarSettings {
        @Override
        public ServerSettings settings() {
            return ServerSettings.defaults();
        }
    }

    public static class WithoutSettings implements WarSettings {
        @Override
        public ServerSettings settings() {
            return null;
        }
    }

    public static class NeedsAnArgument implements WarSettings {
        public NeedsAnArgument(String name) {
        }

        @Override
        public ServerSettings settings() {
            return ServerSettings.defaults();
        }
    }

    @Test
    void theClassGivesTheSettings() {
        assertEquals(7, RouteDeployer.settingsOf(Set.of(Tuned.class)).maxSessions());
    }

    @Test
    void withoutAClassEverySettingHasItsDefault() {
        assertSame(ServerSettings.defaults(), RouteDeployer.settingsOf(Set.of()));
    }

    @Test
    void twoClassesFailTheDeploymentNamingBoth() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RouteDeployer.settingsOf(new LinkedHashSet<>(List.of(Tuned.class, Other.class))));
        assertEquals("More than one class implements WarSettings: [" + Other.class.getName() + ", "
                + Tuned.class.getName() + "]. Keep one; it gives the settings of every route.", e.getMessage());
    }

    @Test
    void aClassWithoutNoArgumentConstructorIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RouteDeployer.settingsOf(Set.of(NeedsAnArgument.class)));
        assertTrue(e.getMessage().startsWith("Cannot make " + NeedsAnArgument.class.getName()
                + " to read the settings: it needs to be a public class with a public no-argument constructor"),
                e.getMessage());
    }

    @Test
    void nullSettingsAreRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RouteDeployer.settingsOf(Set.of(WithoutSettings.class)));
        assertEquals(WithoutSettings.class.getName() + ".settings() returned null; return ServerSettings.builder()"
                + "...build(), or ServerSettings.defaults()", e.getMessage());
    }
}
