package org.litgraph.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.litgraph.graph.DocumentGraph.CaseRecord;
import org.litgraph.graph.DocumentGraph.Causality;
import org.litgraph.graph.DocumentGraph.DocumentInfo;
import org.litgraph.graph.DocumentGraph.Entity;
import org.litgraph.graph.DocumentGraph.EvidenceItem;
import org.litgraph.graph.DocumentGraph.Exposure;
import org.litgraph.graph.DocumentGraph.Mention;
import org.litgraph.graph.DocumentGraph.ReferenceRecord;
import org.litgraph.graph.DocumentGraph.ReferenceRole;
import org.litgraph.graph.ImportCsv.Column;
import org.litgraph.graph.ImportCsv.Type;
import org.litgraph.graph.ImportCsv.Unrepresentable;

/**
 * Writes {@link DocumentGraph}s as the CSV files of Neo4j's offline importer
 * ({@code neo4j-admin database import full}): the same graph {@link GraphWriter} writes through
 * Cypher, built from the same row maps (GraphWriter's row builders), with the same merge rules.
 *
 * <p>Per-document content (the Document, its Evidence and Cases and their links, MENTIONS,
 * PUBLISHED_AS/CITES) is streamed to the files as it comes. What spans documents is resolved in
 * bounded memory: entities (bounded by the vocabulary, not the corpus) are folded in a map as
 * {@code SET e += props} would; references and claims (corpus-sized) go through an external sort
 * and are folded or aggregated at {@link #finish()} — a reference's properties as successive
 * {@code SET r += props}, a claim's relationship exactly as {@code recompute-claims} computes it
 * over all its evidence; a Condition that a Drug CAUSES carries {@code :AdverseEvent}.
 *
 * <p>A document the files cannot hold exactly is not written and {@link #add} says why: its id
 * repeats in this load (a later version must replace the earlier one, which is what the
 * transactional path does), or a value has no CSV form (a list element holding U+001F, a NUL), or
 * it refers to an entity or reference outside itself. The caller writes those documents through
 * {@link GraphWriter} after the import. Empty lists, which the importer never stores, are listed
 * in {@code empty-lists.tsv} for {@link #applyEmptyLists}.
 */
public final class ImportFiles implements AutoCloseable {
    /** Name of the list of empty-list properties to set after the import. */
    public static final String EMPTY_LISTS = "empty-lists.tsv";

    private static final String DOCUMENT = "Document";
    private static final String ENTITY = "Entity";
    private static final String EVIDENCE = "Evidence";
    private static final String CASE = "Case";
    private static final String REFERENCE = "Reference";
    private static final String EVENT = "Event";
    private static final String PASSAGE = "Passage";
    private static final String ADVERSE_EVENT = "AdverseEvent";
    private static final String MENTIONS = "MENTIONS";

    // property columns, derived from GraphWriter's own row builders on fully populated samples
    private static final List<Column> DOCUMENT_COLUMNS = ImportCsv.columns(documentProps(Samples.DOCUMENT, 1));
    private static final List<Column> PASSAGE_COLUMNS = ImportCsv.columns(props(GraphWriter.passageRow("d", Samples.PASSAGE)));
    private static final List<Column> ENTITY_COLUMNS = ImportCsv.columns(props(GraphWriter.entityRow(Samples.ENTITY)));
    private static final List<Column> EVIDENCE_COLUMNS = ImportCsv.columns(props(GraphWriter.evidenceRow("d", Samples.EVIDENCE)));
    private static final List<Column> CASE_COLUMNS = ImportCsv.columns(props(GraphWriter.caseRow("d", Samples.CASE)));
    private static final List<Column> RECEIVED_COLUMNS = ImportCsv.columns(
            props(maps(GraphWriter.caseRow("d", Samples.CASE).get("exposures")).get(0)));
    private static final List<Column> PRESENTED_COLUMNS = List.of(new Column("reaction", Type.BOOLEAN));
    private static final List<Column> STATED_COLUMNS = ImportCsv.columns(
            maps(GraphWriter.caseRow("d", Samples.CASE).get("sources")).get(0));
    private static final List<Column> EVENT_COLUMNS = ImportCsv.columns(props(GraphWriter.eventRow("d", Samples.EVENT)));
    private static final List<Column> REFERENCE_COLUMNS = ImportCsv.columns(props(GraphWriter.referenceRow("d", Samples.REFERENCE)));
    private static final List<Column> NUMBER_COLUMNS = List.of(new Column("number", Type.LONG));
    private static final List<Column> MENTION_COLUMNS = ImportCsv.columns(mentionProps(GraphWriter.mentionRow("d", Samples.MENTION)));
    /** The claim relationship's properties, as {@code recompute-claims} sets them. */
    private static final List<Column> CLAIM_COLUMNS = List.of(new Column("claimId", Type.STRING),
            new Column("confidence", Type.DOUBLE), new Column("documentCount", Type.LONG),
            new Column("evidenceCount", Type.LONG), new Column("hedgedCount", Type.LONG),
            new Column("negatedCount", Type.LONG));

    /** What {@link #add} did with a document. */
    public record Added(boolean written, String reason) {
        static final Added WRITTEN = new Added(true, null);

        static Added deferred(String reason) {
            return new Added(false, reason);
        }
    }

