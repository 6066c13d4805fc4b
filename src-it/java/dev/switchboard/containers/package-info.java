/**
 * Real Jakarta containers for the integration tests: the WAR a user would build ({@link
 * dev.switchboard.containers.WarBuilder}), and container distributions from Maven Central run as child JVMs on
 * 127.0.0.1 with free ports, one at a time ({@link dev.switchboard.containers.Container}, made by {@link
 * dev.switchboard.containers.Containers}).
 *
 * <p>A container's test class ({@code dev.switchboard.it.containers.ContainerSuite} starts it once, deploys the contract
 * app and runs every check there):
 * <pre>{@code
 * class Tomcat11IT extends ContainerSuite {
 *     @Override protected Container newContainer() { return Containers.tomcat11(); }
 * }
 * }</pre>
 *
 * <p>Adding a container: pin its version in a pom property, add an {@code artifactItem} to the
 * {@code unpack-containers} execution, or to {@code copy-containers} for a container that is one jar (output
 * {@code target/containers/<name>}), and a
 * {@code containers.<name>.version} system property to failsafe's configuration; write a {@code Container}
 * subclass (configuration into a fresh base folder, command line, deployment folder) and a factory method in
 * {@code Containers}. {@code -Dcontainers.<name>.java.home=...} runs it on another JDK.
 */
package dev.switchboard.containers;
