package io.judgeforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.teacher.call.Usage;
import io.judgeforge.teacher.cost.Spending;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batch section and batch prices bind strictly, and a batch call is priced at the discount or the model's batch price. */
class BatchSettingsTest {
    private static PipelineConfig bind(String... overrides) {
        return ConfigLoader.bind(ConfigLoader.tree(ConfigLoaderTest.LOCAL, List.of(overrides)), ConfigLoaderTest.SIM);
    }

    @Test
    void theDefaultsSendEveryCallOnline() {
        PipelineConfig.Batch batch = bind().batch();
        assertEquals(List.of(), batch.stages());
        assertFalse(batch.covers("judge"));
        assertEquals(0.5, batch.discount());
        assertEquals(PipelineConfig.Batch.ONLINE, batch.onUnanswered());
        assertEquals(50_000, batch.maxRequestsPerFile());
    }

    @Test
    void aWrongValueIsOneLineNamingItsKey() {
        assertTrue(assertThrows(ConfigException.class, () -> bind("batch.stages=[judge, select]"))
                .getMessage()
                .contains("batch.stages"));
        assertTrue(assertThrows(ConfigException.class, () -> bind("batch.on-unanswered=retry"))
                .getMessage()
                .contains("batch.on-unanswered"));
        assertTrue(assertThrows(ConfigException.class, () -> bind("batch.max-requests-per-file=50001"))
                .getMessage()
                .contains("batch.max-requests-per-file"));
        assertTrue(assertThrows(ConfigException.class, () -> bind("prices.m={input: 1, output: 2, batch-input: 0.5}"))
                .getMessage()
                .contains("batch-input and batch-output together"));
    }

    @Test
    void aBatchCallCostsTheDiscountOrTheModelsBatchPrice() {
        PipelineConfig config = bind(
                "batch.stages=[classify, judge]",
                "batch.discount=0.4",
                "prices.a={input: 10, output: 30}",
                "prices.b={input: 10, output: 30, batch-input: 2, batch-output: 6}");
        assertTrue(config.batch().covers("judge"));
        Spending spending = Spending.pricing(config);
        Usage usage = new Usage(1_000_000, 0, 1_000_000, 0);
        assertEquals(40 * 0.4, spending.batchCost("a", usage, config.batch().discount()), 1e-9);
        assertEquals(8, spending.batchCost("b", usage, config.batch().discount()), 1e-9);
        assertEquals(0, spending.batchCost("unpriced", usage, config.batch().discount()));
    }
}
