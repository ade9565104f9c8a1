package org.litgraph.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.neo4j.cli.AdminTool;
import org.neo4j.configuration.GraphDatabaseSettings;

/**
 * Loads a set of {@link ImportFiles} into an embedded store's (new or empty) database with Neo4j's
 * offline importer, {@code neo4j-admin database import full} ({@link AdminTool#execute}) in a child
 * JVM ({@link ImportMain}), whose heap and off-heap memory are its own and go when it exits,
 * whatever the size of the load. It imports into a staging directory beside the files; the
 * finished database is then moved into the store. The database must not be
 * open. Constraints and indexes are created afterwards, when the store is opened. Found through
 * {@link OfflineImporter#find()} ({@code META-INF/services}).
 */
public final class ImportRunner implements OfflineImporter {
    /** The importer JVM's heap: its id maps and caches live off-heap (--max-off-heap-memory). */
    static final int HEAP_MIB = 1024;
    private static final String[] OPENS = {"--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "-Dio.netty.tryReflectionSetAccessible=true"};
    private static final Pattern IMPORTED = Pattern.compile(
            "Imported:\\s+(\\d+) nodes\\s+(\\d+) relationships\\s+(\\d+) properties");

    /** Whether an embedded store directory already holds a database (possibly empty). */
    @Override
    public boolean hasDatabase(Path storeDir) {
        Path db = storeDir.toAbsolutePath().normalize().resolve("data/databases")
                .resolve(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!Files.isDirectory(db)) {
            return false;
        }
        try (Stream<Path> s = Files.list(db)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + db, e);
        }
    }

    @Override
    public Result run(Path storeDir, ImportFiles.Summary files, long offHeapBytes, boolean overwrite,
                             PrintStream progress) {
        Path store = storeDir.toAbsolutePath().normalize();
        Path importDir = files.directory().toAbsolutePath().normalize();
        // the importer writes into a staging home; the finished database is moved into the store, so a
        // load killed part-way leaves the store without a database (and the next load starts again)
        Path home = importDir.resolve("staging");
        try {
            if (hasDatabase(store) && !overwrite) {
                throw new StoreException("the store at " + store + " already holds a database", null);
            }
            deleteRecursively(home);
            Files.createDirectories(home);
            // the store as EmbeddedStore runs it: no preallocated 256 MiB transaction log
            Path config = importDir.resolve("import.conf");
            Files.writeString(config, GraphDatabaseSettings.preallocate_logical_logs.name() + "=false\n");
            // the database name before the inputs: --nodes and --relationships take any number of files
            List<String> args = new ArrayList<>(List.of("database", "import", "full",
                    GraphDatabaseSettings.DEFAULT_DATABASE_NAME,
                    "--overwrite-destination=" + overwrite,
                    "--max-off-heap-memory=" + Math.max(64L << 20, offHeapBytes),
                    "--report-file=" + importDir.resolve("import.report"),
                    "--additional-config=" + config));
            args.addAll(files.arguments(null));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx" + HEAP_MIB + "m");
            command.add("-Xms128m");
            command.add("-XX:+UseParallelGC");
            command.addAll(List.of(OPENS));
            // the importer preallocates its first transaction log (256 MiB) whatever the configuration says
            // when it can reach fallocate; without native access the log holds just what is written
            command.add("-Dorg.neo4j.internal.nativeimpl.NativeAccessProvider.disableNativeAccess=true");
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(ImportMain.class.getName());
            command.add(home.toString());
            command.addAll(args);
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            long t0 = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var in = process.getInputStream()) {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) >= 0) {
                    captured.write(buf, 0, n);
                    if (progress != null) {
                        progress.write(buf, 0, n);
                        progress.flush();
                    }
                }
            }
            int rc;
            try {
                rc = process.waitFor();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted during the offline import", e);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
            String log = captured.toString(StandardCharsets.UTF_8);
            if (rc != 0) {
                throw new StoreException("the offline import into " + store + " failed (status " + rc + "): "
                        + tail(log, 20), null);
            }
            Matcher m = IMPORTED.matcher(log);
            if (!m.find()) {
                throw new StoreException("the offline import into " + store + " printed no totals: " + tail(log, 20), null);
            }
            install(home, store);
            deleteRecursively(home);
            Matcher cpu = Pattern.compile(Pattern.quote(ImportMain.CPU_LINE) + "(\\d+)").matcher(log);
            return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    elapsed, cpu.find() ? Duration.ofMillis(Long.parseLong(cpu.group(1))) : Duration.ZERO, log);
        } catch (IOException e) {
            throw new UncheckedIOException("offline import into " + store + " failed", e);
        }
    }

    /**
     * Moves the imported database from the staging home into the store: its transaction logs first,
     * then its store files (whose presence {@link #hasDatabase} tests), each one directory rename.
     */
    private static void install(Path staging, Path store) throws IOException {
        String db = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
        Path fromTx = staging.resolve("data/transactions").resolve(db);
        Path fromDb = staging.resolve("data/databases").resolve(db);
        Path toTx = store.resolve("data/transactions").resolve(db);
        Path toDb = store.resolve("data/databases").resolve(db);
        deleteRecursively(toDb);
        deleteRecursively(toTx);
        Files.createDirectories(toTx.getParent());
        Files.createDirectories(toDb.getParent());
        Files.move(fromTx, toTx, StandardCopyOption.ATOMIC_MOVE);
        Files.move(fromDb, toDb, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String tail(String log, int lines) {
        List<String> kept = log.lines().filter(l -> !l.isBlank() && !l.startsWith("....") && !l.startsWith("-...")).toList();
        return String.join("\n", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
    }
}
