package org.litgraph.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.litgraph.query.QueryResult;
import org.litgraph.query.ResultFormat;

/** CSV (RFC 4180 quoting, "\n" line ends) of query results and of string tables. */
final class EvidenceCsv {
    private EvidenceCsv() {
    }

    static int write(QueryResult result, Writer out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, Object> row : result.rows()) {
            List<String> cells = new ArrayList<>();
            for (String c : result.columns()) {
                cells.add(Values.text(row.get(c)));
            }
            rows.add(cells);
        }
        return write(result.columns(), rows, out);
    }

    static int write(List<String> header, List<List<String>> rows, Writer out) throws IOException {
        line(header, out);
        for (List<String> r : rows) {
            line(r, out);
        }
        return rows.size();
    }

    private static void line(List<String> cells, Writer out) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(ResultFormat.csvField(cells.get(i) == null ? "" : cells.get(i)));
        }
        out.write('\n');
    }
}
