package org.litgraph.ingest.format;

import java.util.ArrayList;
import java.util.List;
import org.litgraph.graph.SourceType;
import org.litgraph.ingest.format.ParsedDocument.AnnotatedRelation;
import org.litgraph.ingest.format.ParsedDocument.Annotation;
import org.litgraph.ingest.format.ParsedDocument.Cell;
import org.litgraph.ingest.format.ParsedDocument.Chemical;
import org.litgraph.ingest.format.ParsedDocument.MeshHeading;
import org.litgraph.ingest.format.ParsedDocument.Metadata;
import org.litgraph.ingest.format.ParsedDocument.Reference;
import org.litgraph.ingest.format.ParsedDocument.Section;
import org.litgraph.ingest.format.ParsedDocument.Table;

/**
 * Composes a {@link ParsedDocument}: appends blocks of text and records where each one landed, so
 * that parsers of structured formats never compute offsets by hand.
 */
public final class DocumentBuilder {
    private final StringBuilder text = new StringBuilder();
    private final List<Section> sections = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private final List<Reference> references = new ArrayList<>();
    private final List<MeshHeading> mesh = new ArrayList<>();
    private final List<Chemical> chemicals = new ArrayList<>();
    private final List<Annotation> annotations = new ArrayList<>();
    private final List<AnnotatedRelation> relations = new ArrayList<>();
    private final Format format;
    private final String location;
    private String title;
    private SourceType sourceType;
    private String articleType;
    private String journal;
    private String publisher;
    private String published;
    private Integer year;
    private String doi;
    private String pmid;
    private String pmcid;
    private String url;
    private List<String> authors = List.of();
    private List<String> publicationTypes = List.of();
    private List<String> keywords = List.of();
    private String openSection;
    private int openSectionStart;

    public DocumentBuilder(Format format, String location) {
        this.format = format;
        this.location = location;
    }

    /** Uses {@code fullText} as the document text as it is (plain-text formats). */
    public DocumentBuilder text(String fullText) {
        text.setLength(0);
        text.append(fullText);
        return this;
    }

    public int length() {
        return text.length();
    }

    public String currentText() {
        return text.toString();
    }

    /** Appends a block (paragraph, heading, caption) on its own, separated by a blank line; returns its start. */
    public int block(String content) {
        String c = content == null ? "" : content.strip();
        if (c.isEmpty()) {
            return text.length();
        }
        if (text.length() > 0) {
            text.append("\n\n");
        }
        int start = text.length();
        text.append(c);
        return start;
    }

    /** Starts a titled section (closing any open one); the heading becomes a block of text. */
    public DocumentBuilder section(String sectionTitle) {
        closeSection();
        openSectionStart = text.length() == 0 ? 0 : text.length() + 2;
        openSection = sectionTitle == null ? "" : sectionTitle.strip();
        if (!openSection.isEmpty()) {
            block(openSection);
        }
        return this;
    }

    /** Records a section over a span the caller already knows (plain-text parsers). */
    public DocumentBuilder section(String sectionTitle, int start, int end) {
        sections.add(new Section(sectionTitle, start, end));
        return this;
    }

    private void closeSection() {
        if (openSection != null) {
            sections.add(new Section(openSection, Math.min(openSectionStart, text.length()), text.length()));
            openSection = null;
        }
    }

