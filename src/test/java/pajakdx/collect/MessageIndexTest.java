package pajakdx.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import pajakdx.Case;
import pajakdx.TestRules;
import pajakdx.internal.RuleBases;
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.MessagePattern;
import pajakdx.regex.LinearRegex;
import pajakdx.regex.PatternSet;

/**
 * The indexed message table answers exactly as trying every row in turn: on every error text of
 * the golden cases, on every row's own id and pattern text, and on those texts cut, joined and
 * changed at random (the index skips a row only when the text lacks a string the row needs); and
 * the same for a table grown as a larger knowledge base grows it, where many rows share most of
 * their text.
 */
class MessageIndexTest {
    private final Catalog catalog = RuleBases.of(TestRules.rules()).catalog();

    @Test
    void indexedRecognition_equalsTryingEveryRow() throws IOException {
        List<String> texts = corpus();
        int matched = 0;
        for (String t : texts) {
            List<String> indexed = ids(MessageRecognizer.recognise(catalog, t));
            assertEquals(ids(MessageRecognizer.recognise(catalog.messages(), t)), indexed, t);
            matched += indexed.isEmpty() ? 0 : 1;
        }
        assertTrue(matched > 300, "texts that match some row: " + matched);
    }

    /**
     * Thirty copies of the table, each row also as {@code clone-xK (row)} and {@code row|xK}
     * (ScaledRules' shape, and an alternative that shares nothing), against the same texts and
     * texts that name a copy: the index answers as the scan.
     */
    @Test
    void aGrownTable_answersAsTheScan() throws IOException {
        List<LinearRegex> rows = new ArrayList<>();
        for (MessagePattern m : catalog.messages()) {
            rows.add(m.pattern());
        }
        int original = rows.size();
        for (int k = 1; k <= 30; k++) {
            for (int i = 0; i < original; i++) {
                String p = rows.get(i).pattern();
                rows.add(LinearRegex.compile(k % 2 == 0 ? "clone-x" + k + " (" + p + ")" : "(" + p + ")|x" + k, true));
            }
        }
        PatternSet set = new PatternSet(rows);
        List<String> texts = corpus();
        Random random = new Random(30);
        for (int i = 0, n = texts.size(); i < 2_000; i++) {
            texts.add("clone-x" + (1 + random.nextInt(31)) + " (" + texts.get(random.nextInt(n)) + ")");
        }
        int matched = 0;
        for (String t : texts) {
            LinearRegex.Text text = LinearRegex.prepare(MessageRecognizer.normalise(t));
            List<Integer> scan = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).find(text)) {
                    scan.add(i);
                }
            }
            List<Integer> indexed = java.util.Arrays.stream(set.matching(text)).boxed().toList();
            assertEquals(scan, indexed, t);
            matched += indexed.isEmpty() ? 0 : 1;
        }
        assertTrue(matched > 1_000, "texts that match some row: " + matched);
    }

    private List<String> corpus() throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TestRules.factsDir())) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                try {
                    texts.addAll(Case.read(p).errors());
                } catch (RuntimeException notACase) {
                    // expectation files and the like carry no error texts
                }
            }
        }
        for (MessagePattern m : catalog.messages()) {
            texts.add(m.id().replace('-', ' '));
            texts.add(m.pattern().pattern());
        }
        assertTrue(texts.size() > 400, "a corpus worth the name: " + texts.size());
        Random random = new Random(16);
        int base = texts.size();
        for (int i = 0; i < 5_000; i++) {
            texts.add(mutate(texts.get(random.nextInt(base)), texts.get(random.nextInt(base)), random));
        }
        return texts;
    }

    private static List<String> ids(List<MessageRecognizer.Match> matches) {
        return matches.stream().map(m -> m.pattern().id()).toList();
    }

    private static String mutate(String a, String b, Random random) {
        StringBuilder s = new StringBuilder(a);
        switch (random.nextInt(4)) {
            case 0 -> s.append(' ').append(b);
            case 1 -> s.delete(random.nextInt(s.length() + 1) / 2, s.length() / 2 + random.nextInt(s.length() / 2 + 1));
            case 2 -> s.insert(random.nextInt(s.length() + 1), (char) ('A' + random.nextInt(60)));
            default -> s.setLength(random.nextInt(s.length() + 1));
        }
        return s.toString();
    }
}
