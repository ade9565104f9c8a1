package org.litgraph.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The files a litgraph service keeps beside its store: the discovery file (owner-only: it holds
 * the command-channel token and the Bolt password), the lock the service holds while it runs (the
 * operating system releases it when the process dies, so a crash leaves no live lock), a lock that
 * serialises clients starting a service, and the service's log.
 */
public final class ServiceFiles {
    public static final String DISCOVERY = "litgraph-service.json";
    public static final String LOCK = "litgraph-service.lock";
    public static final String START_LOCK = "litgraph-service.start";
    public static final String LOG = "litgraph-service.log";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private ServiceFiles() {
    }

    public static Path discovery(Path store) {
        return store.resolve(DISCOVERY);
    }

    /** Writes the discovery file atomically, readable and writable by its owner only. */
    public static void write(Path store, ServiceInfo info) throws IOException {
        Path tmp = Files.createTempFile(store, ".litgraph-service", ".tmp"); // created rw------- on POSIX
        try {
            setOwnerOnly(tmp);
            Files.writeString(tmp, json(info), StandardCharsets.UTF_8);
            Files.move(tmp, discovery(store), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Restricts a file to its owner (no-op where the file system has no POSIX permissions). */
    public static void setOwnerOnly(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(OWNER_ONLY);
        }
    }

    /**
     * The discovery file's content, or null when it is absent, unreadable, malformed, not owned by
     * this user, or readable or writable by anyone else (then it is not trusted).
     */
    public static ServiceInfo read(Path store) {
        Path f = discovery(store);
        try {
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                return null;
            }
            PosixFileAttributeView view = Files.getFileAttributeView(f, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (view != null) {
                PosixFileAttributes a = view.readAttributes();
                String me = System.getProperty("user.name");
                if (!a.owner().getName().equals(me) || !OWNER_ONLY.containsAll(a.permissions())) {
                    return null;
                }
            }
            return parse(Files.readString(f, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Removes the discovery file if it still names process {@code pid}. */
    public static void remove(Path store, long pid) {
        ServiceInfo info = read(store);
        if (info == null || info.pid() == pid) {
            try {
                Files.deleteIfExists(discovery(store));
            } catch (IOException ignored) {
                // a file we cannot delete is ignored by clients once the process is gone
            }
        }
    }

    /* A flat JSON object, written and read by hand: the client must start in milliseconds. */
    static String json(ServiceInfo i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", i.pid());
        m.put("port", i.port());
        m.put("token", i.token());
        m.put("boltUri", i.boltUri());
        m.put("boltUser", i.boltUser());
        m.put("boltPassword", i.boltPassword());
        m.put("httpUrl", i.httpUrl());
        m.put("build", i.build());
        m.put("started", i.startedMillis());
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (sb.length() > 1) {
                sb.append(",\n ");
            }
            sb.append('"').append(e.getKey()).append("\":");
            Object v = e.getValue();
            if (v == null) {
                sb.append("null");
            } else if (v instanceof Number) {
                sb.append(v);
            } else {
                sb.append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return sb.append("}\n").toString();
    }

    static ServiceInfo parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        int i = text.indexOf('{');
        if (i < 0) {
            return null;
        }
        i++;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int[] end = new int[1];
                String key = string(text, i, end);
                i = end[0];
                while (i < text.length() && (text.charAt(i) == ':' || Character.isWhitespace(text.charAt(i)))) {
                    i++;
                }
                if (i >= text.length()) {
                    return null;
                }
                if (text.charAt(i) == '"') {
                    m.put(key, string(text, i, end));
                    i = end[0];
                } else {
                    int s = i;
                    while (i < text.length() && ",}\n ".indexOf(text.charAt(i)) < 0) {
                        i++;
                    }
                    String raw = text.substring(s, i);
                    m.put(key, raw.equals("null") ? null : raw);
                }
            } else if (c == '}') {
                break;
            } else {
                i++;
            }
        }
        try {
            return new ServiceInfo(Long.parseLong(m.get("pid")), Integer.parseInt(m.get("port")), m.get("token"),
                    m.get("boltUri"), m.get("boltUser"), m.get("boltPassword"), m.get("httpUrl"), m.get("build"),
                    m.get("started") == null ? 0 : Long.parseLong(m.get("started")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String string(String text, int quote, int[] end) {
        StringBuilder sb = new StringBuilder();
        int i = quote + 1;
        while (i < text.length() && text.charAt(i) != '"') {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                i++;
                c = text.charAt(i);
            }
            sb.append(c);
            i++;
        }
        end[0] = i + 1;
        return sb.toString();
    }
}
