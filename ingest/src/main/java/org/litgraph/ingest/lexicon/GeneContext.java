package org.litgraph.ingest.lexicon;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.litgraph.graph.EntityKind;
import org.litgraph.ingest.text.Token;

/**
 * Whether a guarded gene name (a symbol that is also an English word or a common abbreviation, such as
 * CAT, SET, MS, RA) is used as a gene: a gene or protein word within a few tokens of it ("CAT activity",
 * "expression of SET", "KIT mutation", "the MS gene"), another target named in the same sentence
 * (checked by the recogniser), or the gene's full name written somewhere in the document.
 */
final class GeneContext {
    /** Normalised terms (as {@link org.litgraph.ingest.text.Tokenizer} writes them) that mark gene or protein talk. */
    static final Set<String> CUES = Set.of("gene", "genes", "protein", "expression", "expressed", "expressing",
            "overexpression", "overexpressed", "receptor", "kinase", "mutation", "mutant", "mutated", "mrna",
            "transcript", "transcription", "allele", "polymorphism", "variant", "knockout", "knockdown", "sirna",
            "shrna", "promoter", "locus", "isoform", "enzyme", "activity", "phosphorylation", "phosphorylated",
            "signaling", "signalling", "pathway", "ligand", "antibody", "upregulation", "downregulation",
            "upregulated", "downregulated", "encoding", "encoded", "encode", "genotype", "deletion", "amplification",
            "fusion", "homolog", "ortholog", "paralog", "subunit", "domain", "inhibitor", "agonist", "antagonist",
            "tyrosine", "deficient");
    private static final int WINDOW = 6;

    private final boolean[] cue;

    GeneContext(List<Token> tokens, Lexicon lexicon) {
        cue = new boolean[tokens.size()];
        for (int k = 0; k < tokens.size(); k++) {
            cue[k] = CUES.contains(tokens.get(k).term());
        }
    }

    /** A cue word within a few tokens of {@code [i, j]}. */
    boolean near(int i, int j) {
        for (int k = Math.max(0, i - WINDOW); k <= Math.min(cue.length - 1, j + WINDOW); k++) {
            if (cue[k] && (k < i || k > j)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the document writes out one of the gene's longer (descriptive, unguarded) names. */
    static boolean definedIn(String text, LexiconEntry gene) {
        if (gene.kind() != EntityKind.TARGET) {
            return false;
        }
        String lower = null;
        for (String name : gene.synonyms()) {
            if (name.length() >= 8 && name.indexOf(' ') > 0 && !gene.guarded().contains(name)) {
                if (lower == null) {
                    lower = text.toLowerCase(Locale.ROOT);
                }
                if (lower.contains(name.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
