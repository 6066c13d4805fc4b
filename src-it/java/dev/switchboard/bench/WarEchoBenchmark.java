package dev.switchboard.bench;

import dev.switchboard.bench.baseline.RawEchoEndpoint;
import dev.switchboard.bench.cases.BenchmarkRun;
import dev.switchboard.bench.cases.CaseChoice;
import dev.switchboard.bench.cases.Settings;
import dev.switchboard.bench.server.BenchHost;
import dev.switchboard.bench.server.Target;
import dev.switchboard.bench.server.TomcatHost;

import java.util.List;
import java.util.Set;

/**
 * The echo benchmark of {@link EchoBenchmark} where the container is the server: Switchboard's example
 * {@code EchoRoute} at {@code /bench-echo/echo} against the baseline echo ({@link RawEchoEndpoint}) at
 * {@code /bench-echo/raw-echo}, and the typed {@code TradeEchoRoute} at {@code /bench-echo/json-echo} against the
 * baseline's Jackson endpoint at {@code /bench-echo/raw-json-echo}, all in one WAR on one Tomcat 11
 * ({@link TomcatHost}), so the comparison shows what the route layer costs there.
 *
 * <p>Run it from the project directory with
 * {@code mvn -q -DskipTests package dependency:unpack@unpack-tomcat11 exec:exec@bench-war}: {@code package}
 * builds the library jar the WAR carries and compiles the routes with their adapters, {@code unpack-tomcat11}
 * unpacks the pinned Tomcat 11 from Maven Central into {@code target/containers/tomcat11} (once). Settings and
 * their defaults are {@link EchoBenchmark}'s, e.g. {@code -Dcases=json -Drounds=3}.
 *
 * <p>Load, checks, rounds and report are {@link EchoBenchmark}'s; the server's CPU is Tomcat's JVM. Tomcat runs
 * with the container harness's settings ({@code -Xmx512m}, its stock connector and thread pool), pinned to the
 * servers' CPU once it started, and its warnings and errors, if any, are listed from
 * {@code target/containers/tomcat11.log}.
 */
public final class WarEchoBenchmark {

    private WarEchoBenchmark() {
    }

    /**
     * Runs the benchmark and prints the report.
     *
     * @param args none; settings are system properties
     */
    public static void main(String[] args) {
        BenchmarkRun.runAndExit("Echo benchmark in a WAR on Tomcat 11", run -> {
            Set<String> cases = CaseChoice.fromProperty(EchoBenchmark.CASES);
            BenchHost tomcat = run.startHost("tomcat", TomcatHost::start);
            return EchoBenchmark.cases(run, cases,
                    List.of(Target.switchboard(tomcat), Target.baseline("raw", tomcat)));
        });
    }
}
