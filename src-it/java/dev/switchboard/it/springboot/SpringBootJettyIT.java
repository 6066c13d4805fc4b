package dev.switchboard.it.springboot;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Everything {@link SpringBootSuite} checks, on the quick start's Spring Boot 4 application, on Jetty 12.1. */
class SpringBootJettyIT extends SpringBootSuite {

    private static final String WEB_STARTER = """
                  <artifactId>spring-boot-starter-web</artifactId>
                </dependency>
            """;

    /** The web starter without Tomcat, and Spring Boot's Jetty starter, as Spring Boot's documentation does it. */
    @Override
    protected String pom(String documented) {
        assertTrue(documented.contains(WEB_STARTER), "the quick start's pom.xml depends on spring-boot-starter-web");
        return documented.replace(WEB_STARTER, """
                      <artifactId>spring-boot-starter-web</artifactId>
                      <exclusions>
                        <exclusion>
                          <groupId>org.springframework.boot</groupId>
                          <artifactId>spring-boot-starter-tomcat</artifactId>
                        </exclusion>
                      </exclusions>
                    </dependency>
                    <dependency>
                      <groupId>org.springframework.boot</groupId>
                      <artifactId>spring-boot-starter-jetty</artifactId>
                    </dependency>
                """);
    }
}
