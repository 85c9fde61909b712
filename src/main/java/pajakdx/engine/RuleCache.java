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
import pajakdx.knowledge.Catalog;
import pajakdx.knowledge.KnowledgeCodec;
import pajakdx.knowledge.RuleFile;
import pajakdx.knowledge.RuleFolder;

/**
 * Rules read and compiled before, kept between runs, so a cold start neither parses DRL nor
 * compiles again, nor reads the catalog's YAML: the catalog and the rule model are written by
 * {@link KnowledgeCodec}, the compiled Drools packages by Java serialisation (the KieBase itself
 * is not serialisable in Drools 10, its packages are), and the network is rebuilt from them,
 * which costs a fraction of a compile.
 *
 * <p>An entry is named by a SHA-256 over every file of the rules folder (path and bytes), the
 * code that reads and compiles them (a digest of PajakDx's jar or classes and of its parsers), and the Drools and Java
 * versions. Any change to any of them gives another name, so a stale entry is never read. Rules
 * bundled in a jar are named by CRCs of the jar's central directory instead (see
 * {@code Fingerprint}), and the entry by CRCs of those parts: a start from the cache then opens no
 * rule file at all, nor starts Java's security providers. An entry whose model
 * cannot be read is deleted and the rules read again; one whose catalog cannot be read has it
 * read from the YAML and written anew; one whose network cannot be read has it
 * compiled from its model and written anew (a command line waits for that before it exits, see
 * {@link #awaitWrites}); a partition that cannot be read is deleted and
 * compiled again. What stands where a cache file goes and is not a regular file (a folder, a FIFO)
 * is removed first, inside the cache folder only and never through a link. Files are written
 * through temporary files named by the writer's process id: one left by a process cut off while
 * writing goes at a later write, one still being written never.
 * Failing to write only costs the next start its speed. Only rule bases without
 * a problem are stored. Entries are read back with a filter that admits only the JDK's, Drools'
 * and PajakDx's own classes, and bounds what they may allocate.
 */
public final class RuleCache {
    /** Entries kept per cache folder (several rule folders or versions may be in use). */
    static final int KEEP = 8;
    /** Partitions kept per entry (see pajakdx.Partitions, which builds at most as many per rule base). */
    static final int KEEP_PARTS = 256;
    /** Longest array and most objects a cache file may hold (the bundled rules need far fewer). */
    private static final int MAX_ARRAY = 10_000_000;
    private static final int MAX_REFS = 50_000_000;
    /** 6: model and catalog by KnowledgeCodec; 7: a relation's Indonesian summary beside its English one. */
    static final String FORMAT = "pajakdx-rule-cache-7";
    private static final String PREFIX = "rules-";
    private static final String SUFFIX = ".bin";
    /** The entry's network, in a file of its own: read only when needed. */
    private static final String NET_SUFFIX = ".bin.net";
    /** The entry's catalog, in a file of its own: read beside the model, on a thread of its own. */
    private static final String CAT_SUFFIX = ".bin.cat";
    private static final String PART = "-part-";
    private static final String PART_SUFFIX = ".bin.part";
    /** A file being written, {@code rules-<pid>-<n>.tmp}, until it is moved into place. */
    private static final String TMP_SUFFIX = ".tmp";
    /** What a cache entry may contain: Drools' and PajakDx's own classes and the JDK's, nothing else. */
    private static final ObjectInputFilter ONLY_KNOWN_CLASSES = ObjectInputFilter.Config.createFilter(
            // Bounds too, so that a damaged or hostile file cannot make the reader allocate without end.
            "maxdepth=200;maxarray=" + MAX_ARRAY + ";maxrefs=" + MAX_REFS
                    + ";java.**;org.drools.**;org.kie.**;org.mvel2.**;pajakdx.**;!*");
    /**
     * Where the code that reads the rules and catalog comes from: PajakDx's own classes and the
     * YAML and JSON parsers (Drools is named by its version). All of it is digested, so no change
     * to any class can leave a stale entry in use.
     */
    private static final List<Class<?>> CODE = List.of(RuleCache.class, org.yaml.snakeyaml.Yaml.class,
            com.fasterxml.jackson.core.JsonFactory.class);

