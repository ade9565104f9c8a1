package org.litgraph.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The evidence map as a matrix CSV: one row per condition (columns {@code condition},
 * {@code condition_id}), then one column per drug, headed by the drug's name (its id is added in
 * parentheses when two drugs share a name). Conditions and drugs are sorted by name, then id.
 *
 * <p>Cell grammar (empty when no statement links the pair):
 * <pre>
 * cell     = claim *( " / " claim )                ; claims sorted by relationship
 * claim    = RELATIONSHIP " " supporting " (" docs " doc" ["s"] [ "; against " against ] [ "; broader " broader ] ")"
 * </pre>
 * where {@code supporting} counts supporting statements, {@code docs} the distinct documents
 * holding them, {@code against} the negated (denying) statements, and {@code broader} statements
 * about this condition when it is broader than the condition the export was filtered on (never
 * counted as support for that condition), e.g.
 * {@code CAUSES 4 (2 docs) / TREATS 1 (1 doc)} or {@code CAUSES 0 (0 docs; against 2)}.
 */
final class EvidenceMatrix {
    private EvidenceMatrix() {
    }

    private static final class Tally {
        long supporting;
        long against;
        long broader;
        final Set<String> docs = new HashSet<>();
    }

    static int write(List<EvidenceMap.Row> rows, Writer out) throws IOException {
        Map<String, String> drugNames = names(rows, EvidenceMap.Row::drugId, EvidenceMap.Row::drug);
        Map<String, String> conditionNames = names(rows, EvidenceMap.Row::conditionId, EvidenceMap.Row::condition);
        List<String> drugs = sortedIds(drugNames);
        List<String> conditions = sortedIds(conditionNames);
        // (condition, drug) -> relationship -> tally
        Map<String, Map<String, Tally>> cells = new TreeMap<>();
        for (EvidenceMap.Row r : rows) {
            Tally t = cells.computeIfAbsent(r.conditionId() + "\u0000" + r.drugId(), k -> new TreeMap<>())
                    .computeIfAbsent(r.relationship(), k -> new Tally());
            if (r.supporting()) {
                t.supporting += r.statements();
                t.docs.add(r.documentId());
            } else if (r.broader()) {
                t.broader += r.statements();
            } else {
                t.against += r.statements();
            }
        }
        Map<String, Long> nameCounts = drugNames.values().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> header = new ArrayList<>(List.of("condition", "condition_id"));
        for (String d : drugs) {
            String name = drugNames.get(d);
            header.add(nameCounts.get(name) > 1 ? name + " (" + d + ")" : name);
        }
        List<List<String>> table = new ArrayList<>();
        for (String c : conditions) {
            List<String> line = new ArrayList<>(List.of(conditionNames.get(c), c));
            for (String d : drugs) {
                line.add(cell(cells.get(c + "\u0000" + d)));
            }
            table.add(line);
        }
        return EvidenceCsv.write(header, table, out);
    }

    static String cell(Map<String, Tally> byRelationship) {
        if (byRelationship == null) {
            return "";
        }
        List<String> claims = new ArrayList<>();
        byRelationship.forEach((rel, t) -> {
            int docs = t.docs.size();
            claims.add(rel + " " + t.supporting + " (" + docs + (docs == 1 ? " doc" : " docs")
                    + (t.against > 0 ? "; against " + t.against : "") + (t.broader > 0 ? "; broader " + t.broader : "") + ")");
        });
        return String.join(" / ", claims);
    }

    private static Map<String, String> names(List<EvidenceMap.Row> rows, Function<EvidenceMap.Row, String> id,
                                             Function<EvidenceMap.Row, String> name) {
        Map<String, String> out = new TreeMap<>();
        rows.forEach(r -> out.putIfAbsent(id.apply(r), name.apply(r) == null ? id.apply(r) : name.apply(r)));
        return out;
    }

    private static List<String> sortedIds(Map<String, String> names) {
        return names.keySet().stream()
                .sorted(Comparator.comparing((String id) -> names.get(id).toLowerCase(java.util.Locale.ROOT))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }
}
