package org.litgraph.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;

/**
 * Loads a set of {@link ImportFiles} into an embedded store's (new or empty) database with Neo4j's
 * offline importer, in this process: {@code neo4j-admin database import full} through
 * {@link AdminTool#execute}, with the store directory as the Neo4j home. The database must not be
 * open. Constraints and indexes are created afterwards, when the store is opened. Found through
 * {@link OfflineImporter#find()} ({@code META-INF/services}).
 */
public final class ImportRunner implements OfflineImporter {
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
        Path home = storeDir.toAbsolutePath().normalize();
        Path importDir = files.directory().toAbsolutePath().normalize();
        try {
            Files.createDirectories(home);
            // the store as EmbeddedStore runs it: no preallocated 256 MiB transaction log
            Path config = importDir.resolve("import.conf");
            Files.writeString(config, GraphDatabaseSettings.preallocate_logical_logs.name() + "=false\n");
            List<String> args = new ArrayList<>(List.of("database", "import", "full",
                    "--overwrite-destination=" + overwrite,
                    "--max-off-heap-memory=" + Math.max(64L << 20, offHeapBytes),
                    "--report-file=" + importDir.resolve("import.report"),
                    "--additional-config=" + config));
            args.addAll(files.arguments(null));
            args.add(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            OutputStream sink = progress == null ? captured : new Tee(captured, progress);
            PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            int rc;
            try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
                ExecutionContext ctx = new ExecutionContext(home, home.resolve("conf"), out, out, fs);
                rc = AdminTool.execute(ctx, args.toArray(String[]::new));
            }
            out.flush();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
            String log = captured.toString(StandardCharsets.UTF_8);
            if (rc != 0) {
                throw new StoreException("the offline import into " + home + " failed (status " + rc + "): "
                        + tail(log, 20), null);
            }
            Matcher m = IMPORTED.matcher(log);
            if (!m.find()) {
                throw new StoreException("the offline import into " + home + " printed no totals: " + tail(log, 20), null);
            }
            return new Result(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    elapsed, log);
        } catch (IOException e) {
            throw new UncheckedIOException("offline import into " + home + " failed", e);
        }
    }

    private static String tail(String log, int lines) {
        List<String> kept = log.lines().filter(l -> !l.isBlank() && !l.startsWith("....") && !l.startsWith("-...")).toList();
        return String.join("\n", kept.subList(Math.max(0, kept.size() - lines), kept.size()));
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
