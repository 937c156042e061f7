package org.lmworkbench.backend.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A numeric CSV table, one example per row. The first row is a header when any of its fields is not
 * a number. The label is the column named {@code data.label_column} (which then requires a header),
 * otherwise the last column; the other columns are the inputs. Errors name the file and line.
 */
public final class CsvReader {

    private CsvReader() {
    }

    static ArrayDataset[] read(Path file, String labelColumn, boolean classify) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                rows.add(line.split(",", -1));
                lineNumbers.add(number);
            }
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found");
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new DataException(file + ": the CSV file is empty");
        }
        String[] header = null;
        if (!Arrays.stream(rows.get(0)).allMatch(CsvReader::isNumber)) {
            header = rows.remove(0);
            lineNumbers.remove(0);
        }
        int columns = header != null ? header.length : rows.isEmpty() ? 0 : rows.get(0).length;
        if (columns < 2) {
            throw new DataException(file + ": a CSV data file needs at least two columns (inputs and a label)");
        }
        int label = columns - 1;
        if (labelColumn != null) {
            if (header == null) {
                throw new DataException(file + ": data.label_column '" + labelColumn + "' needs a header row");
            }
            label = Arrays.asList(trim(header)).indexOf(labelColumn.trim());
            if (label < 0) {
                throw new DataException(file + ":1: no column '" + labelColumn + "' (columns: "
                        + String.join(", ", trim(header)) + ")");
            }
        }
        int n = rows.size();
        if (n == 0) {
            throw new DataException(file + ": the CSV file has a header but no rows");
        }
        double[] x = new double[n * (columns - 1)];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            String[] row = rows.get(i);
            int line = lineNumbers.get(i);
            if (row.length != columns) {
                throw new DataException(file + ":" + line + ": row has " + row.length + " fields, expected " + columns);
            }
            int k = 0;
            for (int c = 0; c < columns; c++) {
                double v = parse(row[c], file, line, header == null ? "column " + (c + 1) : "column '" + header[c].trim() + "'");
                if (c == label) {
                    y[i] = v;
                } else {
                    x[i * (columns - 1) + k++] = v;
                }
            }
        }
        return new ArrayDataset[] {Targets.build(x, new long[] {columns - 1}, y, classify, file.toString()), null};
    }

    private static String[] trim(String[] fields) {
        return Arrays.stream(fields).map(String::trim).toArray(String[]::new);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double parse(String field, Path file, int line, String column) {
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
