package org.litgraph.graph;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A case's outcome as a review groups it, read from the free text the source states (which is kept
 * as {@code Case.outcome}); stored as {@code Case.outcomeCategory} with the label below. The first
 * rule that matches wins: fatal, then not recovered (persisting, worsening, sequelae), recovered
 * (resolved), improved (better, partial), else unknown.
 */
public enum OutcomeCategory {
    RECOVERED("recovered"),
    IMPROVED("improved"),
    NOT_RECOVERED("not recovered"),
    FATAL("fatal"),
    UNKNOWN("unknown");

    private static final Pattern FATAL_TEXT = Pattern.compile(
            "\\b(?:died|dies|death|deaths|dead|deceased|fatal\\w*|passed away|expired|autopsy|post-?mortem)\\b");
    private static final Pattern NOT_RECOVERED_TEXT = Pattern.compile(
            "\\b(?:not (?:yet )?(?:recovered|resolved)|unresolved|non-?resolving|no (?:improvement|recovery|resolution)"
                    + "|(?:did|has|have) not (?:improve|recover|resolve)\\w*|failed to (?:improve|recover|resolve)"
                    + "|persist\\w*|still present|ongoing|irreversible|permanent|sequela\\w*|worsen\\w*|deteriorat\\w*"
                    + "|progress(?:ed|ive|ion)|refractory)\\b");
    private static final Pattern RECOVERED_TEXT = Pattern.compile(
            "\\b(?:resolv\\w*|resolution|recover\\w*|normali[sz]\\w*|disappear\\w*|clear(?:ed|ance)|cured"
                    + "|returned to (?:normal|baseline)|full recovery|remission|reversed|reversible)\\b");
    private static final Pattern IMPROVED_TEXT = Pattern.compile(
            "\\b(?:improv\\w*|better|partial\\w*|regress\\w*|subsid\\w*|decreas\\w*|reduc\\w*|alleviat\\w*"
                    + "|respond\\w*|response|milder|smaller)\\b");

    private final String label;

    OutcomeCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The category of an outcome as stated (null or blank: unknown). */
    public static OutcomeCategory of(String outcome) {
        if (outcome == null || outcome.isBlank()) {
            return UNKNOWN;
        }
        String t = outcome.toLowerCase(Locale.ROOT);
        if (FATAL_TEXT.matcher(t).find()) {
            return FATAL;
        }
        if (NOT_RECOVERED_TEXT.matcher(t).find()) {
            return NOT_RECOVERED;
        }
        if (RECOVERED_TEXT.matcher(t).find()) {
            return RECOVERED;
        }
        if (IMPROVED_TEXT.matcher(t).find()) {
            return IMPROVED;
        }
        return UNKNOWN;
    }

    /** The category whose label is {@code label} (e.g. "not recovered"). */
    public static OutcomeCategory parse(String label) {
        for (OutcomeCategory c : values()) {
            if (c.label.equalsIgnoreCase(label.strip()) || c.name().equalsIgnoreCase(label.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown outcome category '" + label + "'");
    }
}
