package dev.switchboard.contract;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A servlet of the contract app in a WAR, on a path that {@code /contract/{room}} also matches: plain requests
 * there are the servlet's, not Switchboard's. (The standalone host serves no servlets.)
 */
@WebServlet("/contract/servlet")
public class PlainServlet extends HttpServlet {

    /** What the servlet answers. */
    public static final String BODY = "served by a servlet";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