    /** One input group of the importer: nodes with a label, or relationships with a type (null: a :TYPE column). */
    public record Input(boolean nodes, String labelOrType, Path file, boolean multiline) {
        String argument(Path relativeTo) {
            Path f = relativeTo == null ? file : relativeTo.relativize(file);
            return (nodes ? "--nodes=" : "--relationships=") + (labelOrType == null ? "" : labelOrType + "=") + f;
        }
    }

    /** The files written and what they hold. */
    public record Summary(Path directory, List<Input> inputs, long documentsWritten, long documentsDeferred,
                          Map<String, Long> nodes, Map<String, Long> relationships, long emptyLists, Duration finishTime) {
        public Summary {
            inputs = List.copyOf(inputs);
            nodes = java.util.Collections.unmodifiableMap(new TreeMap<>(nodes));
            relationships = java.util.Collections.unmodifiableMap(new TreeMap<>(relationships));
        }

        public long nodeCount() {
            return nodes.values().stream().mapToLong(Long::longValue).sum();
        }

        public long relationshipCount() {
            return relationships.values().stream().mapToLong(Long::longValue).sum();
        }

        /**
         * The importer's options and inputs (everything after {@code neo4j-admin database import full}
         * but the database name); file paths relative to {@code relativeTo}, or absolute when null.
         */
        public List<String> arguments(Path relativeTo) {
            List<String> args = new ArrayList<>();
            args.add("--array-delimiter=" + ImportCsv.ARRAY_DELIMITER_OPTION);
            List<String> multiline = new ArrayList<>();
            for (Input in : inputs) {
                args.add(in.argument(relativeTo));
                if (in.multiline()) {
                    multiline.add(String.valueOf(relativeTo == null ? in.file() : relativeTo.relativize(in.file())));
                }
            }
            if (!multiline.isEmpty()) {
                args.add("--multiline-fields-format=v2");
                args.add("--multiline-fields=" + String.join(",", multiline));
            }
            return args;
        }
    }

    private final Path dir;
    private final SeenFilter seen;
    private final ExternalSort claims;
    private final ExternalSort references;
    private final Writer emptyLists;
    private final Map<String, EntityState> entities = new HashMap<>();
    private final Set<String> hierarchy = new LinkedHashSet<>();
    private final Map<ImportCsv.File, Pending> pending = new LinkedHashMap<>();
    private final List<Runnable> onCommit = new ArrayList<>();
    private final List<String[]> emptyListsPending = new ArrayList<>();
    private final StringBuilder scratch = new StringBuilder(1024);

    private final ImportCsv.File documents;
    private final ImportCsv.File entityNodes;
    private final ImportCsv.File evidenceNodes;
    private final ImportCsv.File caseNodes;
    private final ImportCsv.File referenceNodes;
    private final ImportCsv.File mentions;
    private final ImportCsv.File documentReferences;
    private final ImportCsv.File evidenceFrom;
    private final ImportCsv.File evidenceSubject;
    private final ImportCsv.File evidenceObject;
    private final ImportCsv.File evidenceCites;
    private final ImportCsv.File caseReported;
    private final ImportCsv.File caseReceived;
    private final ImportCsv.File casePresented;
    private final ImportCsv.File caseDescribed;
    private final ImportCsv.File caseHistory;
    private final ImportCsv.File caseStated;
    private final ImportCsv.File eventNodes;
    private final ImportCsv.File passageNodes;
    private final ImportCsv.File passageIn;
    private final ImportCsv.File eventFrom;
    private final ImportCsv.File isA;
    private final ImportCsv.File claimRels;
    private final List<Input> inputs = new ArrayList<>();
    private final Map<ImportCsv.File, Input> inputOf = new LinkedHashMap<>();

    private long written;
    private long deferred;
    private long emptyListCount;
    private boolean finished;

    private ImportFiles(Path dir, long expectedDocuments, long sortBudgetBytes) throws IOException {
        this.dir = dir;
        this.seen = new SeenFilter(expectedDocuments);
        this.claims = new ExternalSort(dir, "claims", sortBudgetBytes / 2);
        this.references = new ExternalSort(dir, "references", sortBudgetBytes / 2);
        this.emptyLists = Files.newBufferedWriter(dir.resolve(EMPTY_LISTS), StandardCharsets.UTF_8);
        documents = nodes("nodes-document", DOCUMENT, DOCUMENT, false, DOCUMENT_COLUMNS);
        entityNodes = nodes("nodes-entity", null, ENTITY, true, ENTITY_COLUMNS);
        evidenceNodes = nodes("nodes-evidence", EVIDENCE, EVIDENCE, false, EVIDENCE_COLUMNS);
        caseNodes = nodes("nodes-case", CASE, CASE, false, CASE_COLUMNS);
        eventNodes = nodes("nodes-event", EVENT, EVENT, false, EVENT_COLUMNS);
        passageNodes = nodes("nodes-passage", PASSAGE, PASSAGE, false, PASSAGE_COLUMNS);
        referenceNodes = nodes("nodes-reference", REFERENCE, REFERENCE, false, REFERENCE_COLUMNS);
        mentions = rels("rels-mentions", MENTIONS, DOCUMENT, ENTITY, MENTION_COLUMNS);
        documentReferences = rels("rels-document-reference", null, DOCUMENT, REFERENCE, NUMBER_COLUMNS);
        evidenceFrom = rels("rels-evidence-from", "FROM", EVIDENCE, DOCUMENT, List.of());
        evidenceSubject = rels("rels-evidence-subject", "SUBJECT", EVIDENCE, ENTITY, List.of());
        evidenceObject = rels("rels-evidence-object", "OBJECT", EVIDENCE, ENTITY, List.of());
        evidenceCites = rels("rels-evidence-cites", "CITES", EVIDENCE, REFERENCE, List.of());
        caseReported = rels("rels-case-reported-in", "REPORTED_IN", CASE, DOCUMENT, List.of());
        caseReceived = rels("rels-case-received", "RECEIVED", CASE, ENTITY, RECEIVED_COLUMNS);
        casePresented = rels("rels-case-presented-with", "PRESENTED_WITH", CASE, ENTITY, PRESENTED_COLUMNS);
        caseDescribed = rels("rels-case-described-in", "DESCRIBED_IN", CASE, REFERENCE, List.of());
        caseHistory = rels("rels-case-history-of", "HISTORY_OF", CASE, ENTITY, List.of());
        caseStated = rels("rels-case-stated-in", "STATED_IN", CASE, DOCUMENT, STATED_COLUMNS);
        eventFrom = rels("rels-event-from", "FROM", EVENT, DOCUMENT, List.of());
        passageIn = rels("rels-passage-in", "IN", PASSAGE, DOCUMENT, List.of());
        isA = rels("rels-is-a", "IS_A", ENTITY, ENTITY, List.of());
        claimRels = rels("rels-claims", null, ENTITY, ENTITY, CLAIM_COLUMNS);
    }

