package dev.switchboard.docs;

import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The message written in parts of docs/guide.md: a report too large to hold whole is written line by line, on a
 * thread of the route's own, since the writer may wait for a slow client. {@code PartMessagesIT} runs it.
 */
@Route("/report")
public class ReportRoute {

    private static final ExecutorService REPORTS = Executors.newCachedThreadPool();

    @OnText
    void report(WebSocketSession session, String lines) {
        REPORTS.execute(() -> write(session, Integer.parseInt(lines)));
    }

    private static void write(WebSocketSession session, int lines) {
        // tag::writer[]
        try (Writer writer = session.openTextWriter()) {     // its place in the session's order is taken now
            for (int i = 0; i < lines; i++) {
                writer.write("line " + i + "\n");              // sent in parts as the writer's buffer fills
            }
        } catch (IOException e) {                              // closed, or the client too slow: see the cause
            System.getLogger("reports").log(System.Logger.Level.DEBUG, "report not sent", e);
        }
        // end::writer[]
    }
}
