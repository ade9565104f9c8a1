package org.litgraph.query.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Search syntax as researchers type it (issue 11): operators, exclusions, phrases, groups. */
class SearchQueryTest {

    /** The Lucene query of {@code q} with every word taken as typed (no entities), like a graph without names. */
    private static String lucene(String q) {
        return CaseSearch.lucene(plain(SearchQuery.parse(q), false));
    }

    private static CaseSearch.Grounded plain(SearchQuery.Node n, boolean excluded) {
        if (n instanceof SearchQuery.And a) {
            return new CaseSearch.All(a.children().stream().map(c -> plain(c, excluded)).toList());
        }
        if (n instanceof SearchQuery.Or o) {
            return new CaseSearch.Any(o.children().stream().map(c -> plain(c, excluded)).toList());
        }
        if (n instanceof SearchQuery.Not x) {
            return new CaseSearch.None(plain(x.child(), !excluded));
        }
        if (n instanceof SearchQuery.Phrase p) {
            return new CaseSearch.Leaf(new CaseSearch.Term(p.text(), null, List.of(p.text()), excluded));
        }
        List<CaseSearch.Grounded> words = new ArrayList<>();
        for (String w : ((SearchQuery.Words) n).words()) {
            words.add(new CaseSearch.Leaf(new CaseSearch.Term(w, null, List.of(w), excluded)));
        }
        return words.size() == 1 ? words.get(0) : new CaseSearch.All(words);
    }

    @Test
    void shouldReadOrAsAnAlternativeNotAsARequiredWord() {
        SearchQuery.Node n = SearchQuery.parse("imatinib OR amiodarone");
        assertInstanceOf(SearchQuery.Or.class, n);
        assertEquals("(imatinib OR amiodarone)", lucene("imatinib OR amiodarone"));
        assertEquals("(imatinib OR amiodarone)", lucene("imatinib | amiodarone"));
    }

    @Test
    void shouldReadALeadingMinusAndNotAsExclusions() {
        assertEquals("(+imatinib -infection)", lucene("imatinib -infection"));
        assertEquals("(+imatinib -infection)", lucene("imatinib NOT infection"));
        assertEquals("(+imatinib -infection)", lucene("imatinib AND NOT infection"));
        // a hyphen inside a word is not an operator
        assertEquals("\"anti inflammatory\"", lucene("anti-inflammatory"));
    }

    @Test
    void shouldKeepPhrasesAndGroupsAndReadJuxtapositionAsAnd() {
        assertEquals("\"pleural effusion\"", lucene("\"pleural effusion\""));
        assertEquals("(+\"pleural effusion\" +dasatinib)", lucene("\"pleural effusion\" dasatinib"));
        assertEquals("(+(imatinib OR nilotinib) +rash)", lucene("(imatinib OR nilotinib) AND rash"));
        assertEquals("(+imatinib +dasatinib)", lucene("imatinib AND dasatinib"));
        assertEquals("(+(imatinib OR dasatinib) -\"pleural effusion\")", lucene("(imatinib OR dasatinib) -\"pleural effusion\""));
        assertEquals("pneumon*", lucene("pneumon*"));
        // lower-case and/or are words
        assertEquals("(+imatinib +or +amiodarone)", lucene("imatinib or amiodarone"));
        CaseSearch.parse(lucene("(imatinib OR nilotinib) AND rash -\"skin biopsy\"")); // Lucene reads it
    }

    @Test
    void shouldRefuseQueriesThatCannotMatchOrDoNotParse() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse("-infection")).getMessage()
                .contains("something to find"));
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse("(imatinib OR amiodarone"));
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse("imatinib OR"));
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse("imatinib OR -infection"));
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse("()"));
    }
}
