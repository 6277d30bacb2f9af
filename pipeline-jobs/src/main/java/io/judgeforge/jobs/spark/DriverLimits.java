package io.judgeforge.jobs.spark;

import io.judgeforge.teacher.limit.InProcessLimits;
import io.judgeforge.teacher.limit.LimitService;
import io.judgeforge.teacher.limit.SharedLimits;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.sql.SparkSession;

/**
 * The application's shared limits as its tasks see them. In local mode every task runs in this
 * JVM, which holds them. Otherwise the driver serves them ({@link LimitService}) once per
 * application, on {@code spark.shared-limits-port} of the driver's address, until the application
 * ends; executors book every request and every call's budget with it.
 */
public final class DriverLimits {
    private static final Map<String, LimitService> SERVICES = new ConcurrentHashMap<>();

    private DriverLimits() {}

    /**
     * {@code mode}: auto (in this JVM in local mode, the driver's service otherwise) or driver (the
     * service always). The service's start is announced through {@code say}, with its address.
     */
    public static SharedLimits of(SparkSession spark, String mode, int port, Consumer<String> say) {
        if ("auto".equals(mode) && spark.sparkContext().isLocal()) {
            return InProcessLimits.INSTANCE;
        }
        String app = spark.sparkContext().applicationId();
        return SERVICES.computeIfAbsent(app, id -> {
                    LimitService service = start(spark, port);
                    say.accept("limits: RPM, TPM and the budget are counted for all executors by the driver at "
                            + service.url());
                    return service;
                })
                .client();
    }

    private static LimitService start(SparkSession spark, int port) {
        SparkConf conf = spark.sparkContext().getConf();
        String host = conf.get("spark.driver.host", "127.0.0.1");
        String bind = conf.get("spark.driver.bindAddress", host);
        LimitService service = LimitService.start(bind, host, port, InProcessLimits.INSTANCE);
        String app = spark.sparkContext().applicationId();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onApplicationEnd(SparkListenerApplicationEnd end) {
                LimitService s = SERVICES.remove(app);
                if (s != null) {
                    s.close();
                }
            }
        });
        return service;
    }
}
