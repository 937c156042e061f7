package org.lmworkbench.analysis.fit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV parsing of scaling points and the exact wording of every input error. */
class ScalingCsvReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private String error(Path file, String loss, String... inputs) {
        return assertThrows(ScalingDataException.class,
                () -> ScalingCsvReader.read(file, loss, inputs)).getMessage();
    }

    @Test
    void quotedFieldsWithCommasAndDoubledQuotesParse() throws IOException {
        Path f = write("q.csv", "\uFEFFcolor,N,\"note, free\",loss\r\n"
                + "\"#fa,eb\",1e9,\"he said \"\"hi, there\"\"\",3.5\r\n"
                + "\n"
                + "#f47a54, 2.5e10 ,plain,2.25\n");
        ScalingDataset d = ScalingCsvReader.read(f, "loss", "N");
        assertArrayEquals(new double[] {1e9, 2.5e10}, d.input(0));
        assertArrayEquals(new double[] {3.5, 2.25}, d.loss());
    }

    @Test
    void quotedColumnNamesAndValuesWithCommas() throws IOException {
        Path f = write("names.csv", "\"size, params\",\"loss, test\"\n\"1e9\", \"3.5\"\n2e9,\"2.25\"\n");
        ScalingDataset d = ScalingCsvReader.read(f, "loss, test", "size, params");
        assertArrayEquals(new double[] {1e9, 2e9}, d.input(0));
        assertArrayEquals(new double[] {3.5, 2.25}, d.loss());
    }

    @Test
    void quoteInsideAnUnquotedFieldIsNamed() throws IOException {
        Path f = write("q.csv", "x,loss\n\"1\"5,2\n");
        assertEquals(f + " line 2: malformed quoted field (a quote must end its field)", error(f, "loss", "x"));
    }

    @Test
    void emptyFile() throws IOException {
        Path f = write("empty.csv", "\n  \n");
        assertEquals(f + ": file is empty; expected a header row", error(f, "loss", "x"));
    }

    @Test
    void missingColumnListsAvailableOnes() throws IOException {
        Path f = write("m.csv", "x,y,loss\n1,2,3\n");
        assertEquals(f + " line 1: no column 'N'; available columns: x, y, loss",
                error(f, "loss", "N"));
    }

    @Test
    void nonNumericCell() throws IOException {
        Path f = write("nn.csv", "x,loss\n1,2\n3,abc\n");
        assertEquals(f + " line 3, column 'loss': value 'abc' is not a number",
                error(f, "loss", "x"));
        Path g = write("nan.csv", "x,loss\nNaN,2\n");
        assertEquals(g + " line 2, column 'x': value 'NaN' is not a number",
                error(g, "loss", "x"));
        Path h = write("blank.csv", "x,loss\n1,\n");
        assertEquals(h + " line 2, column 'loss': value '' is not a number",
                error(h, "loss", "x"));
    }

    @Test
    void raggedRow() throws IOException {
        Path f = write("r.csv", "x,y,loss\n1,2,3\n4,5\n");
        assertEquals(f + " line 3: row has 2 fields but the header has 3", error(f, "loss", "x"));
    }

    @Test
    void unterminatedQuote() throws IOException {
        Path f = write("u.csv", "x,loss\n\"1,2\n");
        assertEquals(f + " line 2: unterminated quoted field", error(f, "loss", "x"));
    }

    @Test
    void nonPositiveValueForLog() throws IOException {
        StringBuilder sb = new StringBuilder("x,loss\n");
        for (int i = 2; i < 17; i++) {
            sb.append(i).append(",1.5\n");
        }
        sb.append("17,-0.3\n");
        Path f = write("neg.csv", sb.toString());
        assertEquals(f + " line 17, column 'loss': value -0.3 must be > 0 for a log fit",
                error(f, "loss", "x"));
        Path z = write("zero.csv", "x,loss\n0,1\n");
        assertEquals(z + " line 2, column 'x': value 0 must be > 0 for a log fit",
                error(z, "loss", "x"));
    }

    @Test
    void fewerPointsThanParameters() throws IOException {
        Path f = write("few.csv", "N,D,loss\n1e9,1e10,3\n2e9,1e11,2.5\n");
        ScalingDataset d = ScalingCsvReader.read(f, "loss", "N", "D");
        MultiStartFitter fitter = new MultiStartFitter(new ChinchillaLaw(),
                MultiStartFitter.Options.defaults());
        String msg = assertThrows(ScalingDataException.class, () -> fitter.fit(d)).getMessage();
        assertEquals(f + ": 2 data points but form 'chinchilla' has 5 parameters"
                + " (E, A, B, alpha, beta); at least 5 points are needed", msg);
    }

    @Test
    void epochPreparationDropsFiveHighestLosses() throws IOException {
        StringBuilder sb = new StringBuilder("x,y,color,Model Size,Training FLOP,hex_color,loss\n");
        for (int i = 0; i < 12; i++) {
            sb.append("1,2,\"#aa,bb\",").append(1e8 * (i + 1)).append(",6e18,#ffffff,")
                    .append(2 + i * 0.1).append('\n');
        }
        ScalingDataset d = EpochChinchillaData.load(write("svg.csv", sb.toString()));
        assertEquals(7, d.size());
        assertEquals(2.6, d.loss()[6], 1e-15);
        assertEquals(6e18 / (6 * 1e8), d.input(1)[0], 1e-3);
    }
}
