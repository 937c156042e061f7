package org.lmworkbench.core.tensorboard;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.lmworkbench.core.format.CsvTable;
import org.lmworkbench.core.format.FileFormatException;
import org.lmworkbench.core.run.RunFileException;

/**
 * Imports a CSV file of metrics as a run of a project. The first record is the header: a column
 * named {@code step} (any case) holds the whole-number step, an optional {@code wall_time} column
 * ({@code Wall time} in TensorBoard's own CSV download) seconds since the Unix epoch, and every
 * other column one metric, named after its header as {@link MetricNames} says. Fields follow RFC
 * 4180 (quoted fields may hold commas and line breaks); an empty cell is a value not logged at that
 * step; {@code NaN}, {@code inf} and {@code -inf} (any case, also {@code Infinity}) are numbers.
 * Rows may come in any step order. Anything else is an error naming the file and line.
 * The run id is the file name without {@code .csv}. How the run is written: {@link ImportedRunWriter}.
 */
public final class CsvImport {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> WALL_TIME = Set.of("wall_time", "wall time", "walltime");

    private CsvImport() {
    }

    /**
     * Imports {@code csv} into {@code project}.
     *
     * @throws FileFormatException if the file is not a usable table (the message names file and line;
     *                             broken quoting is reported by {@link CsvTable})
     */
    public static ImportedRun file(Path csv, Path project) throws IOException {
        Path file = csv.toAbsolutePath().normalize();
        ScalarTable table = read(file, CsvTable.read(file));
        ImportedRunWriter.Source source = new ImportedRunWriter.Source(ImportRecord.CSV, file, List.of(file), List.of());
        return ImportedRunWriter.write(project, runName(file), table, source);
    }

    private static ScalarTable read(Path file, List<CsvTable.Row> rows) throws IOException {
        if (rows.isEmpty()) {
            throw new RunFileException(file, "the file is empty; a header with a 'step' column is needed", null);
        }
        CsvTable.Row first = rows.get(0);
        List<String> header = first.fields();
        int stepColumn = column(file, first.line(), header);
        int wallColumn = wallColumn(header);
        if (header.size() - (wallColumn < 0 ? 1 : 2) == 0) {
            throw new RunFileException(file, first.line(), "the header names no metric column besides the step", null);
        }
        ScalarTable table = new ScalarTable();
        for (CsvTable.Row row : rows.subList(1, rows.size())) {
            long line = row.line();
            List<String> fields = row.fields();
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue; // a line of spaces
            }
            if (fields.size() != header.size()) {
                throw new RunFileException(file, line, fields.size() + " fields, but the header has " + header.size(), null);
            }
            long step = step(file, line, fields.get(stepColumn));
            double wall = wallColumn < 0 || fields.get(wallColumn).isEmpty() ? Double.NaN
                    : number(file, line, header.get(wallColumn), fields.get(wallColumn));
            for (int i = 0; i < fields.size(); i++) {
                if (i != stepColumn && i != wallColumn && !fields.get(i).isEmpty()) {
                    table.put(header.get(i), step, number(file, line, header.get(i), fields.get(i)), wall);
                }
            }
        }
        if (table.isEmpty()) {
            throw new RunFileException(file, "there is a header but no value below it", null);
        }
        return table;
    }

    private static int column(Path file, long line, List<String> header) throws RunFileException {
        int step = -1;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                throw new RunFileException(file, line, "column " + (i + 1) + " of the header has no name", null);
            }
            if (!seen.add(name)) {
                throw new RunFileException(file, line, "the header names '" + name + "' twice", null);
            }
            if (name.equalsIgnoreCase("step")) {
                step = i;
            }
        }
        if (step < 0) {
            throw new RunFileException(file, line, "the header has no 'step' column (it is " + header + ")", null);
        }
        return step;
    }

    private static int wallColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            if (WALL_TIME.contains(header.get(i).toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    private static long step(Path file, long line, String cell) throws RunFileException {
        try {
            if (DECIMAL.matcher(cell).matches()) {
                return new BigDecimal(cell).longValueExact();
            }
        } catch (ArithmeticException e) {
            // not whole, or too large: reported below
        }
        throw new RunFileException(file, line, "the step '" + cell + "' is not a whole number", null);
    }

    private static double number(Path file, long line, String column, String cell) throws RunFileException {
        if (DECIMAL.matcher(cell).matches()) {
            return Double.parseDouble(cell);
        }
        switch (cell.toLowerCase(Locale.ROOT)) {
            case "nan", "+nan", "-nan":
                return Double.NaN;
            case "inf", "+inf", "infinity", "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                throw new RunFileException(file, line, "column '" + column + "' holds '" + cell + "', which is not a number",
                        null);
        }
    }

    private static String runName(Path file) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    }
}
