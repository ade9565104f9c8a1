package org.litgraph.ingest.annotate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.litgraph.graph.DocumentGraph;
import org.litgraph.graph.DocumentGraph.CaseRecord;
import org.litgraph.graph.DocumentGraph.Exposure;

/**
 * Writes {@link AnnotatedDocument}s as JSON lines, one object per document:
 * {@code {"id", "entities": [{start, end, text, type, ids}], "relations": [{predicate, subject, object,
 * negated, hedged, evidence: [{start, end}]}], "events": [...], "cases": [...]}}. Offsets index the
 * document text (for PubTator input: title, one space, abstract). Fields the pipeline cannot fill are null.
 */
public final class JsonlOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonlOutput() {
    }

    public static void write(AnnotatedDocument d, Writer out) throws IOException {
        out.write(JSON.writeValueAsString(toMap(d)));
        out.write('\n');
    }

    static Map<String, Object> toMap(AnnotatedDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        List<Object> entities = new ArrayList<>();
        for (AnnotatedDocument.EntitySpan e : d.entities()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("start", e.start());
            x.put("end", e.end());
            x.put("text", e.text());
            x.put("type", e.type());
            x.put("ids", List.of(e.id()));
            entities.add(x);
        }
        m.put("entities", entities);
        List<Object> relations = new ArrayList<>();
        for (AnnotatedDocument.Relation r : d.relations()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("predicate", r.predicate().name());
            x.put("subject", r.subject());
            x.put("object", r.object());
            x.put("negated", r.negated());
            x.put("hedged", r.hedged());
            List<Object> ev = new ArrayList<>();
            for (AnnotatedDocument.Span s : r.evidence()) {
                ev.add(Map.of("start", s.start(), "end", s.end()));
            }
            x.put("evidence", ev);
            relations.add(x);
        }
        m.put("relations", relations);
        List<Object> events = new ArrayList<>();
        for (AnnotatedDocument.Event e : d.events()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("type", e.type());
            x.put("negated", e.negated());
            x.put("hedged", e.hedged());
            x.put("drugs", spans(e.drugs()));
            x.put("effects", spans(e.effects()));
            Map<String, Object> subject = new LinkedHashMap<>();
            subject.put("age", span(e.first("age")));
            subject.put("sex", e.sex());
            subject.put("gender", span(e.first("gender")));
            subject.put("population", span(e.first("population")));
            x.put("subject", subject);
            for (String f : List.of("dose", "route", "frequency", "duration", "timeElapsed", "severity")) {
                x.put(f, span(e.first(f)));
            }
            x.put("evidence", span(e.evidence()));
            events.add(x);
        }
        m.put("events", events);
        List<Object> cases = new ArrayList<>();
        for (CaseRecord c : d.cases()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", c.id());
            x.put("label", c.label());
            x.put("age", c.age());
            x.put("ageText", c.details().ageText());
            x.put("ageGroup", c.details().ageGroup());
            x.put("sex", c.sex() == null ? null : c.sex().label());
            x.put("dose", c.dose());
            x.put("timeToOnset", c.timeToOnset());
            x.put("symptoms", c.symptoms());
            x.put("conditions", c.conditionIds());
            x.put("reactions", c.details().reactionIds());
            x.put("seriousness", c.details().seriousness());
            x.put("history", c.details().historyIds());
            x.put("management", c.management());
            x.put("outcome", c.outcome());
            x.put("dechallenge", c.dechallenge() == null ? null : c.dechallenge().label());
            x.put("rechallenge", c.rechallenge() == null ? null : c.rechallenge().label());
            List<Object> exposures = new ArrayList<>();
            for (Exposure e : c.exposures()) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("drug", e.drugId());
                y.put("dose", e.dose());
                y.put("route", e.route());
                y.put("frequency", e.frequency());
                y.put("duration", e.duration());
                y.put("role", e.role());
                y.put("inferred", e.inferred());
                exposures.add(y);
            }
            x.put("exposures", exposures);
            if (c.causality() != null) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("scale", "Naranjo");
                y.put("drug", c.causality().drugId());
                y.put("score", c.causality().score());
                y.put("category", c.causality().category());
                List<Object> answers = new ArrayList<>();
                for (int i = 0; i < c.causality().answers().size(); i++) {
                    Map<String, Object> a = new LinkedHashMap<>();
                    a.put("answer", c.causality().answers().get(i));
                    a.put("sentence", i < c.causality().answerSentences().size() ? c.causality().answerSentences().get(i) : null);
                    answers.add(a);
                }
                y.put("answers", answers);
                x.put("causality", y);
            } else {
                x.put("causality", null);
            }
            DocumentGraph.StatedCausality st = c.details().statedCausality();
            if (st != null) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("scale", st.scale());
                y.put("score", st.score());
                y.put("category", st.category());
                y.put("text", st.text());
                x.put("statedCausality", y);
            } else {
                x.put("statedCausality", null);
            }
            List<Object> sources = new ArrayList<>();
            for (DocumentGraph.FieldSource f : c.details().sources()) {
                Map<String, Object> y = new LinkedHashMap<>();
                y.put("field", f.field());
                y.put("value", f.value());
                y.put("start", f.start());
                y.put("end", f.end());
                Map<String, Object> sentence = new LinkedHashMap<>();
                sentence.put("start", f.sentenceStart());
                sentence.put("end", f.sentenceEnd());
                sentence.put("text", f.sentence());
                y.put("sentence", sentence);
                sources.add(y);
            }
            x.put("sources", sources);
            cases.add(x);
        }
        m.put("cases", cases);
        return m;
    }

    private static List<Object> spans(List<AnnotatedDocument.Span> spans) {
        List<Object> out = new ArrayList<>();
        spans.forEach(s -> out.add(span(s)));
        return out;
    }

    private static Map<String, Object> span(AnnotatedDocument.Span s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("start", s.start());
        x.put("end", s.end());
        x.put("text", s.text());
        return x;
    }
}