    /**
     * Starts a set of import files in {@code dir} (created; files of an earlier set are replaced).
     *
     * @param expectedDocuments a rough count, to size the duplicate-id filter
     * @param sortBudgetBytes   heap for sorting claims and references before they spill to disk
     */
    public static ImportFiles create(Path dir, long expectedDocuments, long sortBudgetBytes) {
        try {
            Files.createDirectories(dir);
            return new ImportFiles(dir, expectedDocuments, sortBudgetBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write import files in " + dir, e);
        }
    }

    public Path directory() {
        return dir;
    }

    private ImportCsv.File nodes(String name, String label, String idSpace, boolean labelColumn, List<Column> columns)
            throws IOException {
        StringBuilder h = new StringBuilder("id:ID(" + idSpace + ")");
        if (labelColumn) {
            h.append(",:LABEL");
        }
        for (Column c : columns) {
            h.append(',').append(c.header());
        }
        ImportCsv.File f = new ImportCsv.File(dir, name, h.toString());
        inputOf.put(f, new Input(true, label, f.path, false));
        return f;
    }

    private ImportCsv.File rels(String name, String type, String from, String to, List<Column> columns) throws IOException {
        StringBuilder h = new StringBuilder(":START_ID(" + from + "),:END_ID(" + to + ")");
        if (type == null) {
            h.append(",:TYPE");
        }
        for (Column c : columns) {
            h.append(',').append(c.header());
        }
        ImportCsv.File f = new ImportCsv.File(dir, name, h.toString());
        inputOf.put(f, new Input(false, type, f.path, false));
        return f;
    }

    // ---------------------------------------------------------------- per document

    /** Writes one document's content, or leaves it to the transactional path and says why. */
    public Added add(DocumentGraph g) {
        if (finished) {
            throw new IllegalStateException("import files already finished");
        }
        String docId = g.document().id();
        if (seen.addAndCheck(docId)) {
            deferred++;
            return Added.deferred("document id seen earlier in this load: " + docId);
        }
        try {
            render(g);
        } catch (Unrepresentable e) {
            discard();
            deferred++;
            return Added.deferred(e.getMessage());
        }
        commit();
        written++;
        return Added.WRITTEN;
    }

    private void render(DocumentGraph g) throws Unrepresentable {
        DocumentInfo d = g.document();
        String docId = d.id();
        Map<String, EntityKind> kinds = new HashMap<>();
        for (Entity e : g.entities()) {
            EntityKind old = kinds.putIfAbsent(e.id(), e.kind());
            if (old != null && old != e.kind()) {
                throw new Unrepresentable("entity " + e.id() + " given two kinds");
            }
        }
        Set<String> refIds = new HashSet<>();
        for (ReferenceRecord r : g.references()) {
            refIds.add(r.id());
        }

        // the document
        node(documents, DOCUMENT, docId, null, documentProps(d, g.passages().size()), DOCUMENT_COLUMNS);

        // passages (MERGE (p:Passage {id}) SET p += props, MERGE (p)-[:IN]->(d))
        Set<String> passageIds = new HashSet<>();
        for (DocumentGraph.Passage p : g.passages()) {
            if (!passageIds.add(p.id())) {
                throw new Unrepresentable("passage id repeated in one document: " + p.id());
            }
            node(passageNodes, PASSAGE, p.id(), null, props(GraphWriter.passageRow(docId, p)), PASSAGE_COLUMNS);
            rel(passageIn, p.id(), docId, null, Map.of(), List.of());
        }

        // entities and their hierarchy are merged across documents at commit
        List<Entity> docEntities = g.entities();
        onCommit.add(() -> docEntities.forEach(this::addEntity));

        // mentions
        for (Mention m : g.mentions()) {
            if (!kinds.containsKey(m.entityId())) {
                throw new Unrepresentable("a mention of an entity the document does not hold: " + m.entityId());
            }
            rel(mentions, docId, m.entityId(), null, mentionProps(GraphWriter.mentionRow(docId, m)), MENTION_COLUMNS,
                    MENTIONS);
        }

        // references: the records fold across documents (SET r += props); the document's links merge per type
        Map<String, Integer> docRefLinks = new LinkedHashMap<>();
        for (ReferenceRecord r : g.references()) {
            Map<String, Object> row = GraphWriter.referenceRow(docId, r);
            Map<String, Object> p = props(row);
            String[] fields = spillFields(p, REFERENCE_COLUMNS);
            String key = r.role().name() + "\u0000" + r.id();
            docRefLinks.put(key, r.number()); // MERGE the link, SET rel.number: the last row wins
            onCommit.add(() -> references.add(r.id(), fields));
        }
        for (Map.Entry<String, Integer> link : docRefLinks.entrySet()) {
            int sep = link.getKey().indexOf('\u0000');
            String type = link.getKey().substring(0, sep);
            String refId = link.getKey().substring(sep + 1);
            Map<String, Object> p = new HashMap<>();
            p.put("number", link.getValue());
            rel(documentReferences, docId, refId, type, p, NUMBER_COLUMNS);
        }

        // evidence
        Set<String> evidenceIds = new HashSet<>();
        for (EvidenceItem e : g.evidence()) {
            if (!evidenceIds.add(e.id())) {
                throw new Unrepresentable("evidence id repeated in one document: " + e.id());
            }
            if (!kinds.containsKey(e.subjectId()) || !kinds.containsKey(e.objectId())) {
                throw new Unrepresentable("evidence about an entity the document does not hold: " + e.id());
            }
            Map<String, Object> row = GraphWriter.evidenceRow(docId, e);
            node(evidenceNodes, EVIDENCE, e.id(), null, props(row), EVIDENCE_COLUMNS);
            rel(evidenceFrom, e.id(), docId, null, Map.of(), List.of());
            rel(evidenceSubject, e.id(), e.subjectId(), null, Map.of(), List.of());
            rel(evidenceObject, e.id(), e.objectId(), null, Map.of(), List.of());
            for (String refId : new LinkedHashSet<>(e.citedReferenceIds())) {
                if (!refIds.contains(refId)) {
                    throw new Unrepresentable("evidence citing a reference the document does not hold: " + refId);
                }
                rel(evidenceCites, e.id(), refId, null, Map.of(), List.of());
            }
            String[] claim = {e.predicate().name(), e.subjectId(), e.objectId(), docId, e.negated() ? "1" : "0",
                    e.hedged() ? "1" : "0", Double.toString(e.weight())};
            String claimId = e.claimId();
            onCommit.add(() -> claims.add(claimId, claim));
        }

        // cases
        Set<String> caseIds = new HashSet<>();
        for (CaseRecord c : g.cases()) {
            if (!caseIds.add(c.id())) {
                throw new Unrepresentable("case id repeated in one document: " + c.id());
            }
            Map<String, Object> row = GraphWriter.caseRow(docId, c);
            node(caseNodes, CASE, c.id(), null, props(row), CASE_COLUMNS);
            rel(caseReported, c.id(), docId, null, Map.of(), List.of());
            Map<String, Map<String, Object>> received = new LinkedHashMap<>();
            for (Map<String, Object> x : maps(row.get("exposures"))) {
                String drug = (String) x.get("drug");
                EntityKind kind = kinds.get(drug);
                if (kind == null) {
                    throw new Unrepresentable("an exposure to a drug the document does not hold: " + drug);
                }
                if (kind == EntityKind.DRUG) {
                    fold(received.computeIfAbsent(drug, k -> new LinkedHashMap<>()), props(x));
                }
            }
            for (Map.Entry<String, Map<String, Object>> x : received.entrySet()) {
                rel(caseReceived, c.id(), x.getKey(), null, x.getValue(), RECEIVED_COLUMNS);
            }
            Set<String> reactions = new HashSet<>(c.details().reactionIds());
            for (String conditionId : new LinkedHashSet<>(c.conditionIds())) {
                EntityKind kind = kinds.get(conditionId);
                if (kind == null) {
                    throw new Unrepresentable("a case condition the document does not hold: " + conditionId);
                }
                if (kind == EntityKind.CONDITION) {
                    // SET p.reaction = conditionId IN row.reactions
                    rel(casePresented, c.id(), conditionId, null, Map.of("reaction", reactions.contains(conditionId)),
                            PRESENTED_COLUMNS);
                }
            }
            for (String conditionId : new LinkedHashSet<>(c.details().historyIds())) {
                EntityKind kind = kinds.get(conditionId);
                if (kind == null) {
                    throw new Unrepresentable("a case history condition the document does not hold: " + conditionId);
                }
                if (kind == EntityKind.CONDITION) {
                    rel(caseHistory, c.id(), conditionId, null, Map.of(), List.of());
                }
            }
            // MERGE (c)-[f:STATED_IN {field, start, end}]->(d) SET f += s: one per key, folded in order
            Map<List<Object>, Map<String, Object>> stated = new LinkedHashMap<>();
            for (Map<String, Object> src : maps(row.get("sources"))) {
                List<Object> key = java.util.Arrays.asList(src.get("field"), src.get("start"), src.get("end"));
                fold(stated.computeIfAbsent(key, k -> new LinkedHashMap<>()), src);
            }
            for (Map<String, Object> src : stated.values()) {
                rel(caseStated, c.id(), docId, null, src, STATED_COLUMNS);
            }
            for (String refId : new LinkedHashSet<>(c.citedReferenceIds())) {
                if (!refIds.contains(refId)) {
                    throw new Unrepresentable("a case citing a reference the document does not hold: " + refId);
                }
                rel(caseDescribed, c.id(), refId, null, Map.of(), List.of());
            }
        }

        // drug–effect events
        Set<String> eventIds = new HashSet<>();
        for (DocumentGraph.EventRecord e : g.events()) {
            if (!eventIds.add(e.id())) {
                throw new Unrepresentable("event id repeated in one document: " + e.id());
            }
            node(eventNodes, EVENT, e.id(), null, props(GraphWriter.eventRow(docId, e)), EVENT_COLUMNS);
            rel(eventFrom, e.id(), docId, null, Map.of(), List.of());
        }
    }

    /** Renders a node row into the pending buffer; empty lists are noted for the fix-up. */
    private void node(ImportCsv.File file, String label, String id, String labels, Map<String, Object> props,
                      List<Column> columns) throws Unrepresentable {
        StringBuilder b = scratch;
        b.setLength(0);
        boolean multiline = ImportCsv.quoted(b, id, false);
        if (labels != null) {
            b.append(ImportCsv.DELIMITER);
            multiline |= ImportCsv.quoted(b, labels, false);
        }
        multiline |= properties(b, props, columns, label, id, null);
        b.append('\n');
        pending(file).add(b, multiline);
    }

    private void rel(ImportCsv.File file, String from, String to, String type, Map<String, Object> props,
                     List<Column> columns) throws Unrepresentable {
        rel(file, from, to, type, props, columns, null);
    }

    /** {@code fixupType}: the relationship type set-empty-lists can address (MENTIONS), or null. */
    private void rel(ImportCsv.File file, String from, String to, String type, Map<String, Object> props,
                     List<Column> columns, String fixupType) throws Unrepresentable {
        StringBuilder b = scratch;
        b.setLength(0);
        boolean multiline = ImportCsv.quoted(b, from, false);
        b.append(ImportCsv.DELIMITER);
        multiline |= ImportCsv.quoted(b, to, false);
        if (type != null) {
            b.append(ImportCsv.DELIMITER).append(type);
        }
        multiline |= properties(b, props, columns, fixupType, from, to);
        b.append('\n');
        pending(file).add(b, multiline);
    }

    /**
     * Appends the property fields. An empty list is left out and noted for set-empty-lists under
     * {@code label} (a node label, or MENTIONS with the relationship's end ids {@code id}, {@code to}).
     */
    private boolean properties(StringBuilder b, Map<String, Object> props, List<Column> columns, String label, String id,
                               String to) throws Unrepresentable {
        boolean multiline = false;
        int known = 0;
        for (Column c : columns) {
            b.append(ImportCsv.DELIMITER);
            Object v = props.get(c.key());
            if (props.containsKey(c.key())) {
                known++;
            }
            if (v instanceof List<?> l && l.isEmpty()) {
                if (label == null || !EMPTY_LIST_PARAMETERS.containsKey(label)) {
                    throw new Unrepresentable("an empty list the fix-up cannot set (" + label + "." + c.key() + ")");
                }
                emptyListsPending.add(new String[] {label, c.key(), id, to == null ? "" : to});
                continue;
            }
            multiline |= ImportCsv.append(b, v, c.type());
        }
        if (known != props.size()) {
            Set<String> unknown = new HashSet<>(props.keySet());
            columns.forEach(c -> unknown.remove(c.key()));
            throw new IllegalStateException("row properties without an import column: " + unknown
                    + " (ImportFiles derives its columns from GraphWriter's sample rows)");
        }
        return multiline;
    }

    private Pending pending(ImportCsv.File f) {
        return pending.computeIfAbsent(f, k -> new Pending());
    }

    private void commit() {
        for (Map.Entry<ImportCsv.File, Pending> e : pending.entrySet()) {
            Pending p = e.getValue();
            if (p.singleRows > 0) {
                e.getKey().write(p.single, false, p.singleRows);
            }
            if (p.multiRows > 0) {
                e.getKey().write(p.multi, true, p.multiRows);
            }
            p.clear();
        }
        onCommit.forEach(Runnable::run);
        onCommit.clear();
        for (String[] x : emptyListsPending) {
            writeEmptyList(x);
        }
        emptyListsPending.clear();
    }

    private void discard() {
        pending.values().forEach(Pending::clear);
        onCommit.clear();
        emptyListsPending.clear();
    }

    /** One line: label (or MENTIONS), key, id, end id (relationships), tab-separated. */
    private void writeEmptyList(String[] x) {
        try {
            emptyLists.write(x[0]);
            emptyLists.write('\t');
            emptyLists.write(x[1]);
            emptyLists.write('\t');
            emptyLists.write(escapeTsv(x[2]));
            emptyLists.write('\t');
            emptyLists.write(escapeTsv(x[3]));
            emptyLists.write('\n');
            emptyListCount++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(EMPTY_LISTS), e);
        }
    }

