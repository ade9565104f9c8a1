package org.litgraph.graph;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Records (key, fields) sorted by key, then by the order they were added, in bounded memory:
 * records are buffered up to a byte budget, each full buffer is sorted and written to a run file,
 * and the runs are merged at the end. Used for what the import files must aggregate across the
 * whole corpus (claims over all their evidence, references over every document naming them),
 * so the heap never holds a corpus-sized map.
 */
final class ExternalSort implements AutoCloseable {
    /** One record; {@code seq} is its position in the input. */
    record Entry(String key, long seq, String[] fields) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::key).thenComparingLong(Entry::seq);

    private final Path dir;
    private final String name;
    private final long budget;
    private final List<Entry> buffer = new ArrayList<>();
    private final List<Path> runs = new ArrayList<>();
    private long bufferBytes;
    private long seq;

    ExternalSort(Path dir, String name, long budgetBytes) {
        this.dir = dir;
        this.name = name;
        this.budget = Math.max(1 << 20, budgetBytes);
    }

    void add(String key, String... fields) {
        buffer.add(new Entry(key, seq++, fields));
        long bytes = 64 + 2L * key.length();
        for (String f : fields) {
            bytes += f == null ? 8 : 48 + 2L * f.length();
        }
        bufferBytes += bytes;
        if (bufferBytes >= budget) {
            spill();
        }
    }

    long size() {
        return seq;
    }

    private void spill() {
        buffer.sort(ORDER);
        Path run = dir.resolve(name + "-run-" + runs.size() + ".bin");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
            for (Entry e : buffer) {
                writeString(out, e.key());
                out.writeLong(e.seq());
                out.writeInt(e.fields().length);
                for (String f : e.fields()) {
                    writeString(out, f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + run, e);
        }
        runs.add(run);
        buffer.clear();
        bufferBytes = 0;
    }

    /** Every record in (key, input order) order; call once, after the last {@link #add}. */
    Iterator<Entry> sorted() {
        if (runs.isEmpty()) {
            buffer.sort(ORDER);
            List<Entry> all = List.copyOf(buffer);
            buffer.clear();
            return all.iterator();
        }
        if (!buffer.isEmpty()) {
            spill();
        }
        PriorityQueue<Run> queue = new PriorityQueue<>(Comparator.comparing((Run r) -> r.head, ORDER));
        for (Path p : runs) {
            Run r = new Run(p);
            if (r.advance()) {
                queue.add(r);
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !queue.isEmpty();
            }

            @Override
            public Entry next() {
                Run r = queue.poll();
                if (r == null) {
                    throw new NoSuchElementException();
                }
                Entry e = r.head;
                if (r.advance()) {
                    queue.add(r);
                }
                return e;
            }
        };
    }

    @Override
    public void close() {
        for (Path p : runs) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a leftover temporary file; the import directory is removed afterwards anyway
            }
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new EOFException();
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A sorted run being merged: its next record. */
    private static final class Run {
        private final DataInputStream in;
        private final Path path;
        Entry head;

        Run(Path path) {
            this.path = path;
            try {
                this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }

        boolean advance() {
            try {
                String key;
                try {
                    key = readString(in);
                } catch (EOFException end) {
                    in.close();
                    head = null;
                    return false;
                }
                long seq = in.readLong();
                String[] fields = new String[in.readInt()];
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = readString(in);
                }
                head = new Entry(key, seq, fields);
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
    }
}
