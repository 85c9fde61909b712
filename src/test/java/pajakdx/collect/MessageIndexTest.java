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

/**
 * The indexed message table answers exactly as trying every row in turn: on every error text of
 * the golden cases, on every row's own id and pattern text, and on those texts cut, joined and
 * changed at random (the index skips a row only when the text lacks a pair the row needs).
 */
class MessageIndexTest {
    private final Catalog catalog = RuleBases.of(TestRules.rules()).catalog();

    @Test
    void indexedRecognition_equalsTryingEveryRow() throws IOException {
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
        int matched = 0;
        for (String t : texts) {
            List<String> indexed = ids(MessageRecognizer.recognise(catalog, t));
            assertEquals(ids(MessageRecognizer.recognise(catalog.messages(), t)), indexed, t);
            matched += indexed.isEmpty() ? 0 : 1;
        }
        assertTrue(matched > 300, "texts that match some row: " + matched);
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
