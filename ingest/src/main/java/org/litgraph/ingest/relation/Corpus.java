package org.litgraph.ingest.relation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.litgraph.graph.EntityKind;
import org.litgraph.ingest.bc5cdr.PubTator;
import org.litgraph.ingest.relation.DocumentView.Entity;
import org.litgraph.ingest.relation.DocumentView.Span;

/**
 * The annotated corpora the relation model learns from and is measured on, read into
 * {@link DocumentView}s with their gold mentions and gold relations: BioCreative V CDR
 * (chemical-induced disease, document level, MeSH ids), BioRED (8 relation types between
 * concept ids; CRLF PubTator) and PHEE (adverse and therapeutic drug events, one sentence each).
 */
final class Corpus {
    enum Name { BC5CDR, BIORED, PHEE }

    /** A gold relation between two concept ids, as the corpus types it (CID; BioRED's types; PHEE's event types). */
    record GoldRelation(String a, String b, String type) {
    }

    /** A PHEE event: its type, the drugs given, its effect spans, the treated disorder spans, its modality. */
    record Event(String type, List<Span> drugs, List<Span> effects, List<Span> disorders, Span trigger, boolean negated,
                 boolean speculated) {
        /** The event's effect for drug-effect pairs: its Effect spans, else (therapeutic events) the treated disorder. */
        List<Span> effectsOrDisorders() {
            return effects.isEmpty() ? disorders : effects;
        }
    }

    /** One annotated document: its gold view, its gold relations (by id) and, for PHEE, its events. */
    record Doc(Name corpus, String id, String pmid, DocumentView gold, List<GoldRelation> relations, List<Event> events,
               Path source) {
    }

    private Corpus() {
    }

    static List<Doc> bc5cdr(Path file) {
        List<Doc> out = new ArrayList<>();
        for (PubTator.Doc d : PubTator.read(file)) {
            List<Entity> es = new ArrayList<>();
            for (PubTator.Annotation a : d.annotations()) {
                EntityKind kind = switch (a.type()) {
                    case "Chemical" -> EntityKind.DRUG;
                    case "Disease" -> EntityKind.CONDITION;
                    default -> null;
                };
                addAll(es, a, kind);
            }
            List<GoldRelation> rels = new ArrayList<>();
            for (PubTator.Relation r : d.relations()) {
                rels.add(new GoldRelation(meshId(r.chemical()), meshId(r.disease()), r.type()));
            }
            out.add(new Doc(Name.BC5CDR, d.pmid(), d.pmid(), DocumentView.of(d.text(), d.title().length(), es), rels, List.of(),
                    file));
        }
        return out;
    }

    static List<Doc> biored(Path file) {
        List<Doc> out = new ArrayList<>();
        for (PubTator.Doc d : PubTator.read(file)) {
            List<Entity> es = new ArrayList<>();
            for (PubTator.Annotation a : d.annotations()) {
                EntityKind kind = switch (a.type()) {
                    case "ChemicalEntity" -> EntityKind.DRUG;
                    case "DiseaseOrPhenotypicFeature" -> EntityKind.CONDITION;
                    case "GeneOrGeneProduct" -> EntityKind.TARGET;
                    default -> null;
                };
                addAll(es, a, kind);
            }
            List<GoldRelation> rels = new ArrayList<>();
            for (PubTator.Relation r : d.relations()) {
                rels.add(new GoldRelation(bioredId(r.chemical()), bioredId(r.disease()), r.type()));
            }
            out.add(new Doc(Name.BIORED, d.pmid(), d.pmid(), DocumentView.of(d.text(), d.title().length(), es), rels, List.of(),
                    file));
        }
        return out;
    }

    private static void addAll(List<Entity> es, PubTator.Annotation a, EntityKind kind) {
        if (kind == null) {
            return;
        }
        for (String raw : a.ids()) {
            for (String id : raw.split("[,|;]")) {
                id = id.strip();
                if (id.isEmpty() || id.equals("-1") || id.equals("-") || a.end() <= a.start()) {
                    continue;
                }
                es.add(new Entity(a.start(), a.end(), kind, kind == EntityKind.TARGET ? geneId(id) : bioredId(id)));
            }
        }
    }

