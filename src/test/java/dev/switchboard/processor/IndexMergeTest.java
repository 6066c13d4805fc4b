package dev.switchboard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index survives incremental builds that recompile only some routes. */
class IndexMergeTest {

    private static final String CHAT = """
            package com.example;
            @dev.switchboard.Route("/chat") class Chat {}
            """;
    private static final String NEWS = """
            package com.example;
            @dev.switchboard.Route("/news") class News {}
            """;

    @Test
    void recompilingOneRouteKeepsTheOthers(@TempDir Path out) throws Exception {
        InMemoryCompiler.compileInto(out, CHAT, NEWS).assertClean();

        String chatAgain = CHAT.replace("class Chat {}", "class Chat { @dev.switchboard.OnText void said(String s) {} }");
        assertEquals("com.example.Chat_SwitchboardRoute\ncom.example.News_SwitchboardRoute\n",
                InMemoryCompiler.compileInto(out, chatAgain).assertClean().index());
    }

    @Test
    void aRecompiledClassThatIsNoLongerARouteLeavesTheIndex(@TempDir Path out) throws Exception {
        InMemoryCompiler.compileInto(out, CHAT, NEWS).assertClean();

        // javac runs the processor only when the compilation holds some Switchboard annotation: here Sports.
        String chatWithoutRoute = "package com.example;\nclass Chat {}\n";
        String sports = "package com.example;\n@dev.switchboard.Route(\"/sports\") class Sports {}\n";
        assertEquals("com.example.News_SwitchboardRoute\ncom.example.Sports_SwitchboardRoute\n",
                InMemoryCompiler.compileInto(out, chatWithoutRoute, sports).assertClean().index());
    }

    @Test
    void mergeKeepsExistingEntriesOfClassesNotCompiledNowAndSorts() {
        List<String> previous = List.of("# routes", "com.example.Old_SwitchboardRoute", "",
                "com.example.Gone_SwitchboardRoute", "com.example.Again_SwitchboardRoute  # comment",
                "com.example.Dropped_SwitchboardRoute");
        Set<String> existing = Set.of("com.example.Old_SwitchboardRoute", "com.example.Again_SwitchboardRoute",
                "com.example.Dropped_SwitchboardRoute");
        assertEquals(List.of("com.example.Again_SwitchboardRoute", "com.example.New_SwitchboardRoute",
                        "com.example.Old_SwitchboardRoute"),
                List.copyOf(IndexWriter.merge(previous, List.of("com.example.New_SwitchboardRoute",
                                "com.example.Again_SwitchboardRoute"),
                        Set.of("com.example.New_SwitchboardRoute", "com.example.Again_SwitchboardRoute",
                                "com.example.Dropped_SwitchboardRoute"),
                        existing::contains)));
    }
}
