package dev.switchboard.bench;

/**
 * The echo benchmark of {@link EchoBenchmark} in WAR mode on a real Tomcat 11: Switchboard's example
 * {@code EchoRoute} at {@code /bench-echo/echo} against the same echo written as a plain annotated JSR-356
 * endpoint at {@code /bench-echo/raw-echo}, both in one WAR on one Tomcat ({@link TomcatHost}), so the
 * comparison shows what the route layer costs where the container is the server.
 *
 * <p>Run it from the project directory with
 * {@code mvn -q -DskipTests package dependency:unpack@unpack-tomcat11 exec:exec@bench-war}: {@code package}
 * builds the library jar the WAR carries and compiles the routes with their adapters, {@code unpack-tomcat11}
 * unpacks the pinned Tomcat 11 from Maven Central into {@code target/containers/tomcat11} (once). Settings and
 * their defaults are {@link EchoBenchmark}'s: {@code rounds} (5), {@code warmup} (3 s), {@code seconds} (5),
 * {@code connections} (100), {@code window} (8) and {@code size} (64 bytes), e.g. {@code -Drounds=3}.
 *
 * <p>Load, checks, rounds and report are {@link EchoBenchmark}'s; the server's CPU is Tomcat's JVM. Tomcat runs
 * with the harness's settings ({@code -Xmx512m}, its stock connector and thread pool), and its warnings and
 * errors, if any, are listed from {@code target/containers/tomcat11.log}.
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
        EchoBenchmark.run("Echo benchmark in a WAR on Tomcat 11", TomcatHost::start);
    }
}
