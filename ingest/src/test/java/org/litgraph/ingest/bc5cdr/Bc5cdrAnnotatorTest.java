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
        Bc5cdrEvaluator.Report r = Bc5cdrEvaluator.evaluate(dev);
        System.out.print("BC5CDR development set\n" + r.table());
        assertTrue(r.get(Bc5cdrEvaluator.CHEMICAL_CONCEPT).f1() >= 0.75, "chemical concept F1");
        assertTrue(r.get(Bc5cdrEvaluator.DISEASE_CONCEPT).f1() >= 0.75, "disease concept F1");
        assertTrue(r.get(Bc5cdrEvaluator.CID_RELATION).f1() >= 0.40, "CID relation F1");
        assertTrue(r.get(Bc5cdrEvaluator.CHEMICAL_MENTION).f1() >= 0.75, "chemical mention F1");
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
