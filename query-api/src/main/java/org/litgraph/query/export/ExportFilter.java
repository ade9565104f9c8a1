package org.litgraph.query.export;

/**
 * Which part of the graph an export covers; null fields mean "all". {@code drug} and
 * {@code condition} are names or synonyms (narrower conditions are included); {@code relationship}
 * is CAUSES or TREATS. Reference exports use only {@code drug}; graph exports use none.
 */
public record ExportFilter(String drug, String condition, String relationship) {
    public ExportFilter {
        drug = blankToNull(drug);
        condition = blankToNull(condition);
        relationship = blankToNull(relationship);
    }

    public static ExportFilter all() {
        return new ExportFilter(null, null, null);
    }

    java.util.Map<String, Object> params() {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("drug", drug);
        p.put("condition", condition);
        p.put("relationship", relationship);
        return p;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
