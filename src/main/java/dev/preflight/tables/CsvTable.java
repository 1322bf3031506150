package dev.preflight.tables;

import dev.preflight.model.Location;
import dev.preflight.snapshot.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table as read and validated against its schema: every row, each cell with its line and column. Lines that are
 * blank or start with {@code #} are comments; a first row equal to the column names is a header. Cells are
 * separated by commas; a cell in double quotes may hold commas ({@code ""} is a quote).
 */
public record CsvTable(Schema schema, String file, boolean bundled, List<Row> rows) {

    /** One row: its line in the file, its cells and the column (1-based) each cell starts at. */
    public record Row(int line, List<String> cells, List<Integer> columns) {
        public String get(int i) {
            return cells.get(i);
        }

        public Location at(String file, int i) {
            return new Location(file, line, columns.get(i));
        }
    }

    public Row row(int i) {
        return rows.get(i);
    }

    public String cell(Row r, String column) {
        return r.get(schema.index(column));
    }

    public Location at(Row r, String column) {
        return r.at(file, schema.index(column));
    }

    /** Reads {@code text} (named {@code file} in problems); every problem of every row is collected. */
    static CsvTable read(Schema schema, String file, boolean bundled, String text, List<Problem> problems) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        boolean first = true;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (n == 0 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isBlank() || line.startsWith("#")) continue;
            int lineNo = n + 1;
            List<String> cells = new ArrayList<>();
            List<Integer> columns = new ArrayList<>();
            String error = split(line, cells, columns);
            if (error != null) {
                problems.add(new Problem(new Location(file, lineNo, columns.isEmpty() ? 1 : columns.get(columns.size() - 1)), error));
                continue;
            }
            if (first) {
                first = false;
                if (isHeader(schema, cells)) continue;
            }
            if (cells.size() != schema.columns().size()) {
                int col = cells.size() > schema.columns().size() ? columns.get(schema.columns().size()) : line.length() + 1;
                problems.add(new Problem(new Location(file, lineNo, col), "row has " + cells.size() + " cells, the table has "
                        + schema.columns().size() + " columns: " + names(schema)));
                continue;
            }
            boolean ok = true;
            for (int i = 0; i < cells.size(); i++) {
                Column c = schema.columns().get(i);
                String why = c.problem(cells.get(i));
                if (why != null) {
                    problems.add(new Problem(new Location(file, lineNo, columns.get(i)), "column '" + c.name() + "': " + why));
                    ok = false;
                }
            }
            if (ok) rows.add(new Row(lineNo, List.copyOf(cells), List.copyOf(columns)));
        }
        return new CsvTable(schema, file, bundled, List.copyOf(rows));
    }

    static String names(Schema schema) {
        return String.join(",", schema.columns().stream().map(Column::name).toList());
    }

    private static boolean isHeader(Schema schema, List<String> cells) {
        if (cells.size() != schema.columns().size()) return false;
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).strip().toLowerCase(Locale.ROOT).equals(schema.columns().get(i).name().toLowerCase(Locale.ROOT))) return false;
        }
        return true;
    }

    /** Splits one line into cells (stripped) and their 1-based start columns; returns an error or null. */
    static String split(String line, List<String> cells, List<Integer> columns) {
        int i = 0;
        int n = line.length();
        while (true) {
            int start = i;
            while (i < n && line.charAt(i) == ' ') i++;
            if (i < n && line.charAt(i) == '"') {
                columns.add(i + 1);
                StringBuilder b = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) return "a quoted cell is not closed (\" missing)";
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            b.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    b.append(c);
                    i++;
                }
                while (i < n && line.charAt(i) == ' ') i++;
                if (i < n && line.charAt(i) != ',') return "text after a quoted cell (a comma is missing)";
                cells.add(b.toString());
            } else {
                columns.add(start + 1);
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                cells.add(line.substring(start, end).strip());
                i = end;
            }
            if (i >= n) return null;
            i++; // the comma
        }
    }
}
