package io.judgeforge.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar for spark-submit, as the build left it: failsafe names it in {@code judgeforge.shaded.jar}.
 * It runs in pipeline-jobs and in pipeline-jobs-spark35, so each line's jar is checked against the
 * Spark on its own test classpath.
 */
class ShadedJarIT {
    static Path jar;
    static List<String> entries;

    @BeforeAll
    static void list() throws IOException {
        String property = System.getProperty("judgeforge.shaded.jar");
        assertNotNull(property, "failsafe sets judgeforge.shaded.jar");
        jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), jar + " is missing");
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = file.stream().map(ZipEntry::getName).toList();
        }
    }

    @Test
    void isNamedAfterTheSparkLineItWasBuiltAgainst() throws IOException {
        Properties spark = new Properties();
        try (InputStream in = ShadedJarIT.class.getClassLoader().getResourceAsStream("spark-version-info.properties")) {
            assertNotNull(in, "spark-core's version file is on the test classpath");
            spark.load(in);
        }
        String[] version = spark.getProperty("version").split("\\.");
        String scalaLine = scala.util.Properties.versionNumberString().replaceAll("^(\\d+\\.\\d+).*", "$1");
        String classifier = "spark" + version[0] + "." + version[1] + "_" + scalaLine;
        assertTrue(
                jar.getFileName().toString().endsWith("-" + classifier + ".jar"),
                jar + " is not the " + classifier + " jar");
    }

    @Test
    void holdsTheCommandLineAndRelocatedOkHttp() {
        assertTrue(entries.contains("io/judgeforge/jobs/cli/Main.class"));
        assertTrue(entries.contains("io/judgeforge/shaded/okhttp3/OkHttpClient.class"));
        assertTrue(entries.contains("io/judgeforge/shaded/picocli/CommandLine.class"));
    }

    @Test
    void leavesOutWhatTheClusterProvidesAndWhatOnlyTestsUse() {
        for (String prefix : List.of(
                "okhttp3/",
                "okio/",
                "kotlin/",
                "picocli/",
                "org/apache/spark/",
                "scala/",
                "com/fasterxml/jackson/",
                "org/yaml/snakeyaml/",
                "io/judgeforge/simulator/")) {
            assertEquals(
                    List.of(),
                    entries.stream().filter(e -> e.startsWith(prefix)).limit(3).toList(),
                    prefix);
        }
    }
}
