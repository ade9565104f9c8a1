package org.litgraph.ingest.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;
import org.litgraph.ingest.annotate.AnnotatedDocument;
import org.litgraph.ingest.annotate.Annotator;
import org.litgraph.ingest.format.ParseException;
import org.litgraph.ingest.format.ParsedDocument;

/**
 * Scores the pipeline against a PubTator benchmark (BC5CDR, BioRED): it runs {@link Annotator} — the
 * same parsing and extraction as ingest — on the gold file's text (the gold annotations are never
 * shown to the extractor) and compares, per document, mentions (exact span and type), concepts
 * (the set of ids per type, composite ids split, ungrounded ones left out) and relations. Scores are
 * micro-averaged over documents.
 */
public final class PubTatorBenchmark {
    /** Which benchmark: its entity types (gold type name -> our type) and how relations are scored. */
    public enum Kind {
        BC5CDR(Map.of("Chemical", "Chemical", "Disease", "Disease")),
        BIORED(Map.of("ChemicalEntity", "Chemical", "DiseaseOrPhenotypicFeature", "Disease",
                "GeneOrGeneProduct", "Gene", "Chemical", "Chemical", "Disease", "Disease", "Gene", "Gene"));

        final Map<String, String> types;

        Kind(Map<String, String> types) {
            this.types = types;
        }

        List<String> ourTypes() {
            return this == BC5CDR ? List.of("Chemical", "Disease") : List.of("Chemical", "Disease", "Gene");
        }
    }

    private PubTatorBenchmark() {
    }

    /** Annotates the gold file's documents with the pipeline and scores them. */
    public static Report evaluate(Kind kind, Path gold, Annotator annotator) throws IOException, ParseException {
        List<ParsedDocument> docs = Annotator.parse(gold);
        List<AnnotatedDocument> predicted = new ArrayList<>(docs.size());
        for (ParsedDocument d : docs.subList(0, Math.min(50, docs.size()))) {
            annotator.annotate(d); // warm-up
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        for (ParsedDocument d : docs) {
            predicted.add(annotator.annotate(d));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        Report r = score(kind, docs, fromPipeline(predicted));
        r.note(String.format(Locale.ROOT, "documents %d, extraction %.0f docs per CPU-second (%.0f docs/s wall clock; one thread, after warm-up)",
                docs.size(), docs.size() / cpuSeconds, docs.size() / seconds));
        return r;
    }

    /** Scores a PubTator file written by {@code litgraph annotate --format pubtator} against the gold file. */
    public static Report evaluate(Kind kind, Path gold, Path predictedFile) throws IOException, ParseException {
        List<ParsedDocument> docs = Annotator.parse(gold);
        Map<String, Doc> predicted = new HashMap<>();
        for (ParsedDocument p : Annotator.parse(predictedFile)) {
            predicted.put(p.metadata().pmid(), fromAnnotations(kind, p));
        }
        Report r = score(kind, docs, predicted);
        r.note("documents " + docs.size());
        return r;
    }

    /** One document's annotations, normalised for scoring. */
    record Doc(Map<String, Set<String>> mentions, Map<String, Set<String>> concepts, Set<String> relations,
               Set<String> cid) {
    }

    private static Map<String, Doc> fromPipeline(List<AnnotatedDocument> predicted) {
        Map<String, Doc> out = new HashMap<>();
        for (AnnotatedDocument a : predicted) {
            Map<String, Set<String>> mentions = new HashMap<>();
            Map<String, Set<String>> concepts = new HashMap<>();
            Map<String, String> typeOf = new HashMap<>();
            for (AnnotatedDocument.EntitySpan e : a.entities()) {
                if (e.kind() == EntityKind.PROCESS) {
                    continue;
                }
                mentions.computeIfAbsent(e.type(), k -> new HashSet<>()).add(e.start() + ":" + e.end());
                // litgraph's own ids (LG:drug/<name>, for names no vocabulary has) are ungrounded as far as a
                // benchmark goes, like its "-1": the mention counts, the concept is left out
                if (!e.id().startsWith("LG:")) {
                    concepts.computeIfAbsent(e.type(), k -> new HashSet<>()).add(Sets.bare(e.id()));
                }
                typeOf.put(e.id(), e.type());
            }
            Set<String> relations = new HashSet<>();
            Set<String> cid = new HashSet<>();
            for (AnnotatedDocument.Relation r : a.positiveRelations()) {
                String ts = typeOf.get(r.subject());
                String to = typeOf.get(r.object());
                if (ts == null || to == null) {
                    continue;
                }
                relations.add(unordered(Sets.bare(r.subject()), Sets.bare(r.object())));
                if (r.predicate() == Predicate.CAUSES && ts.equals("Chemical") && to.equals("Disease")) {
                    cid.add(Sets.bare(r.subject()) + "\t" + Sets.bare(r.object()));
                }
            }
            out.put(a.id(), new Doc(mentions, concepts, relations, cid));
        }
        return out;
    }

    private static Doc fromAnnotations(Kind kind, ParsedDocument d) {
        Map<String, Set<String>> mentions = new HashMap<>();
        Map<String, Set<String>> concepts = new HashMap<>();
        Map<String, String> typeOf = new HashMap<>();
        for (ParsedDocument.Annotation a : d.annotations()) {
            String type = kind.types.get(a.type());
            if (type == null) {
                continue;
            }
            mentions.computeIfAbsent(type, k -> new HashSet<>()).add(a.start() + ":" + a.end());
            for (String id : a.ids()) {
                String bare = Sets.bare(id);
                if (!bare.isEmpty() && !bare.equals("-1") && !bare.equals("-") && !bare.startsWith("LG:")) {
                    concepts.computeIfAbsent(type, k -> new HashSet<>()).add(bare);
                    typeOf.putIfAbsent(bare, type);
                }
            }
        }
        Set<String> relations = new HashSet<>();
        Set<String> cid = new HashSet<>();
        for (ParsedDocument.AnnotatedRelation r : d.relations()) {
            String a = Sets.bare(r.id1());
            String b = Sets.bare(r.id2());
            if (typeOf.containsKey(a) && typeOf.containsKey(b)) {
                relations.add(unordered(a, b));
            }
            if (r.type().equals("CID") || (r.type().equals(Predicate.CAUSES.name())
                    && "Chemical".equals(typeOf.get(a)) && "Disease".equals(typeOf.get(b)))) {
                cid.add(a + "\t" + b);
            }
        }
        return new Doc(mentions, concepts, relations, cid);
    }

    private static String unordered(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "\t" + b : b + "\t" + a;
    }

    private static Report score(Kind kind, List<ParsedDocument> gold, Map<String, Doc> predicted) {
        Report r = new Report();
        Doc empty = new Doc(Map.of(), Map.of(), Set.of(), Set.of());
        for (ParsedDocument g : gold) {
            Doc gd = fromAnnotations(kind, g);
            Doc pd = predicted.getOrDefault(g.metadata().pmid(), empty);
            for (String type : kind.ourTypes()) {
                r.add(type + " mention", Sets.compare(gd.mentions().getOrDefault(type, Set.of()),
                        pd.mentions().getOrDefault(type, Set.of())));
            }
            for (String type : kind.ourTypes()) {
                r.add(type + " concept", Sets.compare(gd.concepts().getOrDefault(type, Set.of()),
                        pd.concepts().getOrDefault(type, Set.of())));
            }
            if (kind == Kind.BC5CDR) {
                r.add("CID relation", Sets.compare(gd.cid(), pd.cid()));
            } else {
                r.add("Relation pairs", Sets.compare(gd.relations(), pd.relations()));
            }
        }
        return r;
    }
}
