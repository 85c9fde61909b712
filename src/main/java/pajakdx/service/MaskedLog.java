package pajakdx.service;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A log stream that masks NPWP, NIK and NITKU in every line before it reaches the real stream:
 * whatever logs (the access log, Jetty, Javalin, Drools, a stack trace), identifier-like numbers
 * keep only their last three digits. Lines are masked whole, so a number is never split between
 * two writes.
 */
public final class MaskedLog extends OutputStream {
    /** A line longer than this is masked and written in parts (a number at a cut may be missed). */
    private static final int MAX_LINE = 1 << 16;

    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    private MaskedLog(OutputStream target) {
        this.target = target;
    }

    /** A print stream over {@code target} that masks each line. */
    public static PrintStream over(OutputStream target) {
        return new PrintStream(new MaskedLog(target), true, StandardCharsets.UTF_8);
    }

    /** Replaces {@link System#err} (where slf4j-simple logs) with a masking stream over it. */
    public static PrintStream installOnStandardError() {
        PrintStream masked = over(new java.io.FileOutputStream(java.io.FileDescriptor.err));
        System.setErr(masked);
        return masked;
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n' || line.size() >= MAX_LINE) {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        try {
            target.write(Internals.mask(text).getBytes(StandardCharsets.UTF_8));
            target.flush();
        } catch (java.io.IOException e) {
            // a log that cannot be written must not stop the service
        }
    }

    /** Keeps a partial line until its end: flushing it now could cut a number in two. */
    @Override
    public void flush() {
        // lines are written whole as they end
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
    }
}
