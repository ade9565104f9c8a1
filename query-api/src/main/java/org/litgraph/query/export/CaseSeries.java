package org.litgraph.query.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;

import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.litgraph.query.CypherRunner;

/**
 * The case-series table a review of drug-induced disease publishes: one row per patient (age, sex,
 * drug, role, dose, route, frequency, duration, onset, reaction, seriousness, management, outcome,
 * dechallenge, rechallenge, the authors' stated causality, the computed Naranjo score, citation),
 * read by {@code cypher/queries/case-series.cypher}. Every cell keeps the sentence it was read
 * from: a cell comment in the workbook, a hover title on the web page, and the {@code sources}
 * of the JSON. Rows and columns come out in a fixed order, so the same graph gives the same files.
 */
public final class CaseSeries {
    /** The table's columns, in order. */
    public static final List<String> COLUMNS = List.of("patient", "age", "sex", "drug", "role", "dose", "route", "frequency",
            "duration", "onset", "reaction", "seriousness", "management", "outcome", "dechallenge", "rechallenge",
            "stated causality", "computed Naranjo", "citation");

    /** Which case field (STATED_IN {field}) each column was read from. */
    private static final Map<String, List<String>> FIELD_OF = Map.ofEntries(
            Map.entry("patient", List.of("age", "ageGroup", "sex")), Map.entry("age", List.of("age", "ageGroup")),
            Map.entry("sex", List.of("sex")), Map.entry("dose", List.of("dose")), Map.entry("route", List.of("route")),
            Map.entry("frequency", List.of("frequency")), Map.entry("duration", List.of("duration")),
            Map.entry("onset", List.of("timeToOnset")), Map.entry("reaction", List.of("reaction")),
            Map.entry("seriousness", List.of("seriousness")), Map.entry("management", List.of("management")),
            Map.entry("outcome", List.of("outcome")), Map.entry("dechallenge", List.of("dechallenge")),
            Map.entry("rechallenge", List.of("rechallenge")), Map.entry("stated causality", List.of("statedCausality")));

    /** One patient: the cell text of each column, and the source sentence behind each cell (may be absent). */
    public record Row(String caseId, String documentId, Map<String, String> cells, Map<String, String> sources) {
        public Row {
            cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
            sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        }
    }

    private CaseSeries() {
    }

    /** The rows for a drug and/or a condition (either may be null). */
    public static List<Row> load(CypherRunner runner, String drug, String condition) {
        Map<String, Object> p = new HashMap<>();
        p.put("drug", drug);
        p.put("condition", condition);
        List<Row> rows = new ArrayList<>();
        for (Map<String, Object> r : runner.named("case-series", p).rows()) {
            rows.add(row(r));
        }
        return rows;
    }

