package org.litgraph.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Recognises the same patient told in several documents (an abstract and the full paper, a case
 * report and a review that retells it) and links the tellings
 * {@code (:Case)-[:SAME_PATIENT_AS {score, basis}]->(:Case)}; every case then carries the patient id
 * of its linked group (the smallest case id in it) and how many tellings the group has, so answers
 * and exports count a patient once.
 *
 * <p>Two cases are compared only when they come from different documents and received a common drug.
 * Conflicting facts keep them apart: a stated sex that differs, or stated ages more than
 * {@value #AGE_CONFLICT} years apart. Otherwise each fact both state adds to the score:
 * <ul>
 *   <li>{@code age} within a year: +2;</li>
 *   <li>{@code sex} the same: +1;</li>
 *   <li>{@code reaction}: a condition in common (or one directly broader/narrower than the other's): +1.5,
 *       none in common although both state some: -1;</li>
 *   <li>{@code dose} the same amount and unit: +1, different: -1.5;</li>
 *   <li>{@code onset} the same time to onset: +1, different: -0.5;</li>
 *   <li>{@code outcome} the same kind (died, recovered/improved, not recovered): +0.5, opposite: -1;</li>
 *   <li>{@code citation}: one case is described in (cites) the publication of the other's document, or
 *       one document cites the other's publication: +3.</li>
 * </ul>
 * A pair is linked when the score reaches {@value #THRESHOLD} and either the ages or a citation agree
 * (sex, drug and reaction alone are shared by too many patients). The basis lists the agreeing fields.
 */
public final class PatientLinker {
    static final double THRESHOLD = 4.0;
    static final int AGE_CONFLICT = 2;

    private PatientLinker() {
    }

    /** The facts of one case that identify its patient. */
    record Facts(String id, String documentId, Integer age, String sex, String dose, String onset, String outcome,
                 Set<String> drugs, Set<String> conditions, Set<String> ownConditions, Set<String> describedIn,
                 Set<String> documentCites) {
    }

    /** A judgement on one pair: linked or not, the score and the fields that agreed. */
    record Judgement(boolean linked, double score, List<String> basis) {
    }

    /**
     * Links the given (just written) cases to the cases of other documents and recomputes the patient
     * ids of every group they touch, together with {@code alsoRecompute} (cases that were linked to
     * removed cases). Runs in the caller's transaction.
     */
    static void link(TransactionContext tx, Collection<String> caseIds, Collection<String> alsoRecompute) {
        if (caseIds.isEmpty() && alsoRecompute.isEmpty()) {
            return;
        }
        Set<String> pairs = new LinkedHashSet<>();
        Set<String> involved = new LinkedHashSet<>(caseIds);
        if (!caseIds.isEmpty()) {
            tx.run(CypherLibrary.query("ingest/patient-candidates"), Map.of("ids", List.copyOf(caseIds)))
                    .forEachRemaining(r -> {
                        String a = r.get("a").asString();
                        String b = r.get("b").asString();
                        pairs.add(a.compareTo(b) < 0 ? a + "\n" + b : b + "\n" + a);
                        involved.add(b);
                    });
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        if (!pairs.isEmpty()) {
            Map<String, Facts> facts = new HashMap<>();
            tx.run(CypherLibrary.query("ingest/patient-facts"), Map.of("ids", List.copyOf(involved)))
                    .forEachRemaining(r -> facts.put(r.get("id").asString(), facts(r)));
            for (String p : pairs) {
                String[] ab = p.split("\n");
                Facts a = facts.get(ab[0]);
                Facts b = facts.get(ab[1]);
                if (a == null || b == null) {
                    continue;
                }
                Judgement j = judge(a, b);
                if (j.linked()) {
                    rows.add(Map.of("a", a.id(), "b", b.id(), "score", j.score(), "basis", j.basis()));
                }
            }
        }
        if (!rows.isEmpty()) {
            tx.run(CypherLibrary.query("ingest/merge-patient-links"), Map.of("rows", rows)).consume();
        }
        Set<String> recompute = new LinkedHashSet<>(caseIds);
        recompute.addAll(alsoRecompute);
        if (!recompute.isEmpty()) {
            tx.run(CypherLibrary.query("ingest/patient-ids"), Map.of("ids", List.copyOf(recompute))).consume();
        }
    }

    /**
     * Links every case of the store (after a bulk load, which writes no links), in transactions of
     * {@code batch} cases. Idempotent: links are merged, patient ids recomputed.
     */
    public static void linkAll(Store store, int batch) {
        List<String> ids = new ArrayList<>();
        try (org.neo4j.driver.Session s = store.session(org.neo4j.driver.AccessMode.READ)) {
            s.executeRead(tx -> {
                tx.run(CypherLibrary.query("ingest/all-case-ids"), Map.of()).forEachRemaining(r -> ids.add(r.get("id").asString()));
                return null;
            });
        }
        for (int i = 0; i < ids.size(); i += Math.max(1, batch)) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + Math.max(1, batch)));
            try (org.neo4j.driver.Session s = store.session(org.neo4j.driver.AccessMode.WRITE)) {
                s.executeWrite(tx -> {
                    link(tx, chunk, List.of());
                    return null;
                });
            }
        }
    }

    /** The cases linked to the cases of these documents (whose patient ids change when the documents go). */
    static List<String> neighbours(TransactionContext tx, Collection<String> documentIds) {
        if (documentIds.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        tx.run(CypherLibrary.query("ingest/patient-neighbours"), Map.of("ids", List.copyOf(documentIds)))
                .forEachRemaining(r -> out.add(r.get("id").asString()));
        return out;
    }

    private static Facts facts(Record r) {
        return new Facts(r.get("id").asString(), r.get("documentId").asString(null),
                r.get("age").isNull() ? null : r.get("age").asInt(), r.get("sex").asString(null),
                firstDose(r), r.get("timeToOnset").asString(null), r.get("outcome").asString(null),
                set(r.get("drugs")), set(r.get("conditions")), set(r.get("ownConditions")), set(r.get("describedIn")),
                set(r.get("documentCites")));
    }

    private static String firstDose(Record r) {
        String dose = r.get("dose").asString(null);
        if (dose != null && !dose.isBlank()) {
            return dose;
        }
        for (Value v : r.get("doses").values()) {
            if (!v.isNull() && !v.asString().isBlank()) {
                return v.asString();
            }
        }
        return null;
    }

    private static Set<String> set(Value v) {
        Set<String> out = new HashSet<>();
        if (v != null && !v.isNull()) {
            for (Value x : v.values()) {
                if (!x.isNull()) {
                    out.add(x.asString());
                }
            }
        }
        return out;
    }

    /** Whether two tellings are the same patient, by the rule in the class comment. */
    static Judgement judge(Facts a, Facts b) {
        if (Objects.equals(a.documentId(), b.documentId())) {
            return new Judgement(false, 0, List.of());
        }
        if (a.drugs().stream().noneMatch(b.drugs()::contains)) {
            return new Judgement(false, 0, List.of());
        }
        List<String> basis = new ArrayList<>();
        basis.add("drug");
        if (a.sex() != null && b.sex() != null && !a.sex().equals(b.sex())) {
            return new Judgement(false, 0, List.of("conflict: sex"));
        }
        if (a.age() != null && b.age() != null && Math.abs(a.age() - b.age()) > AGE_CONFLICT) {
            return new Judgement(false, 0, List.of("conflict: age"));
        }
        double score = 0;
        boolean ageAgrees = false;
        if (a.age() != null && b.age() != null && Math.abs(a.age() - b.age()) <= 1) {
            score += 2;
            ageAgrees = true;
            basis.add("age");
        }
        if (a.sex() != null && a.sex().equals(b.sex())) {
            score += 1;
            basis.add("sex");
        }
        if (!a.ownConditions().isEmpty() && !b.ownConditions().isEmpty()) {
            boolean shared = a.ownConditions().stream().anyMatch(b.conditions()::contains)
                    || b.ownConditions().stream().anyMatch(a.conditions()::contains);
            if (shared) {
                score += 1.5;
                basis.add("reaction");
            } else {
                score -= 1;
            }
        }
        String da = doseKey(a.dose());
        String db = doseKey(b.dose());
        if (da != null && db != null) {
            if (da.equals(db)) {
                score += 1;
                basis.add("dose");
            } else {
                score -= 1.5;
            }
        }
        String oa = onsetKey(a.onset());
        String ob = onsetKey(b.onset());
        if (oa != null && ob != null) {
            if (oa.equals(ob)) {
                score += 1;
                basis.add("onset");
            } else {
                score -= 0.5;
            }
        }
        String ka = outcomeKind(a.outcome());
        String kb = outcomeKind(b.outcome());
        if (ka != null && kb != null) {
            if (ka.equals(kb)) {
                score += 0.5;
                basis.add("outcome");
            } else if (ka.equals("died") || kb.equals("died") || !ka.equals("unknown") && !kb.equals("unknown")) {
                score -= 1;
            }
        }
        boolean cited = a.describedIn().contains(b.documentId()) || b.describedIn().contains(a.documentId())
                || a.documentCites().contains(b.documentId()) || b.documentCites().contains(a.documentId());
        if (cited) {
            score += 3;
            basis.add("citation");
        }
        boolean linked = score >= THRESHOLD && (ageAgrees || cited);
        return new Judgement(linked, Math.round(score * 100) / 100.0, List.copyOf(basis));
    }

    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*(mg|g|µg|mcg|ug|iu|units?|ml)\\b",
            Pattern.CASE_INSENSITIVE);

    /** "400 mg/day", "400 mg daily", "400mg once a day" -> "400 mg". */
    static String doseKey(String dose) {
        if (dose == null) {
            return null;
        }
        Matcher m = AMOUNT.matcher(dose);
        if (!m.find()) {
            return null;
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT).replace("mcg", "µg").replace("ug", "µg").replaceAll("units?", "iu");
        return m.group(1).replace(',', '.') + " " + unit;
    }

    private static final Pattern DURATION = Pattern.compile(
            "(\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ]?(day|week|month|year)s?",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Double> NUMBERS = new TreeMap<>(Map.ofEntries(Map.entry("one", 1.0),
            Map.entry("two", 2.0), Map.entry("three", 3.0), Map.entry("four", 4.0), Map.entry("five", 5.0),
            Map.entry("six", 6.0), Map.entry("seven", 7.0), Map.entry("eight", 8.0), Map.entry("nine", 9.0),
            Map.entry("ten", 10.0), Map.entry("eleven", 11.0), Map.entry("twelve", 12.0)));

    /** A time to onset in days, rounded to a week beyond a month ("about 2 months" and "8 weeks" agree). */
    static String onsetKey(String onset) {
        if (onset == null) {
            return null;
        }
        Matcher m = DURATION.matcher(onset);
        if (!m.find()) {
            return null;
        }
        String n = m.group(1).toLowerCase(Locale.ROOT);
        double value = NUMBERS.containsKey(n) ? NUMBERS.get(n) : Double.parseDouble(n);
        double days = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "day" -> value;
            case "week" -> value * 7;
            case "month" -> value * 30.4;
            default -> value * 365;
        };
        long key = days > 31 ? Math.round(days / 14.0) * 14 : Math.round(days);
        return Long.toString(key);
    }

    private static final Pattern DIED = Pattern.compile("(?i)\\b(?:died|death|deceased|fatal)");
    private static final Pattern NOT_RECOVERED = Pattern.compile("(?i)\\b(?:not recovered|persist\\w*|irreversible|still present|no improvement|did not improve|progress\\w*|sequela\\w*)");
    private static final Pattern RECOVERED = Pattern.compile("(?i)\\b(?:recover\\w*|resol\\w*|improv\\w*|complete resolution|disappear\\w*|regress\\w*)");

    /** died, not recovered, recovered (including improved), or null when nothing is stated. */
    static String outcomeKind(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return null;
        }
        if (DIED.matcher(outcome).find()) {
            return "died";
        }
        if (NOT_RECOVERED.matcher(outcome).find()) {
            return "not recovered";
        }
        if (RECOVERED.matcher(outcome).find()) {
            return "recovered";
        }
        return "unknown";
    }
}
