package dev.switchboard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.switchboard.processor.InMemoryCompiler.Result;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per rule of a {@code @Route} class and its template, each pointing at the class. */
class RouteRulesTest {

    private static Result compile(String source) {
        return InMemoryCompiler.compile("package com.example;\n\nimport dev.switchboard.*;\n\n" + source);
    }

    /** A class at this path whose only problem is the path. */
    private static void assertTemplateError(String path, String rule, String found, String fix) {
        String pathLiteral = path.replace("\\", "\\\\").replace("\"", "\\\"");
        compile("@Route(\"" + pathLiteral + "\") class Room {}\n").assertErrors(
                "@Route " + rule + ": found " + found + " in Room. Fix: " + fix + ".",
                "@Route(\"" + pathLiteral + "\") class Room {}");
    }

    @Test
    void pathNotStartingWithSlash() {
        assertTemplateError("chat/{room}", "path must start with '/'", "\"chat/{room}\"", "write \"/chat/{room}\"");
    }

    @Test
    void emptyPath() {
        assertTemplateError("", "path must start with '/'", "\"\"", "write \"/\"");
    }

    @Test
    void pathWithEmptySegment() {
        assertTemplateError("/chat//{room}", "path must not have empty segments ('//')", "\"/chat//{room}\"",
                "remove the extra '/'");
    }

    @Test
    void pathWithTrailingSlash() {
        assertTemplateError("/chat/", "path must not end with '/' (unless it is exactly \"/\")", "\"/chat/\"",
                "remove the trailing '/'");
    }

    @Test
    void pathWithQuery() {
        assertTemplateError("/chat?room=1", "path must not contain '?' or '#'", "\"/chat?room=1\"",
                "remove the query or fragment; read query parameters with WebSocketSession.queryParam(name)");
    }

    @Test
    void pathWithFragment() {
        assertTemplateError("/chat#top", "path must not contain '?' or '#'", "\"/chat#top\"",
                "remove the query or fragment; read query parameters with WebSocketSession.queryParam(name)");
    }

    @Test
    void variableThatIsOnlyPartOfASegment() {
        assertTemplateError("/chat/room-{id}", "path variable must be a whole segment {name}, with braces nowhere else",
                "segment \"room-{id}\"",
                "put each variable in a segment of its own, like \"/chat/{room}\", and use no other braces");
    }

    @Test
    void strayBrace() {
        assertTemplateError("/chat/{room", "path variable must be a whole segment {name}, with braces nowhere else",
                "segment \"{room\"",
                "put each variable in a segment of its own, like \"/chat/{room}\", and use no other braces");
    }

    @Test
    void invalidVariableName() {
        assertTemplateError("/chat/{1st}", "path variable name must match [A-Za-z_][A-Za-z0-9_.-]*", "{1st}",
                "start the name with a letter or '_' and use only letters, digits, '_', '.' and '-'");
    }

    @Test
    void emptyVariableName() {
        assertTemplateError("/chat/{}", "path variable name must match [A-Za-z_][A-Za-z0-9_.-]*", "{}",
                "start the name with a letter or '_' and use only letters, digits, '_', '.' and '-'");
    }

    @Test
    void duplicateVariable() {
        assertTemplateError("/chat/{room}/{room}", "path variable names must be unique", "{room} twice",
                "rename one of them");
    }

    @Test
    void everyDefectOfATemplateIsReported() {
        compile("@Route(\"chat//{a}-x/\") class Room {}").assertErrors(
                "@Route path must start with '/': found \"chat//{a}-x/\" in Room. Fix: write \"/chat//{a}-x/\".",
                "@Route",
                "@Route path must not end with '/' (unless it is exactly \"/\"): found \"chat//{a}-x/\" in Room. Fix:"
                        + " remove the trailing '/'.",
                "@Route",
                "@Route path must not have empty segments ('//'): found \"chat//{a}-x/\" in Room. Fix: remove the"
                        + " extra '/'.",
                "@Route",
                "@Route path variable must be a whole segment {name}, with braces nowhere else: found segment"
                        + " \"{a}-x\" in Room. Fix: put each variable in a segment of its own, like \"/chat/{room}\","
                        + " and use no other braces.",
                "@Route");
    }

    @Test
    void equivalentPathsOfTwoRoutes() {
        Result result = InMemoryCompiler.compile("""
                package com.example;
                @dev.switchboard.Route("/chat/{room}") class ChatRoom {}
                """, """
                package com.example.other;
                @dev.switchboard.Route("/chat/{name}")
                class Lobby {}
                """);
        result.assertErrors(
                "@Route path must differ from every other route's path: found \"/chat/{name}\", which"
                        + " com.example.ChatRoom already serves as \"/chat/{room}\", in Lobby. Fix: change one of the"
                        + " two paths; paths that differ only in variable names match the same requests.",
                "@dev.switchboard.Route(\"/chat/{name}\") class Lobby {}");
        assertEquals(Set.of("com.example.ChatRoom_SwitchboardRoute"), result.sources().keySet(),
                "the first route keeps its adapter");
    }

