package org.litgraph.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.litgraph.graph.Store;
import org.litgraph.query.ResultFormat;
import org.litgraph.query.answer.AnswerText;
import org.litgraph.query.answer.Compare;
import org.litgraph.query.answer.DrugProfile;
import org.litgraph.query.answer.EvidenceQuestion;
import org.litgraph.query.answer.Mechanism;
import org.litgraph.server.LexiconGrounding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answers a researcher's question from the graph, with the evidence behind it.",
        subcommands = {AskCommand.MechanismCommand.class, AskCommand.EvidenceCommand.class,
                AskCommand.ProfileCommand.class, AskCommand.CompareCommand.class})
final class AskCommand {

    static int print(String format, Object answer, Function<Object, String> text) {
        String f = format.toLowerCase(Locale.ROOT);
        switch (f) {
            case "json" -> System.out.println(ResultFormat.json(answer));
            case "text" -> System.out.print(text.apply(answer));
            default -> throw new IllegalArgumentException("unknown format '" + format + "' (expected text or json)");
        }
        return 0;
    }

    @Command(name = "mechanism", mixinStandardHelpOptions = true,
            description = "Ranked paths DRUG -> target/process -> CONDITION with the evidence for every hop; gaps flagged.")
    static final class MechanismCommand implements Callable<Integer> {
        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--format", description = "text, json, mermaid or dot (default: ${DEFAULT-VALUE})", defaultValue = "text")
        String format;

        @Parameters(index = "0", paramLabel = "DRUG")
        String drug;

        @Parameters(index = "1", paramLabel = "CONDITION")
        String condition;

        @Override
        public Integer call() {
            String f = format.toLowerCase(Locale.ROOT);
            if (!List.of("text", "json", "mermaid", "dot").contains(f)) {
                throw new IllegalArgumentException("unknown format '" + format + "' (expected text, json, mermaid or dot)");
            }
            LexiconGrounding grounding = LexiconGrounding.shared();
            try (Store store = storeOptions.open()) {
                Mechanism.Answer a = new Mechanism(store, grounding).ask(drug, condition);
                switch (f) {
                    case "mermaid" -> System.out.print(AnswerText.mermaid(a));
                    case "dot" -> System.out.print(AnswerText.dot(a));
                    default -> print(f, a, x -> AnswerText.mechanism((Mechanism.Answer) x));
                }
            }
            return 0;
        }
    }

    @Command(name = "evidence", mixinStandardHelpOptions = true,
            description = "Everything that supports or contradicts DRUG causing CONDITION, grouped by source design, with patients.")
    static final class EvidenceCommand implements Callable<Integer> {
        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--format", description = "text or json (default: ${DEFAULT-VALUE})", defaultValue = "text")
        String format;

        @Option(names = "--treats", description = "ask about DRUG treating CONDITION instead of causing it")
        boolean treats;

        @Parameters(index = "0", paramLabel = "DRUG")
        String drug;

        @Parameters(index = "1", paramLabel = "CONDITION")
        String condition;

        @Override
        public Integer call() {
            LexiconGrounding grounding = LexiconGrounding.shared();
            try (Store store = storeOptions.open()) {
                return print(format, new EvidenceQuestion(store, grounding).ask(drug, condition, treats ? "TREATS" : "CAUSES"),
                        x -> AnswerText.evidence((EvidenceQuestion.Answer) x));
            }
        }
    }

    @Command(name = "profile", mixinStandardHelpOptions = true,
            description = "What DRUG is reported to cause, treat and inhibit, with evidence counts, patients and documents.")
    static final class ProfileCommand implements Callable<Integer> {
        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--format", description = "text or json (default: ${DEFAULT-VALUE})", defaultValue = "text")
        String format;

        @Option(names = "--condition", paramLabel = "CONDITION",
                description = "only claims about CONDITION and narrower conditions (broader ones listed apart)")
        String condition;

        @Parameters(index = "0", paramLabel = "DRUG")
        String drug;

        @Override
        public Integer call() {
            LexiconGrounding grounding = LexiconGrounding.shared();
            try (Store store = storeOptions.open()) {
                return print(format, new DrugProfile(store, grounding).ask(drug, condition),
                        x -> AnswerText.profile((DrugProfile.Answer) x));
            }
        }
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = {"Per drug, its relationship to CONDITION (CAUSES / TREATS / denied), evidence, confidence, patients.",
                    "Statements about narrower conditions count; broader ones are shown apart. An unknown drug is named, the others answered."})
    static final class CompareCommand implements Callable<Integer> {
        @Mixin
        StoreOptions storeOptions;

        @Option(names = "--format", description = "text or json (default: ${DEFAULT-VALUE})", defaultValue = "text")
        String format;

        @Parameters(index = "0", paramLabel = "CONDITION")
        String condition;

        @Parameters(index = "1..*", arity = "1..*", paramLabel = "DRUG")
        List<String> drugs;

        @Override
        public Integer call() {
            LexiconGrounding grounding = LexiconGrounding.shared();
            try (Store store = storeOptions.open()) {
                return print(format, new Compare(store, grounding).ask(condition, drugs),
                        x -> AnswerText.compare((Compare.Answer) x));
            }
        }
    }
}
