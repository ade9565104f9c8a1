package org.litgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Standard output and error of a litgraph service: each thread writes to the client whose command
 * line it runs (threads it starts inherit the client), every other thread to the service's log.
 */
final class Console {
    private static final InheritableThreadLocal<OutputStream[]> TARGET = new InheritableThreadLocal<>();
    private static boolean installed;

    private Console() {
    }

    /** Routes System.out and System.err through per-thread targets (once per process). */
    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        System.setOut(new PrintStream(new Router(System.out, 0), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Router(System.err, 1), true, StandardCharsets.UTF_8));
    }

    /** Sends this thread's (and its children's) output to {@code out} and {@code err} until {@link #unbind()}. */
    static void bind(OutputStream out, OutputStream err) {
        TARGET.set(new OutputStream[] {out, err});
    }

    static void unbind() {
        TARGET.remove();
    }

    private static final class Router extends OutputStream {
        private final OutputStream fallback;
        private final int which;

        Router(OutputStream fallback, int which) {
            this.fallback = fallback;
            this.which = which;
        }

        private OutputStream target() {
            OutputStream[] t = TARGET.get();
            return t == null ? fallback : t[which];
        }

        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            target().flush();
        }
    }
}
