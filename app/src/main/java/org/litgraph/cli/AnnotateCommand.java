package org.litgraph.cli;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.litgraph.ingest.Ingestor;
import org.litgraph.ingest.annotate.Annotator;
import org.litgraph.ingest.annotate.JsonlOutput;
import org.litgraph.ingest.annotate.PubTatorOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {"Prints what 'ingest' would write for the given files, without touching a store: the same",
                "parsers and the same extraction. Entity mentions (Chemical, Disease, Gene with MESH:/NCBIGene:/...",
                "ids), the graph's statements (CAUSES, TREATS, INHIBITS, ...), drug-effect events and cases.",
                "Any annotations the input carries (PubTator, BioC) are ignored."})
final class AnnotateCommand implements Callable<Integer> {
    enum OutputFormat { pubtator, jsonl }

    @Option(names = "--format", description = "output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})",
            defaultValue = "pubtator")
    OutputFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "output file (default: standard output)")
    Path out;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "files or directories, any format ingest reads")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        Annotator annotator = Annotator.standard();
        int failed = 0;
        try (Writer w = out == null ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Path file : Ingestor.listFiles(files)) {
                try {
                    annotator.annotate(file, d -> {
                        try {
                            if (format == OutputFormat.jsonl) {
                                JsonlOutput.write(d, w);
                            } else {
                                PubTatorOutput.write(d, w);
                            }
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                } catch (org.litgraph.ingest.format.ParseException | java.io.IOException e) {
                    System.err.println("skipped " + file + ": " + e.getMessage());
                    failed++;
                }
            }
            w.flush();
        }
        return failed == 0 ? 0 : 3;
    }
}
