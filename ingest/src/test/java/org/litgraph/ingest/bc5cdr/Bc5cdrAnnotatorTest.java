package org.litgraph.ingest.bc5cdr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class Bc5cdrAnnotatorTest {
    @Test
    void groundsChemicalsAndDiseasesToMeshIdsAndDefinedAbbreviations() throws Exception {
        // our own sentences; gold lines in the input must be ignored
        String input = "42|t|Haloperidol and tardive dyskinesia in an elderly woman.\n"
                + "42|a|Months of haloperidol were followed by tardive dyskinesia (TD); TD eased after stopping the drug, "
                + "while her hypertension stayed controlled with captopril.\n"
                + "42\t0\t11\tHaloperidol\tChemical\tD999999\n\n";
        StringWriter out = new StringWriter();
        Bc5cdrAnnotator.annotate(new StringReader(input), out);
        String o = out.toString();
        assertTrue(o.contains("42\t0\t11\tHaloperidol\tChemical\tD006220\n"), o);
        assertTrue(o.contains("\ttardive dyskinesia\tDisease\tD000071057\n") || o.contains("\ttardive dyskinesia\tDisease\tD004409\n"), o);
        assertTrue(o.contains("\tTD\tDisease\t"), o);
        assertTrue(o.contains("\thypertension\tDisease\tD006973\n"), o);
        assertTrue(o.contains("\tcaptopril\tChemical\tD002216\n"), o);
        assertTrue(!o.contains("D999999"), o);
        assertTrue(o.contains("42\tCID\tD006220\t"), "haloperidol relation expected:\n" + o);
    }

    @Test
    void exceedsAFloorOnTheDevelopmentSet() {
        Path dev = Path.of(System.getProperty("litgraph.shared", "../../shared"), "data/bc5cdr/CDR_DevelopmentSet.PubTator.txt");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(dev), "../shared is not beside the repository");
        Bc5cdrEvaluator.Report r = Bc5cdrEvaluator.evaluate(dev);
        System.out.print("BC5CDR development set\n" + r.table());
        // last measured: chemical concept 0.8399, disease concept 0.8238, CID 0.4626, mentions 0.8468 / 0.8217
        assertTrue(r.get(Bc5cdrEvaluator.CHEMICAL_CONCEPT).f1() >= 0.82, "chemical concept F1");
        assertTrue(r.get(Bc5cdrEvaluator.DISEASE_CONCEPT).f1() >= 0.80, "disease concept F1");
        assertTrue(r.get(Bc5cdrEvaluator.CID_RELATION).f1() >= 0.44, "CID relation F1");
        assertTrue(r.get(Bc5cdrEvaluator.CHEMICAL_MENTION).f1() >= 0.82, "chemical mention F1");
        assertTrue(r.get(Bc5cdrEvaluator.DISEASE_MENTION).f1() >= 0.80, "disease mention F1");
    }

    @Test
    void joinsSaltsAndStereoPrefixesToTheirChemicalAndWritesAdjacentDiseasesAsOneComposite() throws Exception {
        // our own sentences
        String input = "9|t|Cholestatic hepatitis after cephalothin sodium.\n"
                + "9|a|Rats received L-arginine before the drug.\n\n";
        StringWriter out = new StringWriter();
        Bc5cdrAnnotator.annotate(new StringReader(input), out);
        String o = out.toString();
        assertTrue(o.contains("\tcephalothin sodium\tChemical\tD002512\n"), o);
        assertTrue(o.contains("\tL-arginine\tChemical\tD001120\n"), o);
        assertTrue(o.contains("9\t0\t21\tCholestatic hepatitis\tDisease\tD002779|"), o);
    }

    @Test
    void writesMeshNamesTheWayAbstractsSpellThem() {
        assertTrue(Variants.of("Hemolytic Anemia", org.litgraph.graph.EntityKind.CONDITION).contains("haemolytic anaemia"));
        assertTrue(Variants.of("Kidney Diseases", org.litgraph.graph.EntityKind.CONDITION).contains("renal diseases"));
        assertTrue(Variants.of("Urinary Bladder Neoplasms", org.litgraph.graph.EntityKind.CONDITION).contains("bladder cancer"));
        assertTrue(Variants.of("Sulfasalazine", org.litgraph.graph.EntityKind.DRUG).contains("sulphasalazine"));
        assertTrue(Variants.of("Aspirin", org.litgraph.graph.EntityKind.DRUG).isEmpty());
    }

    @Test
    void annotatesAgainWithIdenticalOutput() throws Exception {
        String input = "7|t|Cisplatin nephrotoxicity.\n7|a|Renal failure followed cisplatin.\n\n";
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        Bc5cdrAnnotator.annotate(new StringReader(input), a);
        Bc5cdrAnnotator.annotate(new StringReader(input), b);
        assertTrue(a.toString().equals(b.toString()));
        assertTrue(List.of(a.toString().split("\n")).stream().anyMatch(l -> l.endsWith("\tChemical\tD002945")), a.toString());
    }
}
