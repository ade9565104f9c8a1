package org.litgraph.ingest.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.litgraph.graph.SourceType;
import org.litgraph.ingest.format.ParsedDocument.AnnotatedRelation;
import org.litgraph.ingest.format.ParsedDocument.Annotation;

/**
 * The BioC data model shared by the XML and JSON readers, and its rendering into one text. BioC
 * offsets count from the start of the document; passages are laid out at their stated offsets
 * (title at 0, abstract at title length + 1 in BC5CDR), so supplied annotation offsets keep
 * indexing the composed text. A passage whose offset overlaps the text before it is appended
 * after a blank line and its annotations are shifted accordingly.
 */
final class BioC {
    private BioC() {
    }

    record Location(int offset, int length) {
    }

    record Ann(String id, Map<String, String> infons, List<Location> locations, String text) {
    }

    record Passage(int offset, Map<String, String> infons, String text, List<Ann> annotations) {
    }

    record Relation(String id, Map<String, String> infons, List<String[]> nodes) {
    }

    record Document(String id, Map<String, String> infons, List<Passage> passages, List<Relation> relations) {
    }

    static ParsedDocument render(Document d, Format format, String location) {
        StringBuilder text = new StringBuilder();
        DocumentBuilder b = new DocumentBuilder(format, location);
        Map<String, Annotation> byId = new HashMap<>();
        List<Annotation> annotations = new ArrayList<>();
        List<Integer> passageStarts = new ArrayList<>();
        String title = null;
        for (Passage p : d.passages()) {
            String pt = p.text() == null ? "" : p.text();
            int start;
            if (p.offset() >= text.length()) {
                start = p.offset();
                while (text.length() < start) {
                    text.append(' ');
                }
            } else {
                text.append("\n\n");
                start = text.length();
            }
            passageStarts.add(start);
            text.append(pt);
            String type = type(p.infons());
            if (type != null && !pt.isEmpty()) {
                b.section(type, start, start + pt.length());
            }
            if (title == null && type != null && type.toLowerCase(Locale.ROOT).contains("title")) {
                title = pt.strip();
            }
            int shift = start - p.offset();
            for (Ann a : p.annotations()) {
                if (a.locations().isEmpty()) {
                    continue;
                }
                int s = Integer.MAX_VALUE;
                int e = 0;
                for (Location l : a.locations()) {
                    s = Math.min(s, l.offset() + shift);
                    e = Math.max(e, l.offset() + l.length() + shift);
                }
                Annotation ann = new Annotation(s, e, a.text(), a.infons().getOrDefault("type", null), ids(a.infons()));
                annotations.add(ann);
                if (a.id() != null) {
                    byId.put(a.id(), ann);
                }
            }
        }
        b.text(text.toString());
        annotations.forEach(b::annotation);
        for (Relation r : d.relations()) {
            Map<String, String> inf = r.infons();
            String type = inf.getOrDefault("relation", inf.getOrDefault("type", inf.get("relation_type")));
            String id1 = null;
            String id2 = null;
            if (inf.containsKey("Chemical") && inf.containsKey("Disease")) {
                id1 = inf.get("Chemical");
                id2 = inf.get("Disease");
            } else if (r.nodes().size() >= 2) {
                id1 = nodeId(r.nodes().get(0)[0], byId);
                id2 = nodeId(r.nodes().get(1)[0], byId);
            } else {
                List<String> others = inf.entrySet().stream()
                        .filter(en -> !en.getKey().equals("relation") && !en.getKey().equals("type"))
                        .map(Map.Entry::getValue).toList();
                if (others.size() >= 2) {
                    id1 = others.get(0);
                    id2 = others.get(1);
                }
            }
            if (type != null && id1 != null && id2 != null) {
                b.relation(new AnnotatedRelation(type, id1, id2));
            }
        }
        String id = d.id();
        b.title(title);
        if (id != null && id.matches("\\d+")) {
            b.pmid(id);
            b.url("https://pubmed.ncbi.nlm.nih.gov/" + id + "/");
        } else if (id != null && id.matches("PMC\\d+")) {
            b.pmcid(id);
        }
        boolean fullText = d.passages().stream().map(p -> type(p.infons()))
                .anyMatch(t -> t != null && !t.toLowerCase(Locale.ROOT).matches(".*(title|abstract).*"));
        b.sourceType(fullText ? SourceType.RESEARCH_ARTICLE : SourceType.ABSTRACT);
        return b.build();
    }

    private static String nodeId(String refid, Map<String, Annotation> byId) {
        Annotation a = byId.get(refid);
        if (a != null && !a.ids().isEmpty()) {
            return a.ids().get(0);
        }
        return refid;
    }

    private static String type(Map<String, String> infons) {
        String t = infons.get("type");
        if (t == null) {
            t = infons.get("section_type");
        }
        return t;
    }

    /** The annotation's concept ids: MESH (BC5CDR), identifier (PubTator3) or any *ID infon. */
    static List<String> ids(Map<String, String> infons) {
        for (String key : List.of("MESH", "identifier", "Identifier", "NCBI Gene", "ID", "id")) {
            String v = infons.get(key);
            if (v != null) {
                return PubTatorParser.ids(v);
            }
        }
        return List.of();
    }
}
