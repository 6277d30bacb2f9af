package io.judgeforge.config;

/** A configuration key or value that cannot be used. The message names the key and what is allowed. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    public static ConfigException invalid(String key, Object value, String expected) {
        return new ConfigException("Invalid value for '" + key + "': " + quote(value) + " (expected " + expected + ")");
    }

    static String quote(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    /** Checks a condition on a config value; throws {@link #invalid} when it does not hold. */
    public static void check(boolean condition, String key, Object value, String expected) {
        if (!condition) {
            throw invalid(key, value, expected);
        }
    }
}
