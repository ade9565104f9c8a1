package org.litgraph.ingest.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** BioC XML collections: one document per {@code <document>}, streamed. */
final class BioCXmlParser implements DocumentParser {

    @Override
    public Format format() {
        return Format.BIOC_XML;
    }

    @Override
    public void parse(Source source, Consumer<ParsedDocument> sink) throws IOException, ParseException {
        String root = SecureXml.stream(source, n -> n.equals("document"), n -> false,
                e -> sink.accept(BioC.render(read(e, source), Format.BIOC_XML, source.location())));
        if (!root.equals("collection") && !root.equals("document")) {
            throw new ParseException("not BioC XML: " + source.location() + " has root element <" + root
                    + ">, expected <collection>");
        }
    }

    private static BioC.Document read(XElement doc, Source source) throws ParseException {
        List<BioC.Passage> passages = new ArrayList<>();
        for (XElement p : doc.children("passage")) {
            List<BioC.Ann> anns = new ArrayList<>();
            for (XElement a : p.children("annotation")) {
                List<BioC.Location> locs = new ArrayList<>();
                for (XElement l : a.children("location")) {
                    locs.add(new BioC.Location(integer(l.attr("offset"), source), integer(l.attr("length"), source)));
                }
                XElement t = a.child("text");
                anns.add(new BioC.Ann(a.attr("id"), infons(a), locs, t == null ? "" : t.rawText()));
            }
            XElement t = p.child("text");
            String offset = XElement.textOf(p.child("offset"));
            passages.add(new BioC.Passage(offset == null ? 0 : integer(offset, source), infons(p),
                    t == null ? "" : t.rawText(), anns));
        }
        List<BioC.Relation> relations = new ArrayList<>();
        List<XElement> rels = new ArrayList<>(doc.children("relation"));
        for (XElement p : doc.children("passage")) {
            rels.addAll(p.children("relation"));
        }
        for (XElement r : rels) {
            List<String[]> nodes = new ArrayList<>();
            for (XElement n : r.children("node")) {
                nodes.add(new String[] {n.attr("refid"), n.attr("role")});
            }
            relations.add(new BioC.Relation(r.attr("id"), infons(r), nodes));
        }
        return new BioC.Document(XElement.textOf(doc.child("id")), infons(doc), passages, relations);
    }

    private static Map<String, String> infons(XElement e) {
        Map<String, String> m = new LinkedHashMap<>();
        for (XElement i : e.children("infon")) {
            m.put(i.attr("key"), i.text());
        }
        return m;
    }

    private static int integer(String s, Source source) throws ParseException {
        try {
            return Integer.parseInt(s.strip());
        } catch (RuntimeException e) {
            throw new ParseException("BioC offset or length '" + s + "' is not a number in " + source.location());
        }
    }
}
