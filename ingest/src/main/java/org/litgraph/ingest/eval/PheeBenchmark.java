package org.litgraph.ingest.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.litgraph.ingest.annotate.AnnotatedDocument;
import org.litgraph.ingest.annotate.Annotator;
import org.litgraph.ingest.format.ParseException;

/**
 * Scores the pipeline's drug–effect events against PHEE (brat {@code .txt}/{@code .ann} pairs, one
 * sentence per file). Each {@code .txt} goes through {@link Annotator} exactly as ingest would read
 * it; the gold {@code .ann} is never shown to the extractor. A predicted pair (drug span, effect span,
 * event type) matches a gold one when both spans overlap and the types agree (one-to-one, greedy in
 * file order). Rows: typed and untyped drug–effect pairs, the negated / speculated attributes of
 * matched events, and the argument spans of every event per role (drug, effect, age, gender, dose,
 * route, frequency, duration, time elapsed; overlap match, one-to-one) with their micro average.
 */
public final class PheeBenchmark {
    private PheeBenchmark() {
    }

    /** A span of the sentence (discontinuous brat spans keep their outer bounds). */
    record Span(int start, int end) {
        boolean overlaps(Span o) {
            return start < o.end && o.start < end;
        }
    }

    /** One drug–effect pair of an event. */
    record Pair(Span drug, Span effect, String type, boolean negated, boolean speculated) {
    }

    /** Gold events of one brat file, as drug–effect pairs plus the argument spans by role. */
    record Gold(List<Pair> pairs, List<Span> drugs, List<Span> effects, Map<String, List<Span>> arguments) {
    }

    /** The argument roles scored (PHEE brat type -> the event argument name the pipeline stores). */
    static final Map<String, String> ROLES = roles();

