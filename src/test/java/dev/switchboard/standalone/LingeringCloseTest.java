package dev.switchboard.standalone;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When a connection's socket closes after the server's close frame, and what a drain waits for. */
class LingeringCloseTest {

    private final ClosingConnections closings = new ClosingConnections();
    private final SocketWriter socket = new SocketWriter();
    private final LingeringClose lingering = new LingeringClose(socket, closings);

    /** Whether a drain would be over now. */
    private boolean drainOver() throws InterruptedException {
        return closings.awaitNone(0);
    }

    @Test
    void aClientThatNeverAnswersIsClosedAfterTheLinger() {
        SocketWriter.writeServerClose(lingering);
        lingering.close();

        assertEquals(0, socket.closes.get());
        await().atMost(LingeringClose.LINGER.plusSeconds(3)).until(() -> socket.closes.get() == 1);
    }

    @Test
    void withoutACloseFrameOfTheServersTheSocketClosesAtOnce() {
        lingering.write(ByteBuffer.wrap(new byte[] {(byte) 0x81, 1, 'x'}), null); // a text frame
        lingering.close();
        assertEquals(1, socket.closes.get());
    }

    @Test
    void aDrainWaitsForTheConnectionUntilTheClientAnswers() throws InterruptedException {
        SocketWriter.writeServerClose(lingering);
        lingering.close();
        assertFalse(drainOver());

        lingering.clientClosed();
        assertEquals(1, socket.closes.get());
        assertTrue(drainOver());
    }

    @Test
    void aDrainWaitsForTheConnectionUntilItsSocketClosesWhateverClosedIt() throws InterruptedException {
        SocketWriter.writeServerClose(lingering);
        assertFalse(drainOver());

        lingering.socketClosed(); // the client left, or the transport stopped
        assertTrue(drainOver());
        lingering.close();
        assertEquals(0, socket.closes.get(), "closed a socket that was closed already");
    }

    @Test
    void duringADrainTheConnectionWaitsPastTheLingerForTheDrainsDeadline() throws InterruptedException {
        closings.drain();
        SocketWriter.writeServerClose(lingering);
        lingering.close();

        await().during(LingeringClose.LINGER.plusMillis(500)).atMost(Duration.ofSeconds(20))
                .until(() -> socket.closes.get() == 0);
        assertFalse(drainOver());
        lingering.clientClosed();
        assertEquals(1, socket.closes.get());
        assertTrue(drainOver());
    }
}
