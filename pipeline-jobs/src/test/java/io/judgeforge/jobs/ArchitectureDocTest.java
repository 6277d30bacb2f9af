package io.judgeforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.jobs.stage.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md against the code: it names every stage of the pipeline and every package of
 * every module, and every package and type it names exists, so the map cannot drift from the code
 * unnoticed.
 */
class ArchitectureDocTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Pattern CODE = Pattern.compile("`([A-Za-z][A-Za-z0-9_.]*)`");
    static final Pattern DECLARATION = Pattern.compile("\\b(?:class|interface|record|enum) ([A-Z][A-Za-z0-9]*)");

    @Test
    void theDocNamesEveryStageAndPackageAndEverythingItNamesExists() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/architecture.md"));
        Set<String> packages = new TreeSet<>();
        Set<String> types = new TreeSet<>();
        for (Path source : sources("src/main/java")) {
            Matcher pkg =
                    Pattern.compile("^package ([a-z0-9.]+);", Pattern.MULTILINE).matcher(Files.readString(source));
            if (pkg.find()) {
                packages.add(pkg.group(1));
            }
        }
        // Types are looked up in the tests too: the doc names the tests that check it.
        for (Path source : sources("src")) {
            String text = Files.readString(source);
            Matcher declared = DECLARATION.matcher(text);
            while (declared.find()) {
                types.add(declared.group(1));
            }
        }
        assertTrue(packages.size() > 20 && types.contains("GenerateJob"), "found the sources under " + ROOT);

        List<String> stagesMissing = new ArrayList<>();
        Pipeline.STAGES.forEach(s -> {
            if (!doc.contains("| " + s.name() + " |")) {
                stagesMissing.add(s.name());
            }
        });
        assertEquals(List.of(), stagesMissing, "stages without a row in the stage table");

        List<String> packagesMissing =
                packages.stream().filter(p -> !doc.contains("`" + p + "`")).toList();
        assertEquals(List.of(), packagesMissing, "packages the doc does not name");

        List<String> unknown = new ArrayList<>();
        Matcher named = CODE.matcher(doc);
        while (named.find()) {
            String name = named.group(1);
            if (name.startsWith("io.judgeforge.") && !packages.contains(name)) {
                unknown.add(name);
            } else if (name.matches("[A-Z][A-Za-z0-9]+") && !types.contains(name)) {
                unknown.add(name);
            }
        }
        assertEquals(List.of(), unknown, "packages or types the doc names that the code does not have");
    }

    static List<Path> sources(String under) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(m -> m.getFileName().toString().startsWith("pipeline-"))
                    .toList()) {
                Path main = module.resolve(under);
                if (Files.isDirectory(main)) {
                    try (Stream<Path> files = Files.walk(main)) {
                        files.filter(f -> f.toString().endsWith(".java")).forEach(out::add);
                    }
                }
            }
        }
        return out;
    }
}
