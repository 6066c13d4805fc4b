/**
 * An app deployed as a WAR that is a node of a Redis cluster: its {@link dev.switchboard.WarSettings} class,
 * {@link ClusterAppSettings}, takes {@code Cluster.redis(uri)} from a resource the test writes into the WAR, and
 * its route serves the rooms of the standalone nodes' route ({@code /cluster/{room}}), so that the rooms' members
 * on the container and on standalone nodes hear each other.
 */
package dev.switchboard.clusterapp;
