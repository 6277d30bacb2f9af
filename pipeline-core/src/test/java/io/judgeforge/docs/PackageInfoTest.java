package io.judgeforge.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of every module says, in its package-info.java, what it is for and what it may depend on: the
 * layout is the architecture's first document, and a package added without one fails here.
 */
class PackageInfoTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyPackageHasAPackageInfoSayingWhatItIsForAndWhatItMayDependOn() throws IOException {
        List<Path> sourceRoots;
        try (Stream<Path> modules = Files.list(ROOT)) {
            sourceRoots = modules.filter(m -> m.getFileName().toString().startsWith("pipeline-"))
                    .map(m -> m.resolve("src/main/java"))
                    .filter(Files::isDirectory)
                    .toList();
        }
        assertFalse(sourceRoots.isEmpty(), "no module sources under " + ROOT);
        List<String> missing = new java.util.ArrayList<>();
        List<String> silent = new java.util.ArrayList<>();
        for (Path sourceRoot : sourceRoots) {
            try (Stream<Path> files = Files.walk(sourceRoot)) {
                for (Path dir : files.filter(f -> f.toString().endsWith(".java"))
                        .map(Path::getParent)
                        .distinct()
                        .toList()) {
                    Path info = dir.resolve("package-info.java");
                    String name = ROOT.relativize(dir).toString();
                    if (!Files.exists(info)) {
                        missing.add(name);
                    } else if (!Files.readString(info).contains("Depends on")) {
                        silent.add(name);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "packages without package-info.java");
        assertEquals(List.of(), silent, "package-info.java without a \"Depends on\" line");
    }
}
