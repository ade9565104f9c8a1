package org.litgraph.query.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One self-contained HTML page (inline CSS, JS and SVG; no network): a bubble grid with
 * conditions as rows and drugs as columns, one bubble per relationship and direction (size = number
 * of source documents, colour = relationship, hollow = statements against), drawn into an inline
 * {@code <svg>} by an inline script from embedded JSON; and the long-format table, rendered in the
 * page (so it reads without JavaScript too), which a click on a bubble filters and scrolls to.
 * Every text is escaped; the embedded JSON escapes {@code < > &} so no text can close its script.
 */
final class EvidenceHtml {
    private EvidenceHtml() {
    }

    static int write(List<EvidenceMap.Row> rows, ExportFilter filter, Writer out) throws IOException {
        Map<String, String> drugs = new TreeMap<>();
        Map<String, String> conditions = new TreeMap<>();
        rows.forEach(r -> {
            drugs.putIfAbsent(r.drugId(), r.drug());
            conditions.putIfAbsent(r.conditionId(), r.condition());
        });
        List<String> drugIds = sorted(drugs);
        List<String> conditionIds = sorted(conditions);
        // bubbles: one per (condition, drug, relationship, direction), in row order (rows are sorted)
        Map<String, Map<String, Object>> bubbles = new LinkedHashMap<>();
        Map<String, Set<String>> bubbleDocs = new LinkedHashMap<>();
        Map<String, Integer> bubbleIndex = new LinkedHashMap<>();
        List<Integer> bubbleOfRow = new ArrayList<>();
        Map<String, Set<String>> bubblePatients = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            EvidenceMap.Row r = rows.get(i);
            String key = r.conditionId() + "|" + r.drugId() + "|" + r.relationship() + "|" + r.direction();
            Map<String, Object> b = bubbles.computeIfAbsent(key, k -> Values.ordered(
                    "condition", conditionIds.indexOf(r.conditionId()), "drug", drugIds.indexOf(r.drugId()),
                    "relationship", r.relationship(), "direction", r.direction(), "certainty", "hedged",
                    "sources", 0, "statements", 0L, "cases", 0L, "rows", new ArrayList<Integer>()));
            Set<String> docs = bubbleDocs.computeIfAbsent(key, k -> new LinkedHashSet<>());
            docs.add(r.documentId());
            b.put("sources", docs.size());
            b.put("statements", (Long) b.get("statements") + r.statements());
            // a patient retold in several documents is one patient
            Set<String> patients = bubblePatients.computeIfAbsent(key, k -> new LinkedHashSet<>());
            patients.addAll(r.patients());
            b.put("cases", (long) patients.size());
            if ("asserted".equals(r.certainty())) {
                b.put("certainty", "asserted");
            }
            @SuppressWarnings("unchecked")
            List<Integer> members = (List<Integer>) b.get("rows");
            members.add(i);
            bubbleIndex.putIfAbsent(key, bubbleIndex.size());
            bubbleOfRow.add(bubbleIndex.get(key));
        }
        List<Map<String, Object>> drugList = new ArrayList<>();
        drugIds.forEach(id -> drugList.add(Values.ordered("id", id, "name", drugs.get(id))));
        List<Map<String, Object>> conditionList = new ArrayList<>();
        conditionIds.forEach(id -> conditionList.add(Values.ordered("id", id, "name", conditions.get(id))));
        Map<String, Object> data = Values.ordered("drugs", drugList, "conditions", conditionList,
                "bubbles", new ArrayList<>(bubbles.values()));

        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Values.html(title(filter))).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>").append(Values.html(title(filter))).append("</h1>\n");
        h.append("<p class=\"summary\">").append(rows.size()).append(" source rows, ").append(bubbles.size())
                .append(" bubbles, ").append(drugIds.size()).append(" drugs, ").append(conditionIds.size())
                .append(" conditions. Bubble size: number of source documents; colour: relationship; hollow: "
                        + "statements against (negated); pale: hedged only. Click a bubble to filter the table.</p>\n");
        h.append("<div id=\"legend\"></div>\n");
        h.append("<div id=\"map\"><svg id=\"bubble-map\" role=\"img\" aria-label=\"evidence bubble map\" "
                + "width=\"10\" height=\"10\"></svg></div>\n");
        h.append("<p><button type=\"button\" id=\"show-all\">Show all rows</button> <span id=\"selection\"></span></p>\n");
        h.append("<table id=\"evidence-table\">\n<thead><tr>");
        for (String c : List.of("drug", "condition", "relationship", "direction", "certainty", "design", "year",
                "cases", "statements", "quote", "citation")) {
            h.append("<th>").append(c).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < rows.size(); i++) {
            EvidenceMap.Row r = rows.get(i);
            h.append("<tr id=\"row-").append(i).append("\" data-bubble=\"").append(bubbleOfRow.get(i))
                    .append("\" class=\"").append(r.supporting() ? "for" : "against").append("\">");
            for (Object v : new Object[]{r.drug(), r.condition(), r.relationship(), r.direction(), r.certainty(),
                    r.design(), r.year(), r.cases(), r.statements(), r.quote(), r.citation()}) {
                h.append("<td>").append(Values.html(v == null ? "" : v.toString())).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        h.append("<script type=\"application/json\" id=\"evidence-data\">").append(scriptSafeJson(data))
                .append("</script>\n<script>\n").append(JS).append("</script>\n</body>\n</html>\n");
        out.write(h.toString());
        return rows.size();
    }

    private static String title(ExportFilter f) {
        StringBuilder t = new StringBuilder("Evidence map");
        if (f.drug() != null) {
            t.append(": ").append(f.drug());
        }
        if (f.condition() != null) {
            t.append(f.drug() == null ? ": " : " and ").append(f.condition());
        }
        if (f.relationship() != null) {
            t.append(" (").append(f.relationship().toUpperCase(Locale.ROOT)).append(")");
        }
        return t.toString();
    }

    /** JSON that cannot end its {@code <script>} element or open a comment inside it. */
    static String scriptSafeJson(Object value) {
        return Values.compactJson(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static List<String> sorted(Map<String, String> names) {
        return names.keySet().stream()
                .sorted(Comparator.comparing((String id) -> String.valueOf(names.get(id)).toLowerCase(Locale.ROOT))
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 1.5em; color: #222; }
            h1 { font-size: 1.4em; }
            .summary { color: #555; max-width: 60em; }
            #map { overflow: auto; border: 1px solid #ddd; margin: 1em 0; max-height: 80vh; }
            #legend span { display: inline-block; margin-right: 1.2em; font-size: 0.9em; }
            #legend svg { vertical-align: middle; margin-right: 0.3em; }
            svg text { font-size: 12px; fill: #333; }
            svg .grid { stroke: #eee; }
            svg circle.bubble { cursor: pointer; }
            svg circle.bubble:hover, svg circle.bubble:focus { stroke: #000; stroke-width: 2; outline: none; }
            svg circle.selected { stroke: #000; stroke-width: 3; }
            table { border-collapse: collapse; font-size: 0.85em; width: 100%; }
            th, td { border: 1px solid #ddd; padding: 4px 6px; vertical-align: top; text-align: left; }
            th { background: #f4f4f4; position: sticky; top: 0; }
            tr.against td { background: #fafafa; color: #555; }
            tr.hit td { background: #fff7d6; }
            tr[hidden] { display: none; }
            """;

    private static final String JS = """
            (function () {
              'use strict';
              var data = JSON.parse(document.getElementById('evidence-data').textContent);
              var NS = 'http' + '://www.w3.org/2000/svg';
              var COLOURS = { CAUSES: '#c0392b', TREATS: '#1e8449' };
              function colour(rel) { return COLOURS[rel] || '#2e86c1'; }
              function el(name, attrs, parent) {
                var e = document.createElementNS(NS, name);
                Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
                if (parent) { parent.appendChild(e); }
                return e;
              }
              var svg = document.getElementById('bubble-map');
              var cell = 46, left = 12, top = 12, labelW = 0, labelH = 0;
              data.conditions.forEach(function (c) { labelW = Math.max(labelW, c.name.length * 7); });
              data.drugs.forEach(function (d) { labelH = Math.max(labelH, d.name.length * 5.2); });
              left += Math.min(labelW, 320); top += Math.min(labelH, 220) + 10;
              var width = left + data.drugs.length * cell + 20, height = top + data.conditions.length * cell + 20;
              svg.setAttribute('width', width); svg.setAttribute('height', height);
              svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
              data.conditions.forEach(function (c, i) {
                var y = top + i * cell + cell / 2;
                el('line', { x1: left, y1: y, x2: left + data.drugs.length * cell, y2: y, 'class': 'grid' }, svg);
                var t = el('text', { x: left - 8, y: y + 4, 'text-anchor': 'end' }, svg);
                t.textContent = c.name;
              });
              data.drugs.forEach(function (d, j) {
                var x = left + j * cell + cell / 2;
                el('line', { x1: x, y1: top, x2: x, y2: top + data.conditions.length * cell, 'class': 'grid' }, svg);
                var t = el('text', { x: x, y: top - 8, transform: 'rotate(-45 ' + x + ' ' + (top - 8) + ')' }, svg);
                t.textContent = d.name;
              });
              var maxSources = 1, perCell = {};
              data.bubbles.forEach(function (b) {
                maxSources = Math.max(maxSources, b.sources);
                var k = b.condition + ':' + b.drug; perCell[k] = (perCell[k] || 0) + 1;
              });
              var placed = {};
              var rows = Array.prototype.slice.call(document.querySelectorAll('#evidence-table tbody tr'));
              var selection = document.getElementById('selection');
              var selected = null;
              function show(b, circle) {
                if (selected) { selected.classList.remove('selected'); }
                selected = circle; if (circle) { circle.classList.add('selected'); }
                var keep = {};
                (b ? b.rows : []).forEach(function (i) { keep['row-' + i] = true; });
                var first = null;
                rows.forEach(function (tr) {
                  var on = !b || keep[tr.id];
                  tr.hidden = !on;
                  tr.classList.toggle('hit', !!b && on);
                  if (on && !first) { first = tr; }
                });
                selection.textContent = b ? (data.drugs[b.drug].name + ' ' + b.relationship + ' '
                    + data.conditions[b.condition].name + ' (' + b.direction + '): ' + b.rows.length + ' row(s)') : '';
                if (b && first) { first.scrollIntoView({ block: 'center' }); }
              }
              data.bubbles.forEach(function (b, n) {
                var k = b.condition + ':' + b.drug, count = perCell[k], idx = placed[k] || 0; placed[k] = idx + 1;
                var maxR = count > 1 ? cell / (2 * count) + 4 : cell / 2 - 3;
                var r = Math.max(4, maxR * Math.sqrt(b.sources / maxSources));
                var cx = left + b.drug * cell + cell / 2 + (idx - (count - 1) / 2) * (cell / count);
                var cy = top + b.condition * cell + cell / 2;
                var against = b.direction === 'against';
                var c = el('circle', { cx: cx.toFixed(1), cy: cy.toFixed(1), r: r.toFixed(1), 'class': 'bubble',
                  fill: against ? '#ffffff' : colour(b.relationship), 'fill-opacity': b.certainty === 'hedged' ? 0.4 : 0.85,
                  stroke: colour(b.relationship), 'stroke-width': against ? 2 : 1,
                  'stroke-dasharray': against ? '3 2' : 'none', tabindex: 0, 'data-bubble': n }, svg);
                var tip = el('title', {}, c);
                tip.textContent = data.drugs[b.drug].name + ' ' + b.relationship + ' ' + data.conditions[b.condition].name
                    + ' - ' + b.direction + ', ' + b.certainty + ': ' + b.sources + ' source(s), '
                    + b.statements + ' statement(s), ' + b.cases + ' case(s)';
                c.addEventListener('click', function () { show(b, c); });
                c.addEventListener('keydown', function (e) { if (e.key === 'Enter') { show(b, c); } });
              });
              document.getElementById('show-all').addEventListener('click', function () { show(null, null); });
              var legend = document.getElementById('legend');
              [['CAUSES', false], ['TREATS', false], ['CAUSES', true]].forEach(function (l) {
                var span = document.createElement('span');
                var s = el('svg', { width: 16, height: 16 }, span);
                el('circle', { cx: 8, cy: 8, r: 6, fill: l[1] ? '#ffffff' : colour(l[0]), stroke: colour(l[0]),
                  'stroke-dasharray': l[1] ? '3 2' : 'none' }, s);
                span.appendChild(document.createTextNode(l[0] + (l[1] ? ' (statements against)' : '')));
                legend.appendChild(span);
              });
            })();
            """;
}