    /** Appends a table as tab-separated lines, one per row, and records each cell's offsets. */
    public DocumentBuilder table(String caption, List<List<String>> rows) {
        if (caption != null && !caption.isBlank()) {
            block(caption);
        }
        if (rows.isEmpty()) {
            return this;
        }
        if (text.length() > 0) {
            text.append("\n\n");
        }
        int start = text.length();
        List<List<Cell>> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (r > 0) {
                text.append('\n');
            }
            List<Cell> row = new ArrayList<>();
            List<String> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                if (c > 0) {
                    text.append('\t');
                }
                String v = values.get(c) == null ? "" : values.get(c).replaceAll("\\s+", " ").strip();
                int s = text.length();
                text.append(v);
                row.add(new Cell(v, s, text.length()));
            }
            cells.add(row);
        }
        tables.add(new Table(caption, start, text.length(), cells));
        return this;
    }

    /** Records a table whose cells' offsets the caller computed (plain-text parsers). */
    public DocumentBuilder table(Table table) {
        tables.add(table);
        return this;
    }

    /** Appends a reference-list entry as its own line and records it. */
    public DocumentBuilder reference(Integer number, String citation, String refTitle, String refJournal,
                                     Integer refYear, String refDoi, String refPmid, String refUrl,
                                     List<String> refAuthors) {
        String line = (number == null ? "" : number + ". ") + (citation == null ? "" : citation.strip());
        if (text.length() > 0) {
            text.append('\n');
        }
        int start = text.length();
        text.append(line);
        references.add(new Reference(number, citation, start, text.length(), refTitle, refJournal, refYear,
                refDoi, refPmid, refUrl, refAuthors));
        return this;
    }

    /** Records a reference whose offsets the caller computed (plain-text parsers). */
    public DocumentBuilder reference(Reference reference) {
        references.add(reference);
        return this;
    }

    public List<Reference> references() {
        return List.copyOf(references);
    }

    public SourceType sourceTypeValue() {
        return sourceType;
    }

    public List<MeshHeading> meshHeadings() {
        return List.copyOf(mesh);
    }

    public DocumentBuilder meshHeading(MeshHeading heading) {
        mesh.add(heading);
        return this;
    }

    public DocumentBuilder chemical(Chemical chemical) {
        chemicals.add(chemical);
        return this;
    }

    public DocumentBuilder annotation(Annotation annotation) {
        annotations.add(annotation);
        return this;
    }

    public DocumentBuilder relation(AnnotatedRelation relation) {
        relations.add(relation);
        return this;
    }

    public DocumentBuilder title(String v) {
        this.title = v;
        return this;
    }

    public String title() {
        return title;
    }

    public String journal() {
        return journal;
    }

    public Integer yearValue() {
        return year;
    }

    public String doi() {
        return doi;
    }

    public String pmid() {
        return pmid;
    }

    public DocumentBuilder sourceType(SourceType v) {
        this.sourceType = v;
        return this;
    }

    public DocumentBuilder articleType(String v) {
        this.articleType = v;
        return this;
    }

    public DocumentBuilder journal(String v) {
        this.journal = v;
        return this;
    }

    public DocumentBuilder publisher(String v) {
        this.publisher = v;
        return this;
    }

    public DocumentBuilder published(String v) {
        this.published = v;
        return this;
    }

    public DocumentBuilder year(Integer v) {
        this.year = v;
        return this;
    }

    public DocumentBuilder doi(String v) {
        this.doi = v;
        return this;
    }

    public DocumentBuilder pmid(String v) {
        this.pmid = v;
        return this;
    }

    public DocumentBuilder pmcid(String v) {
        this.pmcid = v;
        return this;
    }

    public DocumentBuilder url(String v) {
        this.url = v;
        return this;
    }

    public DocumentBuilder authors(List<String> v) {
        this.authors = v;
        return this;
    }

    public DocumentBuilder publicationTypes(List<String> v) {
        this.publicationTypes = v;
        return this;
    }

    public DocumentBuilder keywords(List<String> v) {
        this.keywords = v;
        return this;
    }

    /**
     * The design: what the parser stated, refined by what the title and the text before the
     * reference list say of themselves ({@link Designs}); when nothing is stated or found, an
     * abstract (text with a DOI or PMID), a research article (HTML with journal metadata) or a web page.
     */
    private SourceType design() {
        int bodyEnd = text.length();
        for (Reference r : references) {
            bodyEnd = Math.min(bodyEnd, r.start());
        }
        SourceType fallback = format == Format.JATS_XML ? SourceType.RESEARCH_ARTICLE
                : format == Format.HTML
                ? (doi != null || journal != null || pmid != null ? SourceType.RESEARCH_ARTICLE : SourceType.WEB_PAGE)
                : doi != null || pmid != null ? SourceType.ABSTRACT : SourceType.WEB_PAGE;
        return Designs.of(title, text.substring(0, Math.min(bodyEnd, Designs.HEAD)), sourceType, fallback);
    }

    public ParsedDocument build() {
        closeSection();
        sourceType = design();
        Metadata metadata = new Metadata(format, location, title, sourceType, articleType, journal, publisher,
                published, year, doi, pmid, pmcid, url, authors, publicationTypes, keywords);
        return new ParsedDocument(text.toString(), metadata, sections, tables, references, mesh, chemicals,
                annotations, relations);
    }
}
