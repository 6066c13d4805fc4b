package dev.switchboard.bench.load;

/** A connection that only holds, for measuring what idle connections cost: anything it receives is a mismatch. */
public final class IdleConnection extends BenchConnection {

    public IdleConnection(int id, LoadEvents events) {
        super(id, events);
    }

    @Override
    void received(String text, long receivedNanos) {
        events.mismatch(id, "a message on an idle connection: " + abbreviate(text));
    }
}
