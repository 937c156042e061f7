package org.lmworkbench.backend.data;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lmworkbench.core.format.CsvTable;
import org.lmworkbench.core.format.FileFormatException;

/**
 * A numeric CSV table, one example per row, read by core's {@link CsvTable} (RFC 4180: quoted
 * fields may contain commas). The first row is a header when none of its fields is a number and
 * data when all are; a first row with both is refused, since either reading could lose a row.
 * The label is the column named {@code data.label_column} (which then requires a header),
 * otherwise the last column; the other columns are the inputs. Errors name the file and line.
 */
public final class CsvReader {

    private CsvReader() {
    }

    static ArrayDataset[] read(Path file, String labelColumn, boolean classify) {
        List<CsvTable.Row> rows;
        try {
            rows = new ArrayList<>(CsvTable.read(file));
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found");
        } catch (FileFormatException e) {
            throw new DataException(e.getMessage(), e);
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new DataException(file + ": the CSV file is empty");
        }
        List<String> header = null;
        long headerLine = rows.get(0).line();
        List<String> first = rows.get(0).fields();
        long numbers = first.stream().filter(CsvReader::isNumber).count();
        if (numbers == 0) {
            header = rows.remove(0).fields();
        } else if (numbers < first.size()) {
            // Neither a header nor a data row: taking it for a header would drop a row of data unseen.
            String word = first.stream().filter(f -> !isNumber(f)).findFirst().orElseThrow();
            throw new DataException(file + ":" + headerLine + ": the first row mixes numbers and words ('" + word
                    + "' is not a number): a header row holds only column names, a data row only numbers");
        }
        int columns = header != null ? header.size() : rows.get(0).size();
        if (columns < 2) {
            throw new DataException(file + ": a CSV data file needs at least two columns (inputs and a label)");
        }
        int label = columns - 1;
        if (labelColumn != null) {
            if (header == null) {
                throw new DataException(file + ": data.label_column '" + labelColumn + "' needs a header row");
            }
            label = header.indexOf(labelColumn.trim());
            if (label < 0) {
                throw new DataException(file + ":" + headerLine + ": no column '" + labelColumn + "' (columns: "
                        + String.join(", ", header) + ")");
            }
        }
        int n = rows.size();
        if (n == 0) {
            throw new DataException(file + ": the CSV file has a header but no rows");
        }
        double[] x = new double[n * (columns - 1)];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            CsvTable.Row row = rows.get(i);
            long line = row.line();
            if (row.size() != columns) {
                throw new DataException(file + ":" + line + ": row has " + row.size() + " fields, expected " + columns);
            }
            int k = 0;
            for (int c = 0; c < columns; c++) {
                double v = parse(row.get(c), file, line, header == null ? "column " + (c + 1) : "column '" + header.get(c) + "'");
                if (c == label) {
                    y[i] = v;
                } else {
                    x[i * (columns - 1) + k++] = v;
                }
            }
        }
        return new ArrayDataset[] {Targets.build(x, new long[] {columns - 1}, y, classify, file.toString()), null};
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double parse(String field, Path file, long line, String column) {
        try {
            double v = Double.parseDouble(field.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new DataException(file + ":" + line + ": " + column + " value '" + field.trim() + "' is not a finite number");
        }
    }
}