    @SuppressWarnings("unchecked")
    private static Row row(Map<String, Object> r) {
        Map<String, String> cells = new LinkedHashMap<>();
        String ageText = Values.str(r.get("age_text"));
        Object age = r.get("age");
        String ageCell = ageText != null ? ageText : age != null ? Values.text(age) : Values.str(r.get("age_group"));
        String sex = Values.str(r.get("sex"));
        String role = Values.str(r.get("role"));
        boolean suspect = "suspect".equals(role);
        cells.put("patient", Values.str(r.get("patient")));
        cells.put("age", ageCell);
        cells.put("sex", sex);
        cells.put("drug", Values.str(r.get("drug")));
        cells.put("role", role == null ? null : role + (Boolean.TRUE.equals(r.get("inferred")) ? " (inferred: no drug stated for the patient)" : ""));
        cells.put("dose", Values.str(r.get("dose")));
        cells.put("route", Values.str(r.get("route")));
        cells.put("frequency", Values.str(r.get("frequency")));
        cells.put("duration", Values.str(r.get("duration")));
        cells.put("onset", Values.str(r.get("onset")));
        cells.put("reaction", join(r.get("reaction")));
        cells.put("seriousness", Values.str(r.get("seriousness")));
        String management = Values.str(r.get("management"));
        String treated = join(r.get("treated_with"));
        cells.put("management", management != null ? management : treated == null ? null : "treated with " + treated);
        cells.put("outcome", Values.str(r.get("outcome")));
        cells.put("dechallenge", Values.str(r.get("dechallenge")));
        cells.put("rechallenge", Values.str(r.get("rechallenge")));
        cells.put("stated causality", Values.str(r.get("stated_causality")));
        cells.put("computed Naranjo", Values.str(r.get("naranjo")));
        cells.put("citation", Values.str(r.get("citation")));
        Map<String, List<Map<String, Object>>> byField = new HashMap<>();
        Object sources = r.get("sources");
        if (sources instanceof List<?> list) {
            for (Object o : list) {
                Map<String, Object> s = (Map<String, Object>) o;
                byField.computeIfAbsent(String.valueOf(s.get("field")), k -> new ArrayList<>()).add(s);
            }
        }
        byField.values().forEach(l -> l.sort((a, b) -> Long.compare(((Number) a.get("start")).longValue(),
                ((Number) b.get("start")).longValue())));
        Map<String, String> src = new LinkedHashMap<>();
        for (String column : COLUMNS) {
            if (cells.get(column) == null) {
                continue;
            }
            boolean drugDetail = List.of("dose", "route", "frequency", "duration").contains(column);
            if (drugDetail && !suspect) {
                continue; // the stored sources of these fields are the suspect drug's
            }
            List<String> sentences = new ArrayList<>();
            for (String f : FIELD_OF.getOrDefault(column, List.of())) {
                for (Map<String, Object> s : byField.getOrDefault(f, List.of())) {
                    String sentence = Values.str(s.get("sentence"));
                    if (sentence != null && !sentences.contains(sentence)) {
                        sentences.add(sentence);
                    }
                }
            }
            if (!sentences.isEmpty()) {
                src.put(column, String.join("\n", sentences));
            }
        }
        Object answers = r.get("naranjo_answers");
        Object because = r.get("naranjo_sentences");
        if (answers instanceof List<?> a && !a.isEmpty()) {
            List<?> b = because instanceof List<?> x ? x : List.of();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < a.size(); i++) {
                sb.append(a.get(i));
                if (i < b.size() && b.get(i) != null && !String.valueOf(b.get(i)).isBlank()) {
                    sb.append(": \"").append(b.get(i)).append('"');
                }
                sb.append('\n');
            }
            src.put("computed Naranjo", sb.toString().strip());
        }
        return new Row(Values.str(r.get("case_id")), Values.str(r.get("document_id")), cells, src);
    }

    private static String join(Object v) {
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) {
                if (o != null && !String.valueOf(o).isBlank()) {
                    parts.add(String.valueOf(o));
                }
            }
            return parts.isEmpty() ? null : String.join("; ", parts);
        }
        return Values.str(v);
    }

    /** The table as CSV (header, then one line per patient); returns the number of rows. */
    public static int writeCsv(List<Row> rows, Writer out) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : COLUMNS) {
                cells.add(r.cells().get(c));
            }
            lines.add(cells);
        }
        return EvidenceCsv.write(COLUMNS, lines, out);
    }

    /**
     * The table as an Excel workbook (.xlsx, sheet "Case series"): a bold header row, one row per
     * patient, and on every cell read from the text a comment holding the sentence it came from.
     */
    public static int writeXlsx(List<Row> rows, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("Case series");
            CreationHelper factory = wb.getCreationHelper();
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            XSSFCellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            var head = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                var cell = head.createCell(c);
                cell.setCellValue(COLUMNS.get(c));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (Row row : rows) {
                var x = sheet.createRow(r);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    String column = COLUMNS.get(c);
                    String v = row.cells().get(column);
                    var cell = x.createCell(c);
                    if (v != null) {
                        cell.setCellValue(v);
                    }
                    String sentence = row.sources().get(column);
                    if (v != null && sentence != null) {
                        ClientAnchor anchor = factory.createClientAnchor();
                        anchor.setCol1(c);
                        anchor.setCol2(c + 4);
                        anchor.setRow1(r);
                        anchor.setRow2(r + 6);
                        Comment comment = drawing.createCellComment(anchor);
                        comment.setString(factory.createRichTextString(sentence.length() > 30000
                                ? sentence.substring(0, 30000) : sentence));
                        comment.setAuthor("litgraph");
                        cell.setCellComment(comment);
                    }
                }
                r++;
            }
            sheet.createFreezePane(0, 1);
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, Math.min(60, Math.max(10, widest(rows, COLUMNS.get(c)))) * 256);
            }
            wb.write(out);
        }
        return rows.size();
    }

    private static int widest(List<Row> rows, String column) {
        int w = column.length() + 2;
        for (Row r : rows) {
            String v = r.cells().get(column);
            if (v != null) {
                w = Math.max(w, v.length() + 2);
            }
        }
        return w;
    }
}
