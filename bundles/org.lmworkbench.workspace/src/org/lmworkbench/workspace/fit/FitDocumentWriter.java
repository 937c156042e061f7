package org.lmworkbench.workspace.fit;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Writes a fit document as pretty-printed JSON with a fixed key order (version, source, form,
 * settings, extrapolate, result), so that saved documents diff cleanly.
 */
public final class FitDocumentWriter {

    private FitDocumentWriter() {
    }

    /**
     * @param doc the document
     * @return its JSON text with a trailing newline
     */
    public static String write(FitDocument doc) {
        StringWriter text = new StringWriter();
        try (JsonWriter w = new JsonWriter(text)) {
            w.setIndent("  ");
            w.beginObject();
            w.name("version").value(FitDocument.VERSION);
            FitDocument.Source s = doc.source();
            w.name("source").beginObject();
            w.name(s.kind()).value(s.path());
            w.name("x").beginArray();
            for (String x : s.x()) {
                w.value(x);
            }
            w.endArray();
            w.name("y").value(s.y());
            if (s.dFromFlop()) {
                w.name("d_from_flop").value(true);
            }
            w.endObject();
            w.name("form").value(doc.form());
            FitDocument.Settings t = doc.settings();
            w.name("settings").beginObject();
            // Plain decimal text keeps 1e-3 readable as 0.001 rather than Gson's 0.001 or 1.0E-3.
            w.name("huber_delta").value(new BigDecimal(Double.toString(t.huberDelta()))
                    .stripTrailingZeros());
            if (t.grid().matches("[0-9]+")) {
                w.name("grid").value(Long.parseLong(t.grid()));
            } else {
                w.name("grid").value(t.grid());
            }
            w.name("bootstrap").value(t.bootstrap());
            w.name("seed").value(t.seed());
            w.name("drop_highest").value(t.dropHighest());
            w.endObject();
            w.name("extrapolate").beginArray();
            for (double[] x : doc.extrapolate()) {
                FitResultSection.numbers(w, x);
            }
            w.endArray();
            if (doc.result() != null) {
                w.name("result");
                FitResultSection.write(w, doc.result(), s.fromRuns(), doc.extrapolate());
            }
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text + "\n";
    }
}