    private final Path dir;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger catalogHits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<Prefetch> prefetched =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * What an entry holds: the model read from the folder, the network compiled from it, what
     * {@code check} warned about and the number of DRL and YAML files it read (an entry is only
     * written for rules without errors, and its name covers every file and the code, so the checks
     * need not run again), the shelf of its partitions, its catalog (being read on a thread of its
     * own; null once read when it could not be) and the entry's own file.
     */
    record Entry(List<RuleFile> model, Network network, List<Problem> warnings, int drlFiles, int yamlFiles,
                 Shelf shelf, CompletableFuture<Catalog> stored, Path file) {
        /** The catalog kept with the entry, or null when it could not be read (see {@link #keepCatalog}). */
        Catalog catalog() {
            return stored.join();
        }
    }

    /**
     * The partitions compiled for one entry (see {@code pajakdx.Partitions}), each in a file of its
     * own beside the entry, named by the rules it holds: a later start loads a partition instead of
     * compiling it again. Removed with the entry it belongs to.
     */
    public final class Shelf {
        private final String stem;
        /** The entry file as read from the cache (modified time, size, file key); null when this process wrote it. */
        private final List<Object> readAs;
        private final java.util.concurrent.atomic.AtomicBoolean discarded = new java.util.concurrent.atomic.AtomicBoolean();

        private Shelf(Path entry, List<Object> readAs) {
            this.stem = stemOf(entry);
            this.readAs = readAs;
        }

