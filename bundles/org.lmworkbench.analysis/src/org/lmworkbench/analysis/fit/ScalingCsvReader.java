package org.lmworkbench.analysis.fit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads scaling-law points from a CSV file with a header row, selecting columns by name.
 *
 * <p>Fields follow RFC 4180 within a line: a field may be double-quoted, may then contain commas,
 * and a doubled quote inside stands for one quote (the reference file has fields such as colour
 * codes that other exporters quote). Blank lines are skipped; a UTF-8 byte-order mark is ignored.
 * Only the requested columns are parsed as numbers, so other columns may hold anything.
 *
 * <p>Every failure is a {@link ScalingDataException} naming the file, the 1-based physical line
 * and the column. Numbers must be plain decimal literals ({@code 1.5}, {@code -2e-3}); Java-only
 * spellings such as {@code NaN}, {@code Infinity} or {@code 1.5d} are rejected, because a fit
 * silently fed NaN is worse than an error.
 */
public final class ScalingCsvReader {

    private static final Pattern DECIMAL =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private ScalingCsvReader() {
    }

    /**
     * Reads a dataset for a fit: every selected value must be a positive number.
     *
     * @param file CSV file
     * @param lossColumn name of the loss column
     * @param inputColumns names of the input columns, in the order the form expects
     * @return the dataset, with the file name as source
     * @throws IOException if the file cannot be read
     * @throws ScalingDataException for malformed or unusable content
     */
    public static ScalingDataset read(Path file, String lossColumn, String... inputColumns)
            throws IOException {
        List<String> names = new ArrayList<>(List.of(inputColumns));
        names.add(lossColumn);
        double[][] cols = readPositiveColumns(file, names);
        double[][] inputs = new double[inputColumns.length][];
        System.arraycopy(cols, 0, inputs, 0, inputColumns.length);
        return new ScalingDataset(file.toString(), List.of(inputColumns), lossColumn, inputs,
                cols[inputColumns.length]);
    }

    /**
     * Reads the named columns as positive numbers (every value will be logged by the fit).
     *
     * @param file CSV file
     * @param columns column names to extract
     * @return {@code result[k][row]} for column {@code columns.get(k)}
     * @throws IOException if the file cannot be read
     * @throws ScalingDataException for malformed or unusable content
     */
    public static double[][] readPositiveColumns(Path file, List<String> columns)
            throws IOException {
        String name = file.toString();
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        }
        int headerLine = 0;
        while (headerLine < lines.size() && lines.get(headerLine).isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.size()) {
            throw ScalingDataException.emptyFile(name);
        }
        String headerText = lines.get(headerLine);
        if (headerText.startsWith("\uFEFF")) {
            headerText = headerText.substring(1);
        }
        List<String> header = splitLine(headerText, name, headerLine + 1);
        for (int k = 0; k < header.size(); k++) {
            header.set(k, header.get(k).trim());
        }
        int[] positions = new int[columns.size()];
        for (int k = 0; k < columns.size(); k++) {
            positions[k] = header.indexOf(columns.get(k));
            if (positions[k] < 0) {
                throw ScalingDataException.missingColumn(name, columns.get(k), header);
            }
        }
        List<double[]> rows = new ArrayList<>();
        for (int li = headerLine + 1; li < lines.size(); li++) {
            String text = lines.get(li);
            if (text.isBlank()) {
                continue;
            }
            int lineNo = li + 1;
            List<String> fields = splitLine(text, name, lineNo);
            if (fields.size() != header.size()) {
                throw ScalingDataException.ragged(name, lineNo, fields.size(), header.size());
            }
            double[] row = new double[columns.size()];
            for (int k = 0; k < columns.size(); k++) {
                String cell = fields.get(positions[k]).trim();
                if (!DECIMAL.matcher(cell).matches()) {
                    throw ScalingDataException.notNumeric(name, lineNo, columns.get(k), cell);
                }
                double v = Double.parseDouble(cell);
                if (!(v > 0) || !Double.isFinite(v)) {
                    throw ScalingDataException.notPositive(name, lineNo, columns.get(k), cell);
                }
                row[k] = v;
            }
            rows.add(row);
        }
        double[][] out = new double[columns.size()][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < columns.size(); k++) {
                out[k][i] = rows.get(i)[k];
            }
        }
        return out;
    }

    /** Splits one physical line into fields, honouring double quotes. */
    static List<String> splitLine(String line, String file, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw ScalingDataException.unterminatedQuote(file, lineNo);
        }
        out.add(field.toString());
        return out;
    }
}
