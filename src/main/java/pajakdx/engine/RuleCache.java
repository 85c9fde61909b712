package pajakdx.engine;

import pajakdx.base.Problem;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import pajakdx.knowledge.RuleFile;
import pajakdx.knowledge.RuleFolder;

/**
 * Rules read and compiled before, kept between runs, so a cold start neither parses DRL nor
 * compiles again: the rule model and the compiled Drools packages are serialised (the KieBase
 * itself is not serialisable in Drools 10, its packages are) and the network is rebuilt from
 * them, which costs a fraction of a compile.
 *
 * <p>An entry is named by a SHA-256 over every file of the rules folder (path and bytes), the
 * classes the model and the compiled rules depend on, and the Drools and Java versions. Any
 * change to any of them gives another name, so a stale entry is never read. An entry that
 * cannot be read is deleted and the rules read again; failing to write one only costs the next
 * start its speed. Only rule bases without a problem are stored. Entries are read back with a
 * filter that admits only the JDK's, Drools' and PajakDx's own classes.
 */
public final class RuleCache {
    /** Entries kept per cache folder (several rule folders or versions may be in use). */
    static final int KEEP = 8;
    private static final String FORMAT = "pajakdx-rule-cache-3";
    private static final String PREFIX = "rules-";
    private static final String SUFFIX = ".bin";
    private static final String PART = "-part-";
    private static final String PART_SUFFIX = ".bin.part";
    /** What a cache entry may contain: Drools' and PajakDx's own classes and the JDK's, nothing else. */
    private static final ObjectInputFilter ONLY_KNOWN_CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;java.**;org.drools.**;org.kie.**;org.mvel2.**;pajakdx.**;!*");
    private static final List<Class<?>> COMPILED_AGAINST = List.of(pajakdx.facts.Finding.class,
            pajakdx.facts.AsOf.class, pajakdx.facts.Cause.class, pajakdx.facts.Remedy.class,
            pajakdx.facts.Status.class, pajakdx.facts.FindingType.class, pajakdx.text.Masking.class,
            DrlReader.class, ConstraintReader.class, ConsequenceReader.class, DrlPrinter.class, RuleCompiler.class,
            pajakdx.knowledge.Derivation.class, pajakdx.knowledge.Constraint.class, pajakdx.knowledge.Condition.class,
            pajakdx.knowledge.Rule.class, pajakdx.regex.LinearRegex.class,
            // The warnings kept with an entry come from these, over the catalog they read.
            pajakdx.knowledge.Lint.class, pajakdx.knowledge.CatalogReader.class);
    /** The same, for the package-private checks those classes call. */
    private static final List<String> CHECKED_BY = List.of("pajakdx.knowledge.NeverFires",
            "pajakdx.knowledge.CatalogChecks", "pajakdx.knowledge.JoinBound");

    private final Path dir;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    /**
     * What an entry holds: the model read from the folder, the network compiled from it, and what
     * {@code check} warned about (an entry is only written for rules without errors, and its name
     * covers every file and the checking code, so the checks need not run again).
     */
    record Entry(List<RuleFile> model, CompletableFuture<KieBase> kieBase, List<Problem> warnings, Shelf shelf) {
    }

    /**
     * The partitions compiled for one entry (see {@code pajakdx.Partitions}), each in a file of its
     * own beside the entry, named by the rules it holds: a later start loads a partition instead of
     * compiling it again. Removed with the entry it belongs to.
     */
    public final class Shelf {
        private final String stem;

        private Shelf(Path entry) {
            this.stem = stemOf(entry);
        }

        /** The network of exactly the rules {@code keep}, as stored before; null when none was. */
        @SuppressWarnings("unchecked")
        KieBase load(Set<String> keep) {
            Path file = fileFor(keep);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                 DroolsObjectInputStream in = new DroolsObjectInputStream(raw, RuleCache.class.getClassLoader())) {
                in.setObjectInputFilter(ONLY_KNOWN_CLASSES);
                if (!FORMAT.equals(in.readUTF()) || !sorted(keep).equals(in.readObject())) {
                    throw new IOException("not this partition");
                }
                return RuleCompiler.fromPackages((Collection<KiePackage>) in.readObject());
            } catch (Exception | LinkageError e) {
                deleteQuietly(file); // compiled again, and stored again
                return null;
            }
        }

        boolean holds(Set<String> keep) {
            return Files.isRegularFile(fileFor(keep));
        }

