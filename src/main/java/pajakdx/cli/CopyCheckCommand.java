package pajakdx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import pajakdx.base.Lang;
import pajakdx.text.Masking;
import pajakdx.verify.CopyCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pajakdx copycheck}: passages of the project that repeat a source word for word. */
@Command(name = "copycheck", mixinStandardHelpOptions = true,
        description = {"List every run of N or more consecutive words (default 9) that a text of the project shares"
                + " with a source passage: a copied sentence to put in your own words.",
                "Keep the passages you paraphrase as .txt files in a folder outside the project and give it"
                        + " with --sources."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:nothing copied", "1:copied runs found", "2:a folder cannot be read"})
final class CopyCheckCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    LangOption lang = new LangOption();
    @Option(names = "--sources", required = true, paramLabel = "DIR", description = "Folder of source passages (.txt).")
    Path sources;
    @Option(names = "--min-words", paramLabel = "N", defaultValue = "9", description = "Shortest run reported (${DEFAULT-VALUE}).")
    int words;
    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to check (default: rules facts docs README.md).")
    List<Path> paths;
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (words < 3) {
            err.println("error: " + Errors.say("--min-words must be at least 3", lang.lang));
            return Main.BAD_INPUT;
        }
        List<Path> project = paths == null || paths.isEmpty()
                ? List.of(Path.of("rules"), Path.of("facts"), Path.of("docs"), Path.of("README.md")) : paths;
        List<CopyCheck.Hit> hits;
        try {
            hits = CopyCheck.run(sources, project, words);
        } catch (IOException e) {
            // a path may hold an identifier, as any file name may
            err.println("error: " + Errors.say(Masking.maskText(String.valueOf(e.getMessage())), lang.lang));
            return Main.BAD_INPUT;
        }
        for (CopyCheck.Hit h : hits) {
            out.println(hit(h, lang.lang));
        }
        out.flush();
        return hits.isEmpty() ? Main.OK : Main.FAILED;
    }

    /**
     * {@code FILE:LINE: N words as in SOURCE: the run}, in {@code lang}; identifiers in the file
     * names (as in every problem) and in the quoted run masked.
     */
    static String hit(CopyCheck.Hit h, Lang lang) {
        String text = Masking.abbreviate(Masking.maskText(h.text()), 160);
        return Masking.maskFileName(h.file().toString()) + ":" + h.line() + ": " + h.words()
                + (lang == Lang.EN ? " words as in " : " kata sama persis dengan ")
                + Masking.maskFileName(h.source().getFileName().toString()) + ": " + text;
    }
}
