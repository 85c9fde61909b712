package pajakdx.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pajakdx.TestRules;

/**
 * Only the documented embedding API is public. The module exports three packages; the public
 * types in them are exactly those docs/EMBEDDING.md lists; none of their public members reveals
 * an internal type; and an embedder compiled against the module cannot name an internal class.
 */
class ApiSurfaceTest {
    private static final Set<String> EXPORTED = Set.of("pajakdx", "pajakdx.base", "pajakdx.facts");
    private static final Path CLASSES = TestRules.projectRoot().resolve("target/classes");

    @Test
    void theModuleExportsTheApiPackagesOnly() throws IOException {
        try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
            ModuleDescriptor d = ModuleDescriptor.read(in);
            assertEquals("pajakdx", d.name());
            assertEquals(EXPORTED, d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
            assertTrue(d.exports().stream().noneMatch(ModuleDescriptor.Exports::isQualified));
        }
    }

    @Test
    void thePublicTypesAreExactlyTheDocumentedOnes() throws IOException {
        Set<String> names = publicTypes().stream().map(n -> n.replace('$', '.')).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(documented(), names, "public types of the exported packages vs the list in docs/EMBEDDING.md");
    }

    @Test
    void noPublicMemberRevealsAnInternalType() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (String name : publicTypes()) {
            Class<?> c = load(name);
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic()) {
                    check(leaks, c, m.getName(), m.getGenericReturnType());
                    for (Type t : m.getGenericParameterTypes()) {
                        check(leaks, c, m.getName(), t);
                    }
                    for (Type t : m.getGenericExceptionTypes()) {
                        check(leaks, c, m.getName(), t);
                    }
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers())) {
                    for (Type t : k.getGenericParameterTypes()) {
                        check(leaks, c, "<init>", t);
                    }
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers())) {
                    check(leaks, c, f.getName(), f.getGenericType());
                }
            }
            if (c.getGenericSuperclass() != null) {
                check(leaks, c, "extends", c.getGenericSuperclass());
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void anEmbedderOnTheModulePath_canUseTheApi_butCannotNameAnInternalClass(@TempDir Path tmp) throws IOException {
        String api = compile(tmp.resolve("ok"), """
                package embedder;
                import pajakdx.Case;
                import pajakdx.Diagnosis;
                import pajakdx.RuleBase;
                import pajakdx.base.CaseException;
                public class Use {
                    public static Diagnosis run(RuleBase rules) throws CaseException {
                        return rules.diagnose(Case.builder("x").problem("impersonate-fails").build());
                    }
                }
                """);
        assertEquals("", api, "the API compiles on the module path");
        String internal = compile(tmp.resolve("internal"), """
                package embedder;
                public class Use {
                    public static Object run() {
                        return pajakdx.internal.RuleBases.class;
                    }
                }
                """);
        assertTrue(internal.contains("package pajakdx.internal is not visible")
                || internal.contains("does not export pajakdx.internal"), internal);
    }

    /** Compiles one class in a module that requires pajakdx; returns javac's errors (empty when it compiles). */
    private static String compile(Path dir, String source) throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("embedder"));
        Files.writeString(src.resolve("module-info.java"), "module embedder { requires pajakdx; }");
        Files.writeString(src.resolve("embedder/Use.java"), source);
        String modulePath = Stream.concat(Stream.of(CLASSES.toString()),
                Stream.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                        .filter(p -> p.endsWith(".jar") && !p.contains("junit") && !p.contains("opentest4j")
                                && !p.contains("apiguardian") && !p.contains("surefire")))
                .collect(Collectors.joining(java.io.File.pathSeparator));
        // javac through java.util.spi.ToolProvider (java.base), as a build tool would run it
        java.util.spi.ToolProvider javac = java.util.spi.ToolProvider.findFirst("javac").orElseThrow();
        StringWriter errors = new StringWriter();
        java.io.PrintWriter w = new java.io.PrintWriter(errors);
        javac.run(w, w, "-d", dir.resolve("out").toString(), "--module-path", modulePath, "-Xlint:-requires-automatic",
                src.resolve("module-info.java").toString(), src.resolve("embedder/Use.java").toString());
        w.flush();
        return errors.toString();
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static void check(List<String> leaks, Class<?> owner, String member, Type t) {
        if (t instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (c.isPrimitive()) {
                return;
            }
            String pkg = c.getPackageName();
            if (!pkg.startsWith("java.") && !EXPORTED.contains(pkg)) {
                leaks.add(owner.getName() + "." + member + " reveals " + c.getName());
            }
        } else if (t instanceof ParameterizedType p) {
            check(leaks, owner, member, p.getRawType());
            for (Type a : p.getActualTypeArguments()) {
                check(leaks, owner, member, a);
            }
        } else if (t instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                check(leaks, owner, member, b);
            }
            for (Type b : w.getLowerBounds()) {
                check(leaks, owner, member, b);
            }
        } else if (t instanceof GenericArrayType g) {
            check(leaks, owner, member, g.getGenericComponentType());
        } else if (t instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                check(leaks, owner, member, b);
            }
        }
    }

    /** Public types (top-level and nested) of the exported packages, by binary name. */
    private static Set<String> publicTypes() throws IOException {
        Set<String> out = new TreeSet<>();
        for (String pkg : EXPORTED) {
            Path dir = CLASSES.resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    String name = pkg + "." + f.getFileName().toString().replace(".class", "");
                    Class<?> c = load(name);
                    if (c.isAnonymousClass() || c.isSynthetic() || !Modifier.isPublic(c.getModifiers())) {
                        continue;
                    }
                    boolean reachable = true;
                    for (Class<?> e = c.getEnclosingClass(); e != null; e = e.getEnclosingClass()) {
                        reachable &= Modifier.isPublic(e.getModifiers());
                    }
                    if (reachable) {
                        out.add(name);
                    }
                }
            }
        }
        return out;
    }

    /** The types docs/EMBEDDING.md lists under "The public API", one `pajakdx.X` per table row. */
    private static Set<String> documented() throws IOException {
        String doc = Files.readString(TestRules.projectRoot().resolve("docs/EMBEDDING.md"));
        int start = doc.indexOf("## The public API");
        assertTrue(start >= 0, "docs/EMBEDDING.md has a section 'The public API'");
        int end = doc.indexOf("\n## ", start + 5);
        Matcher m = Pattern.compile("^\\| `(pajakdx[\\w.]*)` \\|", Pattern.MULTILINE)
                .matcher(doc.substring(start, end < 0 ? doc.length() : end));
        Set<String> out = new TreeSet<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        assertFalse(out.isEmpty());
        return out;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiSurfaceTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
