package dev.switchboard.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.switchboard.JacksonCodec;
import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.Switchboard;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The rest of docs/messages.md: a reply that comes later, and a server with the application's own mapper.
 * {@code DocsExamplesIT} runs both.
 */
public final class MessageSnippets {

    private MessageSnippets() {
    }

    /** Answers a query on another thread: the reply is sent when its stage completes. */
    @Route("/stock")
    public static class StockRoute {

        public record Query(String item) { }
        public record Stock(String item, int available) { }

        // tag::later[]
        @OnText
        CompletionStage<Stock> asked(Query query) {
            return CompletableFuture.supplyAsync(() -> new Stock(query.item(), 12)); // e.g. a database call
        }
        // end::later[]
    }

    /** A server on a free port whose routes encode with the application's own mapper, not started. */
    public static Switchboard withOwnMapper() {
        // tag::codec[]
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Switchboard server = Switchboard.builder()
                .host("127.0.0.1").port(0)
                .route(OrdersRoute.class).route(StockRoute.class)
                .codec(new JacksonCodec(mapper))   // for every route that names no codec of its own
                .build();
        // end::codec[]
        return server;
    }
}
