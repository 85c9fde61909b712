package pajakdx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Expands the CASE arguments: files as given, folders walked for .yaml/.yml/.json files. */
final class CaseFiles {
    private CaseFiles() {
    }

    static List<Path> expand(List<Path> args) {
        List<Path> out = new ArrayList<>();
        for (Path p : args) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(CaseFiles::isCaseFile).sorted().forEach(out::add);
                } catch (IOException e) {
                    out.add(p); // reading it will report the problem
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    static boolean isCaseFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
    }
}
