/**
 * Switchboard on Spring Boot's embedded servlet containers: an auto-configuration that installs the routes with
 * the application's {@code ServerSettings} bean and route instances from the application context. Read only where
 * Spring Boot is on the class path; not exported.
 */
package dev.switchboard.spring;
