package org.litgraph.ingest.ner;

import java.util.Arrays;
import java.util.List;

/**
 * Runs the exported CRFs ({@link TaggerModel}) over an {@link Encoded} sentence: feature
 * extraction into a per-thread scratch space, emission scores, then Viterbi per model, the same
 * computation Tribuo's {@code CRFModel.predict} does, without its objects. The features of a token
 * that depend on the word alone (its own and the ones it gives its neighbours) are summed once per
 * training word when the model loads, so a known word costs a handful of vector additions; unknown
 * words, bigrams and document features are hashed and looked up.
 */
final class CrfTagger {
    private static final int BLOCKS = 1 + Features.CONTEXT_OFFSETS.length; // intrinsic + one per context offset

    final TaggerModel model;
    private final boolean bigrams;
    private final int nModels;
    private final int[] labelOffset;
    private final int[] labelCount;
    final int total;
    private final float[][] bias;
    private final float[][] trans;
    private final double[][] expTrans;
    /** Feature hash -> row; row weights, quantised, in {@code rows[row * total + label] * scales[label]}. */
    private final HashIndex featureRow;
    private final short[] rows;
    private final float[] scales;
    private final WordTable words;
    /** Per vocabulary word: BLOCKS vectors of {@code total} floats. */
    private final float[] wordVectors;
    /** Context vectors of the sentence edges, per context offset. */
    private final float[] edgeVectors;

    CrfTagger(TaggerModel model) {
        this.model = model;
        this.bigrams = (model.featureFlags() & TaggerModel.BIGRAMS) != 0;
        List<TaggerModel.Part> parts = model.models();
        nModels = parts.size();
        labelOffset = new int[nModels];
        labelCount = new int[nModels];
        bias = new float[nModels][];
        trans = new float[nModels][];
        expTrans = new double[nModels][];
        int off = 0;
        for (int m = 0; m < nModels; m++) {
            labelOffset[m] = off;
            labelCount[m] = parts.get(m).size();
            bias[m] = parts.get(m).bias();
            trans[m] = parts.get(m).transitions();
            expTrans[m] = new double[trans[m].length];
            for (int i = 0; i < trans[m].length; i++) {
                expTrans[m][i] = Math.exp(trans[m][i]);
            }
            off += labelCount[m];
        }
        total = off;
        long[] hashes = model.featureHashes();
        featureRow = new HashIndex(hashes);
        rows = new short[hashes.length * total];
        scales = model.scales().clone();
        for (int l = 0; l < total; l++) {
            short[] col = model.weights()[l];
            for (int i = 0; i < hashes.length; i++) {
                rows[i * total + l] = col[i];
            }
        }
        words = new WordTable(model.words());
        wordVectors = new float[model.words().size() * BLOCKS * total];
        Accumulator acc = new Accumulator(this);
        StringBuilder b = new StringBuilder(64);
        for (int w = 0; w < model.words().size(); w++) {
            String word = model.words().get(w);
            wordBlocks(word, 0, word.length(), wordVectors, w * BLOCKS * total, acc, b);
        }
        edgeVectors = new float[Features.CONTEXT_OFFSETS.length * total];
        for (int k = 0; k < Features.CONTEXT_OFFSETS.length; k++) {
            acc.target = edgeVectors;
            acc.offset = k * total;
            Features.edge(Features.CONTEXT_OFFSETS[k], b, acc);
        }
    }

    int models() {
        return nModels;
    }

    String modelName(int m) {
        return model.models().get(m).name();
    }

    List<String> labels(int m) {
        return model.models().get(m).labels();
    }

    int labelOffset(int m) {
        return labelOffset[m];
    }

    /** The intrinsic and context vectors of a word into {@code out[at ..]}. */
    private void wordBlocks(CharSequence text, int s, int e, float[] out, int at, Accumulator acc, StringBuilder b) {
        Arrays.fill(out, at, at + BLOCKS * total, 0f);
        acc.target = out;
        acc.offset = at;
        Features.intrinsic(text, s, e, b, acc);
        for (int k = 0; k < Features.CONTEXT_OFFSETS.length; k++) {
            acc.offset = at + (1 + k) * total;
            Features.context(text, s, e, Features.CONTEXT_OFFSETS[k], b, acc);
        }
    }

