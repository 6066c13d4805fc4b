package dev.switchboard.containers;

import org.junit.jupiter.api.Assumptions;

/**
 * The containers the integration tests run on, each from its distribution in {@code target/containers/<name>/}
 * (unpacked by the pom's {@code unpack-containers} execution, at the versions its properties pin). Each factory
 * method gives a new, stopped container; {@code -Dcontainers.skip=true} turns them into skipped tests.
 */
public final class Containers {

    private Containers() {
    }

    /** Apache Tomcat 11 (Jakarta EE 11: Servlet 6.1, WebSocket 2.2). */
    public static Container tomcat11() {
        return new Tomcat("tomcat11", BuildLayout.distribution(enabled("tomcat11"), "apache-tomcat-"));
    }

    /** Apache Tomcat 10.1 (Jakarta EE 10: Servlet 6.0, WebSocket 2.1). */
    public static Container tomcat101() {
        return new Tomcat("tomcat101", BuildLayout.distribution(enabled("tomcat101"), "apache-tomcat-"));
    }

    /** Eclipse Jetty 12.1, EE 11 environment. */
    public static Container jetty121() {
        return new Jetty("jetty121", BuildLayout.distribution(enabled("jetty121"), "jetty-home-"), "ee11");
    }

    /** Eclipse Jetty 12.1, EE 10 environment: the same distribution as {@link #jetty121()}, its own base and log. */
    public static Container jetty121Ee10() {
        return new Jetty(enabled("jetty121-ee10"), BuildLayout.distribution("jetty121", "jetty-home-"), "ee10");
    }

    /** WildFly 39 (standalone server; Jakarta WebSocket 2.1 on Undertow). */
    public static Container wildfly39() {
        return new WildFly("wildfly39", BuildLayout.distribution(enabled("wildfly39"), "wildfly-"));
    }

    /** Eclipse GlassFish 8 (Jakarta EE 11), a copy of its {@code domain1}; runs on JDK 21+. */
    public static Container glassfish8() {
        String name = enabled("glassfish8");
        return new GlassFish(name, System.getProperty("containers.glassfish8.version", "8"),
                BuildLayout.distributionFolder(name, "glassfish8"), 21, Integer.MAX_VALUE);
    }

    /** Eclipse GlassFish 7 (Jakarta EE 10), a copy of its {@code domain1}; runs on JDK 21 at most. */
    public static Container glassfish7() {
        String name = enabled("glassfish7");
        return new GlassFish(name, System.getProperty("containers.glassfish7.version", "7"),
                BuildLayout.distributionFolder(name, "glassfish7"), 17, 21);
    }

    /** Payara Micro 6 (Jakarta EE 10, Payara Server's single-jar runtime); runs on JDK 21 at most. */
    public static Container payaramicro6() {
        String name = enabled("payaramicro6");
        return new PayaraMicro(name, System.getProperty("containers.payaramicro6.version", "6"),
                BuildLayout.distributionFolder(name, "payara-micro.jar"));
    }

    /** Open Liberty 26 with the features servlet-6.0 and websocket-2.1 (Jakarta EE 10). */
    public static Container openliberty26() {
        String name = enabled("openliberty26");
        return new OpenLiberty(name, System.getProperty("containers.openliberty26.version", "26"),
                BuildLayout.distributionFolder(name, "wlp"));
    }

    /** Stops a container if there is one: for {@code @AfterAll}, where {@code @BeforeAll} may have failed. */
    public static void stop(Container container) {
        if (container != null) {
            container.stop();
        }
    }

    /** Skips the calling test class (an assumption) when {@code -Dcontainers.skip=true}. */
    private static String enabled(String name) {
        Assumptions.assumeFalse(Boolean.getBoolean("containers.skip"),
                "container tests skipped (-Dcontainers.skip=true): " + name);
        return name;
    }
}
