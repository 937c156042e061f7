package org.lmworkbench.analysis.fit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.lmworkbench.core.format.CsvTable;
import org.lmworkbench.core.format.FileFormatException;

/**
 * Reads scaling-law points from a CSV file with a header row, selecting columns by name.
 *
 * <p>The file is read by core's {@link CsvTable}: fields follow RFC 4180, so a field may be
 * double-quoted, may then contain commas, and a doubled quote inside stands for one quote (the
 * reference file has fields such as colour codes that other exporters quote). Blank lines are
 * skipped; a UTF-8 byte-order mark is ignored. Only the requested columns are parsed as numbers,
 * so other columns may hold anything.
 *
 * <p>Every failure is a {@link ScalingDataException} naming the file, the 1-based line a row
 * starts on and the column. Numbers must be plain decimal literals ({@code 1.5}, {@code -2e-3}); Java-only
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
        List<CsvTable.Row> rows;
        try {
            rows = CsvTable.read(file);
        } catch (FileFormatException e) {
            throw ScalingDataException.malformed(name, e.line(), e.problem());
        }
        if (rows.isEmpty()) {
            throw ScalingDataException.emptyFile(name);
        }
        List<String> header = rows.get(0).fields();
        int[] positions = new int[columns.size()];
        for (int k = 0; k < columns.size(); k++) {
            positions[k] = header.indexOf(columns.get(k));
            if (positions[k] < 0) {
                throw ScalingDataException.missingColumn(name, columns.get(k), header);
            }
        }
        double[][] out = new double[columns.size()][rows.size() - 1];
        for (int i = 1; i < rows.size(); i++) {
            CsvTable.Row row = rows.get(i);
            int lineNo = (int) row.line();
            if (row.size() != header.size()) {
                throw ScalingDataException.ragged(name, lineNo, row.size(), header.size());
            }
            for (int k = 0; k < columns.size(); k++) {
                String cell = row.get(positions[k]);
                if (!DECIMAL.matcher(cell).matches()) {
                    throw ScalingDataException.notNumeric(name, lineNo, columns.get(k), cell);
                }
                double v = Double.parseDouble(cell);
                if (!(v > 0) || !Double.isFinite(v)) {
                    throw ScalingDataException.notPositive(name, lineNo, columns.get(k), cell);
                }
                out[k][i - 1] = v;
            }
        }
        return out;
    }
}