    /** Adds a feature's weights, if the model knows it. */
    private static final class Accumulator implements Features.Sink {
        final CrfTagger tagger;
        float[] target;
        int offset;

        Accumulator(CrfTagger tagger) {
            this.tagger = tagger;
        }

        @Override
        public void accept(StringBuilder name) {
            int row = tagger.featureRow.get(FeatureHash.of(name));
            if (row >= 0) {
                int total = tagger.total;
                int r = row * total;
                short[] rows = tagger.rows;
                float[] scales = tagger.scales;
                for (int l = 0; l < total; l++) {
                    target[offset + l] += rows[r + l] * scales[l];
                }
            }
        }
    }

    /** Per-thread working space. */
    static final class Scratch {
        float[] emissions = new float[256];
        static final int UNKNOWN_CACHE = 8192;
        final java.util.HashMap<String, float[]> unknownWords = new java.util.HashMap<>(UNKNOWN_CACHE * 2);
        int[] blockAt = new int[64];
        float[][] blockSource = new float[64][];
        int[] labels = new int[64];
        float[] cost = new float[256];
        int[] back = new int[256];
        double[] alpha = new double[256];
        double[] beta = new double[256];
        double[] scale = new double[64];
        final StringBuilder b = new StringBuilder(64);
        Accumulator acc;

        double[] scaleBuf(int n) {
            if (scale.length < n) {
                scale = new double[Math.max(n, scale.length * 2)];
            }
            return scale;
        }

        void ensure(int n, int total) {
            if (blockAt.length < n) {
                int cap = Math.max(n, blockAt.length * 2);
                blockAt = new int[cap];
                blockSource = new float[cap][];
                labels = new int[cap];
            }
            if (emissions.length < n * total) {
                emissions = new float[Math.max(n * total, emissions.length * 2)];
                cost = new float[emissions.length];
                back = new int[emissions.length];
                alpha = new double[emissions.length];
                beta = new double[emissions.length];
            }
        }
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(() -> {
        Scratch s = new Scratch();
        s.acc = new Accumulator(this);
        return s;
    });

    Scratch scratch() {
        return scratch.get();
    }

    /**
     * Computes emissions for the encoded sentence into {@code s.emissions} ({@code [t * total + label]})
     * and Viterbi labels per model into {@code s.labels} as label index within the model,
     * {@code labels[m * n + t]}... returned as an int array per model via {@link #viterbi}.
     */
    void emissions(Encoded enc, Scratch s) {
        int n = enc.size;
        s.ensure(n, total);
        CharSequence text = enc.text;
        NerTokenizer.Spans tk = enc.tokens;
        for (int t = 0; t < n; t++) {
            int w = words.find(text, tk.start(t), tk.end(t));
            if (w >= 0) {
                s.blockSource[t] = wordVectors;
                s.blockAt[t] = w * BLOCKS * total;
            } else {
                // a word the training text lacks: its feature sums, computed once per thread and kept a while
                String word = text.subSequence(tk.start(t), tk.end(t)).toString();
                float[] v = s.unknownWords.get(word);
                if (v == null) {
                    if (s.unknownWords.size() >= Scratch.UNKNOWN_CACHE) {
                        s.unknownWords.clear();
                    }
                    v = new float[BLOCKS * total];
                    wordBlocks(word, 0, word.length(), v, 0, s.acc, s.b);
                    s.unknownWords.put(word, v);
                }
                s.blockSource[t] = v;
                s.blockAt[t] = 0;
            }
        }
        float[] em = s.emissions;
        Accumulator acc = s.acc;
        for (int t = 0; t < n; t++) {
            int e0 = t * total;
            for (int m = 0; m < nModels; m++) {
                System.arraycopy(bias[m], 0, em, e0 + labelOffset[m], labelCount[m]);
            }
        }
        // each word's vectors are read once, in order, and added where they apply: its own token
        // and the tokens it is the context of (the word at t is at offset o from token t - o)
        for (int t = 0; t < n; t++) {
            float[] src = s.blockSource[t];
            int at = s.blockAt[t];
            add(em, t * total, src, at);
            for (int k = 0; k < Features.CONTEXT_OFFSETS.length; k++) {
                int target = t - Features.CONTEXT_OFFSETS[k];
                if (target >= 0 && target < n) {
                    add(em, target * total, src, at + (1 + k) * total);
                }
            }
        }
        // sentence edges as context
        for (int k = 0; k < Features.CONTEXT_OFFSETS.length; k++) {
            int o = Features.CONTEXT_OFFSETS[k];
            for (int t = 0; t < n; t++) {
                int nb = t + o;
                if (nb < 0 || nb >= n) {
                    add(em, t * total, edgeVectors, k * total);
                }
            }
        }
        for (int t = 0; t < n; t++) {
            int e0 = t * total;
            if (bigrams) {
                addBigrams(text, tk, n, t, em, e0);
            }
            if (enc.dict[t] != 0 || t > 0 && enc.dict[t - 1] != 0 || t + 1 < n && enc.dict[t + 1] != 0 || enc.abbr[t] != 0) {
                acc.target = em;
                acc.offset = e0;
                Features.document(enc.dict, enc.abbr, t, n, s.b, acc);
            }
        }
    }