    static String meshId(String id) {
        return id.contains(":") ? id : "MESH:" + id;
    }

    /** BioRED concept ids as the graph writes them: MeSH D/C ids with MESH:, genes as NCBIGene:, others unchanged. */
    static String bioredId(String id) {
        id = id.strip();
        if (id.matches("[DC]\\d+")) {
            return "MESH:" + id;
        }
        if (id.matches("\\d+")) {
            return "NCBIGene:" + id;
        }
        return id;
    }

    static String geneId(String id) {
        return id.matches("\\d+") ? "NCBIGene:" + id : id;
    }

    /** PHEE sentences of one split folder ({@code dev/dev.json} or {@code train/train.json}). */
    static List<Doc> phee(Path json) {
        ObjectMapper mapper = new ObjectMapper();
        List<Doc> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = mapper.readTree(line);
                String id = n.get("id").asText();
                String text = n.get("context").asText();
                List<Event> events = new ArrayList<>();
                Set<Entity> es = new LinkedHashSet<>();
                for (JsonNode ann : n.path("annotations")) {
                    for (JsonNode e : ann.path("events")) {
                        JsonNode treatment = e.path("Treatment");
                        List<Span> drugs = spans(treatment.path("Drug"), text);
                        for (JsonNode comb : treatment.path("Combination")) {
                            for (Span s : spans(comb.path("Drug"), text)) {
                                if (!drugs.contains(s)) {
                                    drugs.add(s);
                                }
                            }
                        }
                        List<Span> effects = spans(e.path("Effect"), text);
                        List<Span> disorders = spans(treatment.path("Disorder"), text);
                        List<Span> trig = spans(e.path("Trigger"), text);
                        events.add(new Event(e.path("event_type").asText(), drugs, effects, disorders,
                                trig.isEmpty() ? null : trig.get(0), e.has("Negated"), e.has("Speculated")));
                        drugs.forEach(s -> es.add(new Entity(s.start(), s.end(), EntityKind.DRUG, pheeId(text, s))));
                        effects.forEach(s -> es.add(new Entity(s.start(), s.end(), EntityKind.CONDITION, pheeId(text, s))));
                        disorders.forEach(s -> es.add(new Entity(s.start(), s.end(), EntityKind.CONDITION, pheeId(text, s))));
                    }
                }
                List<GoldRelation> rels = new ArrayList<>();
                for (Event ev : events) {
                    for (Span d : ev.drugs()) {
                        for (Span x : ev.effectsOrDisorders()) {
                            rels.add(new GoldRelation(pheeId(text, d), pheeId(text, x), ev.type()));
                        }
                    }
                }
                String pmid = id.contains("_") ? id.substring(0, id.indexOf('_')) : id;
                out.add(new Doc(Name.PHEE, id, pmid, DocumentView.of(text, 0, new ArrayList<>(es)), rels, events, json));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + json, e);
        }
        return out;
    }

    /** The first fragment of each mention of a PHEE argument (discontinuous mentions keep their first piece). */
    private static List<Span> spans(JsonNode arg, String text) {
        List<Span> out = new ArrayList<>();
        JsonNode texts = arg.path("text");
        JsonNode starts = arg.path("start");
        for (int i = 0; i < texts.size(); i++) {
            JsonNode frag = texts.get(i);
            JsonNode st = starts.get(i);
            if (frag == null || st == null || frag.size() == 0) {
                continue;
            }
            int s = st.get(0).asInt();
            int e = Math.min(text.length(), s + frag.get(0).asText().length());
            if (e > s) {
                Span sp = new Span(s, e);
                if (!out.contains(sp)) {
                    out.add(sp);
                }
            }
        }
        return out;
    }

    /** A PHEE mention's id: its normalised text (PHEE does not ground mentions). */
    static String pheeId(String text, Span s) {
        return "PHEE:" + text.substring(s.start(), s.end()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
