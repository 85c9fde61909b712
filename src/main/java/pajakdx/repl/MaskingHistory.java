package pajakdx.repl;

import java.time.Instant;
import org.jline.reader.impl.history.DefaultHistory;

/** JLine history that never stores a typed NPWP, NIK or NITKU whole. */
final class MaskingHistory extends DefaultHistory {
    @Override
    public void add(Instant time, String line) {
        super.add(time, Redact.identifiers(line));
    }
}
