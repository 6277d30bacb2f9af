package io.judgeforge.report;

/** HTML escaping of text from data (scenario names, reasons, details): safe in element content and in quoted attributes. */
public final class Html {
    private Html() {}

    /** {@code text} with {@code & < > " '} as character references; null is the empty text. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
