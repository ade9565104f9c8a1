package org.litgraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Where a command line comes from: this process's working directory and terminal, or, for a
 * command line that a litgraph service runs for a client, the client's. Relative paths on the
 * command line are resolved against {@link #cwd()}; progress bars are drawn when
 * {@link #interactive()}.
 */
public final class Invocation {
    private static final InheritableThreadLocal<Invocation> CURRENT = new InheritableThreadLocal<>();

    private final Path cwd;
    private final boolean interactive;

    private Invocation(Path cwd, boolean interactive) {
        this.cwd = cwd;
        this.interactive = interactive;
    }

    /** The client's working directory (this process's when not in a service). */
    static Path cwd() {
        Invocation i = CURRENT.get();
        return i != null ? i.cwd : Path.of("").toAbsolutePath();
    }

    /** Whether the client's standard streams are a terminal. */
    static boolean interactive() {
        Invocation i = CURRENT.get();
        return i != null ? i.interactive : System.console() != null;
    }

    /** {@code path} resolved against the working directory (absolute paths stay as they are). */
    static Path resolve(String path) {
        return cwd().resolve(path).normalize();
    }

    static Path resolve(Path path) {
        return path == null ? null : cwd().resolve(path).normalize();
    }

    /** Runs {@code body} on this thread (and threads it starts) as a client's command line. */
    public static <T> T as(Path cwd, boolean interactive, Callable<T> body) throws Exception {
        Invocation old = CURRENT.get();
        CURRENT.set(new Invocation(cwd.toAbsolutePath().normalize(), interactive));
        try {
            return body.call();
        } finally {
            CURRENT.set(old);
        }
    }
}
