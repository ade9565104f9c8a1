package org.litgraph.graph;

import java.util.List;

/**
 * Everything one ingested document contributes to the graph, as immutable values. The ingest
 * pipeline produces one per document; {@link GraphWriter} writes a batch of them in one transaction.
 */
public record DocumentGraph(
        DocumentInfo document,
        List<Entity> entities,
        List<EvidenceItem> evidence,
        List<CaseRecord> cases,
        List<ReferenceRecord> references,
        List<Mention> mentions,
        List<EventRecord> events) {

    public DocumentGraph {
        entities = List.copyOf(entities);
        evidence = List.copyOf(evidence);
        cases = List.copyOf(cases);
        references = List.copyOf(references);
        mentions = List.copyOf(mentions);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A document graph without drug–effect events (sources that state none). */
    public DocumentGraph(DocumentInfo document, List<Entity> entities, List<EvidenceItem> evidence,
                         List<CaseRecord> cases, List<ReferenceRecord> references, List<Mention> mentions) {
        this(document, entities, evidence, cases, references, mentions, List.of());
    }

    /**
     * A document node's properties. Nullable fields are simply not stated by the source.
     * {@code contentHash} covers what was read (format and text); {@code extractorVersion} says which
     * extraction produced the rest, so either changing makes a re-ingest replace the document's content.
     */
    public record DocumentInfo(
            String id,
            String title,
            String format,
            SourceType sourceType,
            String path,
            String url,
            String published,
            Integer year,
            String journal,
            String publisher,
            String doi,
            String pmid,
            String pmcid,
            List<String> authors,
            List<String> publicationTypes,
            List<String> sections,
            String contentHash,
            int length,
            String extractorVersion) {
        public DocumentInfo {
            authors = authors == null ? List.of() : List.copyOf(authors);
            publicationTypes = publicationTypes == null ? List.of() : List.copyOf(publicationTypes);
            sections = sections == null ? List.of() : List.copyOf(sections);
        }

        /** Without an extractor version (tests, benchmarks, other producers). */
        public DocumentInfo(String id, String title, String format, SourceType sourceType, String path, String url,
                            String published, Integer year, String journal, String publisher, String doi, String pmid,
                            String pmcid, List<String> authors, List<String> publicationTypes, List<String> sections,
                            String contentHash, int length) {
            this(id, title, format, sourceType, path, url, published, year, journal, publisher, doi, pmid, pmcid,
                    authors, publicationTypes, sections, contentHash, length, null);
        }
    }

    /** A grounded entity; parents are ids of broader entities of the same kind (condition hierarchy). */
    public record Entity(String id, EntityKind kind, String name, List<String> synonyms, String symbol,
                         List<String> parents) {
        public Entity {
            synonyms = List.copyOf(synonyms);
            parents = parents == null ? List.of() : List.copyOf(parents);
        }
    }

    /**
     * One statement in this document supporting (or, when negated, denying) one claim. Offsets are
     * character offsets into the document's text, so {@code text.length() == end - start}.
     */
    public record EvidenceItem(
            String id,
            String claimId,
            Predicate predicate,
            String subjectId,
            String objectId,
            String text,
            int start,
            int end,
            boolean negated,
            boolean hedged,
            EvidenceMethod method,
            double weight,
            String section,
            List<String> citedReferenceIds) {
        public EvidenceItem {
            citedReferenceIds = List.copyOf(citedReferenceIds);
            if (end - start != text.length()) {
                throw new IllegalArgumentException("evidence offsets do not span its text: " + start + ".." + end);
            }
        }
    }

    /**
     * A drug a case received, with what the source says of it: dose (with its unit, and frequency
     * when stated with it), route, frequency, duration, and the drug's role in the case
     * ({@code suspect}, {@code concomitant}, {@code treatment} of the reaction). {@code inferred} is
     * true when no sentence of the case names the drug and the document's main drug is assumed.
     */
    public record Exposure(String drugId, String dose, String role, String route, String frequency, String duration,
                           boolean inferred) {
        public Exposure(String drugId, String dose, String role) {
            this(drugId, dose, role, null, null, null, false);
        }
    }

    /**
     * Where one field of a case was read: {@code field} (e.g. {@code age}, {@code dose}, {@code dechallenge}),
     * the value stored, the character offsets of the words that stated it and of the sentence (or
     * table row) they are in, and that sentence verbatim.
     */
    public record FieldSource(String field, String value, int start, int end, int sentenceStart, int sentenceEnd,
                              String sentence) {
        public FieldSource {
            if (end < start || sentenceEnd < sentenceStart) {
                throw new IllegalArgumentException("field source offsets out of order: " + field);
            }
        }
    }

    /**
     * A causality assessment the authors state for the case, verbatim ({@code text}), with the scale
     * (Naranjo, WHO-UMC, RUCAM, ...), the score when one is given, and the category.
     */
    public record StatedCausality(String scale, Integer score, String category, String text) {
    }

    /** One argument of a drug–effect event: its role (drug, effect, age, dose, ...) and span. */
    public record EventArgument(String role, int start, int end, String text) {
    }

    /**
     * A drug–effect event stated in one sentence ({@code start..end}, {@code text}): adverse or
     * therapeutic, negated or hedged, with the spans of its drugs, effects, subject (age, gender,
     * population) and treatment details (dose, route, frequency, duration, time elapsed) and the
     * severity cue; {@code sex} normalises the gender span.
     */
    public record EventRecord(String id, String type, boolean negated, boolean hedged, int start, int end, String text,
                              List<EventArgument> arguments, String sex) {
        public EventRecord {
            arguments = List.copyOf(arguments);
            if (end - start != text.length()) {
                throw new IllegalArgumentException("event offsets do not span its text: " + start + ".." + end);
            }
        }
    }

    /** One patient described in the document. */
    public record CaseRecord(
            String id,
            String label,
            Integer age,
            Sex sex,
            String dose,
            String timeToOnset,
            List<String> symptoms,
            String findings,
            String management,
            String outcome,
            Challenge dechallenge,
            Challenge rechallenge,
            List<String> otherDrugs,
            List<Exposure> exposures,
            List<String> conditionIds,
            String text,
            List<String> citedReferenceIds,
            Causality causality,
            Details details) {
        public CaseRecord {
            symptoms = List.copyOf(symptoms);
            otherDrugs = List.copyOf(otherDrugs);
            exposures = List.copyOf(exposures);
            conditionIds = List.copyOf(conditionIds);
            citedReferenceIds = List.copyOf(citedReferenceIds);
            details = details == null ? Details.NONE : details;
        }

        public CaseRecord(String id, String label, Integer age, Sex sex, String dose, String timeToOnset,
                          List<String> symptoms, String findings, String management, String outcome,
                          Challenge dechallenge, Challenge rechallenge, List<String> otherDrugs,
                          List<Exposure> exposures, List<String> conditionIds, String text,
                          List<String> citedReferenceIds, Causality causality) {
            this(id, label, age, sex, dose, timeToOnset, symptoms, findings, management, outcome, dechallenge,
                    rechallenge, otherDrugs, exposures, conditionIds, text, citedReferenceIds, causality, Details.NONE);
        }
    }

    /**
     * What a pharmacovigilance assessor reads beyond the contract's fields: the age as written
     * ("in his 80s", "4-month-old") and its group, the reactions (condition ids, a subset of the
     * case's conditions) and their seriousness, the conditions that are history rather than
     * presentation, the authors' stated causality, and where every field was read.
     */
    public record Details(String ageText, String ageGroup, List<String> reactionIds, List<String> reactions,
                          String seriousness, List<String> historyIds, StatedCausality statedCausality,
                          List<FieldSource> sources) {
        public static final Details NONE = new Details(null, null, List.of(), List.of(), null, List.of(), null, List.of());

        public Details {
            reactionIds = List.copyOf(reactionIds);
            reactions = List.copyOf(reactions);
            historyIds = List.copyOf(historyIds);
            sources = List.copyOf(sources);
        }
    }

    /**
     * A causality assessment of one case for one suspected drug (Naranjo scale): the score, its
     * category, how many of the ten questions the source answers, and each answer given.
     */
    public record Causality(String drugId, int score, String category, int answered, List<String> answers,
                            List<String> answerSentences) {
        public Causality {
            answers = List.copyOf(answers);
            answerSentences = answerSentences == null ? List.of() : List.copyOf(answerSentences);
        }

        public Causality(String drugId, int score, String category, int answered, List<String> answers) {
            this(drugId, score, category, answered, answers, List.of());
        }
    }

    /** How a document relates to a bibliographic record. */
    public enum ReferenceRole { PUBLISHED_AS, CITES }

    /** A bibliographic record the document is, or cites (with its number in the list). */
    public record ReferenceRecord(
            String id,
            ReferenceRole role,
            Integer number,
            String citation,
            String title,
            String journal,
            Integer year,
            String doi,
            String pmid,
            String url) {
    }

    /**
     * How often the document names an entity, and where: {@code starts[i]..ends[i]} are the
     * character offsets of each mention in the document's text (sentences and table cells);
     * {@code shortForms} are the abbreviations the document defines for it ("interstitial lung disease (ILD)").
     */
    public record Mention(String entityId, int count, List<Integer> starts, List<Integer> ends, List<String> shortForms) {
        public Mention {
            starts = starts == null ? List.of() : List.copyOf(starts);
            ends = ends == null ? List.of() : List.copyOf(ends);
            shortForms = shortForms == null ? List.of() : List.copyOf(shortForms);
            if (starts.size() != ends.size()) {
                throw new IllegalArgumentException("mention offsets must pair up: " + starts.size() + " starts, " + ends.size() + " ends");
            }
        }

        public Mention(String entityId, int count, List<Integer> starts, List<Integer> ends) {
            this(entityId, count, starts, ends, List.of());
        }

        /** A count without offsets (sources that do not locate their mentions). */
        public Mention(String entityId, int count) {
            this(entityId, count, List.of(), List.of(), List.of());
        }
    }
}
