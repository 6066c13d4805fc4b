package dev.switchboard.runtime;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderLinesTest {

    private final HeaderLines headers = HeaderLines.collector()
            .add("Host", "localhost:8080")
            .add("User-Agent", "Mozilla/5.0 (X11, Linux)")
            .add("Cookie", "a=1")
            .add("cookie", "b=2")
            .add("X-Empty", "")
            .done();

    @Test
    void looksUpNamesWhateverTheirCaseWithEveryLineOfTheNameInOrder() {
        assertEquals(List.of("localhost:8080"), headers.get("host"));
        assertEquals(List.of("a=1", "b=2"), headers.get("COOKIE"));
        assertEquals(List.of("Mozilla/5.0 (X11, Linux)"), headers.get("User-Agent"), "values are not split at commas");
        assertEquals(List.of(""), headers.get("x-empty"));
        assertNull(headers.get("Origin"));
        assertNull(headers.get("Hos"), "a name's prefix is not the name");
        assertTrue(headers.containsKey("user-agent"));
        assertFalse(headers.containsKey(42));
    }

    @Test
    void iteratesEachNameOnceSortedAsFirstSent() {
        assertEquals(List.of("Cookie", "Host", "User-Agent", "X-Empty"), List.copyOf(headers.keySet()));
        assertEquals(4, headers.size());
        assertEquals(Map.of("Host", List.of("localhost:8080"), "User-Agent", List.of("Mozilla/5.0 (X11, Linux)"),
                "Cookie", List.of("a=1", "b=2"), "X-Empty", List.of("")), Map.copyOf(headers));
    }

    @Test
    void isUnmodifiableAndKeptAsItIsByTheGate() {
        assertThrows(UnsupportedOperationException.class, () -> headers.put("Origin", List.of("x")));
        assertThrows(UnsupportedOperationException.class, () -> headers.get("Cookie").add("c=3"));
        assertSame(headers, UpgradeRequest.caseInsensitive(headers));
    }
}
