package org.litgraph.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.litgraph.graph.EntityKind;
import org.litgraph.graph.Predicate;
import org.litgraph.ingest.lexicon.Lexicon;
import org.litgraph.ingest.lexicon.LexiconEntry;

/**
 * Statements that a PubMed record's MeSH indexing makes: a chemical indexed with "adverse effects"
 * (or toxicity, poisoning) beside a condition indexed with "chemically induced" says the chemical
 * causes it; "therapeutic use" beside "drug therapy" says it treats it. Reads the "MeSH terms" block
 * as PubMed pages show it (one "Descriptor / qualifier*" per line), so the evidence is verbatim text.
 */
final class MeshQualifiers {
    private static final Pattern HEADER = Pattern.compile("(?im)^[ \\t]*MeSH terms[ \\t]*:?[ \\t]*$");
    private static final Pattern LINE = Pattern.compile("^[ \\t]*(?:[•\\-*][ \\t]*)?([^/\\n]+?)(?:[ \\t]*/[ \\t]*([^\\n*]+?))?(\\*)?[ \\t]*$");
    private static final Set<String> HARM = Set.of("adverse effects", "toxicity", "poisoning");
    private static final Set<String> INDUCED = Set.of("chemically induced");
    private static final Set<String> USE = Set.of("therapeutic use");
    private static final Set<String> THERAPY = Set.of("drug therapy", "prevention & control", "prevention and control");

    /** One qualified heading line of the block, grounded. */
    record Line(int start, int end, LexiconEntry entry, String qualifier) {
    }

    /** A statement found: the subject line and the object line. */
    record Found(Predicate predicate, Line subject, Line object) {
    }

    private MeshQualifiers() {
    }

    static List<Found> find(String text, Lexicon lexicon) {
        Matcher h = HEADER.matcher(text);
        if (!h.find()) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        int pos = h.end();
        int blanks = 0;
        while (pos < text.length()) {
            int eol = text.indexOf('\n', pos + 1);
            if (eol < 0) {
                eol = text.length();
            }
            int s = pos == h.end() ? pos : pos + 1;
            String raw = text.substring(Math.min(s, eol), eol);
            pos = eol;
            if (raw.isBlank()) {
                if (++blanks > 2) {
                    break;
                }
                continue;
            }
            blanks = 0;
            Matcher m = LINE.matcher(raw);
            if (!m.matches() || raw.strip().length() > 120) {
                break;
            }
            int start = s + m.start(1);
            int end = s + raw.stripTrailing().length();
            String qualifier = m.group(2) == null ? null : m.group(2).strip().toLowerCase(Locale.ROOT);
            lexicon.lookup(m.group(1).strip()).stream().map(id -> lexicon.get(id).orElse(null))
                    .filter(e -> e != null && (e.kind() == EntityKind.DRUG || e.kind() == EntityKind.CONDITION))
                    .findFirst()
                    .ifPresent(e -> lines.add(new Line(start, end, e, qualifier)));
        }
        List<Found> out = new ArrayList<>();
        for (Line chem : lines) {
            if (chem.entry().kind() != EntityKind.DRUG || chem.qualifier() == null) {
                continue;
            }
            for (Line cond : lines) {
                if (cond.entry().kind() != EntityKind.CONDITION || cond.qualifier() == null) {
                    continue;
                }
                if (HARM.contains(chem.qualifier()) && INDUCED.contains(cond.qualifier())) {
                    out.add(new Found(Predicate.CAUSES, chem, cond));
                } else if (USE.contains(chem.qualifier()) && THERAPY.contains(cond.qualifier())) {
                    out.add(new Found(Predicate.TREATS, chem, cond));
                }
            }
        }
        return out;
    }
}
