package pajakdx.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MaskedLogTest {
    @Test
    void anIdentifierWrittenInTwoParts_isMaskedWhole() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream log = MaskedLog.over(sink);
        log.print("refused 7391846");
        log.flush();
        log.print("25947361 for ");
        log.println("NIK 3174 0512 3456 7890");
        assertEquals("refused ************361 for NIK **** **** **** *890\n", sink.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPartialLine_waitsForItsEnd() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream log = MaskedLog.over(sink);
        log.print("no end yet");
        log.flush();
        assertEquals("", sink.toString(StandardCharsets.UTF_8));
        log.close();
        assertEquals("no end yet", sink.toString(StandardCharsets.UTF_8));
    }
}
