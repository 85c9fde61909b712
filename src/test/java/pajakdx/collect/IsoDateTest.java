package pajakdx.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-read YYYY-MM-DD gives what java.time's ISO parser gives, and fails where it fails. */
class IsoDateTest {

    @Test
    void everyDayOfFourYears_andOddInputs_readAsJavaTimeReadsThem() {
        int compared = 0;
        for (LocalDate d = LocalDate.of(2023, 1, 1); d.isBefore(LocalDate.of(2027, 1, 1)); d = d.plusDays(1)) {
            assertEquals(d, FactCollector.isoDate(d.toString()));
            compared++;
        }
        for (String odd : List.of("2025-02-30", "2025-13-01", "2025-00-10", "2024-02-29", "2025-02-29", "0000-01-01",
                "2025-1-01", "2025/01/01", "20250101", "2025-01-0a", "2025-01-01x", "+2025-01-01", "")) {
            LocalDate expected;
            try {
                expected = LocalDate.parse(odd);
            } catch (DateTimeException e) {
                assertThrows(DateTimeException.class, () -> FactCollector.isoDate(odd), odd);
                continue;
            }
            assertEquals(expected, FactCollector.isoDate(odd), odd);
        }
        assertEquals(1461, compared);
    }

    @Test
    void asOf_withWibSuffixOrTime_stillReads() {
        assertEquals("as-of = 2025-02-03", FactCollector.parseAsOf(" 2025-02-03 ").toString());
        assertEquals("as-of = 2023-05-26T18:00 WIB", FactCollector.parseAsOf("2023-05-26 18:00 WIB").toString());
        assertEquals("as-of = 2023-05-26T18:00 WIB", FactCollector.parseAsOf("2023-05-26T18:00").toString());
    }
}
