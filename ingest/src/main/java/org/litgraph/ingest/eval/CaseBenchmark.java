package org.litgraph.ingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.litgraph.graph.DocumentGraph.CaseRecord;
import org.litgraph.graph.DocumentGraph.Exposure;
import org.litgraph.graph.DocumentGraph.StatedCausality;
import org.litgraph.ingest.annotate.AnnotatedDocument;
import org.litgraph.ingest.annotate.Annotator;
import org.litgraph.ingest.format.PlainTextParser;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconEntry;

/**
 * Scores case assessment against a gold file of composed case descriptions (JSON lines: {@code id,
 * text, dechallenge, rechallenge, outcome, stated, age, sex, drug}; see
 * {@code examples/case-gold/README.md}). Each text goes through the pipeline as a plain-text
 * document; the case it yields (the first, when several) is compared field by field. A field is
 * correct when the prediction equals the gold value, null ("not stated") included. Stated causality
 * ({@code SCALE|SCORE|CATEGORY}) is correct when the category agrees and the scale and score agree
 * wherever the gold states them. Prints accuracy per field, and the cases each field missed.
 */
public final class CaseBenchmark {
    static final List<String> FIELDS = List.of("patient found", "age", "sex", "suspect drug", "dechallenge", "rechallenge",
            "outcome", "stated causality");

    private CaseBenchmark() {
    }

    /** Accuracy per field, and the misses ({@code field id: gold != predicted}). */
    public record Result(Map<String, int[]> counts, List<String> misses) {
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%-18s %7s %7s %9s%n", "field", "correct", "cases", "accuracy"));
            counts.forEach((f, c) -> sb.append(String.format(Locale.ROOT, "%-18s %7d %7d %9.4f%n", f, c[0], c[1],
                    c[1] == 0 ? 0 : c[0] / (double) c[1])));
            if (!misses.isEmpty()) {
                sb.append("misses:\n");
                misses.forEach(m -> sb.append("  ").append(m).append('\n'));
            }
            return sb.toString();
        }

        public double accuracy(String field) {
            int[] c = counts.get(field);
            return c[1] == 0 ? 0 : c[0] / (double) c[1];
        }
    }

    public static Result evaluate(Path gold, Annotator annotator) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, int[]> counts = new LinkedHashMap<>();
        FIELDS.forEach(f -> counts.put(f, new int[2]));
        List<String> misses = new ArrayList<>();
        Lexicon lexicon = annotator.extractor().recognizer().lexicon();
        for (String line : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode g = json.readTree(line);
            String id = g.get("id").asText();
            AnnotatedDocument d = annotator.annotate(new PlainTextParser().parse(id + ".txt", g.get("text").asText()));
            CaseRecord c = d.cases().isEmpty() ? null : d.cases().get(0);
            check(counts, misses, id, "patient found", "yes", c == null ? "no" : "yes");
            check(counts, misses, id, "age", text(g, "age"), c == null || c.age() == null ? null : String.valueOf(c.age()));
            check(counts, misses, id, "sex", text(g, "sex"), c == null || c.sex() == null ? null : c.sex().label());
            String suspect = null;
            if (c != null) {
                for (Exposure x : c.exposures()) {
                    if ("suspect".equals(x.role())) {
                        LexiconEntry e = lexicon.get(x.drugId()).orElse(null);
                        suspect = e == null ? x.drugId() : matches(e, text(g, "drug")) ? text(g, "drug") : e.name();
                    }
                }
            }
            check(counts, misses, id, "suspect drug", text(g, "drug"), suspect);
            check(counts, misses, id, "dechallenge", text(g, "dechallenge"),
                    c == null || c.dechallenge() == null ? null : c.dechallenge().label());
            check(counts, misses, id, "rechallenge", text(g, "rechallenge"),
                    c == null || c.rechallenge() == null ? null : c.rechallenge().label());
            check(counts, misses, id, "outcome", text(g, "outcome"), c == null ? null : c.outcome());
            String goldStated = text(g, "stated");
            StatedCausality st = c == null ? null : c.details().statedCausality();
            String predicted = st == null ? null
                    : (st.scale() == null ? "" : st.scale()) + "|" + (st.score() == null ? "" : st.score()) + "|"
                    + (st.category() == null ? "" : st.category());
            boolean ok = goldStated == null ? st == null : st != null && statedMatches(goldStated, st);
            record(counts, misses, id, "stated causality", ok, goldStated, predicted);
        }
        return new Result(counts, misses);
    }

    private static boolean statedMatches(String gold, StatedCausality st) {
        String[] p = gold.split("\\|", -1);
        return Objects.equals(p[2], st.category())
                && (p[0].isEmpty() || p[0].equalsIgnoreCase(st.scale()))
                && (p[1].isEmpty() || p[1].equals(String.valueOf(st.score())));
    }

    private static boolean matches(LexiconEntry e, String name) {
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        return e.name().toLowerCase(Locale.ROOT).equals(n) || e.synonyms().stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).equals(n));
    }

    private static String text(JsonNode g, String field) {
        JsonNode v = g.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void check(Map<String, int[]> counts, List<String> misses, String id, String field, String gold,
                              String predicted) {
        record(counts, misses, id, field, Objects.equals(gold, predicted), gold, predicted);
    }

    private static void record(Map<String, int[]> counts, List<String> misses, String id, String field, boolean ok,
                               String gold, String predicted) {
        int[] c = counts.get(field);
        c[1]++;
        if (ok) {
            c[0]++;
        } else {
            misses.add(field + " " + id + ": gold " + gold + ", predicted " + predicted);
        }
    }
}
