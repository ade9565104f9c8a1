package org.litgraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.litgraph.ingest.Ingestor;
import org.litgraph.ingest.format.Format;
import org.litgraph.ingest.format.Formats;
import org.litgraph.ingest.format.ParsedDocument;
import org.litgraph.ingest.format.Source;
import org.litgraph.ingest.text.Sentence;
import org.litgraph.ingest.text.SentenceSplitter;

/**
 * A reproducible PubMed-like corpus for benchmarks and robustness tests: records built from the
 * real citations of a directory of PubMed XML (sentences, titles, journals, authors, publication
 * types), shuffled across records with a fixed seed and given new PMIDs, written as gzipped
 * {@code PubmedArticleSet} files. The same seed and sources always give the same bytes.
 */
final class BenchCorpus {
    static final long SEED = 20261123L;
    /** New PMIDs start here, far above real ones, so generated records never collide with them. */
    static final long FIRST_PMID = 90_000_000L;

    private record Meta(String journal, Integer year, List<String> authors, List<String> publicationTypes) {
    }

    private final List<String> titles = new ArrayList<>();
    private final List<String> sentences = new ArrayList<>();
    private final List<Meta> metas = new ArrayList<>();

    /** Reads every PubMed XML file under {@code sourceDir} (the real citations). */
    static BenchCorpus from(Path sourceDir) throws IOException {
        BenchCorpus c = new BenchCorpus();
        for (Path f : Ingestor.listFiles(List.of(sourceDir))) {
            Source source = Source.of(f);
            byte[] head;
            try (InputStream in = source.open()) {
                head = in.readNBytes(Formats.SNIFF_BYTES);
            }
            if (Formats.detect(source.name(), head) != Format.PUBMED_XML) {
                continue;
            }
            try {
                Formats.parser(Format.PUBMED_XML).parse(source, c::add);
            } catch (org.litgraph.ingest.format.ParseException e) {
                // a broken sample file contributes what it had before the break
            }
        }
        if (c.sentences.isEmpty() || c.titles.isEmpty()) {
            throw new IllegalArgumentException("no PubMed XML citations with abstracts under " + sourceDir);
        }
        return c;
    }

    private void add(ParsedDocument doc) {
        var m = doc.metadata();
        if (m.title() != null && !m.title().isBlank()) {
            titles.add(m.title().strip());
        }
        int referencesFrom = doc.references().isEmpty() ? Integer.MAX_VALUE
                : doc.references().stream().mapToInt(ParsedDocument.Reference::start).min().orElse(Integer.MAX_VALUE);
        List<Sentence> ss = SentenceSplitter.split(doc.text());
        for (int i = 1; i < ss.size(); i++) { // the first is the title
            Sentence s = ss.get(i);
            if (s.start() < referencesFrom && !s.tableRow() && s.text().length() >= 30 && s.text().length() <= 2000) {
                sentences.add(s.text().replace('\n', ' '));
            }
        }
        metas.add(new Meta(m.journal(), m.year(), m.authors(), m.publicationTypes()));
    }

    int sentencePool() {
        return sentences.size();
    }

    int recordPool() {
        return metas.size();
    }

    /**
     * Writes {@code citations} records as {@code bench-NNN.xml.gz} files of at most
     * {@code perFile} records each into {@code dir}; returns the files.
     */
    List<Path> write(Path dir, int citations, int perFile) throws IOException {
        return write(dir, "bench", FIRST_PMID, citations, perFile, SEED);
    }

    /**
     * Writes {@code citations} records with PMIDs from {@code firstPmid}, drawn with {@code seed}: with
     * another seed than {@link #SEED}, PMIDs the main corpus has get other content (changed citations).
     */
    List<Path> write(Path dir, String prefix, long firstPmid, int citations, int perFile, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        List<Path> files = new ArrayList<>();
        int written = 0;
        int fileNo = 0;
        while (written < citations) {
            int n = Math.min(perFile, citations - written);
            Path f = dir.resolve(String.format(java.util.Locale.ROOT, "%s-%03d.xml.gz", prefix, fileNo++));
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f), 1 << 16);
                 Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PubmedArticleSet>\n");
                for (int i = 0; i < n; i++) {
                    record(w, firstPmid + written + i, random);
                }
                w.write("</PubmedArticleSet>\n");
            }
            files.add(f);
            written += n;
        }
        return files;
    }

    private void record(Writer w, long pmid, Random random) throws IOException {
        Meta meta = metas.get(random.nextInt(metas.size()));
        Meta types = metas.get(random.nextInt(metas.size()));
        String title = titles.get(random.nextInt(titles.size()));
        int count = 4 + random.nextInt(9);
        StringBuilder abs = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                abs.append(' ');
            }
            abs.append(sentences.get(random.nextInt(sentences.size())));
        }
        w.write("<PubmedArticle><MedlineCitation Status=\"MEDLINE\" Owner=\"NLM\"><PMID Version=\"1\">");
        w.write(Long.toString(pmid));
        w.write("</PMID><Article PubModel=\"Print\"><Journal><JournalIssue CitedMedium=\"Print\"><PubDate><Year>");
        w.write(Integer.toString(meta.year() == null ? 2000 + random.nextInt(25) : meta.year()));
        w.write("</Year></PubDate></JournalIssue><ISOAbbreviation>");
        w.write(escape(meta.journal() == null ? "J Bench" : meta.journal()));
        w.write("</ISOAbbreviation></Journal><ArticleTitle>");
        w.write(escape(title));
        w.write("</ArticleTitle><Abstract><AbstractText>");
        w.write(escape(abs.toString()));
        w.write("</AbstractText></Abstract><AuthorList>");
        for (String a : meta.authors().subList(0, Math.min(6, meta.authors().size()))) {
            int sp = a.lastIndexOf(' ');
            w.write("<Author><LastName>");
            w.write(escape(sp > 0 ? a.substring(0, sp) : a));
            w.write("</LastName>");
            if (sp > 0) {
                w.write("<Initials>" + escape(a.substring(sp + 1)) + "</Initials>");
            }
            w.write("</Author>");
        }
        w.write("</AuthorList><PublicationTypeList>");
        for (String t : types.publicationTypes()) {
            w.write("<PublicationType>" + escape(t) + "</PublicationType>");
        }
        w.write("</PublicationTypeList></Article></MedlineCitation><PubmedData><ArticleIdList>"
                + "<ArticleId IdType=\"pubmed\">" + pmid + "</ArticleId></ArticleIdList></PubmedData></PubmedArticle>\n");
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
