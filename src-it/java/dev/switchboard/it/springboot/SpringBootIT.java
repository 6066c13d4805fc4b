package dev.switchboard.it.springboot;

/** Everything {@link SpringBootSuite} checks, on the quick start's Spring Boot 4 application, on Tomcat 11. */
class SpringBootIT extends SpringBootSuite {

    @Override
    protected String pom(String documented) {
        return documented;
    }
}
