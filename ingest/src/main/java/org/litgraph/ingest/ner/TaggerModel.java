package org.litgraph.ingest.ner;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The exported weights of the tagger's linear-chain CRFs, as trained by Tribuo: per model its
 * labels, label biases and label-to-label transitions; one table of feature-name hashes
 * ({@link FeatureHash}) with each model's feature-label weights quantised to 16 bits (a scale per
 * model); and the vocabulary of training words whose feature sums the tagger precomputes.
 * Written by {@link TaggerTrainer}, read by {@link CrfTagger}.
 */
record TaggerModel(List<Part> models, long[] featureHashes, short[][] weights, float[] scales, List<String> words,
                   String info, int featureFlags) {
    static final String MAGIC = "litgraph-ner-crf";
    static final int VERSION = 3; // 3: context window ±3, suffixes up to 5, neighbour endings
    /** Feature flag: the models use the word bigram features ({@link Features#bigrams}). */
    static final int BIGRAMS = 1;

    /** One CRF: its name, label names (index = Tribuo's label id), biases and transitions {@code [prev * L + cur]}. */
    record Part(String name, List<String> labels, float[] bias, float[] transitions) {
        int size() {
            return labels.size();
        }
    }

    /** Total labels over all models. */
    int totalLabels() {
        int n = 0;
        for (Part p : models) {
            n += p.size();
        }
        return n;
    }

    void write(OutputStream raw) throws IOException {
        // gzip header without a timestamp, so the same weights give the same bytes
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16), 1 << 16))) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(info);
            out.writeInt(featureFlags);
            out.writeInt(models.size());
            for (Part p : models) {
                out.writeUTF(p.name());
                out.writeInt(p.size());
                for (String l : p.labels()) {
                    out.writeUTF(l);
                }
                for (float b : p.bias()) {
                    out.writeFloat(b);
                }
                for (float t : p.transitions()) {
                    out.writeFloat(t);
                }
            }
            int total = totalLabels();
            out.writeInt(featureHashes.length);
            for (float s : scales) {
                out.writeFloat(s);
            }
            long prev = 0;
            for (long h : featureHashes) {
                out.writeLong(h - prev);
                prev = h;
            }
            // column-major: each label's weights together (compresses better)
            for (int l = 0; l < total; l++) {
                short[] col = weights[l];
                for (short w : col) {
                    out.writeShort(w);
                }
            }
            out.writeInt(words.size());
            for (String w : words) {
                out.writeUTF(w);
            }
        }
    }

    static TaggerModel read(InputStream raw) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new IOException("not a litgraph tagger model");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("tagger model version " + version + " (feature templates changed), expected "
                        + VERSION + ": retrain with ./litgraph lexicon train-tagger");
            }
            String info = in.readUTF();
            int flags = in.readInt();
            int nModels = in.readInt();
            List<Part> parts = new java.util.ArrayList<>(nModels);
            for (int m = 0; m < nModels; m++) {
                String name = in.readUTF();
                int n = in.readInt();
                List<String> labels = new java.util.ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    labels.add(in.readUTF());
                }
                float[] bias = new float[n];
                for (int i = 0; i < n; i++) {
                    bias[i] = in.readFloat();
                }
                float[] trans = new float[n * n];
                for (int i = 0; i < n * n; i++) {
                    trans[i] = in.readFloat();
                }
                parts.add(new Part(name, List.copyOf(labels), bias, trans));
            }
            int total = 0;
            for (Part p : parts) {
                total += p.size();
            }
            int nf = in.readInt();
            float[] scales = new float[total];
            for (int l = 0; l < total; l++) {
                scales[l] = in.readFloat();
            }
            long[] hashes = new long[nf];
            long prev = 0;
            for (int i = 0; i < nf; i++) {
                prev += in.readLong();
                hashes[i] = prev;
            }
            short[][] weights = new short[total][nf];
            for (int l = 0; l < total; l++) {
                short[] col = weights[l];
                for (int i = 0; i < nf; i++) {
                    col[i] = in.readShort();
                }
            }
            int nw = in.readInt();
            List<String> words = new java.util.ArrayList<>(nw);
            for (int i = 0; i < nw; i++) {
                words.add(in.readUTF());
            }
            return new TaggerModel(List.copyOf(parts), hashes, weights, scales, List.copyOf(words), info, flags);
        }
    }
}
