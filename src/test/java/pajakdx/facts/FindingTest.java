package pajakdx.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FindingTest {
    private static long workingDays(String from, String asOf) {
        return Finding.ofDate("d", LocalDate.parse(from)).workingDaysBefore(AsOf.ofDate(LocalDate.parse(asOf)));
    }

    @Test
    void whenSameDay_thenNoWorkingDayHasPassed() {
        assertEquals(0, workingDays("2025-01-22", "2025-01-22"));
    }

    @Test
    void whenFridayToMonday_thenOneWorkingDay() {
        // 24 Jan 2025 is a Friday; the weekend does not count.
        assertEquals(1, workingDays("2025-01-24", "2025-01-27"));
    }

    @Test
    void whenWeekendDaysOnly_thenZero() {
        assertEquals(0, workingDays("2025-01-24", "2025-01-26"));
    }

    @Test
    void whenValidatedOnSaturday_thenMondayIsTheFirstWorkingDay() {
        assertEquals(1, workingDays("2025-01-25", "2025-01-27"));
    }

    @Test
    void whenSeveralWeeks_thenFivePerWeek() {
        assertEquals(10, workingDays("2025-02-03", "2025-02-17"));
        assertEquals(12, workingDays("2025-02-03", "2025-02-19"));
    }

    @Test
    void whenDateAfterAsOf_thenNegative() {
        assertEquals(-1, workingDays("2025-01-27", "2025-01-24"));
    }

    @Test
    void whenNotADateFinding_thenLowestValue() {
        Finding yes = Finding.of("x", FindingType.YES_NO, "yes");
        assertEquals(Long.MIN_VALUE, yes.workingDaysBefore(AsOf.ofDate(LocalDate.parse("2025-01-24"))));
    }
}