    @Test
    void interfaceRoute() {
        compile("@Route(\"/a\") interface Room {}").assertErrors(
                "@Route class must be a plain class: found an interface in Room. Fix: put @Route on a concrete class"
                        + " with a no-argument constructor.",
                "@Route(\"/a\") interface Room {}");
    }

    @Test
    void enumRecordAndAnnotationRoutes() {
        InMemoryCompiler.compile("""
                package com.example;
                import dev.switchboard.*;
                class Holder {
                    @Route("/e") enum E { ONE }
                    @Route("/r") record R() {}
                    @Route("/a") @interface A {}
                }
                """).assertErrors(
                "@Route class must be a plain class: found an enum in Holder.E. Fix: put @Route on a concrete class"
                        + " with a no-argument constructor.",
                "@Route(\"/e\") enum E { ONE }",
                "@Route class must be a plain class: found a record in Holder.R. Fix: put @Route on a concrete class"
                        + " with a no-argument constructor.",
                "@Route(\"/r\") record R() {}",
                "@Route class must be a plain class: found an annotation type in Holder.A. Fix: put @Route on a"
                        + " concrete class with a no-argument constructor.",
                "@Route(\"/a\") @interface A {}");
    }

    @Test
    void abstractRoute() {
        compile("@Route(\"/a\") abstract class Room {}").assertErrors(
                "@Route class must not be abstract: found an abstract class in Room. Fix: remove 'abstract'; the"
                        + " runtime creates an instance of the route class itself.",
                "@Route(\"/a\") abstract class Room {}");
    }

    @Test
    void privateNestedRoute() {
        compile("class Outer { @Route(\"/a\") private static class Room {} }").assertErrors(
                "@Route class must not be private: found a private class in Outer.Room. Fix: make it package-private,"
                        + " protected or public; the generated adapter in the same package creates it.",
                "@Route(\"/a\") private static class Room {}");
    }

    @Test
    void routeInsideAPrivateClass() {
        compile("class Outer { private static class Middle { @Route(\"/a\") static class Room {} } }").assertErrors(
                "@Route class must not be inside a private class: found the private enclosing class Outer.Middle in"
                        + " Outer.Middle.Room. Fix: make Middle package-private or wider, or move the route out of it.",
                "@Route(\"/a\") static class Room {}");
    }

    @Test
    void innerRoute() {
        compile("class Outer { @Route(\"/a\") class Room {} }").assertErrors(
                "@Route class must be top-level or a static nested class: found a non-static inner class in"
                        + " Outer.Room. Fix: declare it static; an inner class needs an instance of its enclosing class.",
                "@Route(\"/a\") class Room {}");
    }

    @Test
    void routeWithoutNoArgumentConstructor() {
        compile("""
                @Route("/a")
                class Room {
                    Room(String name) {}
                    Room(int size, java.util.List<String> names) {}
                }
                """).assertErrors(
                "@Route class needs a no-argument constructor: found only Room(String), Room(int, List<String>) in"
                        + " Room. Fix: add a constructor without parameters that is not private, or mark the one an"
                        + " instance factory calls with @Inject.",
                "@Route(\"/a\") class Room {");
    }

    @Test
    void routeWithPrivateNoArgumentConstructor() {
        compile("""
                @Route("/a")
                class Room {
                    private Room() {}
                }
                """).assertErrors(
                "@Route class needs a no-argument constructor that is not private: found a private no-argument"
                        + " constructor in Room. Fix: make the constructor package-private or wider.",
                "@Route(\"/a\") class Room {");
    }

    @Test
    void genericRoute() {
        compile("@Route(\"/a\") class Room<K, V> {}").assertErrors(
                "@Route class must not be generic: found type parameters <K, V> in Room. Fix: remove the type"
                        + " parameters; the runtime creates the route without type arguments.",
                "@Route(\"/a\") class Room<K, V> {}");
    }

    @Test
    void adapterNameTakenByAnotherClass() {
        InMemoryCompiler.compile("""
                package com.example;
                @dev.switchboard.Route("/a") class Outer { @dev.switchboard.Route("/b") static class Inner {} }
                """, """
                package com.example;
                @dev.switchboard.Route("/c") class Outer_Inner {}
                """).assertErrors(
                "@Route class needs its adapter name Outer_Inner_SwitchboardRoute for itself: found \"Attempt to"
                        + " recreate a file for type com.example.Outer_Inner_SwitchboardRoute\" in Outer_Inner. Fix:"
                        + " rename the route, or the other class of that name, so that they no longer clash.",
                "@dev.switchboard.Route(\"/c\") class Outer_Inner {}");
    }

    @Test
    void handshakeCheckWithAPrivateConstructor() {
        compile("""
                @Route(value = "/chat", handshake = Chat.Check.class)
                class Chat {
                    static class Check implements HandshakeCheck {
                        private Check() {}
                        public HandshakeDecision check(HandshakeRequest request) { return HandshakeDecision.accept(); }
                    }
                }
                """).assertErrors(
                "@Route handshake check needs a no-argument constructor that the route's adapter can call: found"
                        + " Chat.Check, whose no-argument constructor is private, in Chat. Fix: give Chat.Check a"
                        + " public no-argument constructor that throws no checked exception, and make Chat.Check a"
                        + " public class, top-level or static nested, not abstract; the route's adapter, in package"
                        + " com.example, creates it with new Chat.Check().",
                "@Route(value = \"/chat\", handshake = Chat.Check.class) class Chat {");
    }

