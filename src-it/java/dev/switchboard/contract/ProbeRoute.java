package dev.switchboard.contract;

import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The test's window into the server, for hosts whose JVM a test cannot reach (a WAR in a container): it
 * reads and drives what the other routes of the contract app saw, with one text command per message.
 *
 * <p>A command is {@code <id> <command> [arguments]}; its reply is a text message that starts with the
 * line {@code reply=<id>} and goes on in the format of {@link ProbeReply}. Replies may come out of order: a
 * command that waits for writes (such as {@code write} or {@code burst}) replies when they completed,
 * while later commands are already served. A command the probe cannot carry out (unknown command, no
 * session of that name) gets {@code fault=<why>}. The commands are listed in {@link ProbeCommands}.
 */
@Route("/probe")
public class ProbeRoute {

    @OnText
    void command(String line, WebSocketSession probe) {
        int space = line.indexOf(' ');
        String id = space < 0 ? line : line.substring(0, space);
        CompletionStage<ProbeReply> reply;
        try {
            reply = ProbeCommands.run(space < 0 ? "" : line.substring(space + 1));
        } catch (RuntimeException e) {
            reply = CompletableFuture.completedFuture(ProbeReply.fault(e.toString()));
        }
        reply.whenComplete((answer, failure) -> probe.writeText(
                (failure == null ? answer : ProbeReply.fault(String.valueOf(ProbeReply.unwrap(failure)))).text(id)));
    }
}
