package pajakdx.knowledge;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import pajakdx.base.Problem;
import pajakdx.base.RuleBaseException;

/** Finds the files of a rules folder, on disk or bundled inside the jar. */
public final class RuleFolder {
    /** Where the bundled copy of {@code rules/} sits on the class path. */
    public static final String BUNDLED = "pajakdx-rules";

    private volatile Path root;
    private final String name;
    private final boolean bundled;
    /** The folder inside a jar, opened as a file system when first listed or read; else null. */
    private final URI inJar;
    /** The jar that holds the folder; else null. */
    private final Path jar;
    private volatile String fingerprint;

    private RuleFolder(Path root, String name, boolean bundled) {
        this.root = root;
        this.name = name;
        this.bundled = bundled;
        this.inJar = null;
        this.jar = null;
    }

    private RuleFolder(URI inJar, Path jar) {
        this.name = "(bundled rules)";
        this.bundled = true;
        this.inJar = inJar;
        this.jar = jar;
    }

    /** A folder on disk. */
    public static RuleFolder of(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleBaseException(Problem.at(dir.toString(), 0, 0,
                    Files.exists(dir) ? "is not a folder" : "no such rules folder"));
        }
        try {
            // The real path: a rules folder given through a link is walked like any other.
            return new RuleFolder(dir.toRealPath(), dir.toString(), false);
        } catch (IOException e) {
            throw new RuleBaseException(Problem.at(dir.toString(), 0, 0, "cannot open: " + e.getMessage()));
        }
    }

    /** The copy of {@code rules/} bundled in the jar (or in target/classes when run from the build). */
    public static RuleFolder bundled() {
        URL url = RuleFolder.class.getClassLoader().getResource(BUNDLED + "/sources.yaml");
        if (url == null) {
            throw new RuleBaseException(Problem.of("the bundled rules are missing from the class path"));
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                // Opening the jar as a file system costs a cold start tens of milliseconds: it is
                // done when a file is first needed, which a start from the rule cache never does.
                return new RuleFolder(uri, jarOf(uri));
            }
            return new RuleFolder(Path.of(uri).getParent(), "(bundled rules)", true);
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            throw new RuleBaseException(Problem.of("cannot open the bundled rules: " + e.getMessage()));
        }
    }

    /** The jar file of a {@code jar:file:...!/...} URI; null for a jar that is not a plain file (its files are then digested). */
    private static Path jarOf(URI uri) {
        String spec = uri.getRawSchemeSpecificPart();
        int bang = spec.indexOf("!/");
        try {
            Path jar = bang < 0 ? null : Path.of(new URI(spec.substring(0, bang))).toAbsolutePath();
            return jar != null && Files.isRegularFile(jar) ? jar : null;
        } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /** The folder inside the jar, as a path of the jar's file system. */
    private static Path openJar(URI uri) {
        try {
            FileSystem fs;
            try {
                fs = FileSystems.getFileSystem(uri);
            } catch (FileSystemNotFoundException e) {
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException raced) {
                    fs = FileSystems.getFileSystem(uri);
                }
            }
            return fs.provider().getPath(uri).getParent();
        } catch (IOException e) {
            throw new RuleBaseException(Problem.of("cannot open the bundled rules: " + e.getMessage()));
        }
    }

    /** The jar the folder is bundled in, or null for a folder on disk (or classes run from the build). */
    public Path jar() {
        return jar;
    }

    /**
     * What stands for every file of a folder bundled in a jar, without opening them: the digest of
     * the jar's central directory (see {@link Fingerprint}), computed once. Null for a folder on
     * disk, whose files are read to tell whether they changed.
     *
     * @throws IOException when the jar cannot be read
     */
    public String fingerprint() throws IOException {
        if (jar == null) {
            return null;
        }
        String f = fingerprint;
        if (f == null) {
            f = Fingerprint.of(jar);
            fingerprint = f;
        }
        return f;
    }

    /** The folder {@code folder} inside the jar {@code jar} (for tests; see {@link #bundled()}). */
    static RuleFolder inJar(Path jar, String folder) {
        return new RuleFolder(URI.create("jar:" + jar.toAbsolutePath().toUri() + "!/" + folder + "/sources.yaml"),
                jar.toAbsolutePath());
    }

    public Path root() {
        Path r = root;
        if (r == null) {
            synchronized (this) {
                if (root == null) {
                    root = openJar(inJar);
                }
                r = root;
            }
        }
        return r;
    }

    /** How to name the folder to users. */
    public String name() {
        return name;
    }

    /**
     * A file of the folder as the user would write its path: under the folder's name as given
     * ({@code my-rules/coretax/session.drl}), so that an editor can jump to it. Bundled files and
     * names that are not files of the folder are left as they are.
     */
    public String display(String relative) {
        if (bundled || relative == null || relative.isEmpty() || !Files.exists(root.resolve(relative))) {
            return relative;
        }
        return (name.endsWith("/") ? name : name + "/") + relative;
    }

    /**
     * Paths relative to the root, '/'-separated, sorted, of files ending in {@code suffix}.
     * Rules are read only from inside the folder: a symbolic link to a file outside it, or to
     * any folder (which would load files twice or loop), is refused with its path.
     *
     * @throws RuleBaseException listing every such link, or when the folder cannot be listed
     */
    public List<String> files(String suffix) {
        List<String> out = new ArrayList<>();
        List<Problem> links = new ArrayList<>();
        Path root = root();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (p.equals(root) || p.getFileName() == null || rel.startsWith(".") || rel.contains("/.")) {
                    continue;
                }
                if (Files.isSymbolicLink(p)) {
                    String refusal = linkRefusal(p);
                    if (refusal != null) {
                        links.add(Problem.at(rel, 0, 0, refusal));
                        continue;
                    }
                }
                if (p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)) {
                    out.add(rel);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new RuleBaseException(Problem.at(name, 0, 0, "cannot list: " + e.getMessage()));
        }
        if (!links.isEmpty()) {
            throw new RuleBaseException(links);
        }
        out.sort(null);
        return out;
    }

    /** Why the link {@code p} may not be followed, or null for a link to a file inside the folder. */
    private String linkRefusal(Path p) {
        try {
            Path target = p.toRealPath();
            if (Files.isDirectory(target)) {
                return "is a link to a folder; links to folders are not followed (copy the files in)";
            }
            return target.startsWith(root().toRealPath()) ? null
                    : "is a link to a file outside the rules folder; rules are read only from inside it";
        } catch (IOException e) {
            return "is a link that leads nowhere";
        }
    }

    /** Newest modification time of any rule file: the fingerprint for caches. */
    public long newestModification() {
        long newest = 0;
        for (String f : files("")) {
            try {
                newest = Math.max(newest, Files.getLastModifiedTime(root().resolve(f)).toMillis());
            } catch (IOException ignored) {
                // a file that vanished is caught when read
            }
        }
        return newest;
    }
}