    private static final long BIGRAM_BEFORE = FeatureHash.state("B-=");
    private static final long BIGRAM_AFTER = FeatureHash.state("B+=");
    private static final long BOS_STATE = FeatureHash.update(BIGRAM_BEFORE, Features.BOS);

    /**
     * The two bigram features of token {@code t} ({@link Features#bigrams}), hashed straight from the
     * text without building their names: the same hashes, fewer copies.
     */
    private void addBigrams(CharSequence text, NerTokenizer.Spans tk, int n, int t, float[] em, int e0) {
        long h = t == 0 ? BOS_STATE : FeatureHash.updateLower(BIGRAM_BEFORE, text, tk.start(t - 1), tk.end(t - 1));
        h = FeatureHash.update(h, '|');
        h = FeatureHash.updateLower(h, text, tk.start(t), tk.end(t));
        addRow(FeatureHash.mix(h), em, e0);
        h = FeatureHash.updateLower(BIGRAM_AFTER, text, tk.start(t), tk.end(t));
        h = FeatureHash.update(h, '|');
        h = t == n - 1 ? FeatureHash.update(h, Features.EOS) : FeatureHash.updateLower(h, text, tk.start(t + 1), tk.end(t + 1));
        addRow(FeatureHash.mix(h), em, e0);
    }

    private void addRow(long hash, float[] em, int e0) {
        int row = featureRow.get(hash);
        if (row >= 0) {
            int r = row * total;
            for (int l = 0; l < total; l++) {
                em[e0 + l] += rows[r + l] * scales[l];
            }
        }
    }

    private void add(float[] em, int e0, float[] src, int at) {
        for (int l = 0; l < total; l++) {
            em[e0 + l] += src[at + l];
        }
    }

    /** Viterbi for model {@code m} over emissions of {@code n} tokens; labels (indexes within the model) into {@code out}. */
    void viterbi(Scratch s, int n, int m, int[] out) {
        int L = labelCount[m];
        int lo = labelOffset[m];
        float[] em = s.emissions;
        float[] cost = s.cost;
        int[] back = s.back;
        float[] tr = trans[m];
        for (int l = 0; l < L; l++) {
            cost[l] = em[lo + l];
        }
        for (int t = 1; t < n; t++) {
            int c0 = t * L;
            int p0 = (t - 1) * L;
            int e0 = t * total + lo;
            for (int vi = 0; vi < L; vi++) {
                float best = Float.NEGATIVE_INFINITY;
                int arg = 0;
                float local = em[e0 + vi];
                for (int vj = 0; vj < L; vj++) {
                    float v = tr[vj * L + vi] + cost[p0 + vj] + local;
                    if (v > best) {
                        best = v;
                        arg = vj;
                    }
                }
                cost[c0 + vi] = best;
                back[c0 + vi] = arg;
            }
        }
        int last = (n - 1) * L;
        int arg = 0;
        for (int l = 1; l < L; l++) {
            if (cost[last + l] > cost[last + arg]) {
                arg = l;
            }
        }
        out[n - 1] = arg;
        for (int t = n - 2; t >= 0; t--) {
            out[t] = back[(t + 1) * L + out[t + 1]];
        }
    }

