package pajakdx.golden;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The golden case files of facts/, for tests of other packages. */
public final class GoldenCases {
    private GoldenCases() {
    }

    /** Every case file of facts/, sorted. */
    public static List<Path> files() throws IOException {
        return GoldenCasesTest.caseFiles();
    }
}
