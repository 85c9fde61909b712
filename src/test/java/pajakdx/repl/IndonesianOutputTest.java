package pajakdx.repl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pajakdx.Case;
import pajakdx.Diagnosis;
import pajakdx.TestRules;
import pajakdx.base.Lang;
import pajakdx.internal.RuleBases;
import pajakdx.report.DiagnosisText;

/**
 * No English user-interface text in Indonesian output: every golden case rendered with
 * {@code --lang id} (causes, statuses, reasons, not-concluded causes, remedies, questions, notes)
 * and the REPL's help hold none of the English fragments of {@link EnglishBundle}. The helpdesk
 * session of docs/REPL.md is checked the same way by {@link ReplHelpdeskSessionTest}.
 */
class IndonesianOutputTest {

    @Test
    void bundleIsNotEmpty_andHoldsTheStatusWords() {
        List<String> fragments = EnglishBundle.fragments();
        for (String status : List.of("CONFIRMED", "SUSPECTED", "RULED OUT", "NOT NEEDED", "NOT CONCLUDED")) {
            assertTrue(fragments.contains(status), status + " in " + fragments);
        }
        assertTrue(fragments.size() > 150, "fragments: " + fragments.size());
    }

    @Test
    void everyGoldenCase_inIndonesian_holdsNoEnglishInterfaceText() throws Exception {
        List<String> fragments = EnglishBundle.fragments();
        var parts = RuleBases.of(TestRules.rules());
        DiagnosisText text = new DiagnosisText(parts.catalog(), parts.rules(), Lang.ID);
        List<String> found = new ArrayList<>();
        for (Path file : pajakdx.golden.GoldenCases.files()) {
            Diagnosis d = TestRules.rules().diagnose(Case.read(file));
            for (String f : EnglishBundle.foundIn(interfaceText(text.render(d)), fragments)) {
                found.add(TestRules.factsDir().relativize(file) + ": " + f);
            }
        }
        assertTrue(found.isEmpty(), found.size() + " English fragments:\n" + String.join("\n", found.subList(0,
                Math.min(40, found.size()))));
    }

    /**
     * The report without what is the case's or the sources' own words: the first line (the case's
     * id and title, as the ticket's author wrote them, often quoting an English error text) and
     * the source citations (a publication's title in the language it was published in), and the
     * error texts a note quotes as the user pasted them ({@code pesan "..."}).
     */
    private static String interfaceText(String report) {
        StringBuilder out = new StringBuilder();
        String[] lines = report.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].strip().startsWith("sumber:")) {
                out.append(lines[i].replaceAll("pesan \"[^\"]*\"", "pesan \"…\"")).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void replHelp_inIndonesian_holdsNoEnglishInterfaceText() {
        String out = HelpdeskTranscripts.run("bantuan\nkeluar\n", Lang.ID);
        // The help as the REPL prints it: from its header to the next prompt (the greeting before it
        // lists the problems of the knowledge base, whose texts quote error messages as DJP shows them).
        String help = out.substring(out.indexOf("Perintah (nama"), out.indexOf("pajakdx> keluar"));
        List<String> found = EnglishBundle.foundIn(help, EnglishBundle.fragments());
        assertTrue(found.isEmpty(), String.join("\n", found));
    }
}
