/**
 * The typed route of the JSON echo benchmark, {@link dev.switchboard.bench.json.TradeEchoRoute}, and its message,
 * {@link dev.switchboard.bench.json.Trade}, which the baseline's Jackson endpoint shares. A package of its own
 * because the example package is the example app's and the baseline package holds raw endpoints only; the
 * benchmark WAR carries each package whole.
 */
package dev.switchboard.bench.json;