        /**
         * Deletes the entry and the files kept beside it (network, catalog, partitions), when it
         * was read from the cache and is still the file that was read: for a diagnosis that failed
         * in a way no case or rule explains. An entry is checked when read (checksum, classes,
         * every field the readers need), but a file rewritten with other well-formed content
         * passes; deleted, the next load reads the rules again instead of failing at every run.
         * At most once per load, and never an entry this process wrote or another process has
         * written since: a long-running process that keeps failing on what it loaded must not
         * delete, request after request, the entry others rebuild.
         *
         * @return true when the entry was deleted
         */
        boolean discardIfRead() {
            Path entry = dir.resolve(stem + SUFFIX);
            if (readAs == null || !readAs.equals(stamp(entry)) || !discarded.compareAndSet(false, true)) {
                return false;
            }
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> belongs(p.getFileName().toString())).forEach(RuleCache::deleteQuietly);
            } catch (IOException | java.io.UncheckedIOException e) {
                return false; // left in place
            }
            return true;
        }

        /** True for the entry's own files: model, network, catalog, partitions; nothing else of the folder. */
        private boolean belongs(String name) {
            return name.equals(stem + SUFFIX) || name.equals(stem + NET_SUFFIX) || name.equals(stem + CAT_SUFFIX)
                    || name.startsWith(stem + PART) && name.endsWith(PART_SUFFIX);
        }

        /** The network of exactly the rules {@code keep}, as stored before; null when none was. */
        @SuppressWarnings("unchecked")
        KieBase load(Set<String> keep) {
            Path file = fileFor(keep);
            if (!Files.isRegularFile(file)) {
                return null;
            }
            try (DroolsObjectInputStream in = open(file)) {
                if (!sorted(keep).equals(in.readObject())) {
                    throw new IOException("not this partition");
                }
                return RuleCompiler.fromPackages((Collection<KiePackage>) in.readObject());
            } catch (Throwable e) { // a damaged or hostile file, even one that runs the reader out of memory
                OutOfMemory.note(e);
                deleteQuietly(file); // compiled again, and stored again
                return null;
            }
        }

        boolean holds(Set<String> keep) {
            return Files.isRegularFile(fileFor(keep));
        }

        /** Keeps the network of the rules {@code keep}. */
        void store(Set<String> keep, KieBase kieBase) {
            if (discarded.get() || stored() >= KEEP_PARTS) {
                return; // compiled from an entry dropped as bad; bounded on disk as in memory, whatever the traffic
            }
            Path file = fileFor(keep);
            if (writeAtomically(file, out -> {
                out.writeObject(sorted(keep));
                out.writeObject(new ArrayList<>(kieBase.getKiePackages()));
            }) && discarded.get()) {
                deleteQuietly(file); // the entry was dropped while this was written: a rebuilt entry must not find it
            }
        }

        private long stored() {
            try (Stream<Path> list = Files.list(dir)) {
                return list.filter(p -> p.getFileName().toString().startsWith(stem + PART)).count();
            } catch (IOException | java.io.UncheckedIOException e) {
                return KEEP_PARTS;
            }
        }

        private Path fileFor(Set<String> keep) {
            // CRCs, not a SHA-256 (whose providers' start-up is 20 ms of a cold start): a file holds
            // the names it was made for and is checked against them when read (see load).
            return dir.resolve(stem + PART + crc64(sorted(keep)) + PART_SUFFIX);
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

    /** Catalogs read from this cache instead of from their YAML (for tests). */
    int catalogHits() {
        return catalogHits.get();
    }

    /** Loads that had to read and compile so far. */
    public int misses() {
        return misses.get();
    }

    /**
     * The entry for the folder's current files, or null (counted as a miss), read on a thread of
     * its own (the caller warms Drools up meanwhile), and its catalog on another. The entry holds the rule model;
     * its network is read from its own file when first needed ({@link Entry#network()}), since a
     * one-off diagnosis whose partition is stored never needs it.
     */
    CompletableFuture<Entry> findInBackground(RuleFolder folder) {
        Prefetch early = prefetched.getAndSet(null);
        if (early != null && early.folder() == folder) {
            return early.entry(); // started before the command line was even parsed
        }
        CompletableFuture<Entry> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(find(folder));
            } catch (Throwable e) {
                OutOfMemory.note(e);
                result.complete(null); // the rules are read and compiled instead
            }
        }, "pajakdx-rule-cache");
        t.setDaemon(true);
        t.start();
        return result;
    }

    /**
     * Starts reading the entry for {@code folder} now, for the next load of that same folder
     * object through this cache to take over. A command line calls it before it parses its
     * arguments, which costs a cold start a tenth of a second on two cores: the entry is read
     * meanwhile. It only reads; a load of another folder, or none, leaves the reading unused.
     *
     * @return done when the entry has been read (or found missing); it does not hold the entry, so
     *     a read dropped ({@link #dropPrefetch}) is not kept alive by whoever keeps this
     */
    public CompletableFuture<Void> prefetch(RuleFolder folder) {
        CompletableFuture<Entry> entry = findInBackground(folder);
        prefetched.set(new Prefetch(folder, entry));
        return entry.thenAccept(e -> { });
    }

    /** Forgets a read started by {@link #prefetch} that no load will take (its entry is not kept alive). */
    public void dropPrefetch() {
        prefetched.set(null);
    }

    /** A read started by {@link #prefetch}, waiting for its load. */
    private record Prefetch(RuleFolder folder, CompletableFuture<Entry> entry) {
    }

    /** The entry for the folder's current files, or null (counted as a miss). */
    Entry find(RuleFolder folder) {
        Entry e;
        try {
            e = read(entryFor(folder));
        } catch (IOException x) {
            e = null; // reading the rules reports what cannot be read
        }
        (e != null ? hits : misses).incrementAndGet();
        return e;
    }

    /**
     * Keeps {@code model} and its compiled network for the folder's current files; the shelf for
     * their partitions, or null when the folder cannot be read.
     */
    Shelf store(RuleFolder folder, Path readAs, Catalog catalog, List<RuleFile> model, KieBase kieBase,
                List<Problem> warnings, int drlFiles, int yamlFiles) {
        try {
            Path entry = entryFor(folder);
            if (!entry.equals(readAs)) {
                return null; // a file changed while the folder was read: what was read has no name
            }
            write(entry, catalog, model, kieBase, warnings, new int[] {drlFiles, yamlFiles});
            return new Shelf(entry, null);
        } catch (IOException e) {
            return null; // a cache that cannot be written only makes the next start slower
        }
    }

    /** The entry for {@code folder} before its files are read (for {@link #store}); null when it cannot be named. */
    Path nameBeforeReading(RuleFolder folder) {
        try {
            return entryFor(folder);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The entry that stands for the current content of {@code folder} and the current code.
     *
     * @throws IOException when either cannot be read (nothing is then cached)
     */
    public Path entryFor(RuleFolder folder) throws IOException {
        List<String> parts = new ArrayList<>(List.of(FORMAT, System.getProperty("java.vm.version", "?"),
                droolsVersion()));
        Path rulesJar = folder.jar();
        for (Path code : CodeDigest.LOCATIONS) {
            if (!code.equals(rulesJar)) { // a jar of rules is digested below
                parts.add(CodeDigest.of(code));
            }
        }
        if (rulesJar != null) {
            // Rules bundled in a jar: its central directory stands for every file (no file is
            // opened). When the jar is the code's own, its digest is the one taken for the code
            // when this process first named an entry, not that of a jar rebuilt since.
            parts.add(CodeDigest.LOCATIONS.contains(rulesJar) ? CodeDigest.of(rulesJar) : folder.fingerprint());
            // The jar already stands for the rules by CRCs (see Fingerprint), which guard against
            // accidental change, all a name needs here: CRCs name the entry too, without the
            // start-up of Java's security providers that a SHA-256 costs (20 ms of a cold start's
            // critical path, docs/PERFORMANCE.md, sixth run).
            return dir.resolve(PREFIX + crc64(parts) + SUFFIX);
        }
        MessageDigest sha = sha256();
        parts.forEach(part -> update(sha, part));
        for (String file : folder.files("")) {
            update(sha, file);
            byte[] bytes = Files.readAllBytes(folder.root().resolve(file));
            update(sha, Integer.toString(bytes.length));
            sha.update(bytes);
        }
        return dir.resolve(PREFIX + HexFormat.of().formatHex(sha.digest(), 0, 20) + SUFFIX);
    }

    /** Reads the model and warnings of {@code entry}; null when there is none or it cannot be read. */
    @SuppressWarnings("unchecked")
    private Entry read(Path entry) {
        List<Object> readAs = stamp(entry); // before reading: a file replaced meanwhile then differs
        if (readAs == null) {
            return null;
        }
        try (DroolsObjectInputStream in = open(entry)) {
            // The entry is whole (its checksum holds): its catalog is read on a thread of its own
            // while this one reads the model, the two take about as long.
            CompletableFuture<Catalog> catalog = CompletableFuture.supplyAsync(() -> readCatalog(entry),
                    RuleCache::daemon);
            List<RuleFile> model = KnowledgeCodec.readModel(in);
            List<Problem> warnings = new ArrayList<>();
            for (String[] w : (List<String[]>) in.readObject()) {
                warnings.add(new Problem(w[0], Integer.parseInt(w[1]), Integer.parseInt(w[2]), w[3], w[4]));
            }
            int[] files = (int[]) in.readObject();
            List<RuleFile> kept = List.copyOf(model);
            List<Problem> checked = List.copyOf(warnings);
            Shelf shelf = new Shelf(entry, readAs);
            return new Entry(kept, new Network(() -> network(entry, kept, shelf)), checked, files[0], files[1],
                    shelf, catalog, entry);
        } catch (Throwable e) { // a damaged or hostile file, even one that runs the reader out of memory
            OutOfMemory.note(e);
            // Unreadable (truncated, written by another version...): drop it and read the rules.
            deleteQuietly(entry);
            deleteQuietly(netOf(entry));
            deleteQuietly(catOf(entry));
            return null;
        }
    }

    /** The catalog kept beside {@code entry}; null (and the file deleted) when it cannot be read. */
    private Catalog readCatalog(Path entry) {
        try (DroolsObjectInputStream in = open(catOf(entry))) {
            Catalog c = KnowledgeCodec.readCatalog(in);
            catalogHits.incrementAndGet();
            return c;
        } catch (Throwable e) { // missing, damaged or hostile: the YAML is read instead
            OutOfMemory.note(e);
            deleteQuietly(catOf(entry));
            return null;
        }
    }

    /** Keeps {@code catalog}, read from the folder's files, beside {@code entry}, whose own copy could not be read. */
    void keepCatalog(RuleFolder folder, Entry entry, Catalog catalog) {
        if (entry.file().equals(nameBeforeReading(folder))) { // else a file changed since the entry was found
            writeAtomically(catOf(entry.file()), out -> KnowledgeCodec.writeCatalog(catalog, out));
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "pajakdx-rule-cache");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The network of {@code entry}, read from its own file; when that cannot be read, compiled
     * from the model again and written anew.
     */
    @SuppressWarnings("unchecked")
    private KieBase network(Path entry, List<RuleFile> model, Shelf shelf) {
        try (DroolsObjectInputStream in = open(netOf(entry))) {
            return RuleCompiler.fromPackages((Collection<KiePackage>) in.readObject());
        } catch (Throwable e) { // a damaged or hostile file, even one that runs the reader out of memory
            OutOfMemory.note(e);
            // To be written anew from here: a command that ends before it is (the compile takes
            // seconds, and the write is made on the side) waits for it (awaitWrites), or every later
            // start of such a command would compile it again.
            Writes.begin();
            boolean handedOver = false;
            try {
                KieBase compiled = RuleCompiler.compile(model).kieBase();
                if (compiled == null) {
                    throw new IllegalStateException("the cached rules do not compile");
                }
                // Written on the side, so that the diagnoses waiting for this network do not wait for
                // the write too; not for an entry dropped as bad (a rebuilt one takes its name) or gone.
                daemon(() -> {
                    try {
                        if (!shelf.discarded.get() && Files.isRegularFile(entry)) {
                            writeNetwork(entry, compiled);
                        }
                    } finally {
                        Writes.end();
                    }
                });
                handedOver = true;
                return compiled;
            } finally {
                if (!handedOver) { // not compiled, or no thread to write it on: not written this time
                    Writes.end();
                }
            }
        }
    }

    /** A cache file opened for reading, its format mark checked, with the class filter in place. */
    private static DroolsObjectInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a regular file: " + file.getFileName()); // a FIFO would block the read
        }
        java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file);
        try {
            // First pass: the body's length and checksum, streamed (a network at x100 is hundreds of
            // MB); whatever deserialises cleanly is trusted, so a damaged byte must not get that far.
            java.io.DataInputStream check = new java.io.DataInputStream(
                    new BufferedInputStream(java.nio.channels.Channels.newInputStream(ch), 1 << 16));
            if (!FORMAT.equals(check.readUTF())) {
                throw new IOException("not a cache file of this version: " + file.getFileName());
            }
            long length = check.readLong();
            int expected = check.readInt();
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            byte[] buf = new byte[1 << 16];
            long read = 0;
            for (int n; (n = check.read(buf)) > 0; read += n) {
                crc.update(buf, 0, n);
            }
            if (read != length || (int) crc.getValue() != expected) {
                throw new IOException("damaged cache file: " + file.getFileName());
            }
            // Second pass, on the same open file: the body itself.
            ch.position(0);
            java.io.DataInputStream raw = new java.io.DataInputStream(
                    new BufferedInputStream(java.nio.channels.Channels.newInputStream(ch), 1 << 16));
            raw.readUTF();
            raw.readLong();
            raw.readInt();
            DroolsObjectInputStream in = new DroolsObjectInputStream(raw, RuleCache.class.getClassLoader());
            in.setObjectInputFilter(ONLY_KNOWN_CLASSES);
            return in;
        } catch (IOException | RuntimeException | Error e) {
            ch.close();
            throw e;
        }
    }

    /**
     * A cache file's bytes: the format mark, then the body's length and checksum, then the body
     * (see open). The layout {@link #writeAtomically} streams; built in memory here for tests.
     */
    static byte[] envelope(byte[] body) throws IOException {
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream(body.length + 64);
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(file)) {
            out.writeUTF(FORMAT);
            out.writeLong(body.length);
            out.writeInt(checksum(body));
            out.write(body);
        }
        return file.toByteArray();
    }

    private static int checksum(byte[] body) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(body);
        return (int) crc.getValue();
    }

    private static Path catOf(Path entry) {
        return entry.resolveSibling(stemOf(entry) + CAT_SUFFIX);
    }

    private static Path netOf(Path entry) {
        return entry.resolveSibling(stemOf(entry) + NET_SUFFIX);
    }

    private void write(Path entry, Catalog catalog, List<RuleFile> model, KieBase kieBase, List<Problem> warnings,
                       int[] files) {
        // The catalog and network first: an entry is only ever found with them beside it (a
        // catalog that cannot be read is read from the YAML again).
        if (writeAtomically(catOf(entry), out -> KnowledgeCodec.writeCatalog(catalog, out)) && writeNetwork(entry, kieBase)
                && writeAtomically(entry, out -> {
            KnowledgeCodec.writeModel(model, out);
            ArrayList<String[]> kept = new ArrayList<>();
            for (Problem w : warnings) {
                kept.add(new String[] {w.file(), Integer.toString(w.line()), Integer.toString(w.column()), w.field(),
                        w.wholeMessage()});
            }
            out.writeObject(kept);
            out.writeObject(files);
        })) {
            try {
                prune();
            } catch (IOException e) {
                // old entries stay until a later write prunes them
            }
        }
    }

    private boolean writeNetwork(Path entry, KieBase kieBase) {
        return writeAtomically(netOf(entry), out -> out.writeObject(new ArrayList<>(kieBase.getKiePackages())));
    }

    private interface Body {
        void write(DroolsObjectOutputStream out) throws IOException;
    }

    /**
     * Writes {@code file} (after the format mark) through a temporary file; false when it could not.
     * The temporary file is named with this process's id ({@code rules-<pid>-<n>.tmp}), so that one
     * left by a process cut off while writing can be told from one still being written (see
     * {@link #sweepTemporaryFiles}).
     */
    private boolean writeAtomically(Path file, Body body) {
        Path tmp = null;
        Writes.begin(); // a short process waits for it before it exits (Writes.await)
        try {
            Files.createDirectories(dir);
            sweepTemporaryFiles();
            tmp = Files.createTempFile(dir, PREFIX + Pid.SELF + "-", TMP_SUFFIX);
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(tmp.toFile(), "rw")) {
                // Streamed (no copy of the body in memory): the length and checksum are filled in after.
                f.writeUTF(FORMAT);
                long slot = f.getFilePointer();
                f.writeLong(0);
                f.writeInt(0);
                long start = f.getFilePointer();
                java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
                OutputStream stream = new java.util.zip.CheckedOutputStream(new BufferedOutputStream(
                        java.nio.channels.Channels.newOutputStream(f.getChannel()), 1 << 16), crc);
                DroolsObjectOutputStream out = new DroolsObjectOutputStream(stream);
                body.write(out);
                out.flush(); // not closed: that would close the file before its header is filled in
                long length = f.getChannel().position() - start;
                f.seek(slot);
                f.writeLong(length);
                f.writeInt((int) crc.getValue());
            }
            clearTheWay(file);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return true;
        } catch (Throwable e) { // out of memory too: a cache that cannot be written only makes the next start slower
            OutOfMemory.note(e);
            return false;
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
            Writes.end();
        }
    }

    /**
     * Removes what stands at {@code file}, a name of this cache's own, when it is neither a regular
     * file nor a symbolic link: a folder (with what it holds) or a FIFO, socket or device. A rename
     * cannot replace a folder, so every later start would compile again and fail to keep the result.
     * Only inside the cache folder, only for the names the cache gives its files; a symbolic link is
     * left for the rename to replace (it replaces the link, never what it points to), and nothing a
     * link inside a removed folder points to is touched.
     */
    private void clearTheWay(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (!dir.equals(file.getParent()) || !name.startsWith(PREFIX) || name.endsWith(TMP_SUFFIX)) {
            return; // not a cache file's name: never the cache's to remove
        }
        java.nio.file.attribute.BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return; // nothing in the way
        }
        if (a.isRegularFile() || a.isSymbolicLink()) {
            return; // the rename replaces it
        }
        if (!a.isDirectory()) {
            Files.deleteIfExists(file); // a FIFO, socket or device: its name only
            return;
        }
        // No option to follow links: a link inside is deleted as a link, never walked through.
        Files.walkFileTree(file, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes attrs)
                    throws IOException {
                Files.deleteIfExists(p);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes the temporary files that no live process is writing: those whose writer (the process
     * id in the name) has ended, or whose id now belongs to a process started after the file was
     * last written (the id was reused), once they are a minute old (a process in another PID
     * namespace sharing the folder is not visible here, and its writing keeps its file younger);
     * those of this process never (its writes delete their own on failure). Files named without a
     * process id (written by an earlier version) go when an hour old, as before; those whose id part
     * is not a number ({@code rules-abc-1.tmp}) no writer of ours names its file so, and they go a
     * minute old, as an ended writer's do. Only the folder's own entries, and a link is deleted as a
     * link: its age is its own, never its target's.
     */
    void sweepTemporaryFiles() {
        List<Path> temps;
        try (Stream<Path> list = Files.list(dir)) {
            temps = list.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(TMP_SUFFIX);
            }).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return;
        }
        long now = System.currentTimeMillis();
        for (Path p : temps) {
            String n = p.getFileName().toString();
            String middle = n.substring(PREFIX.length(), n.length() - TMP_SUFFIX.length());
            int dash = middle.indexOf('-');
            long modified = modified(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            if (dash <= 0) {
                if (modified < now - 3_600_000) {
                    deleteQuietly(p);
                }
                continue;
            }
            long pid;
            try {
                pid = Long.parseLong(middle.substring(0, dash));
            } catch (NumberFormatException e) {
                pid = -1; // no writer of ours names its file so: none can be writing it
            }
            if (pid != Pid.SELF && modified < now - 60_000 && (pid < 0 || writerGone(pid, modified))) {
                deleteQuietly(p);
            }
        }
    }

    /** True when process {@code pid} cannot be writing a file last written at {@code modified}. */
    private static boolean writerGone(long pid, long modified) {
        java.util.Optional<ProcessHandle> p = ProcessHandle.of(pid);
        if (p.isEmpty() || !p.get().isAlive()) {
            return true;
        }
        // Alive: the writer only when it started before the file was last written (2 s for the clocks'
        // grain: Linux gives a start time from the boot time in whole seconds).
        return p.get().info().startInstant().map(start -> start.toEpochMilli() > modified + 2_000).orElse(false);
    }

    /** This process's id, asked when first written with (not on a start's path). */
    private static final class Pid {
        static final long SELF = ProcessHandle.current().pid();
    }

    /**
     * The cache files this process is writing, on any thread, or is to write once compiled (a
     * network that could not be read): a command that is about to exit waits for them
     * ({@link #awaitWrites}), so that such a write is neither lost nor left as a temporary file.
     * Nothing that diagnoses waits for it.
     */
    private static final class Writes {
        private static int pending; // guarded by Writes.class

        static synchronized void begin() {
            pending++;
        }

        static synchronized void end() {
            pending--;
            Writes.class.notifyAll();
        }

        static synchronized boolean await(long nanos) {
            long until = System.nanoTime() + nanos;
            while (pending > 0) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(Writes.class, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Waits, at most {@code max}, until this process writes no cache file and compiles no network to
     * be written: for a command line before it exits (the JVM stops the cache's daemon threads at
     * exit, and a network compiled and written anew on them would be lost at every run). A
     * long-running process need not call it.
     *
     * @return true when no write is under way
     */
    public static boolean awaitWrites(java.time.Duration max) {
        return Writes.await(max.toNanos());
    }

    /** Keeps the {@link #KEEP} newest entries (temporary files: {@link #sweepTemporaryFiles}). */
    private void prune() throws IOException {
        List<Path> all;
        try (Stream<Path> list = Files.list(dir)) {
            all = list.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList();
        }
        List<Path> oldestFirst = new ArrayList<>(all.stream().filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                .toList());
        oldestFirst.sort((a, b) -> Long.compare(modified(a), modified(b)));
        List<Path> kept = oldestFirst.subList(Math.max(0, oldestFirst.size() - KEEP), oldestFirst.size());
        oldestFirst.subList(0, oldestFirst.size() - kept.size()).forEach(RuleCache::deleteQuietly);
        // Networks and partitions whose entry is gone: pruned here, by hand, or by another process.
        java.util.Set<String> stems = new java.util.HashSet<>();
        kept.forEach(p -> stems.add(stemOf(p)));
        for (Path p : all) {
            String name = p.getFileName().toString();
            String owner = name.endsWith(NET_SUFFIX) ? name.substring(0, name.length() - NET_SUFFIX.length())
                    : name.endsWith(CAT_SUFFIX) ? name.substring(0, name.length() - CAT_SUFFIX.length())
                    : name.endsWith(PART_SUFFIX) && name.contains(PART) ? name.substring(0, name.indexOf(PART)) : null;
            if (owner != null && !stems.contains(owner)) {
                deleteQuietly(p);
            }
        }
    }

    /** A regular file's modified time, size and file key; null when it is not one. */
    private static List<Object> stamp(Path file) {
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class);
            return a.isRegularFile() ? java.util.Arrays.asList(a.lastModifiedTime(), a.size(), a.fileKey()) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String stemOf(Path entry) {
        String name = entry.getFileName().toString();
        return name.substring(0, name.length() - SUFFIX.length());
    }

    private static long modified(Path p, java.nio.file.LinkOption... options) {
        try {
            return Files.getLastModifiedTime(p, options).toMillis();
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

    /** The digests of the code's locations, computed once per process (the code cannot change under it). */
    private static final class CodeDigest {
        static final List<Path> LOCATIONS = locations();
        private static final Map<Path, String> DIGESTS = new java.util.concurrent.ConcurrentHashMap<>();

        static String of(Path location) throws IOException {
            String d = DIGESTS.get(location);
            if (d == null) {
                d = pajakdx.knowledge.Fingerprint.of(location);
                DIGESTS.put(location, d);
            }
            return d;
        }

        private static List<Path> locations() {
            List<Path> out = new ArrayList<>();
            for (Class<?> c : CODE) {
                try {
                    java.security.CodeSource source = c.getProtectionDomain().getCodeSource();
                    Path p = Path.of(source.getLocation().toURI()).toAbsolutePath();
                    if (!out.contains(p)) {
                        out.add(p);
                    }
                } catch (RuntimeException | java.net.URISyntaxException e) {
                    // Unknown code: a location that cannot be digested, so entryFor fails and nothing is cached.
                    out.add(Path.of("unknown-code-" + System.nanoTime()));
                }
            }
            return List.copyOf(out);
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

    /** Two CRCs of {@code parts}, each ended by a zero byte, as 16 hex digits. */
    private static String crc64(List<String> parts) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        java.util.zip.CRC32C crcC = new java.util.zip.CRC32C();
        for (String part : parts) {
            byte[] b = (part + '\0').getBytes(StandardCharsets.UTF_8);
            crc.update(b);
            crcC.update(b);
        }
        return HexFormat.of().toHexDigits(crc.getValue() << 32 | crcC.getValue());
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
