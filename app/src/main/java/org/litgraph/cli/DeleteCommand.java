package org.litgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.litgraph.graph.DocumentDeleter;
import org.litgraph.graph.Ids;
import org.litgraph.graph.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Removes documents from the graph (however they were loaded): their statements, cases and "
                + "links; the claims they supported are recomputed, references nothing cites any more are removed.",
                "DOCUMENT: a document id (doc:...), a PMID (digits), a PMCID (PMC...), a DOI (10....), or the path "
                        + "of a file ingested without any of those."})
final class DeleteCommand implements Callable<Integer> {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern PMCID = Pattern.compile("(?i)PMC\\d+");

    @Mixin
    StoreOptions storeOptions;

    @Parameters(arity = "1..*", paramLabel = "DOCUMENT")
    List<String> documents;

    @Override
    public Integer call() {
        List<String> ids = new ArrayList<>();
        for (String d : documents) {
            ids.add(documentId(d.strip()));
        }
        try (Store store = storeOptions.open()) {
            DocumentDeleter.Result r = new DocumentDeleter(store).delete(ids);
            System.out.printf("deleted %d of %d document(s) from %s: %d nodes and %d relationships removed%n",
                    r.documentsDeleted(), ids.size(), store.describe(), r.nodesDeleted(), r.relationshipsDeleted());
            return r.documentsDeleted() == ids.size() ? 0 : Main.SKIPPED;
        }
    }

    static String documentId(String d) {
        if (d.startsWith("doc:")) {
            return d;
        }
        if (DIGITS.matcher(d).matches()) {
            return Ids.document(d, null, null, null);
        }
        if (PMCID.matcher(d).matches()) {
            return Ids.document(null, d.toUpperCase(java.util.Locale.ROOT), null, null);
        }
        if (d.startsWith("10.")) {
            return Ids.document(null, null, d, null);
        }
        if (Files.exists(Path.of(d))) {
            return Ids.document(null, null, null, d);
        }
        throw new IllegalArgumentException("not a document id, PMID, PMCID, DOI or file: " + d);
    }
}
