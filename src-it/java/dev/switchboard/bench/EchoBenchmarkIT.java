package dev.switchboard.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps {@link EchoBenchmark}'s JSON echo case runnable: the case in quick mode with a few connections, in a JVM
 * of its own as {@code exec:exec@bench} runs it (its plain echo shares its code with the Tyrus comparison's, which
 * {@link VersusTyrusBenchmarkIT} runs). Every echo of a JSON trade must come back as the very text sent, so a
 * change in how either target writes the record makes the run invalid here. It asserts no speed figure.
 */
class EchoBenchmarkIT {

    @Test
    void quickRunOfTheJsonCaseIsValid() throws Exception {
        String table = QuickRun.table(EchoBenchmark.class, List.of("-Dcases=json", "-Dconnections=4"),
                Duration.ofSeconds(60));
        assertTrue(QuickRun.hasRow(table, "json echo: 4 conn x 2 in flight, 10-field record"), table);
    }
}
