package org.litgraph.ingest.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.litgraph.graph.SourceType;
import org.litgraph.ingest.format.ParsedDocument.AnnotatedRelation;
import org.litgraph.ingest.format.ParsedDocument.Annotation;

/** PubTator and BioC (XML and JSON): supplied annotations must index the composed text unchanged. */
class AnnotatedCorpusParserTest {
    private static final Pattern TITLE_LINE = Pattern.compile("(?m)^\\d+\\|t\\|");
    private static final Pattern MENTION_LINE = Pattern.compile("(?m)^\\d+\\t\\d+\\t\\d+\\t");
    private static final Pattern CID_LINE = Pattern.compile("(?m)^\\d+\\tCID\\t");
    private static final Pattern BIOC_DOCUMENT = Pattern.compile("<document>");
    private static final Pattern BIOC_ANNOTATION = Pattern.compile("<annotation[\\s>]");
    private static final Pattern SPLIT_MENTION = Pattern.compile("<location[^>]*/>\\s*<location");

    @Test
    void shouldIndexEveryPubTatorMentionOfTheDevelopmentSetIntoTheText() throws Exception {
        Path f = TestData.data("bc5cdr/CDR_DevelopmentSet.PubTator.txt");
        String raw = TestData.content(f);
        List<ParsedDocument> docs = TestData.parse(Format.PUBTATOR, f);
        assertEquals(TestData.count(TITLE_LINE, raw), docs.size());
        int mentions = 0;
        int relations = 0;
        for (ParsedDocument d : docs) {
            for (Annotation a : d.annotations()) {
                assertEquals(a.text(), d.text().substring(a.start(), a.end()), d.metadata().pmid() + " " + a);
            }
            mentions += d.annotations().size();
            relations += d.relations().size();
            // an abstract, unless its title or text says what design it is (a case report, a trial, ...)
            assertTrue(d.metadata().sourceType() != SourceType.WEB_PAGE && d.metadata().sourceType() != SourceType.OTHER,
                    d.metadata().pmid());
            assertTrue(d.text().startsWith(d.metadata().title()));
        }
        assertEquals(TestData.count(MENTION_LINE, raw), mentions);
        assertEquals(TestData.count(CID_LINE, raw), relations);
        ParsedDocument first = docs.get(0);
        assertTrue(first.relations().stream().allMatch(r -> r.type().equals("CID")));
        assertTrue(docs.stream().flatMap(d -> d.annotations().stream()).anyMatch(a -> a.ids().size() == 2),
                "composite ids D..|D.. are split");
    }

    @Test
    void shouldIndexEveryBioCAnnotationAndAgreeWithPubTatorOnTheText() throws Exception {
        Path f = TestData.data("bc5cdr/CDR_DevelopmentSet.BioC.xml");
        String raw = TestData.content(f);
        List<ParsedDocument> docs = TestData.parse(Format.BIOC_XML, f);
        assertEquals(TestData.count(BIOC_DOCUMENT, raw), docs.size());
        Map<String, String> pubtatorText = new HashMap<>();
        for (ParsedDocument d : TestData.parse(Format.PUBTATOR, TestData.data("bc5cdr/CDR_DevelopmentSet.PubTator.txt"))) {
            pubtatorText.put(d.metadata().pmid(), d.text());
        }
        int annotations = 0;
        int split = 0;
        for (ParsedDocument d : docs) {
            assertEquals(pubtatorText.get(d.metadata().pmid()), d.text(), d.metadata().pmid());
            for (Annotation a : d.annotations()) {
                String span = d.text().substring(a.start(), a.end());
                if (!span.equals(a.text())) {
                    // a discontinuous mention ("cardiovascular, and respiratory depression"): every word is in its span
                    split++;
                    for (String word : a.text().split("\\s+")) {
                        assertTrue(span.contains(word), d.metadata().pmid() + " " + a);
                    }
                }
            }
            annotations += d.annotations().size();
            assertTrue(d.relations().stream().allMatch(r -> r.type().equals("CID") && r.id1().matches("[CD]\\d+")));
            TestData.assertOffsetsConsistent(d);
        }
        assertEquals(TestData.count(BIOC_ANNOTATION, raw), annotations);
        assertTrue(split <= TestData.count(SPLIT_MENTION, raw), "only discontinuous mentions differ: " + split);
    }

    @Test
    void shouldReadBioCJsonWithPassageOffsetsNodesAndCompositeIds() throws Exception {
        String json = """
                {"source": "made-up", "date": "2024", "documents": [
                 {"id": "101", "infons": {}, "relations": [
                   {"id": "R1", "infons": {"type": "Association"},
                    "nodes": [{"refid": "a1", "role": "Chemical"}, {"refid": "a2", "role": "Disease"}]}],
                  "passages": [
                   {"offset": 0, "infons": {"type": "title"}, "text": "Drug Q and rash.",
                    "annotations": [{"id": "a1", "infons": {"type": "Chemical", "identifier": "MESH:D000001"},
                      "text": "Drug Q", "locations": [{"offset": 0, "length": 6}]}]},
                   {"offset": 17, "infons": {"type": "abstract"}, "text": "Rash followed drug Q.",
                    "annotations": [{"id": "a2", "infons": {"type": "Disease", "identifier": "D002|D003"},
                      "text": "Rash", "locations": [{"offset": 17, "length": 4}]}]}]},
                 {"id": "102", "passages": [{"offset": 0, "infons": {"type": "title"}, "text": "Second.", "annotations": []}]}
                ]}
                """;
        List<ParsedDocument> docs = TestData.parse(Format.BIOC_JSON, "c.json", json);
        assertEquals(2, docs.size());
        ParsedDocument d = docs.get(0);
        assertEquals("Drug Q and rash. Rash followed drug Q.", d.text());
        assertEquals("Drug Q and rash.", d.metadata().title());
        assertEquals("101", d.metadata().pmid());
        Annotation rash = d.annotations().get(1);
        assertEquals("Rash", d.text().substring(rash.start(), rash.end()));
        assertEquals(List.of("D002", "D003"), rash.ids());
        assertEquals(List.of(new AnnotatedRelation("Association", "MESH:D000001", "D002")), d.relations());
        ParseException e = org.junit.jupiter.api.Assertions.assertThrows(ParseException.class,
                () -> TestData.parse(Format.BIOC_JSON, "bad.json", "{\"documents\": [ {\"id\": "));
        assertTrue(e.getMessage().contains("line"), e.getMessage());
    }

    @Test
    void shouldShiftAnnotationsOfAPassageWhoseOffsetOverlapsTheTextBefore() throws Exception {
        String xml = """
                <?xml version='1.0' encoding='UTF-8'?><!DOCTYPE collection SYSTEM 'BioC.dtd'>
                <collection><source>test</source><document><id>7</id>
                <passage><infon key="type">title</infon><offset>0</offset><text>Alpha beta.</text></passage>
                <passage><infon key="type">abstract</infon><offset>5</offset><text>Gamma delta.</text>
                <annotation id="1"><infon key="type">Chemical</infon><infon key="MESH">-1</infon>
                <location offset="11" length="5"/><text>delta</text></annotation></passage></document></collection>
                """;
        ParsedDocument d = TestData.parse(Format.BIOC_XML, "s.xml", xml).get(0);
        Annotation a = d.annotations().get(0);
        assertEquals("delta", d.text().substring(a.start(), a.end()));
        assertEquals(List.of(), a.ids());
    }
}
