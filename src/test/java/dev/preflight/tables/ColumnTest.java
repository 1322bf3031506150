package dev.preflight.tables;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ColumnTest {

    private static boolean parses(String s) {
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The date check takes exactly what LocalDate.parse takes: every day of six years (three leap), and near misses. */
    @Test
    void aDateIsWhatTheIsoParserTakes() {
        List<String> values = new ArrayList<>();
        for (int y : new int[]{0, 1900, 2000, 2024, 2026, 9999}) {
            for (int m = 0; m <= 13; m++) {
                for (int d = 0; d <= 32; d++) values.add(String.format("%04d-%02d-%02d", y, m, d));
            }
        }
        values.addAll(List.of("2026-1-01", "2026-01-1", "2026/01/01", "20260101", "+2026-01-01", "-2026-01-01",
                "+12026-01-01", "12026-01-01", "2026-01-01 ", " 2026-01-01", "2026-01-01T00:00", "2O26-01-01",
                "2026-0a-01", "2026-01-0\u0661", "\u0662\u0660\u0662\u0666-01-01", "2026--1-01", "2026-+1-01", "", "x"));
        int valid = 0;
        for (String v : values) {
            assertEquals(parses(v), Column.isDate(v), v);
            if (parses(v)) valid++;
        }
        // 0, 2000 and 2024 are leap years; of the other forms the parser takes "-2026-01-01" and "+12026-01-01"
        assertEquals(3 * 366 + 3 * 365 + 2, valid);
    }

    @Test
    void aDateColumnWordsWhatIsWrong() {
        Column c = Column.date("releaseDate", "the release date");
        assertNull(c.problem("2024-02-29"));
        assertEquals("'2023-02-29' is not a date (YYYY-MM-DD)", c.problem("2023-02-29"));
        assertEquals("'2023-2-28' is not a date (YYYY-MM-DD)", c.problem("2023-2-28"));
        assertEquals("is empty; it must be a date (YYYY-MM-DD)", c.problem(" "));
    }
}
