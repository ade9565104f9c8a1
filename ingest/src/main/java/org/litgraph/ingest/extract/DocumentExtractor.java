package org.litgraph.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.litgraph.graph.DocumentGraph;
import org.litgraph.graph.DocumentGraph.CaseRecord;
import org.litgraph.graph.DocumentGraph.Causality;
import org.litgraph.graph.DocumentGraph.DocumentInfo;
import org.litgraph.graph.DocumentGraph.Entity;
import org.litgraph.graph.DocumentGraph.EvidenceItem;
import org.litgraph.graph.DocumentGraph.Exposure;
import org.litgraph.graph.DocumentGraph.ReferenceRecord;
import org.litgraph.graph.DocumentGraph.ReferenceRole;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.EvidenceMethod;
import org.litgraph.graph.Ids;
import org.litgraph.graph.Predicate;
import org.litgraph.graph.SourceType;
import org.litgraph.ingest.cases.EventExtractor;
import org.litgraph.ingest.format.ParsedDocument;
import org.litgraph.ingest.format.ParsedDocument.Cell;
import org.litgraph.ingest.format.ParsedDocument.Metadata;
import org.litgraph.ingest.format.ParsedDocument.Reference;
import org.litgraph.ingest.format.ParsedDocument.Section;
import org.litgraph.ingest.format.ParsedDocument.Table;
import org.litgraph.ingest.lexicon.EntityRecognizer;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconEntry;
import org.litgraph.ingest.lexicon.Mention;
import org.litgraph.ingest.relation.DocumentView;
import org.litgraph.ingest.relation.RelationModel;
import org.litgraph.ingest.relation.RelationStatement;
import org.litgraph.ingest.ner.DocumentContext;
import org.litgraph.ingest.ner.LexiconMentions;
import org.litgraph.ingest.text.Sentence;
import org.litgraph.ingest.text.SentenceSplitter;
import org.litgraph.ingest.text.Token;
import org.litgraph.ingest.text.Tokenizer;

/**
 * Turns a {@link ParsedDocument} of any format into the {@link DocumentGraph} it contributes:
 * grounded entities, evidence for claims (with negation, hedging and cited references), patient
 * cases, and the document's bibliographic links. Stateless and thread-safe once built.
 */
public final class DocumentExtractor {
    /** Bumped whenever extraction changes, so re-ingesting refreshes documents extracted before. */
    public static final String VERSION = "6";