    @Test
    void handshakeCheckThatIsAPrivateClass() {
        compile("""
                class Chat {
                    private static class Check implements HandshakeCheck {
                        public HandshakeDecision check(HandshakeRequest request) { return HandshakeDecision.accept(); }
                    }

                    @Route(value = "/chat", handshake = Check.class)
                    static class Room {}
                }
                """).assertErrors(
                "@Route handshake check needs a no-argument constructor that the route's adapter can call: found"
                        + " Chat.Check, which is private, in Chat.Room. Fix: give Chat.Check a public no-argument"
                        + " constructor that throws no checked exception, and make Chat.Check a public class,"
                        + " top-level or static nested, not abstract; the route's adapter, in package com.example,"
                        + " creates it with new Chat.Check().",
                "@Route(value = \"/chat\", handshake = Check.class) static class Room {}");
    }

    @Test
    void handshakeCheckThatOtherPackagesCannotCreate() {
        InMemoryCompiler.compile("""
                package com.checks;

                import dev.switchboard.*;

                public class Tokens {
                    public static class Hidden implements HandshakeCheck {
                        Hidden() {}
                        public HandshakeDecision check(HandshakeRequest request) { return HandshakeDecision.accept(); }
                    }

                    public abstract static class Partial implements HandshakeCheck {}

                    public interface Lambda extends HandshakeCheck {}

                    public static class Throwing implements HandshakeCheck {
                        public Throwing() throws java.io.IOException {}
                        public HandshakeDecision check(HandshakeRequest request) { return HandshakeDecision.accept(); }
                    }
                }
                """, """
                package com.example;
                @dev.switchboard.Route(value = "/b", handshake = com.checks.Tokens.Hidden.class) class B {}
                """, """
                package com.example;
                @dev.switchboard.Route(value = "/c", handshake = com.checks.Tokens.Partial.class) class C {}
                """, """
                package com.example;
                @dev.switchboard.Route(value = "/d", handshake = com.checks.Tokens.Throwing.class) class D {}
                """, """
                package com.example;
                @dev.switchboard.Route(value = "/e", handshake = com.checks.Tokens.Lambda.class) class E {}
                """).assertErrors(
                handshakeError("B", "Tokens.Hidden, whose no-argument constructor is package-private in package"
                        + " com.checks,"),
                "@dev.switchboard.Route(value = \"/b\"",
                handshakeError("C", "Tokens.Partial, which is abstract,"),
                "@dev.switchboard.Route(value = \"/c\"",
                handshakeError("D", "Tokens.Throwing, whose no-argument constructor throws IOException,"),
                "@dev.switchboard.Route(value = \"/d\"",
                handshakeError("E", "Tokens.Lambda, which is an interface,"),
                "@dev.switchboard.Route(value = \"/e\"");
    }

    @Test
    void codecWithoutANoArgumentConstructor() {
        compile("""
                @Route(value = "/chat", codec = Chat.Json.class)
                class Chat {
                    public static final class Json implements Codec {
                        public Json(String name) {}
                        public String encodeText(Object value) { return ""; }
                        public Object decodeText(String text, java.lang.reflect.Type type) { return null; }
                    }
                }
                """).assertErrors(
                "@Route codec needs a no-argument constructor that the route's adapter can call: found Chat.Json,"
                        + " which has no no-argument constructor, in Chat. Fix: give Chat.Json a public no-argument"
                        + " constructor that throws no checked exception, and make Chat.Json a public class, top-level"
                        + " or static nested, not abstract; the route's adapter, in package com.example, creates it"
                        + " with new Chat.Json().",
                "@Route(value = \"/chat\", codec = Chat.Json.class) class Chat {");
    }

    private static String handshakeError(String route, String found) {
        String check = found.substring(0, found.indexOf(','));
        return "@Route handshake check needs a no-argument constructor that the route's adapter can call: found "
                + found + " in " + route + ". Fix: give " + check + " a public no-argument constructor that throws no"
                + " checked exception, and make " + check + " a public class, top-level or static nested, not"
                + " abstract; the route's adapter, in package com.example, creates it with new " + check + "().";
    }

    @Test
    void onlyRoutesWithErrorsLoseTheirAdapter() {
        Result result = InMemoryCompiler.compile("""
                package com.example;
                @dev.switchboard.Route("/good") class Good {}
                """, """
                package com.example;
                @dev.switchboard.Route("/bad") abstract class Bad {}
                """);
        assertEquals(1, result.errors().size(), result.errorMessages().toString());
        assertEquals(Set.of("com.example.Good_SwitchboardRoute"), result.sources().keySet());
        assertEquals(List.of("com.example.Good_SwitchboardRoute"), result.index().lines().toList());
    }
}
