package dev.switchboard.standalone;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Catches the signals that tell the process to stop, SIGTERM (a service manager, {@code docker stop},
 * {@code kill}) and SIGINT (Ctrl+C), while a server serves until then.
 *
 * <p>Why signals rather than a shutdown hook alone: once the JVM runs its shutdown hooks, JUL's own hook resets
 * its handlers at the same time, so what the drain and the {@code @OnDisconnected} handlers log is lost. Catching
 * the signal lets the drain run while the JVM is still whole; the JVM exits after it, when the caller's
 * {@code main} returns. Once closed, the JVM's own handling is back, so a second Ctrl+C during the drain ends the
 * process at once. Where a signal cannot be caught (the JVM runs with {@code -Xrs}, or another part of the process
 * owns it), the shutdown hook registered meanwhile still drains, without the log lines.
 */
final class ShutdownSignals implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ShutdownSignals.class.getName());
    private static final List<String> STOP_SIGNALS = List.of("TERM", "INT");

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final Thread hook;

    private ShutdownSignals(Thread hook) {
        this.hook = hook;
    }

    /**
     * Catches the stop signals until {@link #close()}.
     *
     * @param stopping      released by a stop signal
     * @param onJvmShutdown the drain, for a JVM that shuts down without a signal caught here
     * @return the catch, to close once the signal came or serving ended otherwise
     */
    static ShutdownSignals catchInto(CountDownLatch stopping, Runnable onJvmShutdown) {
        ShutdownSignals signals = new ShutdownSignals(new Thread(onJvmShutdown, "switchboard-shutdown"));
        for (String name : STOP_SIGNALS) {
            Signal signal = new Signal(name);
            try {
                signals.previous.put(signal, Signal.handle(signal, s -> stopping.countDown()));
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.DEBUG, "SIG" + name + " cannot be caught here; the shutdown hook drains");
            }
        }
        Runtime.getRuntime().addShutdownHook(signals.hook);
        return signals;
    }

    /** Gives the signals back to the JVM. */
    @Override
    public void close() {
        previous.forEach(Signal::handle);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already shutting down: the hook runs the drain
        }
    }
}
