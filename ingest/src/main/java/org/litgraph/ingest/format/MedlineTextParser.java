package org.litgraph.ingest.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.litgraph.ingest.format.ParsedDocument.Chemical;
import org.litgraph.ingest.format.ParsedDocument.MeshHeading;
import org.litgraph.ingest.format.ParsedDocument.Qualifier;

/**
 * The MEDLINE/PubMed text format ({@code PMID- 123}, {@code TI  - ...}): a four-character tag,
 * a dash, the value; continuation lines start with six spaces; records are separated by blank
 * lines. Streams record by record.
 */
final class MedlineTextParser implements DocumentParser {
    private static final Pattern FIELD = Pattern.compile("^([A-Z][A-Z0-9 ]{0,3})- ?(.*)$");
    private static final Pattern BRACKETED = Pattern.compile("^(.*?)\\s*\\[([a-z]+)\\]\\s*$");
    private static final Pattern LABEL = Pattern.compile("(?:^|(?<=[.?!] ))([A-Z][A-Z0-9 ,&/-]{2,60}): ");
    private static final Pattern CHEMICAL = Pattern.compile("^(\\S.*?)\\s+\\((.*)\\)$");

    @Override
    public Format format() {
        return Format.MEDLINE_TEXT;
    }

    @Override
    public void parse(Source source, Consumer<ParsedDocument> sink) throws IOException, ParseException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(source.open(), StandardCharsets.UTF_8))) {
            List<String[]> record = new ArrayList<>();
            String line;
            int lineNo = 0;
            int records = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    if (!record.isEmpty()) {
                        sink.accept(convert(record, source));
                        records++;
                        record.clear();
                    }
                    continue;
                }
                if (line.startsWith("      ") || line.startsWith("\t")) {
                    if (record.isEmpty()) {
                        throw new ParseException("MEDLINE text: continuation line without a field at line "
                                + lineNo + " of " + source.location());
                    }
                    String[] last = record.get(record.size() - 1);
                    last[1] = last[1] + " " + line.strip();
                    continue;
                }
                Matcher m = FIELD.matcher(line);
                if (!m.matches() || line.length() < 5 || line.charAt(4) != '-') {
                    throw new ParseException("not MEDLINE text: line " + lineNo + " of " + source.location()
                            + " is neither 'TAG - value' nor a continuation: " + abbreviate(line));
                }
                record.add(new String[] {m.group(1).strip(), m.group(2).strip()});
            }
            if (!record.isEmpty()) {
                sink.accept(convert(record, source));
                records++;
            }
            if (records == 0) {
                throw new ParseException("no MEDLINE records in " + source.location());
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private ParsedDocument convert(List<String[]> fields, Source source) {
        Map<String, List<String>> byTag = new LinkedHashMap<>();
        for (String[] f : fields) {
            byTag.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f[1]);
        }
        DocumentBuilder b = new DocumentBuilder(Format.MEDLINE_TEXT, source.location());
        String pmid = first(byTag, "PMID");
        b.pmid(pmid);
        String title = first(byTag, "TI");
        b.title(title);
        b.block(title);
        abstractText(b, first(byTag, "AB"));
        List<String> authors = byTag.getOrDefault("AU", List.of());
        if (authors.isEmpty()) {
            authors = byTag.getOrDefault("CN", List.of());
        }
        b.authors(authors);
        String journal = first(byTag, "TA");
        b.journal(journal != null ? journal : first(byTag, "JT"));
        String dp = first(byTag, "DP");
        if (dp != null) {
            Integer year = PubMedXmlParser.year(dp);
            b.year(year);
            String[] parts = dp.split("\\s+");
            if (year != null && parts.length >= 2 && PubMedXmlParser.month(parts[1]) > 0
                    && parts[0].equals(String.valueOf(year))) {
                String published = year + String.format("-%02d", PubMedXmlParser.month(parts[1]));
                if (parts.length >= 3 && parts[2].matches("\\d{1,2}")) {
                    published += String.format("-%02d", Integer.parseInt(parts[2]));
                }
                b.published(published);
            } else if (year != null) {
                b.published(String.valueOf(year));
            }
        }
        String doi = null;
        for (String tag : List.of("LID", "AID")) {
            for (String v : byTag.getOrDefault(tag, List.of())) {
                Matcher m = BRACKETED.matcher(v);
                if (doi == null && m.matches() && m.group(2).equals("doi")) {
                    doi = m.group(1);
                }
            }
        }
        b.doi(doi);
        String pmc = first(byTag, "PMC");
        b.pmcid(pmc);
        List<String> pts = byTag.getOrDefault("PT", List.of());
        b.publicationTypes(pts);
        b.sourceType(PubMedXmlParser.sourceType(pts));
        List<String> keywords = new ArrayList<>(byTag.getOrDefault("OT", List.of()));
        b.keywords(keywords);
        for (String mh : byTag.getOrDefault("MH", List.of())) {
            String[] parts = mh.split("/");
            String d = parts[0].strip();
            boolean major = d.startsWith("*");
            List<Qualifier> qs = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                String q = parts[i].strip();
                boolean qMajor = q.startsWith("*");
                qs.add(new Qualifier(null, qMajor ? q.substring(1) : q, qMajor));
            }
            b.meshHeading(new MeshHeading(null, major ? d.substring(1) : d, major, qs));
        }
        for (String rn : byTag.getOrDefault("RN", List.of())) {
            Matcher m = CHEMICAL.matcher(rn);
            if (m.matches()) {
                String number = m.group(1).strip();
                b.chemical(new Chemical(null, m.group(2).strip(), "0".equals(number) ? null : number));
            } else {
                b.chemical(new Chemical(null, rn, null));
            }
        }
        if (pmid != null) {
            b.url("https://pubmed.ncbi.nlm.nih.gov/" + pmid + "/");
        }
        return b.build();
    }

    /** Structured abstracts read "BACKGROUND: ... METHODS: ..."; each label becomes a section. */
    private static void abstractText(DocumentBuilder b, String ab) {
        if (ab == null) {
            return;
        }
        Matcher m = LABEL.matcher(ab);
        List<int[]> labels = new ArrayList<>();
        while (m.find()) {
            labels.add(new int[] {m.start(1), m.end(1), m.end()});
        }
        if (labels.isEmpty() || labels.get(0)[0] != 0) {
            b.block(ab);
            return;
        }
        for (int i = 0; i < labels.size(); i++) {
            int[] l = labels.get(i);
            int end = i + 1 < labels.size() ? labels.get(i + 1)[0] : ab.length();
            b.section(ab.substring(l[0], l[1]));
            b.block(ab.substring(l[2], end));
        }
    }

    private static String first(Map<String, List<String>> byTag, String tag) {
        List<String> v = byTag.get(tag);
        return v == null || v.isEmpty() ? null : v.get(0);
    }
}