    /**
     * Forward-backward marginals for model {@code m} over the emissions of {@code n} tokens:
     * {@code out[t * L + l]} = P(label l at token t). Scaled probabilities rather than logs, so
     * a token costs L exponentials and L * L products.
     */
    void marginals(Scratch s, int n, int m, double[] out) {
        int L = labelCount[m];
        int lo = labelOffset[m];
        float[] em = s.emissions;
        double[] et = expTrans[m];
        double[] psi = s.beta; // reused: psi first, then beta in out
        double[] alpha = s.alpha;
        double[] scale = s.scaleBuf(n);
        for (int t = 0; t < n; t++) {
            int e0 = t * total + lo;
            float max = em[e0];
            for (int l = 1; l < L; l++) {
                max = Math.max(max, em[e0 + l]);
            }
            for (int l = 0; l < L; l++) {
                psi[t * L + l] = Math.exp(em[e0 + l] - max);
            }
        }
        double sum = 0;
        for (int l = 0; l < L; l++) {
            alpha[l] = psi[l];
            sum += alpha[l];
        }
        scale[0] = sum;
        for (int l = 0; l < L; l++) {
            alpha[l] /= sum;
        }
        for (int t = 1; t < n; t++) {
            int a0 = t * L;
            int p0 = (t - 1) * L;
            sum = 0;
            for (int j = 0; j < L; j++) {
                double v = 0;
                for (int i = 0; i < L; i++) {
                    v += alpha[p0 + i] * et[i * L + j];
                }
                v *= psi[a0 + j];
                alpha[a0 + j] = v;
                sum += v;
            }
            scale[t] = sum;
            for (int j = 0; j < L; j++) {
                alpha[a0 + j] /= sum;
            }
        }
        // beta into out, then multiply by alpha and normalise per token
        for (int l = 0; l < L; l++) {
            out[(n - 1) * L + l] = 1;
        }
        for (int t = n - 2; t >= 0; t--) {
            int b0 = t * L;
            int n0 = (t + 1) * L;
            for (int i = 0; i < L; i++) {
                double v = 0;
                for (int j = 0; j < L; j++) {
                    v += et[i * L + j] * psi[n0 + j] * out[n0 + j];
                }
                out[b0 + i] = v / scale[t + 1];
            }
        }
        for (int t = 0; t < n; t++) {
            int b0 = t * L;
            double z = 0;
            for (int l = 0; l < L; l++) {
                out[b0 + l] *= alpha[b0 + l];
                z += out[b0 + l];
            }
            for (int l = 0; l < L; l++) {
                out[b0 + l] /= z;
            }
        }
    }

    /** Exact-string lookup of training words over a character range, without allocating. */
    static final class WordTable {
        /** Per slot: 32-bit hash of the word, then its index + 1 (0 = empty). */
        private final long[] slots;
        private final int mask;
        private final char[][] chars;

        WordTable(List<String> words) {
            int cap = Integer.highestOneBit(Math.max(4, words.size() * 2)) << 1;
            slots = new long[cap];
            mask = cap - 1;
            chars = new char[words.size()][];
            for (int w = 0; w < words.size(); w++) {
                String word = words.get(w);
                chars[w] = word.toCharArray();
                int h = hash(word, 0, word.length());
                int i = h & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = (long) h << 32 | (w + 1);
            }
        }

        private static int hash(CharSequence s, int from, int to) {
            int h = 0x811c9dc5;
            for (int i = from; i < to; i++) {
                h ^= s.charAt(i);
                h *= 0x01000193;
            }
            return h ^ (h >>> 16);
        }

        int find(CharSequence s, int from, int to) {
            int len = to - from;
            int h = hash(s, from, to);
            int i = h & mask;
            while (true) {
                long slot = slots[i];
                if (slot == 0) {
                    return -1;
                }
                if ((int) (slot >>> 32) == h) {
                    int w = (int) slot - 1;
                    char[] c = chars[w];
                    if (c.length == len) {
                        int k = 0;
                        while (k < len && c[k] == s.charAt(from + k)) {
                            k++;
                        }
                        if (k == len) {
                            return w;
                        }
                    }
                }
                i = (i + 1) & mask;
            }
        }
    }
}