    private static final Pattern ABBREVIATION_DEF = Pattern.compile("^\\s*\\(\\s*([A-Za-z][A-Za-z0-9-]{1,9})\\s*\\)");
    private static final Pattern PRONOUN = Pattern.compile("^(?:[-*•\\s]|\\*\\*[^*]*\\*\\*)*\\b(its?)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CITATION_MARKER = Pattern.compile("\\[(\\d{1,3}(?:\\s*[,–-]\\s*\\d{1,3})*)\\]");

    private final EntityRecognizer recognizer;
    /** The mention step: the learned tagger with the lexicon, abbreviations and grounding (org.litgraph.ingest.ner). */
    private final LexiconMentions mentionFinder;
    private final RelationExtractor relations;
    private final RelationModel model;
    private final CaseExtractor cases = new CaseExtractor();
    private final EventExtractor events;

    public DocumentExtractor(Lexicon lexicon) {
        this(lexicon, RelationModel.forLexicon(lexicon));
    }

    /** An extractor with another relation model (training: {@link RelationModel#rulesOnly()}). */
    public DocumentExtractor(Lexicon lexicon, RelationModel model) {
        this(lexicon, model, EventExtractor.standard());
    }

    /** An extractor with another relation model and another event step (PHEE argument tagger). */
    public DocumentExtractor(Lexicon lexicon, RelationModel model, EventExtractor events) {
        this.recognizer = new EntityRecognizer(lexicon);
        this.mentionFinder = LexiconMentions.of(lexicon);
        this.relations = RelationExtractor.standard();
        this.model = model;
        this.events = events;
    }

    public static DocumentExtractor standard() {
        return new DocumentExtractor(Lexicon.defaultLexicon());
    }

    public EntityRecognizer recognizer() {
        return recognizer;
    }

    public DocumentGraph extract(ParsedDocument doc) {
        String text = doc.text();
        Metadata meta = doc.metadata();
        String hash = Ids.contentHash(meta.format().label(), text);
        String docId = Ids.document(meta.pmid(), meta.pmcid(), meta.doi(), meta.location());

        // 1. sentences and mentions, in reading order, with document-local aliases
        DocumentContext mentionContext = mentionFinder.context(text);
        List<AnalyzedSentence> sentences = analyse(doc, mentionContext);
        Map<Integer, List<Mention>> cellMentions = new HashMap<>();
        Map<String, Integer> mentionCounts = new LinkedHashMap<>();
        Map<String, LexiconEntry> entries = new LinkedHashMap<>();
        for (AnalyzedSentence s : sentences) {
            for (Mention m : s.mentions()) {
                mentionCounts.merge(m.entry().id(), 1, Integer::sum);
                entries.putIfAbsent(m.entry().id(), m.entry());
            }
        }
        for (Table t : doc.tables()) {
            for (List<Cell> row : t.rows()) {
                for (Cell c : row) {
                    if (c.end() > c.start()) {
                        List<Mention> ms = mentionFinder.find(text, c.start(), c.end(), mentionContext);
                        cellMentions.put(c.start(), ms);
                        ms.forEach(m -> entries.putIfAbsent(m.entry().id(), m.entry()));
                    }
                }
            }
        }

        // 2. references: the document's own record and its reference list
        List<ReferenceRecord> refs = new ArrayList<>();
        Map<Integer, String> refByNumber = new HashMap<>();
        if (meta.doi() != null || meta.pmid() != null) {
            refs.add(new ReferenceRecord(Ids.reference(meta.doi(), meta.pmid(), meta.title() == null ? docId : meta.title()),
                    ReferenceRole.PUBLISHED_AS, null, null, meta.title(), meta.journal(), meta.year(), meta.doi(),
                    meta.pmid(), meta.url()));
        }
        Set<String> seenRefs = new LinkedHashSet<>();
        for (Reference r : doc.references()) {
            String id = Ids.reference(r.doi(), r.pmid(), r.citation() == null ? String.valueOf(r.title()) : r.citation());
            if (r.number() != null) {
                refByNumber.putIfAbsent(r.number(), id);
            }
            if (seenRefs.add(id)) {
                refs.add(new ReferenceRecord(id, ReferenceRole.CITES, r.number(), r.citation(), r.title(), r.journal(),
                        r.year(), r.doi(), r.pmid(), r.url()));
            }
        }
        CaseExtractor.Citations citations = s -> cited(s, refByNumber);

        // 3. statements
        List<EvidenceItem> evidence = new ArrayList<>();
        Set<String> evidenceIds = new LinkedHashSet<>();
        TreeMap<Integer, Set<String>> adverseEventsAt = new TreeMap<>();
        Map<String, Integer> drugRoleCauses = new HashMap<>();
        SourceType sourceType = meta.sourceType() == null ? SourceType.OTHER : meta.sourceType();
        // cue patterns, sentence by sentence: explicit statements of one sentence (the only source of
        // target -> process, process -> condition and drug -> process links); the relation model reads
        // them as features
        Map<String, List<Object[]>> cueHits = new LinkedHashMap<>();
        for (AnalyzedSentence s : sentences) {
            if (!body(doc, s)) {
                continue;
            }
            for (RelationExtractor.Found f : relations.extract(s.text(), s.start(), s.mentions())) {
                Mention subj = s.mentions().get(f.subject());
                Mention obj = s.mentions().get(f.object());
                if (model.learns(subj.entry().kind(), obj.entry().kind())) {
                    cueHits.computeIfAbsent(subj.entry().id() + "\t" + f.predicate() + "\t" + obj.entry().id(),
                            k -> new ArrayList<>()).add(new Object[] {s, f});
                }
                addPattern(evidence, evidenceIds, docId, s, f, subj, obj, refByNumber, adverseEventsAt, drugRoleCauses);
            }
        }

        // the learned relation model over the whole document: drug -> condition, drug -> target, target -> condition
        documentRelations(text, meta, sentences, doc, docId, evidence, evidenceIds, adverseEventsAt, drugRoleCauses,
                refByNumber, cueHits);

        // MeSH indexing of PubMed records (chemical/adverse effects + condition/chemically induced, ...)
        for (MeshQualifiers.Found f : MeshQualifiers.find(text, recognizer.lexicon())) {
            String subjectId = f.subject().entry().id();
            String objectId = f.object().entry().id();
            String claimId = Ids.claim(subjectId, f.predicate(), objectId);
            int start = Math.min(f.subject().start(), f.object().start());
            int end = Math.max(f.subject().end(), f.object().end());
            String evId = Ids.evidence(docId, claimId, start, end);
            if (evidenceIds.add(evId)) {
                evidence.add(new EvidenceItem(evId, claimId, f.predicate(), subjectId, objectId, text.substring(start, end),
                        start, end, false, false, EvidenceMethod.MESH_QUALIFIER, EvidenceMethod.MESH_QUALIFIER.baseWeight(),
                        "MeSH terms", List.of()));
                entries.putIfAbsent(subjectId, f.subject().entry());
                entries.putIfAbsent(objectId, f.object().entry());
                if (f.predicate() == Predicate.CAUSES) {
                    drugRoleCauses.merge(subjectId, 1, Integer::sum);
                }
            }
        }

        // 4. drug–effect events, sentence by sentence (PHEE argument tagger + the statements above)
        List<DocumentGraph.EventRecord> eventRecords = events(text, docId, doc, sentences, evidence);

        // 5. cases
        String mainDrug = mentionCounts.entrySet().stream()
                .filter(e -> entries.get(e.getKey()).kind() == EntityKind.DRUG)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        CaseExtractor.TablesContext context = offset -> {
            Map.Entry<Integer, Set<String>> before = adverseEventsAt.floorEntry(offset);
            return before == null ? Set.of() : before.getValue();
        };
        List<CaseRecord> caseRecords = new ArrayList<>();
        CaseExtractor.Names names = id -> mentionFinder.entry(id).map(LexiconEntry::name).orElse(null);
        for (CaseExtractor.Draft d : cases.extract(text, doc.tables(), sentences, cellMentions, mainDrug, citations, context)) {
            CaseRecord c = CaseExtractor.record(Ids.patientCase(docId, d.key), d, mainDrug, drugRoleCauses,
                    suspect -> causesOutsideCase(evidence, suspect, d), names);
            c.exposures().forEach(x -> mentionFinder.entry(x.drugId()).ifPresent(e -> entries.putIfAbsent(e.id(), e)));
            c.conditionIds().forEach(id -> mentionFinder.entry(id).ifPresent(e -> entries.putIfAbsent(e.id(), e)));
            c.details().historyIds().forEach(id -> mentionFinder.entry(id).ifPresent(e -> entries.putIfAbsent(e.id(), e)));
            caseRecords.add(c);
        }

        // 6. entities with their broader concepts
        Map<String, Entity> entities = new LinkedHashMap<>();
        for (LexiconEntry e : List.copyOf(entries.values())) {
            addWithParents(e, entities, 0);
        }
        List<DocumentGraph.Mention> mentions = mentionSpans(sentences, mentionContext.abbreviations());

        DocumentInfo info = new DocumentInfo(docId, meta.title(), meta.format().label(), sourceType,
                meta.location(), meta.url(), meta.published(), meta.year(), meta.journal(), meta.publisher(),
                meta.doi(), meta.pmid(), meta.pmcid(), meta.authors(), meta.publicationTypes(),
                doc.sections().stream().map(Section::title).toList(), hash, text.length(), VERSION);
        return new DocumentGraph(info, List.copyOf(entities.values()), evidence, caseRecords, refs, mentions,
                eventRecords);
    }

    private List<DocumentGraph.EventRecord> events(String text, String docId, ParsedDocument doc,
                                                   List<AnalyzedSentence> sentences, List<EvidenceItem> evidence) {
        Map<Integer, List<EvidenceItem>> bySentence = new HashMap<>();
        for (EvidenceItem e : evidence) {
            if (e.predicate() == Predicate.CAUSES || e.predicate() == Predicate.TREATS) {
                bySentence.computeIfAbsent(e.start(), k -> new ArrayList<>()).add(e);
            }
        }
        List<DocumentGraph.EventRecord> out = new ArrayList<>();
        for (AnalyzedSentence s : sentences) {
            if (s.sentence().tableRow() || insideReferences(doc, s) || mostlyLink(s.text())) {
                continue;
            }
            List<EvidenceItem> stated = bySentence.getOrDefault(s.start(), List.of()).stream()
                    .filter(e -> e.end() == s.end()).toList();
            if (s.end() - s.start() > EventExtractor.MAX_SENTENCE || !EventExtractor.candidate(s.mentions(), stated)) {
                continue;
            }
            var arguments = events.tagger().tag(text, s.start(), s.end(), s.mentions());
            out.addAll(events.events(docId, text, s.start(), s.end(), s.mentions(), stated, arguments));
        }
        return out;

    }

    /** Sentences that state the document's own claims: not table rows, reference lists or bare links. */
    private static boolean body(ParsedDocument doc, AnalyzedSentence s) {
        return !s.sentence().tableRow() && !insideReferences(doc, s) && !mostlyLink(s.text());
    }

    /** One cue-pattern statement as evidence (weight 0.6 x the rule's factor, x 0.6 when hedged). */
    private static void addPattern(List<EvidenceItem> evidence, Set<String> evidenceIds, String docId, AnalyzedSentence s,
                                   RelationExtractor.Found f, Mention subj, Mention obj, Map<Integer, String> refByNumber,
                                   TreeMap<Integer, Set<String>> adverseEventsAt, Map<String, Integer> drugRoleCauses) {
        String claimId = Ids.claim(subj.entry().id(), f.predicate(), obj.entry().id());
        String evId = Ids.evidence(docId, claimId, s.start(), s.end());
        if (!evidenceIds.add(evId)) {
            return;
        }
        double weight = EvidenceMethod.SENTENCE_PATTERN.baseWeight() * f.factor() * (f.hedged() ? 0.6 : 1.0);
        evidence.add(new EvidenceItem(evId, claimId, f.predicate(), subj.entry().id(), obj.entry().id(),
                s.text(), s.start(), s.end(), f.negated(), f.hedged(), EvidenceMethod.SENTENCE_PATTERN,
                Math.round(weight * 1000) / 1000.0, s.section(), cited(s.text(), refByNumber)));
        if (f.predicate() == Predicate.CAUSES && !f.negated()) {
            adverseEventsAt.computeIfAbsent(s.start(), k -> new LinkedHashSet<>()).add(obj.entry().id());
            drugRoleCauses.merge(subj.entry().id(), 1, Integer::sum);
        }
    }

    /**
     * What the relation model reads of the document: its body sentences (no table rows, reference
     * lists or bare links) and their grounded mentions (a pronoun standing for an entity is left out).
     */
    public DocumentView relationView(ParsedDocument doc) {
        return relationView(doc.text(), doc.metadata(), body(doc, analyse(doc)));
    }

    private static List<AnalyzedSentence> body(ParsedDocument doc, List<AnalyzedSentence> sentences) {
        List<AnalyzedSentence> body = new ArrayList<>();
        for (AnalyzedSentence s : sentences) {
            if (body(doc, s)) {
                body.add(s);
            }
        }
        return body;
    }

    private static DocumentView relationView(String text, Metadata meta, List<AnalyzedSentence> body) {
        String title = meta.title();
        int titleEnd = title != null && !title.isBlank() && text.startsWith(title) ? title.length() : 0;
        List<DocumentView.Span> spans = new ArrayList<>(body.size());
        List<DocumentView.Entity> entities = new ArrayList<>();
        for (AnalyzedSentence s : body) {
            spans.add(new DocumentView.Span(s.start(), s.end()));
            for (Mention m : s.mentions()) {
                if (!PRONOUN_SURFACE.matcher(m.surface()).matches() && m.end() > m.start()) {
                    entities.add(new DocumentView.Entity(m.start(), m.end(), m.entry().kind(), m.entry().id()));
                }
            }
        }
        return new DocumentView(text, titleEnd, spans, entities);
    }

    /**
     * The learned model's statements as evidence (RELATION_MODEL, weighted by the model's probability,
     * x 0.6 when hedged), beside the cue-pattern statements of single sentences found before; the model
     * reads those as features ({@code cueHits}).
     */
    private void documentRelations(String text, Metadata meta, List<AnalyzedSentence> sentences, ParsedDocument doc,
                                   String docId, List<EvidenceItem> evidence, Set<String> evidenceIds,
                                   TreeMap<Integer, Set<String>> adverseEventsAt, Map<String, Integer> drugRoleCauses,
                                   Map<Integer, String> refByNumber, Map<String, List<Object[]>> cueHits) {
        List<AnalyzedSentence> body = body(doc, sentences);
        if (body.isEmpty()) {
            return;
        }
        Map<AnalyzedSentence, Integer> bodyIndex = new java.util.IdentityHashMap<>();
        for (int i = 0; i < body.size(); i++) {
            bodyIndex.put(body.get(i), i);
        }
        Map<Integer, Set<String>> hitsBySentence = new HashMap<>();
        cueHits.forEach((key, hits) -> {
            for (Object[] h : hits) {
                AnalyzedSentence s = (AnalyzedSentence) h[0];
                RelationExtractor.Found f = (RelationExtractor.Found) h[1];
                Integer i = bodyIndex.get(s);
                if (i != null) {
                    hitsBySentence.computeIfAbsent(i, k -> new java.util.HashSet<>()).add(RelationModel.cueKey(
                            s.mentions().get(f.subject()).entry().id(), f.predicate(), s.mentions().get(f.object()).entry().id(),
                            f.negated()));
                }
            }
        });
        for (RelationStatement st : model.predictLearned(relationView(text, meta, body), hitsBySentence)) {
            if (st.predicate() == Predicate.ASSOCIATED_WITH && statedMoreExactly(evidence, st)) {
                continue;
            }
            String claimId = Ids.claim(st.subjectId(), st.predicate(), st.objectId());
            String evId = Ids.evidence(docId, claimId, st.evidenceStart(), st.evidenceEnd());
            if (!evidenceIds.add(evId)) {
                continue;
            }
            String quote = text.substring(st.evidenceStart(), st.evidenceEnd());
            String section = null;
            for (AnalyzedSentence s : body) {
                if (s.start() <= st.evidenceStart() && st.evidenceStart() < Math.max(s.end(), s.start() + 1)) {
                    section = s.section();
                    break;
                }
            }
            double weight = Math.max(0.05, st.score()) * (st.hedged() ? 0.6 : 1.0);
            evidence.add(new EvidenceItem(evId, claimId, st.predicate(), st.subjectId(), st.objectId(), quote,
                    st.evidenceStart(), st.evidenceEnd(), st.negated(), st.hedged(), EvidenceMethod.RELATION_MODEL,
                    Math.round(weight * 1000) / 1000.0, section, cited(quote, refByNumber)));
            if (st.predicate() == Predicate.CAUSES && !st.negated()) {
                adverseEventsAt.computeIfAbsent(st.evidenceStart(), k -> new LinkedHashSet<>()).add(st.objectId());
                drugRoleCauses.merge(st.subjectId(), 1, Integer::sum);
            }
        }
    }

    /**
     * Whether a sentence that the model reads as an undirected association of two entities already states a
     * directed relationship between them (a cue pattern's CAUSES, TREATS, INHIBITS...): the association adds nothing.
     */
    private static boolean statedMoreExactly(List<EvidenceItem> evidence, RelationStatement st) {
        for (EvidenceItem e : evidence) {
            boolean samePair = e.subjectId().equals(st.subjectId()) && e.objectId().equals(st.objectId())
                    || e.subjectId().equals(st.objectId()) && e.objectId().equals(st.subjectId());
            if (samePair && e.predicate() != Predicate.ASSOCIATED_WITH && e.start() < st.evidenceEnd()
                    && st.evidenceStart() < e.end()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the document reports the drug causing one of the case's conditions outside the case's own text. */
    private static boolean causesOutsideCase(List<EvidenceItem> evidence, String drugId, CaseExtractor.Draft d) {
        if (drugId == null) {
            return false;
        }
        String caseText = d.text.toString();
        return evidence.stream().anyMatch(e -> e.predicate() == Predicate.CAUSES && !e.negated()
                && e.subjectId().equals(drugId) && d.conditions.contains(e.objectId()) && !caseText.contains(e.text()));
    }

    /** Titles in a reference list are the cited works' claims, not this document's. */
    private static boolean insideReferences(ParsedDocument doc, AnalyzedSentence s) {
        for (Reference r : doc.references()) {
            if (s.start() < r.end() && r.start() < s.end()) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern LINK = Pattern.compile("(?:https?://|www\\.)\\S+");

    private static boolean mostlyLink(String text) {
        Matcher m = LINK.matcher(text);
        int linked = 0;
        while (m.find()) {
            linked += m.end() - m.start();
        }
        return linked * 2 > text.length();
    }

    private void addWithParents(LexiconEntry e, Map<String, Entity> into, int depth) {
        if (into.containsKey(e.id()) || depth > 6) {
            return;
        }
        into.put(e.id(), new Entity(e.id(), e.kind(), e.name(), e.synonyms(), e.symbol(), e.parents()));
        for (String p : e.parents()) {
            recognizer.lexicon().get(p).ifPresent(pe -> addWithParents(pe, into, depth + 1));
        }
    }

    private static List<String> cited(String text, Map<Integer, String> refByNumber) {
        if (refByNumber.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        Matcher m = CITATION_MARKER.matcher(text);
        while (m.find()) {
            for (String part : m.group(1).split("\\s*,\\s*")) {
                String[] range = part.split("\\s*[–-]\\s*");
                int a = Integer.parseInt(range[0]);
                int b = range.length > 1 ? Integer.parseInt(range[1]) : a;
                for (int n = a; n <= Math.min(b, a + 50); n++) {
                    String id = refByNumber.get(n);
                    if (id != null) {
                        out.add(id);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** Splits, grounds and resolves: abbreviations defined in the text, "its", bare process heads. */
    List<AnalyzedSentence> analyse(ParsedDocument doc) {
        return analyse(doc, mentionFinder.context(doc.text()));
    }

    private List<AnalyzedSentence> analyse(ParsedDocument doc, DocumentContext mentionContext) {
        String text = doc.text();
        List<Sentence> sentences = splitAtSections(SentenceSplitter.split(text), doc.sections());
        Map<String, String> aliases = new HashMap<>();
        Map<String, Integer> expiring = new HashMap<>();
        List<AnalyzedSentence> out = new ArrayList<>(sentences.size());
        List<Section> sections = doc.sections();
        Mention previousAnchor = null;
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            final int index = i;
            expiring.entrySet().removeIf(e -> {
                if (e.getValue() < index) {
                    aliases.remove(e.getKey());
                    return true;
                }
                return false;
            });
            // the tagger and the lexicon (short forms defined in the document resolve there); process heads
            // and process abbreviations named earlier in this document are aliases of the lexicon's recogniser
            List<Mention> mentions = new ArrayList<>(mentionFinder.find(text, s.start(), s.end(), mentionContext));
            addRecognizerMentions(text, s, aliases, mentions);
            addConditionWords(text, s, mentions);
            // "Its inhibition ..." refers to the previous sentence's target (or drug)
            Matcher pronoun = PRONOUN.matcher(s.text());
            if (previousAnchor != null && pronoun.find() && !s.tableRow()) {
                int ps = s.start() + pronoun.start(1);
                int pe = s.start() + pronoun.end(1);
                if (mentions.isEmpty() || mentions.get(0).start() > pe) {
                    // a reference back, not a name: it links statements but is not an entity mention
                    mentions.add(0, new Mention(ps, pe, text.substring(ps, pe), previousAnchor.entry()));
                }
            }
            for (Mention m : mentions) {
                Matcher def = ABBREVIATION_DEF.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 16)));
                // drugs, targets and conditions: their short forms are resolved by the mention step
                if (m.entry().kind() == EntityKind.PROCESS && def.find()) {
                    String key = Tokenizer.key(def.group(1));
                    if (!key.isEmpty() && !key.contains(" ")) {
                        aliases.putIfAbsent(key, m.entry().id());
                    }
                }
                if (m.entry().kind() == EntityKind.PROCESS) {
                    // a bare head noun ("repair") soon after refers back to the process just named
                    for (String name : List.of(m.surface(), m.entry().name())) {
                        List<Token> tokens = Tokenizer.tokens(name);
                        String head = tokens.isEmpty() ? "" : tokens.get(tokens.size() - 1).term();
                        if (head.length() >= 5 && recognizer.lexicon().lookup(head).isEmpty()) {
                            aliases.put(head, m.entry().id());
                            expiring.put(head, i + 2);
                        }
                    }
                }
            }
            if (!s.tableRow()) {
                previousAnchor = mentions.stream().filter(m -> m.entry().kind() == EntityKind.TARGET).findFirst()
                        .orElse(mentions.stream().filter(m -> m.entry().kind() == EntityKind.DRUG).findFirst().orElse(null));
            }
            out.add(new AnalyzedSentence(i, s, List.copyOf(mentions), sectionOf(sections, s.start())));
        }
        return withInitialisms(text, out);
    }

    private static final Pattern INITIALISM = Pattern.compile("\\b[A-Z]{2,6}\\b");
    private static final Set<String> MINOR_WORDS = Set.of("of", "and", "the", "in", "to", "for", "with", "by", "on", "or");

    /**
     * An undefined capitalised short form that spells the initials of exactly one multi-word entity the document
     * names ("ILD" where "interstitial lung disease" is named, though never defined as "(ILD)") is a mention of it.
     */
    private static List<AnalyzedSentence> withInitialisms(String text, List<AnalyzedSentence> sentences) {
        Map<String, LexiconEntry> byInitials = new HashMap<>();
        Set<String> ambiguous = new java.util.HashSet<>();
        for (AnalyzedSentence s : sentences) {
            for (Mention m : s.mentions()) {
                String ini = initialsOf(m.surface());
                if (ini == null || ambiguous.contains(ini)) {
                    continue;
                }
                LexiconEntry old = byInitials.putIfAbsent(ini, m.entry());
                if (old != null && !old.id().equals(m.entry().id())) {
                    byInitials.remove(ini);
                    ambiguous.add(ini);
                }
            }
        }
        if (byInitials.isEmpty()) {
            return sentences;
        }
        List<AnalyzedSentence> out = new ArrayList<>(sentences.size());
        for (AnalyzedSentence s : sentences) {
            List<Mention> mentions = null;
            Matcher m = INITIALISM.matcher(text).region(s.start(), s.end());
            while (m.find()) {
                LexiconEntry e = byInitials.get(m.group().toLowerCase(java.util.Locale.ROOT));
                if (e == null) {
                    continue;
                }
                List<Mention> current = mentions == null ? s.mentions() : mentions;
                boolean free = true;
                for (Mention o : current) {
                    if (o.start() < m.end() && m.start() < o.end()) {
                        free = false;
                        break;
                    }
                }
                if (free) {
                    if (mentions == null) {
                        mentions = new ArrayList<>(s.mentions());
                    }
                    mentions.add(new Mention(m.start(), m.end(), m.group(), e));
                }
            }
            if (mentions == null) {
                out.add(s);
            } else {
                mentions.sort(java.util.Comparator.comparingInt(Mention::start));
                out.add(new AnalyzedSentence(s.index(), s.sentence(), List.copyOf(mentions), s.section()));
            }
        }
        return out;
    }

    /** The lower-case initials of a name of two to six words (minor words left out), or null. */
    private static String initialsOf(String surface) {
        StringBuilder b = new StringBuilder();
        int words = 0;
        for (String w : surface.split("[^\\p{L}\\p{N}]+")) {
            if (w.isEmpty() || MINOR_WORDS.contains(w.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            if (!Character.isLetter(w.charAt(0))) {
                return null;
            }
            b.append(Character.toLowerCase(w.charAt(0)));
            words++;
        }
        return words >= 2 && words <= 6 ? b.toString() : null;
    }

    /** A word shaped like the name of a disease (-osis, -itis, -pathy, -emia), in lower case after its first letter. */
    private static final Pattern CONDITION_WORD =
            Pattern.compile("\\b[A-Za-z][a-z]{3,}(?:osis|itis|opathy|aemia|emia)\\b");
    /** Words of that shape that name no condition. */
    private static final Set<String> NOT_CONDITIONS = Set.of("diagnosis", "prognosis", "osmosis", "symbiosis",
            "mitosis", "meiosis", "metamorphosis", "anastomosis", "hypnosis", "apoptosis", "ptosis");

    /**
     * A single word shaped like a disease name that neither the tagger nor the lexicon grounded
     * ("phospholipidosis", "pneumatosis") is a condition of its own ({@code LG:condition/...}, as the tagger names
     * what the vocabularies lack), where no other mention covers it.
     */
    private void addConditionWords(String text, Sentence s, List<Mention> mentions) {
        Matcher m = CONDITION_WORD.matcher(text).region(s.start(), s.end());
        boolean added = false;
        while (m.find()) {
            String word = m.group().toLowerCase(java.util.Locale.ROOT);
            if (NOT_CONDITIONS.contains(word) || !recognizer.lexicon().lookup(word).isEmpty()) {
                continue;
            }
            boolean free = true;
            for (Mention o : mentions) {
                if (o.start() < m.end() && m.start() < o.end()) {
                    free = false;
                    break;
                }
            }
            if (free) {
                LexiconEntry e = new LexiconEntry("LG:condition/" + word, EntityKind.CONDITION, word, List.of(),
                        List.of(), null);
                mentions.add(new Mention(m.start(), m.end(), m.group(), e));
                added = true;
            }
        }
        if (added) {
            mentions.sort(java.util.Comparator.comparingInt(Mention::start));
        }
    }

    /**
     * Adds what the tagger does not learn, from the lexicon's recogniser, where no mention of the sentence overlaps:
     * processes (GO names and processes composed from an anatomical phrase and a process noun, "alveolar epithelial
     * cell repair") and alias mentions (document-local names).
     */
    private void addRecognizerMentions(String text, Sentence s, Map<String, String> aliases, List<Mention> mentions) {
        boolean added = false;
        // only processes and alias mentions are kept: sentences that can have neither are not read
        for (Mention m : recognizer.findProcessesOrAliases(text, s.start(), s.end(), aliases)) {
            String alias = aliases.isEmpty() ? null : aliases.get(Tokenizer.key(m.surface()));
            boolean aliasMention = alias != null && alias.equals(m.entry().id());
            if (!aliasMention && m.entry().kind() != EntityKind.PROCESS) {
                continue;
            }
            boolean free = true;
            for (Mention o : mentions) {
                if (o.start() < m.end() && m.start() < o.end()) {
                    free = false;
                    break;
                }
            }
            if (free) {
                mentions.add(m);
                added = true;
            }
        }
        if (added) {
            mentions.sort(java.util.Comparator.comparingInt(Mention::start));
        }
    }

    /**
     * Where the document names each entity: offsets of every sentence mention, in reading order
     * (a pronoun standing for an entity, "its", is a reference, not a mention, and is left out).
     */
    static List<DocumentGraph.Mention> mentionSpans(List<AnalyzedSentence> sentences,
                                                    List<org.litgraph.ingest.ner.Abbreviations.Abbreviation> abbreviations) {
        Map<String, List<Integer>> starts = new LinkedHashMap<>();
        Map<String, List<Integer>> ends = new HashMap<>();
        Map<Integer, String> entityAt = new HashMap<>();
        for (AnalyzedSentence s : sentences) {
            for (Mention m : s.mentions()) {
                if (PRONOUN_SURFACE.matcher(m.surface()).matches()) {
                    continue;
                }
                starts.computeIfAbsent(m.entry().id(), k -> new ArrayList<>()).add(m.start());
                ends.computeIfAbsent(m.entry().id(), k -> new ArrayList<>()).add(m.end());
                entityAt.put(m.start(), m.entry().id() + "\t" + m.end());
            }
        }
        // abbreviations the document defines for an entity: its short form where it is defined, "(ILD)", is a
        // mention of the entity
        Map<String, Set<String>> shortForms = new HashMap<>();
        for (var ab : abbreviations) {
            String at = entityAt.get(ab.shortStart());
            if (at != null && at.endsWith("\t" + ab.shortEnd())) {
                shortForms.computeIfAbsent(at.substring(0, at.indexOf('\t')), k -> new java.util.TreeSet<>())
                        .add(ab.shortForm());
            }
        }
        List<DocumentGraph.Mention> out = new ArrayList<>(starts.size());
        starts.forEach((id, st) -> out.add(new DocumentGraph.Mention(id, st.size(), st, ends.get(id),
                List.copyOf(shortForms.getOrDefault(id, Set.of())))));
        return out;
    }

    private static final Pattern PRONOUN_SURFACE = Pattern.compile("(?i)its?");

    /** Section starts are sentence boundaries too (a PubMed title has no final full stop). */
    static List<Sentence> splitAtSections(List<Sentence> sentences, List<Section> sections) {
        if (sections.isEmpty()) {
            return sentences;
        }
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
        for (Section sec : sections) {
            cuts.add(sec.start());
            cuts.add(sec.end());
        }
        List<Sentence> out = new ArrayList<>(sentences.size() + 2);
        for (Sentence s : sentences) {
            Integer cut = cuts.higher(s.start());
            if (cut == null || cut >= s.end()) {
                out.add(s);
                continue;
            }
            int from = s.start();
            while (cut != null && cut < s.end()) {
                addStripped(s, from, cut, out);
                from = cut;
                cut = cuts.higher(cut);
            }
            addStripped(s, from, s.end(), out);
        }
        return out;
    }

    private static void addStripped(Sentence s, int from, int to, List<Sentence> out) {
        String t = s.text().substring(from - s.start(), to - s.start());
        int a = 0;
        int b = t.length();
        while (a < b && Character.isWhitespace(t.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(t.charAt(b - 1))) {
            b--;
        }
        if (b > a) {
            out.add(new Sentence(from + a, from + b, t.substring(a, b), s.tableRow()));
        }
    }

    private static String sectionOf(List<Section> sections, int offset) {
        String title = null;
        for (Section sec : sections) {
            if (sec.start() <= offset && offset < Math.max(sec.end(), sec.start() + 1)) {
                title = sec.title();
            }
        }
        return title == null ? null : title.toLowerCase(Locale.ROOT).length() > 200 ? title.substring(0, 200) : title;
    }
}
