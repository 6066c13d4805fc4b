package dev.switchboard.it.cluster;

import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * The example app as the README runs it on two nodes: one flag makes it a cluster, and a chat room spans both,
 * its online list too.
 */
class ExampleClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aChatRoomSpansTwoNodesOfTheExampleApp() throws Exception {
        try (RedisServer redis = RedisServer.start();
             ClusterNode one = ClusterNode.exampleApp(redis.uri(), "node-1");
             ClusterNode two = ClusterNode.exampleApp(redis.uri(), "node-2");
             WsClient ann = one.connect("/chat/lobby?name=Ann")) {
            await().atMost(WAIT).until(() -> ann.texts.contains("{\"online\":[\"Ann\"]}"));
            try (WsClient bo = two.connect("/chat/lobby?name=Bo")) {
                String both = "{\"online\":[\"Ann\",\"Bo\"]}";
                await().atMost(WAIT).until(() -> bo.texts.contains(both) && ann.texts.contains(both));
                ann.sendText("hello from node 1");
                bo.sendText("hello from node 2");
                await().atMost(WAIT).until(() -> bo.texts.contains("hello from node 1")
                        && ann.texts.contains("hello from node 2"));
            }
            await().atMost(WAIT).until(() -> ann.texts.get(ann.texts.size() - 1).equals("{\"online\":[\"Ann\"]}"));
        }
    }
}
