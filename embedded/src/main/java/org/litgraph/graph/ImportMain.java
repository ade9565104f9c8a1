package org.litgraph.graph;

import java.nio.file.Path;
import java.util.Arrays;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * The child JVM {@link ImportRunner} starts: runs {@code neo4j-admin} with the Neo4j home given
 * first and the admin arguments after it, and exits with its status.
 */
public final class ImportMain {
    /** Last line of the output: the process's CPU time in milliseconds. */
    static final String CPU_LINE = "litgraph import cpu ms: ";

    private ImportMain() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int rc;
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            ExecutionContext ctx = new ExecutionContext(home, home.resolve("conf"), System.out, System.err, fs);
            rc = AdminTool.execute(ctx, Arrays.copyOfRange(args, 1, args.length));
        }
        long cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        System.out.println(CPU_LINE + (cpu / 1_000_000));
        System.out.flush();
        System.exit(rc);
    }
}
