package org.litgraph.ingest.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What annotate prints: offsets that index the document text, the graph's predicates, JSON lines. */
class AnnotateOutputTest {
    // the project's own wording
    private static final String TEXT = "Amiodarone and the lung\n\n"
            + "A 70-year-old man developed interstitial lung disease after eight months of amiodarone. "
            + "Amiodarone-induced pneumonitis resolved after amiodarone was withdrawn.\n";

    private static List<AnnotatedDocument> annotate(Path dir, String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        List<AnnotatedDocument> out = new ArrayList<>();
        Annotator.standard().annotate(f, out::add);
        return out;
    }

    @Test
    void shouldPrintPubTatorWhoseOffsetsIndexTitleSpaceAbstract(@TempDir Path dir) throws Exception {
        AnnotatedDocument d = annotate(dir, "note.txt", TEXT).get(0);
        StringWriter w = new StringWriter();
        PubTatorOutput.write(d, w);
        String[] lines = w.toString().split("\n");
        String title = lines[0].substring(lines[0].indexOf("|t|") + 3);
        String abs = lines[1].substring(lines[1].indexOf("|a|") + 3);
        String rebuilt = title + " " + abs;
        int entities = 0;
        boolean causes = false;
        for (int i = 2; i < lines.length; i++) {
            String[] f = lines[i].split("\t");
            if (f.length == 6) {
                assertEquals(f[3], rebuilt.substring(Integer.parseInt(f[1]), Integer.parseInt(f[2])), lines[i]);
                entities++;
            } else if (f.length == 4) {
                causes |= f[1].equals("CAUSES") && f[2].equals("MESH:D000638");
            }
        }
        assertTrue(entities >= 4, w::toString);
        assertTrue(causes, () -> "amiodarone CAUSES ...: " + w);
    }

    @Test
    void shouldWriteOneJsonObjectPerDocumentWithEntitiesRelationsEventsAndCases(@TempDir Path dir) throws Exception {
        AnnotatedDocument d = annotate(dir, "note.txt", TEXT).get(0);
        StringWriter w = new StringWriter();
        JsonlOutput.write(d, w);
        String[] lines = w.toString().split("\n");
        assertEquals(1, lines.length);
        JsonNode json = new ObjectMapper().readTree(lines[0]);
        for (String field : List.of("id", "entities", "relations", "events", "cases")) {
            assertTrue(json.has(field), field);
        }
        JsonNode first = json.get("entities").get(0);
        assertEquals(first.get("text").asText(), TEXT.substring(first.get("start").asInt(), first.get("end").asInt()));
        boolean adverse = false;
        for (JsonNode e : json.get("events")) {
            if (e.get("type").asText().equals("adverse")) {
                adverse = true;
                JsonNode drug = e.get("drugs").get(0);
                assertEquals("amiodarone", TEXT.substring(drug.get("start").asInt(), drug.get("end").asInt()).toLowerCase());
                assertTrue(e.has("subject") && e.has("dose") && e.has("timeElapsed"));
            }
        }
        assertTrue(adverse, w::toString);
        assertFalse(json.get("cases").isEmpty(), "the 70-year-old man is a case");
    }
}
