package org.litgraph.ingest.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * BioC JSON: a collection {@code {"documents": [...]}}, an array of collections or documents, or
 * PubTator3's {@code {"PubTator3": [...]}}. Documents inside a top-level documents array are read
 * one at a time.
 */
final class BioCJsonParser implements DocumentParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory JSON = MAPPER.getFactory();

    @Override
    public Format format() {
        return Format.BIOC_JSON;
    }

    @Override
    public void parse(Source source, Consumer<ParsedDocument> sink) throws IOException, ParseException {
        int[] count = {0};
        Consumer<JsonNode> onDocument = n -> {
            sink.accept(BioC.render(document(n), Format.BIOC_JSON, source.location()));
            count[0]++;
        };
        try (InputStream in = source.open(); JsonParser p = JSON.createParser(in)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    dispatch(MAPPER.readTree(p), onDocument);
                }
            } else if (t == JsonToken.START_OBJECT) {
                ObjectNode rest = MAPPER.createObjectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if ((field.equals("documents") || field.equals("PubTator3")) && v == JsonToken.START_ARRAY) {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            onDocument.accept(MAPPER.readTree(p));
                        }
                    } else {
                        rest.set(field, MAPPER.readTree(p));
                    }
                }
                if (rest.has("passages")) {
                    onDocument.accept(rest);
                }
            } else {
                throw new ParseException("not BioC JSON: " + source.location() + " does not start with { or [");
            }
        } catch (JsonProcessingException e) {
            var l = e.getLocation();
            throw new ParseException("malformed JSON" + (l == null ? "" : " at line " + l.getLineNr() + ", column "
                    + l.getColumnNr()) + " in " + source.location() + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ParseException("unexpected BioC JSON structure in " + source.location() + ": "
                    + e.getMessage(), e);
        }
        if (count[0] == 0) {
            throw new ParseException("no BioC documents in " + source.location());
        }
    }

    private static void dispatch(JsonNode n, Consumer<JsonNode> onDocument) {
        if (n.has("passages")) {
            onDocument.accept(n);
        } else if (n.has("documents")) {
            n.get("documents").forEach(onDocument);
        } else if (n.has("PubTator3")) {
            n.get("PubTator3").forEach(onDocument);
        }
    }

    private static BioC.Document document(JsonNode d) {
        List<BioC.Passage> passages = new ArrayList<>();
        List<BioC.Relation> relations = new ArrayList<>();
        for (JsonNode p : d.path("passages")) {
            List<BioC.Ann> anns = new ArrayList<>();
            for (JsonNode a : p.path("annotations")) {
                List<BioC.Location> locs = new ArrayList<>();
                for (JsonNode l : a.path("locations")) {
                    locs.add(new BioC.Location(integer(l.get("offset")), integer(l.get("length"))));
                }
                anns.add(new BioC.Ann(text(a.get("id")), infons(a.get("infons")), locs, text(a.get("text"))));
            }
            passages.add(new BioC.Passage(integer(p.get("offset")), infons(p.get("infons")),
                    text(p.get("text")), anns));
            p.path("relations").forEach(r -> relations.add(relation(r)));
        }
        d.path("relations").forEach(r -> relations.add(relation(r)));
        String id = text(d.get("id"));
        if (id == null && d.has("pmid")) {
            id = text(d.get("pmid"));
        }
        return new BioC.Document(id, infons(d.get("infons")), passages, relations);
    }

    private static BioC.Relation relation(JsonNode r) {
        List<String[]> nodes = new ArrayList<>();
        for (JsonNode n : r.path("nodes")) {
            nodes.add(new String[] {text(n.get("refid")), text(n.get("role"))});
        }
        return new BioC.Relation(text(r.get("id")), infons(r.get("infons")), nodes);
    }

    private static Map<String, String> infons(JsonNode n) {
        Map<String, String> m = new LinkedHashMap<>();
        if (n != null && n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    m.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
            }
        }
        return m;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static int integer(JsonNode n) {
        if (n == null || n.isNull()) {
            return 0;
        }
        if (n.canConvertToInt()) {
            return n.asInt();
        }
        if (n.isTextual() && n.asText().strip().matches("\\d+")) {
            return Integer.parseInt(n.asText().strip());
        }
        throw new IllegalArgumentException("offset or length " + n + " is not a number");
    }
}
