package io.judgeforge.jobs.cluster;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * A YARN cluster on loopback: Hadoop's MiniYARNCluster (a ResourceManager and one NodeManager in
 * this JVM) whose containers, the ApplicationMaster and the executors, are JVMs of their own
 * launched by the NodeManager's shell scripts, as on a real node. Its configuration is written to a
 * Hadoop conf dir, the {@code HADOOP_CONF_DIR} spark-submit is given.
 */
final class YarnCluster implements AutoCloseable {
    final Path confDir;
    /** Where the NodeManager keeps container work and logs (MiniYARNCluster's own choice, under target/test/data). */
    final Path workDir;

    private final MiniYARNCluster yarn;

    private YarnCluster(MiniYARNCluster yarn, Path confDir, Path workDir) {
        this.yarn = yarn;
        this.confDir = confDir;
        this.workDir = workDir;
    }

    static YarnCluster start(Path dir, String name) throws Exception {
        YarnConfiguration conf = new YarnConfiguration();
        conf.set(YarnConfiguration.RM_HOSTNAME, "127.0.0.1");
        conf.set(YarnConfiguration.NM_ADDRESS, "127.0.0.1:0");
        // Small containers on a small machine; JVMs reserve far more virtual memory than they use.
        conf.setInt(YarnConfiguration.NM_PMEM_MB, 6144);
        conf.setInt(YarnConfiguration.NM_VCORES, 4);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
        conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        // The CapacityScheduler with one queue: the minicluster jar has no capacity-scheduler.xml.
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.setFloat("yarn.scheduler.capacity.root.default.capacity", 100f);
        conf.setFloat("yarn.scheduler.capacity.root.default.maximum-capacity", 100f);
        conf.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 0.5f);
        // Containers' work dirs (launch scripts, localized files) stay after the run, to be searched for the key.
        conf.setInt(YarnConfiguration.DEBUG_NM_DELETE_DELAY_SEC, 3600);
        // A nearly full disk must not mark the only node unhealthy.
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100.0f);
        MiniYARNCluster yarn = new MiniYARNCluster(name, 1, 1, 1);
        yarn.init(conf);
        yarn.start();
        try {
            // start() can return before the ResourceManager has written its bound port into the config.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (yarn.getConfig().get(YarnConfiguration.RM_ADDRESS).endsWith(":0")) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the ResourceManager did not bind a port in 30 s");
                }
                Thread.sleep(100);
            }
            Path confDir = Files.createDirectories(dir.resolve("hadoop-conf"));
            try (OutputStream out = Files.newOutputStream(confDir.resolve("yarn-site.xml"))) {
                yarn.getConfig().writeXml(out);
            }
            return new YarnCluster(yarn, confDir, yarn.getTestWorkDir().toPath().toAbsolutePath());
        } catch (Exception | Error e) {
            yarn.stop();
            throw e;
        }
    }

    /** The applications the ResourceManager ran, with their final states. */
    String applications() throws Exception {
        StringBuilder states = new StringBuilder();
        yarn.getResourceManager()
                .getRMContext()
                .getRMApps()
                .values()
                .forEach(app -> states.append(app.getApplicationId())
                        .append(' ')
                        .append(app.getFinalApplicationStatus())
                        .append('\n'));
        return states.toString();
    }

    @Override
    public void close() {
        yarn.stop();
    }
}
