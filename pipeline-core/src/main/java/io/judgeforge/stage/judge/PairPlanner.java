package io.judgeforge.stage.judge;

import io.judgeforge.hash.Sha256;
import io.judgeforge.stage.RecordIds;
import io.judgeforge.stage.respond.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses which responses to one instruction are compared: of all pairs, the {@code perInstruction}
 * with the smallest seeded hash, each shown in an order set by another seeded hash, so that the
 * stronger model is Response A about half the time and position does not follow strength. The
 * choice depends only on the seed and the ids, not on partitioning or input order.
 */
public final class PairPlanner {
    private PairPlanner() {}

    public static List<PairTask> pairs(List<Response> responses, int perInstruction, long seed) {
        List<Response> sorted =
                responses.stream().sorted(Comparator.comparing(Response::id)).toList();
        List<PairTask> all = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                Response x = sorted.get(i);
                Response y = sorted.get(j);
                boolean flip = hash(seed, "order", x.id(), y.id()).charAt(0) < '8';
                Response first = flip ? y : x;
                Response second = flip ? x : y;
                all.add(new PairTask(
                        RecordIds.pair(first.instructionId(), first.model(), second.model()), first, second));
            }
        }
        return all.stream()
                .sorted(Comparator.comparing((PairTask p) ->
                                hash(seed, "pick", p.first().id(), p.second().id()))
                        .thenComparing(PairTask::id))
                .limit(perInstruction)
                .toList();
    }

    private static String hash(long seed, String purpose, String a, String b) {
        String lo = a.compareTo(b) < 0 ? a : b;
        String hi = a.compareTo(b) < 0 ? b : a;
        return Sha256.hex(seed + ":" + purpose + ":" + lo + ":" + hi);
    }
}