    private static Map<String, String> roles() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("Drug", "drug");
        m.put("Effect", "effect");
        m.put("Age", "age");
        m.put("Gender", "gender");
        m.put("Dosage", "dose");
        m.put("Route", "route");
        m.put("Freq", "frequency");
        m.put("Duration", "duration");
        m.put("Time_elapsed", "timeElapsed");
        return java.util.Collections.unmodifiableMap(m);
    }

    public static Report evaluate(Path dir, Annotator annotator) throws IOException {
        List<Path> texts;
        try (Stream<Path> s = Files.list(dir)) {
            texts = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        Report r = new Report();
        for (String row : List.of("Drug-effect pairs (typed)", "Drug-effect pairs (any type)",
                "Negated (matched pairs)", "Speculated (matched pairs)")) {
            r.add(row, new Score(0, 0, 0));
        }
        for (String role : ROLES.values()) {
            r.add("Argument spans: " + role, new Score(0, 0, 0));
        }
        r.add("Argument spans (micro)", new Score(0, 0, 0));
        long t0 = System.nanoTime();
        int n = 0;
        for (Path txt : texts) {
            Path ann = txt.resolveSibling(txt.getFileName().toString().replaceAll("\\.txt$", ".ann"));
            if (!Files.exists(ann)) {
                continue;
            }
            Gold gold = readGold(Files.readString(ann, StandardCharsets.UTF_8));
            List<AnnotatedDocument> docs = new ArrayList<>();
            try {
                annotator.annotate(txt, docs::add);
            } catch (ParseException e) {
                throw new IOException("cannot read " + txt + ": " + e.getMessage(), e);
            }
            List<Pair> predicted = new ArrayList<>();
            Map<String, List<Span>> arguments = new HashMap<>();
            for (AnnotatedDocument d : docs) {
                for (AnnotatedDocument.Event e : d.events()) {
                    for (AnnotatedDocument.Span dr : e.drugs()) {
                        for (AnnotatedDocument.Span ef : e.effects()) {
                            predicted.add(new Pair(new Span(dr.start(), dr.end()), new Span(ef.start(), ef.end()),
                                    e.type(), e.negated(), e.hedged()));
                        }
                    }
                    e.arguments().forEach((role, spans) -> spans.forEach(x ->
                            arguments.computeIfAbsent(role, k -> new ArrayList<>()).add(new Span(x.start(), x.end()))));
                }
            }
            score(r, gold, predicted, arguments);
            n++;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        r.note(String.format(Locale.ROOT, "sentences %d, pipeline throughput %.0f sentences/s (one thread, no warm-up)",
                n, n / seconds));
        return r;
    }

    private static List<Span> dedupe(List<Span> spans) {
        return spans.stream().distinct().toList();
    }

    private static void score(Report r, Gold gold, List<Pair> predicted, Map<String, List<Span>> arguments) {
        r.add("Drug-effect pairs (typed)", match(gold.pairs(), predicted, true, r, true));
        r.add("Drug-effect pairs (any type)", match(gold.pairs(), predicted, false, r, false));
        for (String role : ROLES.values()) {
            Score sc = spans(gold.arguments().getOrDefault(role, List.of()), dedupe(arguments.getOrDefault(role, List.of())));
            r.add("Argument spans: " + role, sc);
            r.add("Argument spans (micro)", sc);
        }
    }

    private static Score spans(List<Span> gold, List<Span> predicted) {
        boolean[] used = new boolean[gold.size()];
        int tp = 0;
        for (Span p : predicted) {
            for (int i = 0; i < gold.size(); i++) {
                if (!used[i] && gold.get(i).overlaps(p)) {
                    used[i] = true;
                    tp++;
                    break;
                }
            }
        }
        return new Score(tp, predicted.size() - tp, gold.size() - tp);
    }

    private static Score match(List<Pair> gold, List<Pair> predicted, boolean typed, Report r, boolean attributes) {
        boolean[] used = new boolean[gold.size()];
        int tp = 0;
        for (Pair p : predicted) {
            for (int i = 0; i < gold.size(); i++) {
                Pair g = gold.get(i);
                if (!used[i] && g.drug().overlaps(p.drug()) && g.effect().overlaps(p.effect())
                        && (!typed || g.type().equals(p.type()))) {
                    used[i] = true;
                    tp++;
                    if (attributes) {
                        r.add("Negated (matched pairs)", new Score(g.negated() && p.negated() ? 1 : 0,
                                !g.negated() && p.negated() ? 1 : 0, g.negated() && !p.negated() ? 1 : 0));
                        r.add("Speculated (matched pairs)", new Score(g.speculated() && p.speculated() ? 1 : 0,
                                !g.speculated() && p.speculated() ? 1 : 0, g.speculated() && !p.speculated() ? 1 : 0));
                    }
                    break;
                }
            }
        }
        return new Score(tp, predicted.size() - tp, gold.size() - tp);
    }

    /** Reads a brat file of PHEE: main events (Adverse_event, Potential_therapeutic_event) with their arguments. */
    static Gold readGold(String ann) {
        Map<String, String> typeOf = new HashMap<>();
        Map<String, Span> spanOf = new HashMap<>();
        List<String[]> events = new ArrayList<>();
        Map<String, List<String>> attributes = new HashMap<>();
        Map<String, List<String>> has = new HashMap<>();
        for (String line : ann.split("\n")) {
            String[] f = line.split("\t");
            if (f.length < 2 || f[0].isEmpty()) {
                continue;
            }
            switch (f[0].charAt(0)) {
                case 'T' -> {
                    String[] typeAndRanges = f[1].split(" ", 2);
                    typeOf.put(f[0], typeAndRanges[0]);
                    int lo = Integer.MAX_VALUE;
                    int hi = -1;
                    for (String range : typeAndRanges[1].split(";")) {
                        String[] se = range.trim().split(" ");
                        lo = Math.min(lo, Integer.parseInt(se[0]));
                        hi = Math.max(hi, Integer.parseInt(se[1]));
                    }
                    spanOf.put(f[0], new Span(lo, hi));
                }
                case 'E' -> events.add(new String[] {f[0], f[1]});
                case 'A' -> {
                    String[] parts = f[1].trim().split(" ");
                    if (parts.length >= 2) {
                        attributes.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(parts[0]);
                    }
                }
                case 'R' -> {
                    String[] parts = f[1].trim().split(" ");
                    if (parts.length >= 3 && parts[0].equals("has")) {
                        has.computeIfAbsent(parts[1].substring(parts[1].indexOf(':') + 1), k -> new ArrayList<>())
                                .add(parts[2].substring(parts[2].indexOf(':') + 1));
                    }
                }
                default -> {
                }
            }
        }
        List<String> mains = new ArrayList<>();
        for (String[] e : events) {
            String trigger = e[1].trim().split(" ")[0];
            String type = trigger.substring(0, trigger.indexOf(':'));
            if (type.equals("Adverse_event") || type.equals("Potential_therapeutic_event")) {
                mains.add(e[0]);
            }
        }
        List<Span> allDrugs = new ArrayList<>();
        List<Span> allEffects = new ArrayList<>();
        Map<String, List<Span>> byRole = new HashMap<>();
        typeOf.forEach((t, type) -> {
            if (type.equals("Drug")) {
                allDrugs.add(spanOf.get(t));
            } else if (type.equals("Effect")) {
                allEffects.add(spanOf.get(t));
            }
            String role = ROLES.get(type);
            if (role != null) {
                byRole.computeIfAbsent(role, k -> new ArrayList<>()).add(spanOf.get(t));
            }
        });
        List<Pair> pairs = new ArrayList<>();
        for (String[] e : events) {
            if (!mains.contains(e[0])) {
                continue;
            }
            String[] parts = e[1].trim().split(" ");
            String type = parts[0].substring(0, parts[0].indexOf(':')).equals("Adverse_event") ? "adverse" : "therapeutic";
            List<String> args = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                args.add(parts[i].substring(parts[i].indexOf(':') + 1));
            }
            if (mains.size() == 1) {
                // one main event: every main argument in the file is its own
                typeOf.forEach((t, ty) -> {
                    if (ty.equals("Treatment") || ty.equals("Effect") || ty.equals("Subject")) {
                        args.add(t);
                    }
                });
            }
            List<String> attrs = attributes.getOrDefault(e[0], List.of());
            boolean negated = attrs.contains("Negated");
            boolean speculated = attrs.contains("Speculated");
            List<Span> drugs = new ArrayList<>();
            List<Span> effects = new ArrayList<>();
            for (String a : args.stream().distinct().toList()) {
                String ty = typeOf.get(a);
                if ("Effect".equals(ty)) {
                    effects.add(spanOf.get(a));
                } else if ("Treatment".equals(ty)) {
                    Span treatment = spanOf.get(a);
                    List<String> linked = has.getOrDefault(a, List.of());
                    typeOf.forEach((t, tt) -> {
                        if (tt.equals("Drug") && (linked.contains(t) || (linked.isEmpty() && treatment.overlaps(spanOf.get(t))))) {
                            drugs.add(spanOf.get(t));
                        }
                    });
                }
            }
            for (Span d : drugs.stream().distinct().sorted((x, y) -> Integer.compare(x.start(), y.start())).toList()) {
                for (Span f : effects) {
                    pairs.add(new Pair(d, f, type, negated, speculated));
                }
            }
        }
        return new Gold(pairs, allDrugs, allEffects, byRole);
    }
}
