/**
 * The engine's events as Micrometer meters, behind {@code Metrics.micrometer(registry)}. Internal, and the only
 * package that names Micrometer: nothing loads it unless an application asked for Micrometer metrics.
 */
package dev.switchboard.metrics;
