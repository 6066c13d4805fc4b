package dev.switchboard.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records every log record of this JVM while open, through a handler on the root logger (where
 * {@code System.Logger} ends up by default), for assertions on what the server logged.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** The records so far, in order. */
    public final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogCapture() {
    }

    /** Starts recording. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    /** Stops recording; what was recorded stays. */
    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
