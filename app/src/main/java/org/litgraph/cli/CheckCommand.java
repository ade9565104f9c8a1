package org.litgraph.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.litgraph.graph.Store;
import org.litgraph.query.CheckFile;
import org.litgraph.query.CypherRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Runs a file of acceptance checks (\"// ID: what\" then a query returning ok).",
                "Exit status 0 when all hold, 2 otherwise."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws Exception {
        List<CheckFile.Check> checks = CheckFile.parse(Files.readString(file));
        try (Store store = storeOptions.open()) {
            int passed = 0;
            for (CheckFile.Outcome o : CheckFile.run(new CypherRunner(store), checks)) {
                System.out.printf("%-4s %-5s %s%s%n", o.check().id(), o.ok() ? "ok" : "FAIL", o.check().description(),
                        o.error() == null ? "" : "  (" + o.error() + ")");
                passed += o.ok() ? 1 : 0;
            }
            System.out.printf("%d of %d checks hold%n", passed, checks.size());
            return passed == checks.size() ? 0 : 2;
        }
    }
}
