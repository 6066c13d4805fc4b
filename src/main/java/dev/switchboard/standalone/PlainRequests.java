package dev.switchboard.standalone;

import dev.switchboard.runtime.HandshakeGate;
import dev.switchboard.runtime.UpgradeRequestRules;
import org.glassfish.grizzly.http.server.CLStaticHttpHandler;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.MimeHeaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers the HTTP requests that ask for no WebSocket upgrade, where no static file does: 426 on a route's path,
 * 404 elsewhere. Grizzly alone answers a GET on a route's path with its page "Resource identified by path ...
 * does not exist", which tells a user trying the URL with curl or a browser that the route is missing.
 */
final class PlainRequests extends HttpHandler {

    private final HandshakeGate gate;

    private PlainRequests(HandshakeGate gate) {
        this.gate = gate;
    }

    /**
     * The handler of every plain request.
     *
     * @param gate         the routes' gate, which knows their paths
     * @param staticFolder a class-path folder whose files come first, or {@code null}
     * @return the handler to map to {@code /}
     */
    static HttpHandler handler(HandshakeGate gate, String staticFolder) {
        PlainRequests plain = new PlainRequests(gate);
        if (staticFolder == null) {
            return plain;
        }
        return new CLStaticHttpHandler(PlainRequests.class.getClassLoader(), "/" + staticFolder + "/") {
            @Override
            protected void onMissingResource(Request request, Response response) throws IOException {
                plain.service(request, response);
            }
        };
    }

    @Override
    public void service(Request request, Response response) throws IOException {
        UpgradeRequestRules.Refusal answer = gate.plainRequest(request.getMethod().getMethodString(),
                request.getRequestURI());
        if (answer == null) {
            response.sendError(404);
            return;
        }
        byte[] body = answer.message().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status(), answer.reason());
        // Straight into the header lines: Grizzly takes a response whose Upgrade header it set itself for a switch
        // of protocols, and sends it without a length, leaving the connection open after it.
        MimeHeaders headers = response.getResponse().getHeaders();
        answer.headers().forEach((name, value) -> headers.setValue(name).setString(value));
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
