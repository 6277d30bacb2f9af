package io.judgeforge.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesTheFiveCharactersThatEndTextOrAnAttribute() {
        assertEquals(
                "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;",
                Html.escape("<script>alert(\"x\" & 'y')</script>"));
    }

    @Test
    void leavesOtherTextAsItIsAndNullIsEmpty() {
        assertEquals("close_qa — 1,5 é 🙂", Html.escape("close_qa — 1,5 é 🙂"));
        assertEquals("", Html.escape(null));
    }
}
