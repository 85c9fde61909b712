package pajakdx.engine;

import pajakdx.internal.RuleBases;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.Case;
import pajakdx.DiagnoseOptions;
import pajakdx.RuleBase;
import pajakdx.base.RuleBaseException;
import pajakdx.TempRules;
import pajakdx.TestRules;
import pajakdx.knowledge.RuleFolder;

/** The compiled-rules cache: same diagnoses as a fresh compile, never used once a rule file changed. */
class RuleCacheTest {
    private static final DiagnoseOptions FIXED = DiagnoseOptions.DEFAULT
            .withClock(java.time.Clock.fixed(java.time.Instant.parse("2025-02-03T03:00:00Z"), java.time.ZoneOffset.UTC));

    static List<Path> caseFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(TestRules.factsDir())) {
            return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void cachedRules_giveTheSameDiagnosesAsAFreshCompile(@TempDir Path tmp) throws IOException {
        Path rules = TempRules.copyOfRules(tmp);
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache);
        RuleBase cached = RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache);
        assertEquals(1, cache.misses(), "first load compiles");
        assertEquals(1, cache.hits(), "second load is served from the cache");

        RuleBase fresh = TestRules.rules();
        assertEquals(RuleBases.of(fresh).rules(), RuleBases.of(cached).rules(), "same rules, lines, metadata, conclusions and conditions");
        RuleBase uncached = RuleBases.load(RuleBase.class, RuleFolder.of(rules), RuleCache.at(tmp.resolve("elsewhere")));
        assertEquals(uncached.warnings(), cached.warnings(), "the warnings kept with the entry are the checks' own");
        List<Path> cases = caseFiles();
        assertFalse(cases.isEmpty());
        for (Path file : cases) {
            Case c = Case.read(file);
            assertEquals(fresh.diagnose(c, FIXED).toJson(), cached.diagnose(c, FIXED).toJson(), file.toString());
            assertEquals(fresh.diagnose(c, FIXED.withExplain(false)).toJson(),
                    cached.diagnose(c, FIXED.withExplain(false)).toJson(), file.toString());
        }
        RuleBases.settle(cached); // partitions are written into the cache folder in the background
    }

    @Test
    void aCachedLoad_takesTheCatalogFromTheCache_asTheYamlGaveIt(@TempDir Path tmp) throws IOException {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        CheckReport first = Checker.check(RuleFolder.of(rules), cache);
        CheckReport cached = Checker.check(RuleFolder.of(rules), cache);
        assertEquals(1, cache.hits());
        assertEquals(1, cache.catalogHits(), "the second check reads no YAML");
        pajakdx.knowledge.Catalog yaml = first.catalog();
        pajakdx.knowledge.Catalog kept = cached.catalog();
        assertEquals(yaml.findings(), kept.findings());
        assertEquals(yaml.causes(), kept.causes());
        assertEquals(yaml.remedies(), kept.remedies());
        assertEquals(yaml.sources(), kept.sources());
        assertEquals(yaml.relations(), kept.relations());
        assertEquals(yaml.channels(), kept.channels());
        assertEquals(yaml.messages().stream().map(m -> m.id() + " " + m.pattern()).toList(),
                kept.messages().stream().map(m -> m.id() + " " + m.pattern()).toList());
        assertEquals(first.drlFiles(), cached.drlFiles(), "the counts `check` prints are kept too");
        assertEquals(first.yamlFiles(), cached.yamlFiles());
        assertTrue(first.drlFiles() > 0 && first.yamlFiles() > 0);

        // A damaged catalog file (one byte changed in a text): the YAML is read again, the file
        // written anew and used next time.
        Path cat = cache.entryFor(RuleFolder.of(rules)).resolveSibling(
                cache.entryFor(RuleFolder.of(rules)).getFileName() + ".cat");
        assertTrue(Files.isRegularFile(cat), cat.toString());
        byte[] bytes = Files.readAllBytes(cat);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("Badan");
        assertTrue(at > 0, "a cause text is in the file");
        bytes[at] = 'X';
        Files.write(cat, bytes);
        CheckReport again = Checker.check(RuleFolder.of(rules), cache);
        assertEquals(yaml.findings(), again.catalog().findings());
        assertEquals(1, cache.catalogHits(), "the damaged file was not used");
        Checker.check(RuleFolder.of(rules), cache);
        assertEquals(2, cache.catalogHits(), "the catalog was written anew");
    }

    @Test
    void aCachedLoad_keepsTheWarningsOfTheChecks(@TempDir Path tmp) {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        TempRules.write(rules, "coretax/unused.yaml", """
                title: {id: "Belum dipakai", en: "Not used yet"}
                findings:
                  - id: unused.finding
                    type: yes-no
                    question: {id: "Pertanyaan?", en: "Question?"}
                """);
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        RuleBase first = RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache);
        RuleBase cached = RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache);
        assertEquals(1, cache.hits());
        assertFalse(first.warnings().isEmpty(), "the unused finding is warned about");
        assertEquals(first.warnings(), cached.warnings());
    }

    @Test
    void changedRuleFile_isCompiledAgain_andItsNewMeaningUsed(@TempDir Path tmp) throws IOException {
        Path rules = TempRules.copyOfRules(tmp);
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        Case c = Case.read(TestRules.factsDir().resolve("coretax/impersonate-badan-never-logged-in.yaml"));
        assertEquals("confirmed", RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache).diagnose(c, FIXED).cause("badan-never-logged-in")
                .orElseThrow().status());

        // Same length, one rule now needs the opposite answer: a cache keyed on size or time would miss it.
        Path drl = rules.resolve("coretax/impersonate.drl");
        String text = Files.readString(drl);
        String changed = text.replaceFirst("id == \"badan.last-login-shown\", value == \"no\"",
                "id == \"badan.last-login-shown\", value != \"no\"");
        assertNotEquals(text, changed);
        FileTime before = Files.getLastModifiedTime(drl);
        Files.writeString(drl, changed);
        Files.setLastModifiedTime(drl, before);

        RuleBase reloaded = RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache);
        assertEquals(2, cache.misses(), "the changed file is compiled, not taken from the cache");
        assertEquals(0, cache.hits());
        assertEquals("ruled-out", reloaded.diagnose(c, FIXED).cause("badan-never-logged-in").orElseThrow().status(),
                "the rule as now written no longer confirms the cause, and its derived rule rules it out");
    }

    @Test
    void changedCatalogFile_orNewFile_isCompiledAgain(@TempDir Path tmp) throws IOException {
        Path rules = TempRules.copyOfRules(tmp);
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        Path entry = cache.entryFor(RuleFolder.of(rules));
        RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache);
        assertTrue(Files.exists(entry));

        Files.writeString(rules.resolve("common.yaml"), Files.readString(rules.resolve("common.yaml")) + "\n# note\n");
        assertNotEquals(entry, cache.entryFor(RuleFolder.of(rules)));
        Path entry2 = cache.entryFor(RuleFolder.of(rules));
        Files.writeString(rules.resolve("coretax/extra.drl"), "package rules.coretax;\n");
        assertNotEquals(entry2, cache.entryFor(RuleFolder.of(rules)));
        RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache);
        assertEquals(2, cache.misses());
    }

    @Test
    void aPrefetch_isTakenByTheLoadOfThatFolder_andNoOther(@TempDir Path tmp) throws IOException {
        Path rules = TempRules.copyOfRules(tmp);
        RuleBases.load(RuleBase.class, RuleFolder.of(rules), RuleCache.at(tmp.resolve("cache"))); // stored
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        RuleFolder folder = RuleFolder.of(rules);
        java.util.concurrent.CompletableFuture<?> read = cache.prefetch(folder);
        RuleBase loaded = RuleBases.load(RuleBase.class, folder, cache);
        read.join();
        assertEquals(1, cache.hits(), "the load took the entry read ahead instead of reading it again");
        assertEquals(0, cache.misses());
        assertEquals(RuleBases.of(TestRules.rules()).rules(), RuleBases.of(loaded).rules());

        RuleCache other = RuleCache.at(tmp.resolve("cache"));
        java.util.concurrent.CompletableFuture<?> stray = other.prefetch(RuleFolder.of(Files.createDirectories(tmp.resolve("empty"))));
        RuleBases.load(RuleBase.class, folder, other);
        stray.join();
        assertEquals(1, other.hits(), "a prefetch of another folder is not what the load reads");
        assertEquals(1, other.misses(), "the other folder has no entry");
    }

    @Test
    void aFifoInPlaceOfACacheFile_isNotReadFrom(@TempDir Path tmp) throws Exception {
        // Opening a FIFO for reading waits for a writer: every load would hang.
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        RuleBase first = RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache);
        Path entry = cache.entryFor(RuleFolder.of(rules));
        for (String suffix : new String[] {".cat", ".net"}) {
            Path file = entry.resolveSibling(entry.getFileName() + suffix);
            Files.deleteIfExists(file);
            Process mkfifo;
            try {
                mkfifo = new ProcessBuilder("mkfifo", file.toString()).start();
            } catch (IOException e) {
                org.junit.jupiter.api.Assumptions.abort("no mkfifo here");
                return;
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
            RuleBase again = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> {
                        RuleBase b = RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache);
                        b.diagnose(Case.read(TestRules.factsDir().resolve("coretax/impersonate-badan-never-logged-in.yaml")),
                                FIXED.withExplain(false)); // reads the network, the second file
                        return b;
                    }, suffix);
            assertEquals(RuleBases.of(first).rules(), RuleBases.of(again).rules(), suffix);
            assertEquals(RuleBases.of(first).catalog().causes().keySet(), RuleBases.of(again).catalog().causes().keySet(), suffix);
            RuleBases.settle(again);
            // The network compiled again is written back on a thread of its own: wait for it, so
            // that the folder is not written to while it is being removed.
            long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (!Files.isRegularFile(file) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertTrue(Files.isRegularFile(file), suffix + " was written again as a file");
        }
        RuleBases.settle(first);
    }

    /**
     * A folder where an entry's file goes (model, network, catalog, partition) cannot be replaced by
     * a rename: every start compiled again and never kept the result. It is removed (it is inside the
     * cache and carries a name the cache gives), without following a link out of it; a FIFO too.
     */
    @Test
    void aFolderOrFifoInPlaceOfACacheFile_isRemoved_andTheFileKeptThere(@TempDir Path tmp) throws Exception {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        RuleFolder folder = RuleFolder.of(rules);
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        Path entry = cache.entryFor(folder);
        Path outsideFile = Files.writeString(tmp.resolve("outside.txt"), "a user's file");
        Path outsideDir = Files.createDirectories(tmp.resolve("outside"));
        Path kept = Files.writeString(outsideDir.resolve("keep.txt"), "a user's file in a user's folder");
        List<Path> files = List.of(entry, entry.resolveSibling(entry.getFileName() + ".net"),
                entry.resolveSibling(entry.getFileName() + ".cat"));
        for (Path file : files) {
            Files.createDirectories(file.resolve("sub"));
            Files.writeString(file.resolve("sub/x"), "x");
            Files.createSymbolicLink(file.resolve("file-link"), outsideFile);
            Files.createSymbolicLink(file.resolve("sub/folder-link"), outsideDir);
        }
        RuleBase first = RuleBases.load(RuleBase.class, folder, cache);
        assertEquals(1, cache.misses());
        for (Path file : files) {
            assertTrue(Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS), file + " written in place");
        }
        assertTrue(Files.exists(outsideFile) && Files.exists(kept), "nothing a link pointed to was touched");
        RuleBase again = RuleBases.load(RuleBase.class, folder, cache);
        assertEquals(1, cache.hits(), "the next start reads the entry");
        assertEquals(RuleBases.of(first).rules(), RuleBases.of(again).rules());

        // A partition's file: a folder, then a FIFO in its place.
        CompiledRules compiled = Checker.check(folder, cache).compiled();
        java.util.Set<String> keep = new java.util.HashSet<>();
        compiled.files().forEach(f -> f.rules().forEach(r -> keep.add(r.name())));
        assertTrue(compiled.subset(keep) != null);
        Path part;
        try (Stream<Path> list = Files.list(cache.dir())) {
            part = list.filter(p -> p.toString().endsWith(".bin.part")).findFirst().orElseThrow();
        }
        for (String kind : new String[] {"folder", "fifo"}) {
            Files.delete(part);
            if (kind.equals("folder")) {
                Files.createDirectories(part.resolve("sub"));
                Files.createSymbolicLink(part.resolve("sub/folder-link"), outsideDir);
            } else {
                Process mkfifo;
                try {
                    mkfifo = new ProcessBuilder("mkfifo", part.toString()).start();
                } catch (IOException e) {
                    continue; // no mkfifo here
                }
                assertEquals(0, mkfifo.waitFor());
            }
            assertEquals(null, compiled.loadStored(keep), kind + ": not read from");
            assertTrue(compiled.subset(keep) != null, kind);
            assertTrue(Files.isRegularFile(part, java.nio.file.LinkOption.NOFOLLOW_LINKS), kind + ": written in place");
            assertTrue(compiled.loadStored(keep) != null, kind + ": and read next time");
        }
        assertTrue(Files.exists(kept), "nothing a link pointed to was touched");
        RuleBases.settle(first);
        RuleBases.settle(again);
        awaitCacheThreads();
    }

    /**
     * Temporary files are named by the writing process's id: one left by a process that ended
     * (cut off while writing) goes at the next write, a minute after it was last written, instead
     * of an hour; one a live process is writing stays whatever its age, as does this process's own.
     */
    @Test
    void temporaryFilesOfEndedWriters_goAtTheNextWrite_thoseOfLiveWritersStay(@TempDir Path tmp) throws Exception {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        RuleFolder folder = RuleFolder.of(rules);
        Path dir = Files.createDirectories(tmp.resolve("cache"));
        Process ended = new ProcessBuilder("true").start();
        assertEquals(0, ended.waitFor());
        long endedPid = ended.pid();
        org.junit.jupiter.api.Assumptions.assumeFalse(ProcessHandle.of(endedPid).isPresent(), "pid reused at once");
        long self = ProcessHandle.current().pid();
        ProcessHandle older = ProcessHandle.current().parent().orElseThrow(); // started before this JVM
        long olderStart = older.info().startInstant().orElseThrow().toEpochMilli();
        long now = System.currentTimeMillis();
        java.util.Map<String, Long> ages = new java.util.LinkedHashMap<>(); // name -> last written
        ages.put("rules-" + endedPid + "-1.tmp", now - 2 * 60_000L);            // ended writer: goes
        ages.put("rules-" + endedPid + "-2.tmp", now - 5_000L);                 // ended, written just now: stays
        ages.put("rules-" + self + "-3.tmp", now - 2 * 3_600_000L);             // this process: stays
        ages.put("rules-" + older.pid() + "-4.tmp", Math.max(olderStart + 5_000, now - 2 * 3_600_000L)); // live: stays
        ages.put("rules-" + older.pid() + "-5.tmp", olderStart - 60_000);        // id reused since: goes
        ages.put("rules-123456789.tmp", now - 2 * 3_600_000L);                  // no id, an hour old: goes
        ages.put("rules-987654321.tmp", now - 60_000L);                         // no id, recent: stays
        for (java.util.Map.Entry<String, Long> e : ages.entrySet()) {
            Path p = Files.writeString(dir.resolve(e.getKey()), "part of a file");
            Files.setLastModifiedTime(p, FileTime.fromMillis(e.getValue()));
        }
        RuleBase loaded = RuleBases.load(RuleBase.class, folder, RuleCache.at(dir)); // writes the entry
        RuleBases.settle(loaded);
        awaitCacheThreads();
        List<String> left;
        try (Stream<Path> list = Files.list(dir)) {
            left = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).sorted().toList();
        }
        assertEquals(java.util.stream.Stream.of("rules-" + endedPid + "-2.tmp", "rules-" + self + "-3.tmp",
                "rules-" + older.pid() + "-4.tmp", "rules-987654321.tmp").sorted().toList(), left);
    }

    /**
     * Review finding: a temporary file whose process id part is not a number ({@code rules-abc-1.tmp})
     * was never swept. No writer of ours names its file so: it goes a minute old, as an ended
     * writer's does. A link so named is deleted as a link, aged by itself, never by its target,
     * which is left alone; nothing outside the cache folder is touched.
     */
    @Test
    void temporaryFilesWhosePidIsNotANumber_goAMinuteOld_andALinkGoesAsALink(@TempDir Path tmp) throws Exception {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        Path dir = Files.createDirectories(tmp.resolve("cache"));
        long now = System.currentTimeMillis();
        java.util.Map<String, Long> ages = new java.util.LinkedHashMap<>(); // name -> last written
        ages.put("rules-abc-1.tmp", now - 2 * 60_000L);                         // goes
        ages.put("rules-abc-2.tmp", now - 5_000L);                              // written just now: stays
        ages.put("rules-99999999999999999999-3.tmp", now - 2 * 60_000L);        // no pid either: goes
        for (java.util.Map.Entry<String, Long> e : ages.entrySet()) {
            Path p = Files.writeString(dir.resolve(e.getKey()), "part of a file");
            Files.setLastModifiedTime(p, FileTime.fromMillis(e.getValue()));
        }
        Path outsideNew = Files.writeString(tmp.resolve("outside-new.txt"), "a user's file");
        Path outsideOld = Files.writeString(tmp.resolve("outside-old.tmp"), "a user's old file");
        Files.setLastModifiedTime(outsideOld, FileTime.fromMillis(now - 2 * 3_600_000L));
        Path oldLink = Files.createSymbolicLink(dir.resolve("rules-lnk-4.tmp"), outsideNew);
        Files.getFileAttributeView(oldLink, java.nio.file.attribute.BasicFileAttributeView.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).setTimes(FileTime.fromMillis(now - 2 * 60_000L), null, null);
        Files.createSymbolicLink(dir.resolve("rules-lnk-5.tmp"), outsideOld); // a new link to an old file: stays

        RuleBase loaded = RuleBases.load(RuleBase.class, RuleFolder.of(rules), RuleCache.at(dir)); // writes the entry
        RuleBases.settle(loaded);
        awaitCacheThreads();
        List<String> left;
        try (Stream<Path> list = Files.list(dir)) {
            left = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).sorted().toList();
        }
        assertEquals(List.of("rules-abc-2.tmp", "rules-lnk-5.tmp"), left);
        assertEquals("a user's file", Files.readString(outsideNew), "what the link pointed to is kept");
        assertEquals("a user's old file", Files.readString(outsideOld));
    }

    /**
     * An entry rewritten, checksums and all, with content that is well formed but wrong passes
     * every check on reading; when a diagnosis on it then fails in a way no case or rule explains,
     * the entry is dropped (its own files only, once), so that only that run fails and the next
     * load reads the rules again. A bad case does not drop it.
     */
    @Test
    void anEntryThatMakesADiagnosisFailInternally_isDropped_andTheNextLoadReadsTheRules(@TempDir Path tmp)
            throws IOException {
        Path rules = TempRules.copyOfTopics(tmp, "coretax/impersonate");
        RuleFolder folder = RuleFolder.of(rules);
        Path dir = tmp.resolve("cache");
        RuleCache cache = RuleCache.at(dir);
        RuleBase honest = RuleBases.load(RuleBase.class, folder, cache); // compiled and stored
        Case c = Case.read(TestRules.factsDir().resolve("coretax/impersonate-badan-never-logged-in.yaml"));
        String expected = honest.diagnose(c, FIXED).toJson();
        assertTrue(expected.contains("login-badan-until-recorded"), expected);
        Path entry = cache.entryFor(folder);
        String stem = entry.getFileName().toString().replace(".bin", "");
        // Not the entry's own: another entry's file, and a user's copy named after it.
        Files.writeString(dir.resolve("rules-0123456789abcdef.bin"), "another entry");
        Files.writeString(dir.resolve(stem + ".bin.bak"), "a user's copy");

        // A bad case on rules read from the cache: the case's fault, the entry stays.
        RuleBase cached = RuleBases.load(RuleBase.class, folder, cache);
        Case unknownFinding = Case.parse("bad.yaml", "as_of: 2025-02-03\nproblem: impersonate-fails\n"
                + "findings:\n  no.such-finding: yes\n");
        assertThrows(pajakdx.base.CaseException.class, () -> cached.diagnose(unknownFinding, FIXED));
        assertTrue(entryFiles(dir, stem).containsAll(List.of(stem + ".bin", stem + ".bin.cat", stem + ".bin.net")),
                "the entry kept: " + entryFiles(dir, stem));

        // A catalog whose cause still names a remedy it no longer defines, stored as the entry's own.
        Path edited = TempRules.copyOfTopics(tmp.resolve("edited"), "coretax/impersonate");
        Path yaml = edited.resolve("coretax/impersonate.yaml");
        String text = Files.readString(yaml);
        int from = text.indexOf("  - id: login-badan-until-recorded");
        Files.writeString(yaml, text.substring(0, from) + text.substring(text.indexOf("  - id: ask-appointment")));
        pajakdx.knowledge.Catalog lacking = pajakdx.knowledge.CatalogReader.read(edited,
                RuleFolder.of(edited).files(".yaml"), new java.util.ArrayList<>());
        assertEquals(null, lacking.remedies().get("login-badan-until-recorded"));
        RuleCache.Entry stored = cache.find(folder);
        assertTrue(cache.store(folder, entry, lacking, stored.model(), stored.network().get(), stored.warnings(),
                stored.drlFiles(), stored.yamlFiles()) != null, "rewritten");

        RuleBase poisoned = RuleBases.load(RuleBase.class, folder, cache);
        assertEquals(3, cache.hits(), "read from the cache: every check on reading passed");
        RuleBase alsoPoisoned = RuleBases.load(RuleBase.class, folder, cache); // as another process would
        IllegalStateException failed = assertThrows(IllegalStateException.class, () -> poisoned.diagnose(c, FIXED));
        assertTrue(failed.getMessage().contains("deleted") && failed.getCause() instanceof NullPointerException,
                failed.getMessage());
        assertEquals(List.of(stem + ".bin.bak"), entryFiles(dir, stem), "the entry's own files deleted, nothing else");
        assertTrue(Files.exists(dir.resolve("rules-0123456789abcdef.bin")), "another entry's file kept");

        RuleBase again = RuleBases.load(RuleBase.class, folder, cache);
        assertEquals(2, cache.misses(), "the rules read again");
        assertEquals(expected, again.diagnose(c, FIXED).toJson());
        // The loads of the bad entry fail again, but leave the entry written since: the one that
        // dropped it does not drop twice; the other finds the file is no longer the one it read.
        assertThrows(NullPointerException.class, () -> poisoned.diagnose(c, FIXED));
        assertThrows(NullPointerException.class, () -> alsoPoisoned.diagnose(c, FIXED));
        assertTrue(Files.exists(entry), "the entry written since is kept");
        RuleBase last = RuleBases.load(RuleBase.class, folder, cache);
        assertEquals(expected, last.diagnose(c, FIXED).toJson());
        for (RuleBase b : List.of(honest, cached, poisoned, alsoPoisoned, again, last)) {
            RuleBases.settle(b); // partitions are written into the cache folder in the background
        }
        awaitCacheThreads();
    }

    /** Waits (30 s at most) for the cache's background reads and writes, before the folder is removed. */
    private static void awaitCacheThreads() {
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("pajakdx-rule-cache"))) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Nothing compiled from a dropped entry is kept: a rebuilt entry, of the same name, must not find it. */
    @Test
    void aDroppedEntry_keepsNoPartitionCompiledFromIt(@TempDir Path tmp) throws IOException {
        RuleFolder folder = impersonateStored(tmp);
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        RuleCache.Entry read = cache.find(folder);
        java.util.Set<String> keep = java.util.Set.of(read.model().get(0).rules().get(0).name());
        org.kie.api.KieBase network = read.network().get(); // read before the drop, as a running process holds it
        assertTrue(read.shelf().discardIfRead());
        read.shelf().store(keep, network);
        assertFalse(read.shelf().holds(keep), "not written");
        try (Stream<Path> left = Files.list(tmp.resolve("cache"))) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bin.part")).toList());
        }
        awaitCacheThreads();
    }

    /** Only an entry read from the cache is ever dropped: one this process wrote is the failure's witness, not its cause. */
    @Test
    void anEntryThisProcessWrote_isNotDropped(@TempDir Path tmp) throws IOException {
        RuleFolder folder = impersonateStored(tmp);
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        RuleCache.Entry read = cache.find(folder);
        Path entry = cache.entryFor(folder);
        RuleCache.Shelf written = cache.store(folder, entry, read.catalog(), read.model(), read.network().get(),
                read.warnings(), read.drlFiles(), read.yamlFiles());
        assertFalse(written.discardIfRead(), "written by this process");
        assertTrue(Files.exists(entry));
        assertTrue(cache.find(folder).shelf().discardIfRead(), "read from the cache");
        assertFalse(Files.exists(entry));
        awaitCacheThreads();
    }

    /** The impersonate topic's rules, compiled and stored in the cache folder {@code tmp/cache}. */
    private static RuleFolder impersonateStored(Path tmp) {
        RuleFolder folder = RuleFolder.of(TempRules.copyOfTopics(tmp, "coretax/impersonate"));
        RuleBases.load(RuleBase.class, folder, RuleCache.at(tmp.resolve("cache")));
        return folder;
    }

    private static List<String> entryFiles(Path dir, String stem) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(stem)).sorted().toList();
        }
    }

    @Test
    void sameFilesElsewhere_shareTheEntry(@TempDir Path tmp) {
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        RuleBases.load(RuleBase.class, RuleFolder.of(TempRules.copyOfRules(tmp.resolve("a"))), cache);
        RuleBases.load(RuleBase.class, RuleFolder.of(TempRules.copyOfRules(tmp.resolve("b"))), cache);
        assertEquals(1, cache.hits());
    }

    @Test
    void damagedEntry_isReplaced_andTheRulesStillLoad(@TempDir Path tmp) throws IOException {
        Path rules = TempRules.copyOfRules(tmp);
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache);
        Path entry = cache.entryFor(RuleFolder.of(rules));
        byte[] bytes = Files.readAllBytes(entry);
        Case c = Case.read(TestRules.factsDir().resolve("coretax/impersonate-badan-never-logged-in.yaml"));
        String expected = TestRules.rules().diagnose(c, FIXED).toJson();

        // Cut inside the model: the entry is not used at all.
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        RuleBase again = RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache);
        assertEquals(2, cache.misses(), "an entry whose model is cut is not used");
        assertEquals(RuleBases.of(TestRules.rules()).rules(), RuleBases.of(again).rules());
        assertEquals(expected, again.diagnose(c, FIXED).toJson());
        assertTrue(Files.isRegularFile(entry), "the entry was written anew");

        // Cut inside the network (a file of its own): the model is used, the network compiled
        // from it when needed and both files written anew.
        Path net = entry.resolveSibling(entry.getFileName() + ".net");
        byte[] network = Files.readAllBytes(net);
        Files.write(net, java.util.Arrays.copyOf(network, network.length / 2));
        RuleBase cut = RuleBases.loadForOneCase(RuleBase.class, RuleFolder.of(rules), cache);
        assertEquals(1, cache.hits(), "the model was read");
        assertEquals(expected, cut.diagnose(c, FIXED).toJson(), "the network compiled from the model answers");
        // The network is written anew on the side; a later load reads it whole.
        for (int i = 0; i < 600 && Files.size(net) <= network.length / 2; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertTrue(Files.size(net) > network.length / 2, "the network was written anew");
        RuleBase whole = RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache);
        assertEquals(expected, whole.diagnose(c, FIXED).toJson());
        assertEquals(2, cache.hits());
        assertEquals(2, cache.misses());
        RuleBases.settle(again);
        RuleBases.settle(cut);
    }

    @Test
    void brokenRules_areNeverCached(@TempDir Path tmp) throws IOException {
        Path rules = TempRules.copyOfRules(tmp);
        Files.writeString(rules.resolve("coretax/broken.drl"), "package rules.coretax;\nrule \"x\" when\n  Foo(\nthen end\n");
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        assertThrows(RuleBaseException.class, () -> RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache));
        assertThrows(RuleBaseException.class, () -> RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache));
        assertEquals(0, cache.hits());
        assertFalse(Files.exists(cache.entryFor(RuleFolder.of(rules))));
    }

    @Test
    void oldEntries_arePruned(@TempDir Path tmp) throws IOException {
        Path rules = TempRules.copyOfRules(tmp);
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        for (int i = 0; i < RuleCache.KEEP + 2; i++) {
            Files.writeString(rules.resolve("coretax/note.drl"), "package rules.coretax;\n// version " + i + "\n");
            RuleBase loaded = RuleBases.load(RuleBase.class, RuleFolder.of(rules), cache);
            if (i == 0) { // the oldest entry gets a partition, which must go with it
                Case c = Case.read(TestRules.factsDir().resolve("coretax/impersonate-badan-never-logged-in.yaml"));
                loaded.diagnose(c);
                loaded.diagnose(c);
                RuleBases.settle(loaded);
                try (Stream<Path> files = Files.list(cache.dir())) {
                    assertEquals(1, files.filter(p -> p.toString().endsWith(".bin.part")).count());
                }
            }
        }
        try (Stream<Path> files = Files.list(cache.dir())) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(RuleCache.KEEP, names.stream().filter(n -> n.endsWith(".bin")).count(), names.toString());
            assertEquals(RuleCache.KEEP, names.stream().filter(n -> n.endsWith(".bin.net")).count(),
                    "each entry's network goes with it: " + names);
            assertEquals(RuleCache.KEEP, names.stream().filter(n -> n.endsWith(".bin.cat")).count(),
                    "each entry's catalog goes with it: " + names);
            assertEquals(3 * RuleCache.KEEP, names.size(), "no partition of a pruned entry is left: " + names);
        }
    }

    @Test
    void aHostilePartitionFile_isDeleted_andThePartitionCompiledAgain(@TempDir Path tmp) throws IOException {
        RuleCache cache = RuleCache.at(tmp.resolve("cache"));
        RuleFolder folder = RuleFolder.of(TestRules.rulesDir());
        CompiledRules compiled = Checker.check(folder, cache).compiled();
        java.util.Set<String> keep = new java.util.HashSet<>();
        compiled.files().forEach(f -> f.rules().stream().filter(r -> r.topic().contains("impersonate"))
                .forEach(r -> keep.add(r.name())));
        assertFalse(keep.isEmpty());
        CompiledRules part = compiled.subset(keep);
        Path file;
        try (Stream<Path> list = Files.list(cache.dir())) {
            file = list.filter(p -> p.toString().endsWith(".bin.part")).findFirst().orElseThrow();
        }
        // A file that declares an array of two thousand million longs: read unfiltered, it would run
        // the reader out of memory.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (org.drools.base.common.DroolsObjectOutputStream out = new org.drools.base.common.DroolsObjectOutputStream(bytes)) {
            out.writeObject(new long[] {42});
        }
        byte[] hostile = bytes.toByteArray();
        java.nio.ByteBuffer.wrap(hostile).putInt(hostile.length - 12, 0x7ffffff0);
        Files.write(file, RuleCache.envelope(hostile)); // with a valid checksum: the input filter must refuse it

        assertEquals(null, compiled.loadStored(keep), "refused");
        assertFalse(Files.exists(file), "and deleted");
        CompiledRules again = compiled.subset(keep);
        assertEquals(part.canonicalDrl(), again.canonicalDrl(), "compiled again");
        assertTrue(Files.exists(file), "and stored again");
    }
}
