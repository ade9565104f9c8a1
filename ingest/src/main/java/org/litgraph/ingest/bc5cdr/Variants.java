package org.litgraph.ingest.bc5cdr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.litgraph.graph.EntityKind;

/**
 * Spelling and wording variants of a MeSH name as abstracts write it: British spellings
 * ("haemorrhage", "oedema", "sulphasalazine"), "X Neoplasms" as "X cancer"/"X tumour", and organ nouns
 * as their adjectives ("Kidney Diseases" as "renal disease"). The caller keeps only variants that name
 * no other concept.
 */
final class Variants {
    private static final String[][] BRITISH = {
            {"hem", "haem"}, {"edema", "oedema"}, {"esophag", "oesophag"}, {"sulf", "sulph"}, {"emia", "aemia"},
            {"tumor", "tumour"}, {"estr", "oestr"}, {"fetal", "foetal"}, {"fetus", "foetus"}, {"pediatric", "paediatric"},
            {"diarrhea", "diarrhoea"}, {"ischemi", "ischaemi"}, {"leukemi", "leukaemi"}, {"anemi", "anaemi"},
            {"etiolog", "aetiolog"}, {"color", "colour"}, {"gyneco", "gynaeco"}, {"orthoped", "orthopaed"},
            {"celiac", "coeliac"}, {"dyskinesia", "dyskinaesia"}, {"cesium", "caesium"}, {"aluminum", "aluminium"}};
    private static final String[][] ORGANS = {
            {"kidney", "renal"}, {"liver", "hepatic"}, {"heart", "cardiac"}, {"lung", "pulmonary"},
            {"stomach", "gastric"}, {"brain", "cerebral"}, {"skin", "cutaneous"}, {"urinary bladder", "bladder"}};

    private Variants() {
    }

    static List<String> of(String name, EntityKind kind) {
        String n = name.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        String all = n;
        for (String[] b : BRITISH) {
            if (n.contains(b[0]) && !n.contains(b[1])) {
                out.add(n.replace(b[0], b[1]));
                all = all.replace(b[0], b[1]);
            }
        }
        out.add(all);
        if (kind == EntityKind.CONDITION) {
            List<String> base = new ArrayList<>(List.of(n));
            for (String[] o : ORGANS) {
                if (n.matches(".*\\b" + o[0] + "\\b.*") && n.split(" ").length > 1) {
                    String v = n.replaceAll("\\b" + o[0] + "\\b", o[1]);
                    out.add(v);
                    base.add(v);
                }
            }
            for (String b : base) {
                if (b.endsWith(" neoplasms") && b.split(" ").length >= 2) {
                    String stem = b.substring(0, b.length() - " neoplasms".length());
                    out.add(stem + " cancer");
                    out.add(stem + " tumor");
                    out.add(stem + " tumour");
                }
            }
        }
        out.remove(n);
        return List.copyOf(out);
    }
}
