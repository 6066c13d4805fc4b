/**
 * The cluster bus on Redis pub/sub through Lettuce, the one part of Switchboard that names Lettuce; loaded only
 * when an application asks for {@code Cluster.redis(uri)}. Internal: not exported.
 */
package dev.switchboard.cluster;