        /** Keeps the network of the rules {@code keep}. */
        void store(Set<String> keep, KieBase kieBase) {
            writeAtomically(fileFor(keep), out -> {
                out.writeObject(sorted(keep));
                out.writeObject(new ArrayList<>(kieBase.getKiePackages()));
            });
        }

        private Path fileFor(Set<String> keep) {
            MessageDigest sha = sha256();
            for (String name : sorted(keep)) {
                update(sha, name);
            }
            return dir.resolve(stem + PART + HexFormat.of().formatHex(sha.digest(), 0, 10) + PART_SUFFIX);
        }

        private static ArrayList<String> sorted(Set<String> names) {
            ArrayList<String> out = new ArrayList<>(names);
            java.util.Collections.sort(out);
            return out;
        }
    }

    private RuleCache(Path dir) {
        this.dir = dir;
    }

    /** A cache in folder {@code dir} (created when first written). */
    public static RuleCache at(Path dir) {
        return new RuleCache(dir);
    }

    /** The cache of the PajakDx home: {@code $PAJAKDX_HOME/cache}, else {@code ~/.pajakdx/cache}. */
    public static RuleCache inHome() {
        return at(home().resolve("cache"));
    }

    /** The PajakDx home folder: {@code $PAJAKDX_HOME}, else {@code .pajakdx} in the user's home. */
    public static Path home() {
        String env = System.getenv("PAJAKDX_HOME");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".pajakdx");
    }

    public Path dir() {
        return dir;
    }

    /** Loads served from the cache so far. */
    public int hits() {
        return hits.get();
    }

    /** Loads that had to read and compile so far. */
    public int misses() {
        return misses.get();
    }

    /**
     * The entry for the folder's current files, or null (counted as a miss), read on a thread of
     * its own so that a cold start reads the catalog meanwhile. The entry is given as soon as its
     * model is read; its network goes on loading on that thread ({@link Entry#kieBase()}), since a
     * one-off diagnosis whose partition is stored never needs it.
     */
    CompletableFuture<Entry> findInBackground(RuleFolder folder) {
        CompletableFuture<Entry> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Path entry = entryFor(folder);
                read(entry, result);
            } catch (Throwable e) {
                give(result, null); // the rules are read and compiled instead
                Entry given = result.getNow(null);
                if (given != null) {
                    given.kieBase().completeExceptionally(e); // nobody waits for ever
                }
            }
            give(result, null);
        }, "pajakdx-rule-cache");
        t.setDaemon(true);
        t.start();
        return result;
    }

    /** Completes {@code found} with {@code e} unless it is complete, counting a hit or a miss first. */
    private synchronized void give(CompletableFuture<Entry> found, Entry e) {
        if (!found.isDone()) {
            (e != null ? hits : misses).incrementAndGet();
            found.complete(e);
        }
    }

    /** {@link #findInBackground}, waiting for the whole of it. */
    Entry find(RuleFolder folder) {
        Entry e = findInBackground(folder).join();
        if (e != null) {
            e.kieBase().join();
        }
        return e;
    }

    /**
     * Keeps {@code model} and its compiled network for the folder's current files; the shelf for
     * their partitions, or null when the folder cannot be read.
     */
    Shelf store(RuleFolder folder, List<RuleFile> model, KieBase kieBase, List<Problem> warnings) {
        try {
            Path entry = entryFor(folder);
            write(entry, model, kieBase, warnings);
            return new Shelf(entry);
        } catch (IOException e) {
            return null; // a cache that cannot be written only makes the next start slower
        }
    }

    /** The entry that stands for the current content of {@code folder}. */
    public Path entryFor(RuleFolder folder) throws IOException {
        MessageDigest sha = sha256();
        update(sha, FORMAT);
        update(sha, System.getProperty("java.vm.version", "?"));
        update(sha, droolsVersion());
        for (Class<?> c : COMPILED_AGAINST) {
            update(sha, c.getName());
            sha.update(classBytes(c.getName()));
        }
        for (String name : CHECKED_BY) {
            update(sha, name);
            sha.update(classBytes(name));
        }
        for (String file : folder.files("")) {
            update(sha, file);
            byte[] bytes = Files.readAllBytes(folder.root().resolve(file));
            update(sha, Integer.toString(bytes.length));
            sha.update(bytes);
        }
        return dir.resolve(PREFIX + HexFormat.of().formatHex(sha.digest(), 0, 20) + SUFFIX);
    }

    /**
     * Reads {@code entry}: completes {@code found} with it once its model is read (null when there
     * is none or it cannot be read), then loads its network into the entry's future. A network that
     * cannot be read after all is compiled from the model instead, and the entry written anew.
     */
    @SuppressWarnings("unchecked")
    private void read(Path entry, CompletableFuture<Entry> found) {
        if (!Files.isRegularFile(entry)) {
            give(found, null);
            return;
        }
        Entry e = null;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(entry), 1 << 16);
             DroolsObjectInputStream in = new DroolsObjectInputStream(raw, RuleCache.class.getClassLoader())) {
            in.setObjectInputFilter(ONLY_KNOWN_CLASSES);
            if (!FORMAT.equals(in.readUTF())) {
                throw new IOException("not a cache entry");
            }
            List<RuleFile> model = (List<RuleFile>) in.readObject();
            List<Problem> warnings = new ArrayList<>();
            for (String[] w : (List<String[]>) in.readObject()) {
                warnings.add(new Problem(w[0], Integer.parseInt(w[1]), Integer.parseInt(w[2]), w[3], w[4]));
            }
            e = new Entry(List.copyOf(model), new CompletableFuture<>(), List.copyOf(warnings), new Shelf(entry));
            give(found, e);
            Collection<KiePackage> packages = (Collection<KiePackage>) in.readObject();
            e.kieBase().complete(RuleCompiler.fromPackages(packages));
        } catch (Exception | LinkageError x) {
            // Unreadable (truncated, written by another version...): drop it and read the rules.
            deleteQuietly(entry);
            if (e == null) {
                give(found, null);
            } else {
                KieBase compiled = RuleCompiler.compile(e.model()).kieBase();
                if (compiled != null) {
                    write(entry, e.model(), compiled, e.warnings()); // the next start finds it whole
                    e.kieBase().complete(compiled);
                } else {
                    e.kieBase().completeExceptionally(new IllegalStateException("the cached rules do not compile"));
                }
            }
        }
    }

    private void write(Path entry, List<RuleFile> model, KieBase kieBase, List<Problem> warnings) {
        if (writeAtomically(entry, out -> {
            out.writeObject(new ArrayList<>(model));
            ArrayList<String[]> kept = new ArrayList<>();
            for (Problem w : warnings) {
                kept.add(new String[] {w.file(), Integer.toString(w.line()), Integer.toString(w.column()), w.field(),
                        w.message()});
            }
            out.writeObject(kept);
            out.writeObject(new ArrayList<>(kieBase.getKiePackages()));
        })) {
            try {
                prune();
            } catch (IOException e) {
                // old entries stay until a later write prunes them
            }
        }
    }

    private interface Body {
        void write(DroolsObjectOutputStream out) throws IOException;
    }

    /** Writes {@code file} (after the format mark) through a temporary file; false when it could not. */
    private boolean writeAtomically(Path file, Body body) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, PREFIX, ".tmp");
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 DroolsObjectOutputStream out = new DroolsObjectOutputStream(raw)) {
                out.writeUTF(FORMAT);
                body.write(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // a cache that cannot be written only makes the next start slower
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /**
     * Keeps the {@link #KEEP} newest entries, and drops temporary files a process ended before it
     * could move into place (a batch exits while a partition is still being written).
     */
    private void prune() throws IOException {
        List<Path> entries;
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> all = list.toList();
            all.stream().filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && p.getFileName().toString().endsWith(".tmp") && modified(p) < hourAgo).forEach(RuleCache::deleteQuietly);
            entries = all.stream().filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && p.getFileName().toString().endsWith(SUFFIX)).toList();
        }
        if (entries.size() <= KEEP) {
            return;
        }
        List<Path> oldestFirst = new ArrayList<>(entries);
        oldestFirst.sort((a, b) -> Long.compare(modified(a), modified(b)));
        List<Path> gone = oldestFirst.subList(0, oldestFirst.size() - KEEP);
        for (Path p : gone) {
            deleteQuietly(p);
        }
        // ... and the partitions stored for them.
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(PART_SUFFIX) && gone.stream().anyMatch(g -> name.startsWith(stemOf(g) + PART))) {
                    deleteQuietly(p);
                }
            }
        }
    }

    private static String stemOf(Path entry) {
        String name = entry.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    private static String droolsVersion() {
        try (InputStream in = RuleCache.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
            return in == null ? "?" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "?";
        }
    }

    private static byte[] classBytes(String className) throws IOException {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = RuleCache.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("cannot read " + resource);
            }
            return in.readAllBytes();
        }
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
