package org.litgraph.cli;

import java.io.BufferedReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.litgraph.ingest.bc5cdr.Bc5cdrAnnotator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {"Annotates titles and abstracts with Chemical/Disease mentions (MeSH ids) and CID relations,",
                "without touching a store. Input annotations, if any, are ignored."})
final class AnnotateCommand implements Callable<Integer> {
    @Option(names = "--format", description = "input and output format (default: ${DEFAULT-VALUE}; only pubtator)",
            defaultValue = "pubtator")
    String format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!"pubtator".equalsIgnoreCase(format)) {
            throw new IllegalArgumentException("annotate reads and writes PubTator only (--format pubtator)");
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             Writer w = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                     : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            Bc5cdrAnnotator.annotate(in, w);
        }
        return 0;
    }
}
