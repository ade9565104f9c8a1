package org.litgraph.ingest.ner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.litgraph.ingest.ner.NerCorpus.Source;
import org.litgraph.ingest.text.Sentence;
import org.litgraph.ingest.text.SentenceSplitter;

/**
 * Tagging throughput: the shipped {@link MentionFinder} over the BC5CDR and BioRED development
 * abstracts (text only), repeated, one thread, after a warm-up; prints CPU time per abstract for the
 * document step plus {@link MentionFinder#find} per sentence (sentences split beforehand, as the
 * pipeline does), and for the tagger's own spans alone.
 *
 * <pre>java ... org.litgraph.ingest.ner.NerBench SHARED_DIR [ROUNDS]</pre>
 */
public final class NerBench {
    private NerBench() {
    }

    public static void main(String[] args) {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long l0 = System.nanoTime();
        MentionFinder finder = MentionFinder.standard();
        System.out.printf(Locale.ROOT, "loaded lexicon, dictionary and tagger in %.2f s%n", (System.nanoTime() - l0) / 1e9);
        List<String> texts = new ArrayList<>();
        for (Source s : List.of(Source.BC5CDR, Source.BIORED)) {
            for (NerCorpus.Doc d : NerCorpus.read(shared, s, false)) {
                texts.add(d.text());
            }
        }
        List<List<Sentence>> sentences = new ArrayList<>();
        long tokens = 0;
        NerTokenizer.Spans spans = new NerTokenizer.Spans(512);
        for (String t : texts) {
            sentences.add(SentenceSplitter.split(t));
            spans.clear();
            tokens += NerTokenizer.tokenize(t, 0, t.length(), spans);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int r = 0; r < 3; r++) { // warm-up
            sink += run(finder, texts, sentences, false);
        }
        for (boolean tagOnly : new boolean[] {false, true}) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                sink += run(finder, texts, sentences, tagOnly);
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - t0) / 1e9;
            long docs = (long) texts.size() * rounds;
            System.out.printf(Locale.ROOT, "%s: %d abstracts (%.0f tokens each on average), %.3f ms CPU per abstract, "
                            + "%.0f abstracts per CPU-second (%.0f per wall-clock second, one thread)%n",
                    tagOnly ? "tagger spans only (CRF features + Viterbi)" : "mention finding (context + find per sentence)",
                    docs, (double) tokens / texts.size(), cpu * 1000 / docs, docs / cpu, docs / wall);
        }
        // the steps of tagging one sentence, each timed alone over the same sentences
        Encoded enc = new Encoded();
        CrfTagger tagger = finder.tagger();
        CrfTagger.Scratch scratch = tagger.scratch();
        int[] labels = new int[4096];
        double[] marg = new double[4096 * 16];
        String[] phases = {"tokens, keys, dictionary, abbreviation flags", "+ emissions", "+ Viterbi (all models)",
                "+ marginals (all models)"};
        for (int phase = 0; phase < phases.length; phase++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < texts.size(); i++) {
                    String text = texts.get(i);
                    DocumentContext ctx = finder.context(text);
                    for (Sentence st : sentences.get(i)) {
                        enc.encode(text, st.start(), st.end(), finder.matcher(), ctx);
                        if (phase >= 1) {
                            tagger.emissions(enc, scratch);
                        }
                        for (int m = 0; m < tagger.models(); m++) {
                            if (phase >= 2) {
                                tagger.viterbi(scratch, enc.size, m, labels);
                                sink += labels[0];
                            }
                            if (phase >= 3) {
                                tagger.marginals(scratch, enc.size, m, marg);
                            }
                        }
                    }
                }
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "  %-48s %.3f ms CPU per abstract%n", phases[phase],
                    cpu * 1000 / ((long) texts.size() * rounds));
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static long run(MentionFinder finder, List<String> texts, List<List<Sentence>> sentences, boolean tagOnly) {
        long n = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            DocumentContext ctx = finder.context(text);
            for (Sentence s : sentences.get(i)) {
                n += tagOnly ? finder.tag(text, s.start(), s.end(), ctx).size() : finder.find(text, s.start(), s.end(), ctx).size();
            }
        }
        return n;
    }
}
