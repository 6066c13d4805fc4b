/**
 * An app deployed as a WAR with a {@link dev.switchboard.WarSettings} class, {@link AppSettings}, that sets every
 * server-wide setting to a value other than its default, so that the container tests can observe each one: its
 * routes set none of their own.
 */
package dev.switchboard.settingsapp;