    /** Rows of one file rendered for the current document, committed together or not at all. */
    private static final class Pending {
        final StringBuilder single = new StringBuilder();
        final StringBuilder multi = new StringBuilder();
        int singleRows;
        int multiRows;

        void add(CharSequence row, boolean multiline) {
            if (multiline) {
                multi.append(ImportCsv.MULTILINE_ROW_PREFIX).append(row);
                multiRows++;
            } else {
                single.append(row);
                singleRows++;
            }
        }

        void clear() {
            if (single.capacity() > 1 << 20) {
                single.setLength(0);
                single.trimToSize();
            }
            if (multi.capacity() > 1 << 20) {
                multi.setLength(0);
                multi.trimToSize();
            }
            single.setLength(0);
            multi.setLength(0);
            singleRows = 0;
            multiRows = 0;
        }
    }

    // ---------------------------------------------------------------- across documents

    /** An entity as merge-entities leaves it: its labels, and its properties folded row after row. */
    private static final class EntityState {
        Entity last;
        final Map<String, Object> props = new LinkedHashMap<>();
        final Set<String> labels = new LinkedHashSet<>();
    }

    private void addEntity(Entity e) {
        EntityState s = entities.get(e.id());
        if (s != null && e.equals(s.last)) {
            return; // the same row again: SET e += props changes nothing
        }
        if (s == null) {
            s = new EntityState();
            entities.put(e.id(), s);
        }
        s.last = e;
        Map<String, Object> row = GraphWriter.entityRow(e);
        s.labels.add((String) row.get("label"));
        fold(s.props, props(row));
        for (String parent : e.parents()) {
            hierarchy.add(e.id() + "\u0000" + parent);
        }
    }

