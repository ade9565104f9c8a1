package org.litgraph.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The discovery file {@code DIR/litgraph-serve.json} that {@code litgraph serve} writes beside an
 * embedded store it owns, so that other litgraph commands on the same directory use its Bolt
 * connector instead of opening the (locked) store. A file whose process is gone or whose Bolt port
 * does not answer is stale: it is ignored and removed.
 */
public final class Discovery {
    /** The file's name inside the store directory. */
    public static final String FILE_NAME = "litgraph-serve.json";
    private static final Pattern FIELD = Pattern.compile("\"(pid|boltUri|httpUrl)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|-?\\d+)");
    private static final int PROBE_MILLIS = 500;

    private Discovery() {
    }

    /** What a running {@code serve} publishes. */
    public record Info(long pid, String boltUri, String httpUrl) {
    }

    public static Path file(Path storeDirectory) {
        return storeDirectory.resolve(FILE_NAME);
    }

    /** The running server for this store directory, if its file is there and it is alive; stale files are removed. */
    public static Optional<Info> live(Path storeDirectory) {
        Path f = file(storeDirectory);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        Info info = read(f);
        if (info == null || info.boltUri() == null || !processAlive(info.pid()) || !answers(info.boltUri())) {
            deleteQuietly(f);
            return Optional.empty();
        }
        return Optional.of(info);
    }

    /** Writes the file atomically (a temporary file moved into place). */
    public static void write(Path storeDirectory, Info info) throws IOException {
        Path f = file(storeDirectory);
        Path tmp = Files.createTempFile(storeDirectory, ".litgraph-serve", ".tmp");
        Files.writeString(tmp, json(info));
        Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes the file if it still names process {@code pid} (another serve may have replaced it). */
    public static void remove(Path storeDirectory, long pid) {
        Path f = file(storeDirectory);
        Info info = Files.isRegularFile(f) ? read(f) : null;
        if (info == null || info.pid() == pid) {
            deleteQuietly(f);
        }
    }

    /*
     * A three-field JSON object, read and written by hand: Jackson's start-up would cost every CLI
     * command a few hundred milliseconds.
     */
    static String json(Info info) {
        return "{\"pid\":" + info.pid() + ",\"boltUri\":" + quote(info.boltUri()) + ",\"httpUrl\":" + quote(info.httpUrl()) + "}\n";
    }

    /** The file's fields, or null when it is unreadable or has no pid. */
    static Info read(Path f) {
        String text;
        try {
            text = Files.readString(f);
        } catch (IOException e) {
            return null;
        }
        Long pid = null;
        String bolt = null;
        String http = null;
        Matcher m = FIELD.matcher(text);
        try {
            while (m.find()) {
                String value = m.group(3) != null ? unquote(m.group(3)) : m.group(2);
                switch (m.group(1)) {
                    case "pid" -> pid = m.group(3) == null ? Long.valueOf(value) : null;
                    case "boltUri" -> bolt = value;
                    default -> http = value;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return pid == null ? null : new Info(pid, bolt, http);
    }

    private static String quote(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String unquote(String s) {
        return s.replace("\\\"", "\"").replace("\\\\", "\\");
    }

    static boolean processAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Does something accept TCP connections at the URI's host and port? */
    static boolean answers(String boltUri) {
        try {
            URI u = URI.create(boltUri);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(u.getHost(), u.getPort() < 0 ? 7687 : u.getPort()), PROBE_MILLIS);
                return true;
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // a file we cannot delete is still ignored
        }
    }
}
