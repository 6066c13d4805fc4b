package dev.switchboard.it.springboot;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Everything {@link SpringBootSuite} checks, on the quick start's application on Spring Boot 3.5 and Tomcat 10.1. */
class SpringBoot35IT extends SpringBootSuite {

    private static final String BOOT_4 =
            "<artifactId>spring-boot-starter-parent</artifactId>\n    <version>4.0.7</version>";

    @Override
    protected String pom(String documented) {
        assertTrue(documented.contains(BOOT_4), "the quick start's pom.xml has Spring Boot 4.0.7 for its parent");
        return documented.replace(BOOT_4, BOOT_4.replace("4.0.7", "3.5.7"));
    }
}
