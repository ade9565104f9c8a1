package org.litgraph.cli;

import java.io.PrintWriter;
import org.litgraph.graph.StoreException;
import org.litgraph.query.ReadOnlyViolation;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code litgraph} command line. */
@Command(name = "litgraph", mixinStandardHelpOptions = true, version = "litgraph 0.1.0",
        description = "A literature knowledge graph for drug-safety and mechanism research, on Neo4j.",
        subcommands = {DemoCommand.class, IngestCommand.class, CypherCommand.class, CheckCommand.class,
                AskCommand.class, SearchCommand.class, ExportCommand.class, ServeCommand.class,
                ServiceCommand.class, AnnotateCommand.class, EvalCommand.class, LexiconCommand.class, BenchCommand.class,
                DeleteCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    /** Exit status when some input files were skipped. */
    static final int SKIPPED = 3;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // relative paths are the client's: resolved against its working directory (see Invocation)
        cli.registerConverter(java.nio.file.Path.class, Invocation::resolve);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof IngestCommand.Cancelled) {
                err.println("litgraph: " + e.getMessage());
                err.flush();
                return IngestCommand.CANCELLED;
            }
            if (e instanceof StoreException || e instanceof ReadOnlyViolation || e instanceof IllegalArgumentException
                    || e instanceof org.litgraph.query.QueryTimeout || e instanceof java.io.IOException) {
                err.println("litgraph: " + e.getMessage());
            } else {
                err.println("litgraph: " + e);
                if (System.getenv("LITGRAPH_DEBUG") != null) {
                    e.printStackTrace(err);
                }
            }
            err.flush();
            return e instanceof ReadOnlyViolation ? 4 : 1;
        });
        return cli.execute(args);
    }
}
