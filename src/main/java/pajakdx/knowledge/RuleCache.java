package pajakdx.knowledge;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rules kept between runs, so a cold start neither parses DRL nor compiles Java again:
 * the compiled Drools packages are serialised (the KieBase itself is not serialisable in Drools
 * 10, its packages are) and the network is rebuilt from them, which costs a fraction of a compile.
 *
 * <p>An entry is named by a SHA-256 over every file of the rules folder (path and bytes), the
 * classes the compiled rules depend on (facts, compiler, safety checks) and the Drools and Java
 * versions. Any change to any of them gives another name, so a stale entry is never read. An
 * entry that cannot be read is deleted and the rules compiled again; failing to write one only
 * costs the next start its speed. Only rules that compiled without a problem are stored.
 */
public final class RuleCache {
    /** Entries kept per cache folder (several rule folders or versions may be in use). */
    static final int KEEP = 8;
    private static final String FORMAT = "pajakdx-rule-cache-1";
    private static final String PREFIX = "rules-";
    private static final String SUFFIX = ".bin";
    /** What a cache entry may contain: Drools' and PajakDx's own classes and the JDK's, nothing else. */
    private static final ObjectInputFilter ONLY_KNOWN_CLASSES = ObjectInputFilter.Config.createFilter(
            "maxdepth=200;java.**;org.drools.**;org.kie.**;org.mvel2.**;pajakdx.**;!*");
    private static final List<Class<?>> COMPILED_AGAINST = List.of(pajakdx.facts.Finding.class,
            pajakdx.facts.AsOf.class, pajakdx.facts.Cause.class, pajakdx.facts.Remedy.class,
            pajakdx.facts.Status.class, pajakdx.facts.FindingType.class, pajakdx.facts.Masking.class,
            RuleCompiler.class, RuleCompiler.RuleSource.class, RuleSafety.class, ConditionScan.class, JoinBound.class,
            RegexBound.class);

    private final Path dir;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

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

    /** Loads that had to compile so far. */
    public int misses() {
        return misses.get();
    }

    /** Compiles {@code drlFiles} of {@code folder}, or rebuilds them from a cache entry of the same files. */
    public RuleCompiler.Result compile(RuleFolder folder, List<String> drlFiles) {
        Path entry;
        Map<String, String> drlTexts = new LinkedHashMap<>();
        try {
            entry = entryFor(folder, drlTexts);
        } catch (IOException e) {
            misses.incrementAndGet();
            return RuleCompiler.compile(folder.root(), drlFiles); // the compile reports what cannot be read
        }
        RuleCompiler.Result cached = read(entry, drlTexts);
        if (cached != null) {
            hits.incrementAndGet();
            return cached;
        }
        misses.incrementAndGet();
        RuleCompiler.Result compiled = RuleCompiler.compile(folder.root(), drlFiles);
        if (compiled.errors().isEmpty() && compiled.kieBase() != null) {
            write(entry, compiled);
        }
        return compiled;
    }

    /** The entry that stands for the current content of {@code folder}. */
    public Path entryFor(RuleFolder folder) throws IOException {
        return entryFor(folder, new LinkedHashMap<>());
    }

    /** Like {@link #entryFor(RuleFolder)}, keeping the text of each DRL file it hashed in {@code drlTexts}. */
    private Path entryFor(RuleFolder folder, Map<String, String> drlTexts) throws IOException {
        MessageDigest sha = sha256();
        update(sha, FORMAT);
        update(sha, System.getProperty("java.vm.version", "?"));
        update(sha, droolsVersion());
        for (Class<?> c : COMPILED_AGAINST) {
            update(sha, c.getName());
            sha.update(classBytes(c));
        }
        for (String file : folder.files("")) {
            update(sha, file);
            byte[] bytes = Files.readAllBytes(folder.root().resolve(file));
            if (file.endsWith(".drl")) {
                drlTexts.put(file, new String(bytes, StandardCharsets.UTF_8));
            }
            update(sha, Integer.toString(bytes.length));
            sha.update(bytes);
        }
        return dir.resolve(PREFIX + HexFormat.of().formatHex(sha.digest(), 0, 20) + SUFFIX);
    }

    @SuppressWarnings("unchecked")
    private RuleCompiler.Result read(Path entry, Map<String, String> drlTexts) {
        if (!Files.isRegularFile(entry)) {
            return null;
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(entry), 1 << 16);
             DroolsObjectInputStream in = new DroolsObjectInputStream(raw, RuleCache.class.getClassLoader())) {
            in.setObjectInputFilter(ONLY_KNOWN_CLASSES);
            if (!FORMAT.equals(in.readUTF())) {
                throw new IOException("not a cache entry");
            }
            Map<String, RuleCompiler.RuleSource> sources = (Map<String, RuleCompiler.RuleSource>) in.readObject();
            Collection<KiePackage> packages = (Collection<KiePackage>) in.readObject();
            return RuleCompiler.fromPackages(packages, sources, java.util.Collections.unmodifiableMap(drlTexts));
        } catch (Exception | LinkageError e) {
            // Unreadable (truncated, written by another version...): drop it and compile.
            deleteQuietly(entry);
            return null;
        }
    }

    private void write(Path entry, RuleCompiler.Result compiled) {
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, PREFIX, ".tmp");
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                 DroolsObjectOutputStream out = new DroolsObjectOutputStream(raw)) {
                out.writeUTF(FORMAT);
                out.writeObject(new LinkedHashMap<>(compiled.sources()));
                out.writeObject(new ArrayList<>(compiled.kieBase().getKiePackages()));
            }
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            prune();
        } catch (IOException | RuntimeException e) {
            // A cache that cannot be written only makes the next start slower.
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /** Keeps the {@link #KEEP} newest entries. */
    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(dir)) {
            entries = list.filter(p -> p.getFileName().toString().startsWith(PREFIX)
                    && p.getFileName().toString().endsWith(SUFFIX)).toList();
        }
        if (entries.size() <= KEEP) {
            return;
        }
        List<Path> oldestFirst = new ArrayList<>(entries);
        oldestFirst.sort((a, b) -> Long.compare(modified(a), modified(b)));
        for (Path p : oldestFirst.subList(0, oldestFirst.size() - KEEP)) {
            deleteQuietly(p);
        }
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

    private static byte[] classBytes(Class<?> c) throws IOException {
        String resource = c.getName().replace('.', '/') + ".class";
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
