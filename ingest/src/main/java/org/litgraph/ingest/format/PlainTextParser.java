package org.litgraph.ingest.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.litgraph.graph.SourceType;
import org.litgraph.ingest.format.ParsedDocument.Cell;
import org.litgraph.ingest.format.ParsedDocument.Reference;
import org.litgraph.ingest.format.ParsedDocument.Table;

/**
 * Plain text, including text captures of web pages, PubMed pages and vendor notes. The text is
 * kept exactly as read (every offset refers to it); structure is recognised from layout:
 * markdown or short standalone headings, tab-separated tables, a numbered reference list (under a
 * "References" heading, or a run of numbered lines that read as citations), a citation line with
 * journal, year and DOI, and cues to the kind of source.
 */
public final class PlainTextParser implements DocumentParser {
    private static final Pattern DOI = Pattern.compile("\\b(10\\.\\d{4,9}/[^\\s\"<>\\]]+)");
    private static final Pattern PMID = Pattern.compile("\\bPMID:?\\s*(\\d{5,9})\\b");
    private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d{2}|20\\d{2})\\b");
    private static final String MONTHS = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
            + "Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";
    private static final Pattern DATE_YMD = Pattern.compile("\\b(\\d{4}) (" + MONTHS + ")\\b(?: (\\d{1,2})\\b)?");
    private static final Pattern DATE_MDY = Pattern.compile("\\b(" + MONTHS + ")\\.? (\\d{1,2}), (\\d{4})(?!\\d)");
    private static final Pattern DATE_MY = Pattern.compile("\\b(" + MONTHS + ") (\\d{4})\\b");
    private static final Pattern CITATION_LINE = Pattern.compile("^\\s*([A-Z][A-Za-z .&()-]{2,80}?)\\.\\s+(\\d{4})\\b[^;\\n]*;");
    private static final Pattern ET_AL_JOURNAL = Pattern.compile("\\bet al\\.\\s+([A-Z][A-Za-z .&-]{2,60}?)\\.\\s");
    private static final Pattern HEADING_MD = Pattern.compile("^\\s*#{1,6}\\s+(.+?)\\s*#*\\s*$");
    private static final Pattern REFERENCES_HEADING = Pattern.compile(
            "(?i)^\\s*(?:#{1,6}\\s*)?(?:\\*\\*)?(?:references?|bibliography|literature cited|works cited|cited literature)"
                    + "(?:\\*\\*)?\\s*:?\\s*$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\[?(\\d{1,3})[.)\\]]\\s+(\\S.*?)\\s*$");
    private static final Pattern AUTHOR = Pattern.compile("^\\s*[\\p{Lu}][\\p{L}'’-]+(?: [\\p{Lu}][\\p{L}'’-]+)? [\\p{Lu}]{1,3}\\b");
    private static final Pattern NAVIGATION = Pattern.compile(
            "(?i)\\b(?:skip to|homepage|main navigation|access keys|log ?in|sign ?in|menu|cookie|subscribe|search)\\b");

    @Override
    public Format format() {
        return Format.PLAIN_TEXT;
    }

    @Override
    public void parse(Source source, Consumer<ParsedDocument> sink) throws IOException, ParseException {
        sink.accept(parse(source.location(), TextDecoding.read(source)));
    }

    /** Parses text already in memory. */
    public ParsedDocument parse(String location, String text) {
        DocumentBuilder b = new DocumentBuilder(Format.PLAIN_TEXT, location).text(text);
        List<Line> lines = Line.split(text);
        b.title(title(lines));
        metadata(text, lines, b);
        sections(lines, text.length(), b);
        tables(lines, b);
        references(lines, b);
        b.sourceType(sourceType(text, b));
        return b.build();
    }

    /** One line of the text with its offsets. */
    record Line(int start, int end, String text) {
        static List<Line> split(String text) {
            List<Line> out = new ArrayList<>();
            int s = 0;
            for (int i = 0; i <= text.length(); i++) {
                if (i == text.length() || text.charAt(i) == '\n') {
                    int e = i > s && text.charAt(i - 1) == '\r' ? i - 1 : i;
                    out.add(new Line(s, e, text.substring(s, e)));
                    s = i + 1;
                }
            }
            return out;
        }

        boolean blank() {
            return text.isBlank();
        }
    }

    static String title(List<Line> lines) {
        int seen = 0;
        for (Line l : lines) {
            if (l.blank()) {
                continue;
            }
            if (++seen > 25) {
                break;
            }
            Matcher md = HEADING_MD.matcher(l.text());
            String t = md.matches() ? md.group(1) : l.text().strip();
            t = t.replace("**", "").strip();
            if (t.length() < 15 || t.split("\\s+").length < 4 || t.startsWith(".") || t.toLowerCase(Locale.ROOT).startsWith("doi")
                    || NAVIGATION.matcher(t).find() || t.contains("\t") || CITATION_LINE.matcher(t).find()) {
                continue;
            }
            return t;
        }
        return lines.stream().filter(l -> !l.blank()).map(l -> l.text().strip()).findFirst().orElse("");
    }

    private static void metadata(String text, List<Line> lines, DocumentBuilder b) {
        String head = headText(lines, 40);
        Matcher doi = DOI.matcher(head);
        if (doi.find()) {
            b.doi(trimDoi(doi.group(1)));
        }
        Matcher pmid = PMID.matcher(head);
        if (pmid.find()) {
            b.pmid(pmid.group(1));
        }
        for (Line l : lines.subList(0, Math.min(lines.size(), 40))) {
            if (REFERENCES_HEADING.matcher(l.text()).matches()) {
                break;
            }
            Matcher c = CITATION_LINE.matcher(l.text());
            if (c.find() && b.journal() == null) {
                b.journal(c.group(1).strip());
                b.year(Integer.valueOf(c.group(2)));
            }
        }
        if (b.journal() == null) {
            Matcher j = ET_AL_JOURNAL.matcher(head);
            if (j.find()) {
                b.journal(j.group(1).strip());
            }
        }
        String published = date(head);
        if (published != null) {
            b.published(published);
            if (b.yearValue() == null) {
                b.year(Integer.valueOf(published.substring(0, 4)));
            }
        }
        Matcher author = Pattern.compile("(?m)^\\s*(?:Author|By)s?:\\s*([^.\\n]{3,120})").matcher(head);
        if (author.find()) {
            b.authors(List.of(author.group(1).strip()));
        }
        Matcher url = Pattern.compile("https?://[^\\s)>\\]]+").matcher(text);
        if (url.find()) {
            b.url(url.group());
        }
    }

    /**
     * The first {@code n} lines, up to a reference list: a DOI, PMID or date in the references of a short
     * document belongs to a cited work, not to the document itself.
     */
    private static String headText(List<Line> lines, int n) {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines.subList(0, Math.min(lines.size(), n))) {
            if (REFERENCES_HEADING.matcher(l.text()).matches()) {
                break;
            }
            sb.append(l.text()).append('\n');
        }
        return sb.toString();
    }

    static String trimDoi(String doi) {
        String d = doi;
        while (!d.isEmpty() && ".,;:)".indexOf(d.charAt(d.length() - 1)) >= 0) {
            d = d.substring(0, d.length() - 1);
        }
        return d;
    }

    static String date(String text) {
        Matcher ymd = DATE_YMD.matcher(text);
        Matcher mdy = DATE_MDY.matcher(text);
        Matcher my = DATE_MY.matcher(text);
        int best = Integer.MAX_VALUE;
        String out = null;
        if (ymd.find() && ymd.start() < best) {
            best = ymd.start();
            out = ymd.group(1) + "-" + month(ymd.group(2)) + (ymd.group(3) == null ? "" : "-" + two(ymd.group(3)));
        }
        if (mdy.find() && mdy.start() < best) {
            best = mdy.start();
            out = mdy.group(3) + "-" + month(mdy.group(1)) + "-" + two(mdy.group(2));
        }
        if (my.find() && my.start() < best) {
            out = my.group(2) + "-" + month(my.group(1));
        }
        return out;
    }

    private static String month(String m) {
        String k = m.substring(0, 3).toLowerCase(Locale.ROOT);
        int i = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(k);
        return two(String.valueOf(i + 1));
    }

    private static String two(String d) {
        return d.length() == 1 ? "0" + d : d;
    }

    /** Markdown headings, and short standalone lines that read as headings. */
    private static void sections(List<Line> lines, int length, DocumentBuilder b) {
        List<int[]> starts = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.blank() || l.text().contains("\t")) {
                continue;
            }
            Matcher md = HEADING_MD.matcher(l.text());
            String t = null;
            if (md.matches()) {
                t = md.group(1).replace("**", "").strip();
            } else if (isStandaloneHeading(lines, i)) {
                t = l.text().strip().replaceAll(":$", "");
            }
            if (t != null && !t.isEmpty()) {
                starts.add(new int[] {l.start()});
                titles.add(t);
            }
        }
        for (int i = 0; i < starts.size(); i++) {
            int s = starts.get(i)[0];
            int e = i + 1 < starts.size() ? starts.get(i + 1)[0] : length;
            b.section(titles.get(i), s, e);
        }
    }

    private static boolean isStandaloneHeading(List<Line> lines, int i) {
        String t = lines.get(i).text().strip();
        if (t.length() < 3 || t.length() > 70 || t.endsWith(".") || t.endsWith(",") || NUMBERED.matcher(t).matches()
                || t.startsWith("•") || t.startsWith("-") || !Character.isUpperCase(t.codePointAt(0))) {
            return false;
        }
        boolean blankBefore = i == 0 || lines.get(i - 1).blank();
        boolean blankAfter = i + 1 >= lines.size() || lines.get(i + 1).blank();
        return blankBefore && blankAfter && t.split("\\s+").length <= 9;
    }

    /** Runs of consecutive lines with tabs: one table each, cells split on tabs. */
    private static void tables(List<Line> lines, DocumentBuilder b) {
        int i = 0;
        while (i < lines.size()) {
            if (!isTableLine(lines.get(i))) {
                i++;
                continue;
            }
            int j = i;
            List<List<Cell>> rows = new ArrayList<>();
            while (j < lines.size() && isTableLine(lines.get(j))) {
                rows.add(cells(lines.get(j)));
                j++;
            }
            if (rows.size() >= 2) {
                b.table(new Table(null, lines.get(i).start(), lines.get(j - 1).end(), rows));
            }
            i = j;
        }
    }

    private static boolean isTableLine(Line l) {
        return !l.blank() && l.text().strip().contains("\t");
    }

    private static List<Cell> cells(Line l) {
        List<Cell> out = new ArrayList<>();
        String t = l.text();
        int s = 0;
        for (int k = 0; k <= t.length(); k++) {
            if (k == t.length() || t.charAt(k) == '\t') {
                int cs = s;
                int ce = k;
                while (cs < ce && Character.isWhitespace(t.charAt(cs))) {
                    cs++;
                }
                while (ce > cs && Character.isWhitespace(t.charAt(ce - 1))) {
                    ce--;
                }
                if (ce > cs || k < t.length()) {
                    out.add(new Cell(t.substring(cs, ce), l.start() + cs, l.start() + ce));
                }
                s = k + 1;
            }
        }
        out.removeIf(c -> c.text().isEmpty() && c.start() == l.start());
        return out;
    }

    /** A numbered list under a References heading, or a run of numbered lines that read as citations. */
    private static void references(List<Line> lines, DocumentBuilder b) {
        List<Line> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            boolean underHeading = REFERENCES_HEADING.matcher(lines.get(i).text()).matches();
            List<Line> run = numberedRun(lines, underHeading ? i + 1 : i);
            if (run.isEmpty()) {
                continue;
            }
            boolean citations = run.size() >= 2 && run.stream().allMatch(PlainTextParser::looksLikeCitation);
            if (underHeading || citations) {
                entries = run;
                break;
            }
        }
        boolean increasing = true;
        for (int k = 1; k < entries.size(); k++) {
            if (number(entries.get(k)) <= number(entries.get(k - 1))) {
                increasing = false;
            }
        }
        for (int k = 0; k < entries.size(); k++) {
            Line l = entries.get(k);
            Matcher m = NUMBERED.matcher(l.text());
            if (!m.matches()) {
                continue;
            }
            int number = increasing ? Integer.parseInt(m.group(1)) : k + 1;
            String citation = m.group(2);
            int cs = l.start() + m.start(2);
            b.reference(parseCitation(number, citation, cs, cs + citation.length()));
        }
    }

    private static int number(Line l) {
        Matcher m = NUMBERED.matcher(l.text());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Numbered lines from {@code from}, skipping blank lines, until anything else. */
    private static List<Line> numberedRun(List<Line> lines, int from) {
        List<Line> run = new ArrayList<>();
        int i = from;
        while (i < lines.size() && lines.get(i).blank()) {
            i++;
        }
        for (; i < lines.size(); i++) {
            Line l = lines.get(i);
            if (l.blank()) {
                continue;
            }
            if (!NUMBERED.matcher(l.text()).matches() || HEADING_MD.matcher(l.text()).matches()) {
                break;
            }
            run.add(l);
        }
        return run;
    }

    private static boolean looksLikeCitation(Line l) {
        String t = l.text();
        return YEAR.matcher(t).find() && (DOI.matcher(t).find() || t.contains("et al") || AUTHOR.matcher(
                NUMBERED.matcher(t).replaceFirst("$2")).find() || t.matches(".*\\d+\\s*[:;(]\\s*\\d+.*"));
    }

    /** Reads the parts of a Vancouver-style or web citation. */
    static Reference parseCitation(Integer number, String citation, int start, int end) {
        String doi = null;
        Matcher d = DOI.matcher(citation);
        if (d.find()) {
            doi = trimDoi(d.group(1));
        }
        String pmid = null;
        Matcher p = PMID.matcher(citation);
        if (p.find()) {
            pmid = p.group(1);
        }
        Integer year = null;
        String title = null;
        String journal = null;
        String url = null;
        List<String> authors = List.of();
        Matcher site = Pattern.compile("\\[([\\w.-]+\\.[a-z]{2,})\\]\\s*$").matcher(citation);
        if (site.find()) {
            url = site.group(1);
            title = citation.substring(0, site.start()).strip();
        } else {
            String[] parts = citation.split("\\.\\s+");
            if (parts.length >= 3 && AUTHOR.matcher(parts[0]).find()) {
                authors = List.of(parts[0].split(",\\s*"));
                title = parts[1].strip();
                journal = parts[2].replaceAll("\\s*\\d{4}.*$", "").strip();
            } else {
                title = parts[0].strip();
            }
        }
        Matcher y = YEAR.matcher(citation);
        while (y.find()) {
            int v = Integer.parseInt(y.group(1));
            if (doi == null || !doi.contains(y.group(1))) {
                year = v;
                break;
            }
        }
        return new Reference(number, citation, start, end, title, journal, year, doi, pmid, url, authors);
    }

    /** The kind of source, from what the text says of itself. */
    static SourceType sourceType(String text, DocumentBuilder b) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.matches("(?s).*publication types?\\s+(?:\\W\\s*)*case reports?.*")
                || t.matches("(?s).*\\b(?:we (?:report|describe|present) (?:a|an|one|two|three|four|\\d+) (?:\\w+ )?(?:cases?|patients?)|case descriptions?:|case reports?:|case presentation).*")) {
            return SourceType.CASE_REPORT;
        }
        if (t.matches("(?s).*\\b(?:cat\\. no\\.|cas no\\.|get quote|request (?:a )?quote|research use only|for research use).*")) {
            return SourceType.VENDOR_NOTE;
        }
        if (t.matches("(?s).*\\b(?:systematic review|meta-analysis|review of the literature|literature review)\\b.*")
                && (b.title() == null || b.title().toLowerCase(Locale.ROOT).matches(".*\\b(?:review|meta-analysis)\\b.*"))) {
            return SourceType.REVIEW;
        }
        if (t.matches("(?s).*\\b(?:medical advisory board|healthcare professionals|clinical decision|clinical guidelines?|medical disclaimer)\\b.*")) {
            return SourceType.CLINICAL_SUMMARY;
        }
        if (t.matches("(?s).*\\b(?:cohort|retrospective|prospective) (?:study|analysis)\\b.*")) {
            return SourceType.COHORT_STUDY;
        }
        if (b.doi() != null || b.pmid() != null) {
            return SourceType.ABSTRACT;
        }
        return SourceType.WEB_PAGE;
    }
}