    /** {@code SET x += props}: a null removes the key, anything else sets it. */
    private static void fold(Map<String, Object> into, Map<String, Object> props) {
        props.forEach((k, v) -> {
            if (v == null) {
                into.remove(k);
            } else {
                into.put(k, v);
            }
        });
    }

    /** Writes what spans documents (claims, entities, hierarchy, references) and closes the files. */
    public Summary finish() {
        if (finished) {
            throw new IllegalStateException("import files already finished");
        }
        finished = true;
        long t0 = System.nanoTime();
        try {
            Set<String> adverseEvents = writeClaims();
            writeEntities(adverseEvents);
            writeHierarchy();
            writeReferences();
        } catch (Unrepresentable e) {
            throw new IllegalStateException("a merged row could not be written: " + e.getMessage(), e);
        } finally {
            close();
        }
        Map<String, Long> nodeCounts = new LinkedHashMap<>();
        nodeCounts.put(DOCUMENT, documents.total());
        nodeCounts.put(ENTITY, entityNodes.total());
        nodeCounts.put(EVIDENCE, evidenceNodes.total());
        nodeCounts.put(CASE, caseNodes.total());
        nodeCounts.put(EVENT, eventNodes.total());
        nodeCounts.put(PASSAGE, passageNodes.total());
        nodeCounts.put(REFERENCE, referenceNodes.total());
        Map<String, Long> relCounts = new LinkedHashMap<>();
        relCounts.put(MENTIONS, mentions.total());
        relCounts.put("PUBLISHED_AS|CITES (document)", documentReferences.total());
        relCounts.put("FROM", evidenceFrom.total());
        relCounts.put("FROM (event)", eventFrom.total());
        relCounts.put("IN", passageIn.total());
        relCounts.put("SUBJECT", evidenceSubject.total());
        relCounts.put("OBJECT", evidenceObject.total());
        relCounts.put("CITES (evidence)", evidenceCites.total());
        relCounts.put("REPORTED_IN", caseReported.total());
        relCounts.put("RECEIVED", caseReceived.total());
        relCounts.put("PRESENTED_WITH", casePresented.total());
        relCounts.put("DESCRIBED_IN", caseDescribed.total());
        relCounts.put("HISTORY_OF", caseHistory.total());
        relCounts.put("STATED_IN", caseStated.total());
        relCounts.put("IS_A", isA.total());
        relCounts.put("claims", claimRels.total());
        List<Input> in = new ArrayList<>();
        for (Map.Entry<ImportCsv.File, Input> e : inputOf.entrySet()) {
            Input base = e.getValue();
            in.add(base);
            if (e.getKey().hasMultiline()) {
                in.add(new Input(base.nodes(), base.labelOrType(), e.getKey().multilinePath, true));
            }
        }
        return new Summary(dir, in, written, deferred, nodeCounts, relCounts, emptyListCount,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /** recompute-claims over each claim's evidence; returns the Conditions a Drug CAUSES. */
    private Set<String> writeClaims() throws Unrepresentable {
        Set<String> adverse = new HashSet<>();
        Iterator<ExternalSort.Entry> it = claims.sorted();
        ExternalSort.Entry next = it.hasNext() ? it.next() : null;
        while (next != null) {
            String claimId = next.key();
            String[] first = next.fields();
            long support = 0;
            long against = 0;
            long hedged = 0;
            double product = 1.0;
            Set<String> docs = new HashSet<>();
            while (next != null && next.key().equals(claimId)) {
                String[] f = next.fields();
                if ("1".equals(f[4])) {
                    against++;
                } else {
                    support++;
                    if ("1".equals(f[5])) {
                        hedged++;
                    }
                    docs.add(f[3]);
                    product = product * (1.0 - Double.parseDouble(f[6]));
                }
                next = it.hasNext() ? it.next() : null;
            }
            if (support == 0) {
                continue;
            }
            String predicate = first[0];
            String subject = first[1];
            String object = first[2];
            Map<String, Object> p = new HashMap<>();
            p.put("claimId", claimId);
            p.put("evidenceCount", support);
            p.put("negatedCount", against);
            p.put("hedgedCount", hedged);
            p.put("documentCount", (long) docs.size());
            p.put("confidence", cypherRound(1.0 - product, 4));
            rel(claimRels, subject, object, predicate, p, CLAIM_COLUMNS);
            if ("CAUSES".equals(predicate)) {
                EntityState s = entities.get(subject);
                EntityState o = entities.get(object);
                if (s != null && o != null && s.labels.contains(EntityKind.DRUG.label())
                        && o.labels.contains(EntityKind.CONDITION.label())) {
                    adverse.add(object);
                }
            }
            flush(claimRels);
        }
        claims.close();
        return adverse;
    }

    /** Cypher's {@code round(x, precision)}: HALF_UP on the decimal form of the double. */
    static double cypherRound(double x, int precision) {
        BigDecimal d = BigDecimal.valueOf(x);
        return d.setScale(Math.min(d.scale(), precision), RoundingMode.HALF_UP).doubleValue();
    }

    private void writeEntities(Set<String> adverseEvents) throws Unrepresentable {
        for (Map.Entry<String, EntityState> e : entities.entrySet()) {
            EntityState s = e.getValue();
            List<String> labels = new ArrayList<>();
            labels.add(ENTITY);
            labels.addAll(s.labels);
            if (adverseEvents.contains(e.getKey())) {
                labels.add(ADVERSE_EVENT);
            }
            node(entityNodes, ENTITY, e.getKey(), String.join(String.valueOf(ImportCsv.ARRAY_DELIMITER), labels),
                    s.props, ENTITY_COLUMNS);
            flush(entityNodes);
            for (String[] x : emptyListsPending) {
                writeEmptyList(x);
            }
            emptyListsPending.clear();
        }
    }

    private void writeHierarchy() throws Unrepresentable {
        for (String edge : hierarchy) {
            int sep = edge.indexOf('\u0000');
            String child = edge.substring(0, sep);
            String parent = edge.substring(sep + 1);
            if (entities.containsKey(parent)) {
                rel(isA, child, parent, null, Map.of(), List.of());
                flush(isA);
            }
        }
    }

    private void writeReferences() throws Unrepresentable {
        Iterator<ExternalSort.Entry> it = references.sorted();
        ExternalSort.Entry next = it.hasNext() ? it.next() : null;
        while (next != null) {
            String id = next.key();
            String[] merged = new String[REFERENCE_COLUMNS.size()];
            while (next != null && next.key().equals(id)) {
                String[] f = next.fields();
                for (int i = 0; i < merged.length; i++) {
                    if (f[i] != null) {
                        merged[i] = f[i];
                    }
                }
                next = it.hasNext() ? it.next() : null;
            }
            node(referenceNodes, REFERENCE, id, null, unspill(merged, REFERENCE_COLUMNS), REFERENCE_COLUMNS);
            flush(referenceNodes);
        }
        references.close();
    }

    /** Writes out a file's pending rows (at finish, rows are not grouped by document). */
    private void flush(ImportCsv.File f) {
        Pending p = pending.get(f);
        if (p != null) {
            if (p.singleRows > 0) {
                f.write(p.single, false, p.singleRows);
            }
            if (p.multiRows > 0) {
                f.write(p.multi, true, p.multiRows);
            }
            p.clear();
        }
    }

    /** A property map as spill fields, one per column (null when absent); checks it can be written. */
    private String[] spillFields(Map<String, Object> props, List<Column> columns) throws Unrepresentable {
        StringBuilder check = new StringBuilder();
        String[] out = new String[columns.size()];
        for (int i = 0; i < out.length; i++) {
            Column c = columns.get(i);
            Object v = props.get(c.key());
            if (v == null) {
                continue;
            }
            check.setLength(0);
            ImportCsv.append(check, v, c.type());
            if (c.type() == Type.STRING_ARRAY || c.type() == Type.LONG_ARRAY) {
                List<?> l = (List<?>) v;
                if (l.isEmpty()) {
                    throw new Unrepresentable("an empty list on a merged record");
                }
                out[i] = String.join(String.valueOf(ImportCsv.ARRAY_DELIMITER), l.stream().map(String::valueOf).toList());
            } else {
                out[i] = String.valueOf(v);
            }
        }
        if (props.keySet().stream().anyMatch(k -> columns.stream().noneMatch(c -> c.key().equals(k)))) {
            throw new IllegalStateException("reference properties without an import column: " + props.keySet());
        }
        return out;
    }

    private static Map<String, Object> unspill(String[] fields, List<Column> columns) {
        Map<String, Object> out = new HashMap<>();
        for (int i = 0; i < fields.length; i++) {
            String f = fields[i];
            if (f == null) {
                continue;
            }
            Column c = columns.get(i);
            out.put(c.key(), switch (c.type()) {
                case STRING -> f;
                case LONG -> Long.parseLong(f);
                case DOUBLE -> Double.parseDouble(f);
                case BOOLEAN -> Boolean.parseBoolean(f);
                case STRING_ARRAY -> List.of(f.split(String.valueOf(ImportCsv.ARRAY_DELIMITER), -1));
                case LONG_ARRAY -> java.util.Arrays.stream(f.split(String.valueOf(ImportCsv.ARRAY_DELIMITER), -1))
                        .map(Long::valueOf).toList();
            });
        }
        return out;
    }

    @Override
    public void close() {
        RuntimeException failure = null;
        for (ImportCsv.File f : inputOf.keySet()) {
            try {
                f.close();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        try {
            emptyLists.close();
        } catch (IOException e) {
            failure = new UncheckedIOException(e);
        }
        claims.close();
        references.close();
        if (failure != null) {
            throw failure;
        }
    }

    // ---------------------------------------------------------------- after the import

    /**
     * Sets the empty lists the importer could not store ({@code empty-lists.tsv} of {@code dir}),
     * in batches through {@code cypher/ingest/set-empty-lists}; returns how many were set.
     */
    public static long applyEmptyLists(Store store, Path dir, int batchSize) {
        Path file = dir.resolve(EMPTY_LISTS);
        if (!Files.exists(file)) {
            return 0;
        }
        long n = 0;
        String query = CypherLibrary.query("ingest/set-empty-lists");
        try (java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             org.neo4j.driver.Session session = store.session(org.neo4j.driver.AccessMode.WRITE)) {
            Map<String, List<Map<String, Object>>> rows = emptyListRows();
            int pending = 0;
            String line;
            while ((line = in.readLine()) != null) {
                String[] f = line.split("\t", 4);
                List<Map<String, Object>> target = rows.get(EMPTY_LIST_PARAMETERS.get(f[0]));
                if (target == null) {
                    throw new IllegalStateException("no fix-up for empty lists on " + f[0]);
                }
                target.add(MENTIONS.equals(f[0])
                        ? Map.of("id", unescapeTsv(f[2]), "to", unescapeTsv(f[3]), "key", f[1])
                        : Map.of("id", unescapeTsv(f[2]), "key", f[1]));
                if (++pending >= batchSize) {
                    n += run(session, query, rows);
                    rows = emptyListRows();
                    pending = 0;
                }
            }
            if (pending > 0) {
                n += run(session, query, rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return n;
    }

    /** The parameter of set-empty-lists for each label (or MENTIONS). */
    private static final Map<String, String> EMPTY_LIST_PARAMETERS = Map.of(DOCUMENT, "documents", ENTITY, "entities",
            CASE, "cases", EVIDENCE, "evidence", EVENT, "events", MENTIONS, "mentions");

    private static Map<String, List<Map<String, Object>>> emptyListRows() {
        Map<String, List<Map<String, Object>>> rows = new HashMap<>();
        EMPTY_LIST_PARAMETERS.values().forEach(p -> rows.put(p, new ArrayList<>()));
        return rows;
    }

    private static long run(org.neo4j.driver.Session session, String query, Map<String, List<Map<String, Object>>> rows) {
        Map<String, Object> params = new HashMap<>(rows);
        session.executeWrite(tx -> tx.run(query, params).consume());
        return rows.values().stream().mapToLong(List::size).sum();
    }

    static String escapeTsv(String s) {
        if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescapeTsv(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- helpers

    /** The Document's properties as GraphWriter's merge-documents row sets them (passageCount included). */
    private static Map<String, Object> documentProps(DocumentInfo d, int passages) {
        Map<String, Object> p = GraphWriter.documentProps(d);
        p.put("passageCount", passages);
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> props(Map<String, Object> row) {
        return (Map<String, Object>) row.get("props");
    }

    /** A mention row's relationship properties (all but its end ids). */
    private static Map<String, Object> mentionProps(Map<String, Object> row) {
        Map<String, Object> p = new HashMap<>(row);
        p.remove("document");
        p.remove("entity");
        return p;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object o) {
        return (List<Map<String, Object>>) o;
    }

    /** Fully populated records: every property the row builders can set has a value. */
    private static final class Samples {
        static final DocumentInfo DOCUMENT = new DocumentInfo("d", "t", "f", SourceType.OTHER, "p", "u", "2020", 2020,
                "j", "pub", "doi", "1", "PMC1", List.of("a"), List.of("t"), List.of("s"), "h", 1, "v");
        static final DocumentGraph.Passage PASSAGE = new DocumentGraph.Passage("p", "x", 0, 1, "s");
        static final Mention MENTION = new Mention("e", 1, List.of(0), List.of(1), List.of("s"));
        // two words, so the name has initials
        static final Entity ENTITY = new Entity("e", EntityKind.DRUG, "n m", List.of("s"), "sym", List.of());
        static final EvidenceItem EVIDENCE = new EvidenceItem("ev", "c", Predicate.CAUSES, "s", "o", "x", 0, 1,
                false, false, EvidenceMethod.SENTENCE_PATTERN, 0.5, "sec", List.of());
        static final CaseRecord CASE = new CaseRecord("c", "l", 1, Sex.FEMALE, "dose", "onset", List.of("s"), "f", "m",
                "o", Challenge.POSITIVE, Challenge.NEGATIVE, List.of("d"),
                List.of(new Exposure("e", "dose", "role", "route", "frequency", "duration", true)),
                List.of(), "t", List.of(), new Causality("e", 1, "cat", 1, List.of("a"), List.of("s")),
                new DocumentGraph.Details("age", "group", List.of("r"), List.of("r"), "serious", List.of("h"),
                        new DocumentGraph.StatedCausality("scale", 1, "category", "text"),
                        List.of(new DocumentGraph.FieldSource("f", "v", 0, 1, 0, 1, "s"))));
        static final DocumentGraph.EventRecord EVENT = new DocumentGraph.EventRecord("ev", "adverse", false, false, 0, 1,
                "x", List.of(new DocumentGraph.EventArgument("drug", 0, 1, "x")), "female");
        static final ReferenceRecord REFERENCE = new ReferenceRecord("r", ReferenceRole.CITES, 1, "c", "t", "j", 2020,
                "doi", "1", "u");

        private Samples() {
        }
    }

}
