package dev.switchboard.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the runtime reads of a template: variables, shape, matching and order. The rules and their messages are
 * tested through the processor, in RouteRulesTest.
 */
class PathTemplateTest {

    @Test
    void variablesInTemplateOrder() {
        PathTemplate template = PathTemplate.parse("/chat/{room}/users/{user.name}");
        assertTrue(template.valid());
        assertEquals(List.of("room", "user.name"), template.variables());
        assertEquals(List.of(), PathTemplate.parse("/").variables());
    }

    @Test
    void shapeErasesVariableNames() {
        assertEquals("/chat/{}/users/{}", PathTemplate.parse("/chat/{room}/users/{user}").shape());
        assertEquals(PathTemplate.parse("/a/{x}").shape(), PathTemplate.parse("/a/{y}").shape());
        assertEquals("/", PathTemplate.parse("/").shape());
    }

    @Test
    void aVariableIsAWholeSegmentOnly() {
        PathTemplate template = PathTemplate.parse("/chat/room{id}");
        assertEquals(List.of(), template.variables());
        assertEquals("/chat/room{id}", template.shape());
        assertNull(template.match("/chat/room7"));
        assertEquals(Map.of(), template.match("/chat/room{id}"));
        assertEquals(List.of("path variable must be a whole segment {name}, with braces nowhere else"),
                template.defects().stream().map(PathTemplate.Defect::rule).toList());
    }

    @Test
    void matchDecodesEachVariable() {
        PathTemplate template = PathTemplate.parse("/chat/{room}/{user}");
        assertEquals(Map.of("room", "caf\u00e9 au lait", "user", "a+b/c"),
                template.match("/chat/caf%C3%A9%20au%20lait/a+b%2Fc"));
        assertEquals(List.of("room", "user"), new ArrayList<>(template.match("/chat/x/y").keySet()));
    }

    @Test
    void matchRefusesOtherPaths() {
        PathTemplate template = PathTemplate.parse("/chat/{room}");
        assertNull(template.match("/chat"), "too few segments");
        assertNull(template.match("/chat/lobby/more"), "too many segments");
        assertNull(template.match("/chat/"), "a variable is never empty");
        assertNull(template.match("/Chat/lobby"), "literal segments are compared exactly");
        assertEquals(Map.of(), PathTemplate.parse("/").match("/"));
        assertNull(PathTemplate.parse("/").match("/x"));
    }

    @Test
    void literalSegmentsComeBeforeVariables() {
        List<PathTemplate> templates = new ArrayList<>(List.of(PathTemplate.parse("/{a}/x"),
                PathTemplate.parse("/chat/{room}"), PathTemplate.parse("/chat/lobby")));
        templates.sort(PathTemplate.MOST_SPECIFIC_FIRST);
        assertEquals(List.of("/chat/lobby", "/chat/{room}", "/{a}/x"),
                templates.stream().map(PathTemplate::path).toList(),
                "the first segment where one is literal and the other a variable decides");
    }

    @Test
    void everyBrokenRuleIsReportedOnce() {
        assertEquals(List.of("path must start with '/'", "path must not end with '/' (unless it is exactly \"/\")",
                        "path must not have empty segments ('//')", "path variable name must match"
                                + " [A-Za-z_][A-Za-z0-9_.-]*", "path variable names must be unique"),
                PathTemplate.parse("a//{1}/{x}/{x}//").defects().stream().map(PathTemplate.Defect::rule).toList());
    }
}
