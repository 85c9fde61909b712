package pajakdx.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates as agents type them, read against a fixed day. */
class DateWordsTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    @Test
    void monthNamesAndDayFirst_inBothLanguages() {
        assertEquals("2025-02", DateWords.absolute("Februari 2025"));
        assertEquals("2025-02", DateWords.absolute("feb 2025"));
        assertEquals("2024-08", DateWords.absolute("sejak Agustus 2024"));
        assertEquals("2025-02-03", DateWords.absolute("3 February 2025"));
        assertEquals("2025-02-03", DateWords.absolute("03/02/2025"));
        assertEquals("2025-02", DateWords.absolute("since 2025-02"));
        assertNull(DateWords.absolute("31/02/2025"), "no such day: left to the caller, which says so");
        assertNull(DateWords.absolute("2025-02"), "an ISO date is the caller's to read");
        assertNull(DateWords.absolute("ya"));
    }

    @Test
    void wordsRelativeToToday() {
        assertEquals("2025-03-10", DateWords.relative("hari ini", TODAY));
        assertEquals("2025-03-09", DateWords.relative("kemarin", TODAY));
        assertEquals("2025-03-09", DateWords.relative("yesterday", TODAY));
        assertEquals("2025-03-07", DateWords.relative("3 hari lalu", TODAY));
        assertEquals("2025-02", DateWords.relative("bulan lalu", TODAY));
        assertEquals("2025-02", DateWords.relative("sejak bulan lalu", TODAY));
        assertEquals("2024", DateWords.relative("last year", TODAY));
        assertEquals("2025-03", DateWords.relative("this month", TODAY));
        assertNull(DateWords.relative("lusa depan", TODAY));
    }

    @Test
    void theDateAComplaintGives() {
        assertEquals("2025-03-09", DateWords.findIn("gagal impersonate akun PT sejak kemarin, tolong dibantu", TODAY));
        assertEquals("2025-02", DateWords.findIn("can't log in since last month and the reset e-mail never comes", TODAY));
        assertEquals("2025-01", DateWords.findIn("Tidak bisa login mulai Januari 2025.", TODAY));
        assertNull(DateWords.findIn("gagal login di coretax", TODAY));
    }
}
