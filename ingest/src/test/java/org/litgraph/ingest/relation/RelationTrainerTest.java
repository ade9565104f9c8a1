package org.litgraph.ingest.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litgraph.graph.Predicate;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/** Training with Tribuo/liblinear is deterministic, the exported weights reproduce Tribuo's probabilities, and the file round-trips. */
class RelationTrainerTest {
    /** A separable-ish synthetic problem: "cue" makes a positive likely, "noise" says nothing. */
    private static List<Example<Label>> examples() {
        Random r = new Random(7);
        List<Example<Label>> out = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean cue = r.nextDouble() < 0.4;
            boolean pos = cue ? r.nextDouble() < 0.85 : r.nextDouble() < 0.1;
            List<String> names = new ArrayList<>(List.of("bias"));
            List<Double> values = new ArrayList<>(List.of(1.0));
            if (cue) {
                names.add("cue");
                values.add(1.0);
            }
            names.add("noise" + r.nextInt(5));
            values.add(1.0);
            out.add(new ArrayExample<>(new Label(pos ? "POS" : "NEG"), names.toArray(String[]::new),
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    @Test
    void trainingIsDeterministicAndExportMatchesTribuo() {
        List<Example<Label>> ex = examples();
        Map<String, Double> a = RelationTrainer.export(RelationTrainer.fit(ex, 1.0));
        Map<String, Double> b = RelationTrainer.export(RelationTrainer.fit(ex, 1.0));
        assertEquals(a, b);
        assertTrue(a.get("cue") > 1.0, "the cue must carry a clearly positive weight: " + a);
        assertTrue(RelationTrainer.check(RelationTrainer.fit(ex, 1.0), a, ex) < 1e-4);
    }

    @Test
    void modelFileRoundTrips(@TempDir Path dir) throws Exception {
        FeatureIndex index = FeatureIndex.growing();
        Priors priors = new Priors();
        priors.subjects.put("MESH:D1", new int[] {4, 3});
        priors.pairs.put("MESH:D1\tMESH:D2", new int[] {2, 2});
        Head h = new Head(Predicate.CAUSES, Group.DRUG_CONDITION, Map.of("bias", -1.5, "i:bw:induc", 2.25), index, priors,
                0.37, 0.3);
        Path file = dir.resolve("m.tsv.gz");
        RelationModel.write(file, List.of(h), List.of("test"));
        RelationModel.Shipped read;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            read = RelationModel.read(r);
        }
        Head back = read.heads().get(0);
        assertEquals(h.weightsByName(), back.weightsByName());
        assertEquals(0.37, back.threshold());
        assertEquals(0.3, back.fallback());
        assertEquals(3, back.priors().subjects.get("MESH:D1")[1]);
        Path again = dir.resolve("again.tsv.gz");
        RelationModel.write(again, read.heads(), List.of("test"));
        assertEquals(-1, Files.mismatch(file, again), "the same model writes the same bytes");
    }
}
