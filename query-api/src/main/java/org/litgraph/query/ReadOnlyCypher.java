package org.litgraph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;

/**
 * Decides whether researchers' Cypher may run: read queries over the graph only. Two checks, both
 * required: the statement must start with a read clause (MATCH, OPTIONAL MATCH, WITH, UNWIND,
 * RETURN or CALL; so no SHOW, TERMINATE, USE, CREATE, administration command...), and Neo4j's own
 * plan ({@code EXPLAIN}) must be read-only, contain no administration, transaction-management or
 * LOAD CSV operator, and call only procedures on an allow-list of harmless reads
 * ({@code db.labels()}, {@code dbms.components()}, full-text index queries...).
 */
final class ReadOnlyCypher {
    static final String READ_ONLY = "litgraph runs researchers' Cypher read-only, on the graph only";

    /** Clauses a statement may start with. */
    private static final Set<String> FIRST_CLAUSES = Set.of("MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN", "CALL");

    /** Words that start Cypher statements other than reads: refused (403) rather than reported as typos (400). */
    private static final Set<String> STATEMENT_KEYWORDS = Set.of("SHOW", "TERMINATE", "USE", "CREATE", "DROP", "ALTER",
            "GRANT", "DENY", "REVOKE", "START", "STOP", "ENABLE", "RENAME", "EXPLAIN", "PROFILE", "MERGE", "DELETE",
            "DETACH", "NODETACH", "SET", "REMOVE", "FOREACH", "INSERT", "CYPHER", "FINISH", "UNION", "ORDER", "SKIP",
            "LIMIT", "OFFSET", "WHERE", "YIELD", "DEALLOCATE", "REALLOCATE", "DRYRUN", "ASSIGN");

    /** Procedures that only read the graph or describe the database, and reveal no paths, settings or other users. */
    static final Set<String> PROCEDURES = Set.of(
            "db.labels", "db.relationshiptypes", "db.propertykeys", "db.schema.visualization",
            "db.schema.nodetypeproperties", "db.schema.reltypeproperties", "db.index.fulltext.querynodes",
            "db.index.fulltext.queryrelationships", "db.index.fulltext.listavailableanalyzers", "db.info", "db.ping",
            "dbms.components");

    /** Operators (plan) that write, administer, manage transactions or read outside the graph. */
    private static final List<String> FORBIDDEN_OPERATORS = List.of("Show", "Terminate", "Administration", "System",
            "LoadCSV", "Create", "Merge", "LockingMerge", "Delete", "DetachDelete", "Set", "Remove", "Foreach",
            "TransactionApply", "TransactionForeach", "Assert", "Ensure", "Drop", "Alter", "Grant", "Deny", "Revoke",
            "Start", "Stop", "Enable", "Rename", "Wait", "DoNothing");

    private ReadOnlyCypher() {
    }

    /** Checks the text before anything is sent; returns it without a trailing semicolon. */
    static String checkText(String cypher) {
        String text = cypher.strip();
        if (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        List<String> words = keywords(text);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty query");
        }
        String first = words.get(0).toUpperCase(Locale.ROOT);
        if (first.equals("LOAD")) {
            throw new ReadOnlyViolation("refused: LOAD CSV reads files or URLs outside the graph; " + READ_ONLY);
        }
        if (!FIRST_CLAUSES.contains(first)) {
            if (!STATEMENT_KEYWORDS.contains(first)) {
                throw new IllegalArgumentException("not a Cypher query: it starts with '" + words.get(0) + "' (a read "
                        + "query starts with MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN or CALL)");
            }
            throw new ReadOnlyViolation("refused: a query must start with MATCH, OPTIONAL MATCH, WITH, UNWIND, RETURN or "
                    + "CALL, not " + first + " (administration commands, EXPLAIN/PROFILE prefixes and writes are not "
                    + "allowed); " + READ_ONLY);
        }
        for (String w : words) {
            String u = w.toUpperCase(Locale.ROOT);
            if (u.equals("USE")) {
                throw new ReadOnlyViolation("refused: USE selects another database; " + READ_ONLY);
            }
            if (u.equals("TERMINATE") || u.equals("SHOW")) {
                throw new ReadOnlyViolation("refused: " + u + " is an administration command; " + READ_ONLY);
            }
        }
        return text;
    }

    /** Checks Neo4j's plan of the query. */
    static void checkPlan(QueryType type, Plan plan) {
        List<String> procedures = new ArrayList<>();
        if (plan != null) {
            walk(plan, procedures);
        }
        for (String p : procedures) {
            if (!PROCEDURES.contains(p.toLowerCase(Locale.ROOT))) {
                throw new ReadOnlyViolation("refused: procedure " + p + " is not one of the read procedures litgraph "
                        + "allows (" + String.join(", ", sorted()) + "); " + READ_ONLY);
            }
        }
        boolean onlyAllowedProcedures = !procedures.isEmpty();
        if (type != QueryType.READ_ONLY && !(type == QueryType.SCHEMA_WRITE && onlyAllowedProcedures)) {
            throw new ReadOnlyViolation("refused: this query would change the graph (Neo4j classifies it as " + type
                    + "); " + READ_ONLY);
        }
    }

    private static List<String> sorted() {
        return PROCEDURES.stream().sorted().toList();
    }

    private static void walk(Plan plan, List<String> procedures) {
        String op = plan.operatorType() == null ? "" : plan.operatorType();
        int at = op.indexOf('@');
        String name = at < 0 ? op : op.substring(0, at);
        if (name.startsWith("LoadCSV")) {
            throw new ReadOnlyViolation("refused: LOAD CSV reads files or URLs outside the graph; " + READ_ONLY);
        }
        if (name.equals("ProcedureCall")) {
            procedures.add(procedureName(plan));
        } else {
            for (String f : FORBIDDEN_OPERATORS) {
                if (name.startsWith(f)) {
                    throw new ReadOnlyViolation("refused: the plan holds " + name + ", which is not a read of the graph; "
                            + READ_ONLY);
                }
            }
        }
        for (Plan child : plan.children()) {
            walk(child, procedures);
        }
    }

    /** "db.labels() :: (label :: STRING)" -> "db.labels"; unknown when the plan does not say. */
    static String procedureName(Plan plan) {
        var details = plan.arguments().get("Details");
        String d = details == null || details.isNull() ? "" : details.asString();
        int paren = d.indexOf('(');
        String name = (paren < 0 ? d : d.substring(0, paren)).strip();
        return name.isEmpty() ? "(unknown procedure)" : name;
    }

    /**
     * The identifiers of a statement that can be clause keywords: outside strings, comments and
     * backticks, and not a property key ({@code n.show}), label ({@code :Show}), parameter, map key
     * ({@code {show: 1}}) or alias ({@code AS show}).
     */
    static List<String> keywords(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        char prev = 0; // the previous significant character
        String prevWord = "";
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                i++;
                while (i < n && text.charAt(i) != c) {
                    if (text.charAt(i) == '\\' && c != '`') {
                        i++;
                    }
                    i++;
                }
                i++;
                prev = c;
                prevWord = "";
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                String word = text.substring(start, i);
                int j = i;
                while (j < n && Character.isWhitespace(text.charAt(j))) {
                    j++;
                }
                boolean key = j < n && text.charAt(j) == ':' && !(j + 1 < n && text.charAt(j + 1) == ':');
                if (prev != '.' && prev != ':' && prev != '$' && !key && !prevWord.equalsIgnoreCase("AS")) {
                    out.add(word);
                }
                prev = 'a';
                prevWord = word;
            } else {
                prev = c;
                prevWord = "";
                i++;
            }
        }
        return out;
    }
}
