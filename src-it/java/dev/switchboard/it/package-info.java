/**
 * The integration tests, in folders by topic, over real sockets against real servers:
 * {@code contract} (the route and session contract, standalone), {@code containers} (the same contract and the
 * smoke checks in a WAR, one class per container), {@code handshake}, {@code limits}, {@code fanout},
 * {@code timers}, {@code lifecycle} (drain and close handshake), {@code metrics}, {@code compression}, {@code tls},
 * {@code browser}, {@code standalone} (the host, the launcher, the module path) and {@code examples} (the
 * example app, the quick start, the docs' code). Every test connects with the clients in {@code clients}: the
 * JDK's WebSocket client ({@link dev.switchboard.it.clients.WsClient}) and a raw socket
 * ({@link dev.switchboard.it.clients.RawClient}). This package holds the other shared helpers.
 */
package dev.switchboard.it;
