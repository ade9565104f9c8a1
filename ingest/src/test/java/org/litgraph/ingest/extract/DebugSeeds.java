package org.litgraph.ingest.extract;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.DocumentGraph;
import org.litgraph.ingest.format.PlainTextParser;

class DebugSeeds {
    @Test
    void dump() throws Exception {
        DocumentExtractor x = DocumentExtractor.standard();
        Path dir = Path.of(System.getProperty("litgraph.shared"), "seeds");
        try (var files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                var parsed = new PlainTextParser().parse(p.toString(), Files.readString(p));
                DocumentGraph g = x.extract(parsed);
                System.out.println("=== " + p.getFileName() + " " + g.document());
                g.evidence().forEach(e -> System.out.println("  EV " + e.predicate() + " " + e.subjectId() + " -> " + e.objectId()
                        + (e.negated() ? " NEG" : "") + (e.hedged() ? " HEDGE" : "") + " | " + e.text().replace('\n', ' ').substring(0, Math.min(110, e.text().length()))));
                g.cases().forEach(c -> System.out.println("  CASE " + c.label() + " " + c.age() + " " + c.sex() + " dose=" + c.dose() + " onset=" + c.timeToOnset()
                        + " out=" + c.outcome() + " de=" + c.dechallenge() + " re=" + c.rechallenge() + " exp=" + c.exposures() + " cond=" + c.conditionIds() + " cites=" + c.citedReferenceIds().size()));
                g.references().forEach(r -> System.out.println("  REF " + r.role() + " " + r.id() + " " + r.number() + " y=" + r.year() + " j=" + r.journal() + " t=" + r.title()));
            }
        }
    }
}
