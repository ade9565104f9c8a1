package org.litgraph.ingest.format;

import java.util.List;
import org.litgraph.graph.SourceType;

/**
 * A document as a parser read it, before any extraction: one text that every offset refers to,
 * plus whatever structure the format states outright (metadata, sections, tables, reference
 * list, MeSH headings, supplied annotations). Build one with {@link DocumentBuilder}.
 *
 * <p>Structured formats render their content into {@code text} the way a plain-text capture would
 * read: title, then section headings and paragraphs separated by blank lines, table rows as
 * tab-separated lines. Extraction therefore works the same on every format.
 */
public record ParsedDocument(
        String text,
        Metadata metadata,
        List<Section> sections,
        List<Table> tables,
        List<Reference> references,
        List<MeshHeading> meshHeadings,
        List<Chemical> chemicals,
        List<Annotation> annotations,
        List<AnnotatedRelation> relations) {

    public ParsedDocument {
        sections = List.copyOf(sections);
        tables = List.copyOf(tables);
        references = List.copyOf(references);
        meshHeadings = List.copyOf(meshHeadings);
        chemicals = List.copyOf(chemicals);
        annotations = List.copyOf(annotations);
        relations = List.copyOf(relations);
    }

    /** What the source states about itself. Any field may be null (or empty) when not stated. */
    public record Metadata(
            Format format,
            String location,
            String title,
            SourceType sourceType,
            String articleType,
            String journal,
            String publisher,
            String published,
            Integer year,
            String doi,
            String pmid,
            String pmcid,
            String url,
            List<String> authors,
            List<String> publicationTypes,
            List<String> keywords) {
        public Metadata {
            authors = authors == null ? List.of() : List.copyOf(authors);
            publicationTypes = publicationTypes == null ? List.of() : List.copyOf(publicationTypes);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    /** A titled part of the text: [start, end) covers the heading and its body. */
    public record Section(String title, int start, int end) {
    }

    /** A table; each row is a list of cells with offsets into the text. */
    public record Table(String caption, int start, int end, List<List<Cell>> rows) {
        public Table {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    public record Cell(String text, int start, int end) {
    }

    /** One entry of the document's reference list. */
    public record Reference(
            Integer number,
            String citation,
            int start,
            int end,
            String title,
            String journal,
            Integer year,
            String doi,
            String pmid,
            String url,
            List<String> authors) {
        public Reference {
            authors = authors == null ? List.of() : List.copyOf(authors);
        }
    }

    /** A MeSH heading of a PubMed record, e.g. Pulmonary Fibrosis / drug therapy*. */
    public record MeshHeading(String descriptorId, String descriptor, boolean major, List<Qualifier> qualifiers) {
        public MeshHeading {
            qualifiers = List.copyOf(qualifiers);
        }
    }

    public record Qualifier(String id, String name, boolean major) {
    }

    /** An entry of a PubMed record's chemical list. */
    public record Chemical(String meshId, String name, String registryNumber) {
    }

    /** A mention supplied with the input (PubTator, BioC): type such as Chemical or Disease, and ids. */
    public record Annotation(int start, int end, String text, String type, List<String> ids) {
        public Annotation {
            ids = List.copyOf(ids);
        }
    }

    /** A relation supplied with the input, e.g. CID between a chemical id and a disease id. */
    public record AnnotatedRelation(String type, String id1, String id2) {
    }
}
