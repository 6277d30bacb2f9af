package io.judgeforge.teacher;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project's version as the build wrote it, and the User-Agent every request carries. */
public final class Versions {
    public static final String VERSION = read();
    public static final String USER_AGENT = "judgeforge/" + VERSION + " (Java "
            + Runtime.version().feature() + "; okhttp " + okhttp3.OkHttp.VERSION + ")";

    private Versions() {}

    private static String read() {
        try (InputStream in = Versions.class.getResourceAsStream("/io/judgeforge/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
