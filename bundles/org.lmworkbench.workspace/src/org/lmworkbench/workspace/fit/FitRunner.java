package org.lmworkbench.workspace.fit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.lmworkbench.analysis.fit.BootstrapResult;
import org.lmworkbench.analysis.fit.FitCommand;
import org.lmworkbench.analysis.fit.FitOptions;
import org.lmworkbench.analysis.fit.MultiStartFitter;
import org.lmworkbench.analysis.fit.MultiStartResult;
import org.lmworkbench.analysis.fit.ScalingCsvReader;
import org.lmworkbench.analysis.fit.ScalingDataException;
import org.lmworkbench.analysis.fit.ScalingDataset;
import org.lmworkbench.analysis.fit.ScalingLawForm;
import org.lmworkbench.analysis.fit.StartGrid;
import org.lmworkbench.analysis.fit.SweepPointsReader;
import org.lmworkbench.core.command.ArgumentException;

/**
 * Fits a {@link FitDocument} in this JVM with the analysis bundle, the way {@code lmw fit}
 * does: the document is turned into {@code lmw fit} options (so the command's validation
 * applies), the points are read and prepared by the same code ({@link ScalingCsvReader},
 * {@link SweepPointsReader}, {@link FitCommand#prepareData}, {@link FitCommand#grid}), and the
 * multistart and bootstrap run through {@link ProgressiveFit}, which gives the command's numbers
 * while reporting progress.
 */
public final class FitRunner {

    /**
     * What a fit produced.
     *
     * @param options the equivalent {@code lmw fit} options
     * @param data the fitted points (after dropping)
     * @param fit the multistart result
     * @param bootstrap the bootstrap summary, or {@code null}
     * @param skipped notes for runs that gave no point
     */
    public record Outcome(FitOptions options, ScalingDataset data, MultiStartResult fit,
            BootstrapResult bootstrap, List<String> skipped) {
    }

    private FitRunner() {
    }

    /**
     * The {@code lmw fit} arguments equivalent to a document (without {@code --out}).
     *
     * @param doc the document
     * @param base folder that relative source paths are resolved against (the project)
     * @return the arguments
     */
    public static List<String> commandArguments(FitDocument doc, Path base) {
        FitDocument.Source s = doc.source();
        FitDocument.Settings t = doc.settings();
        List<String> args = new ArrayList<>(List.of("--form", doc.commandForm()));
        Path path = resolve(s, base);
        args.addAll(List.of(s.fromRuns() ? "--runs" : "--csv", path.toString()));
        if (doc.inputCount() == 2) {
            args.addAll(List.of("--n", s.x().get(0), s.dFromFlop() ? "--flop" : "--d", s.x().get(1)));
        } else {
            args.addAll(List.of("--x", s.x().get(0)));
        }
        args.addAll(List.of("--loss", s.y(), "--delta", Double.toString(t.huberDelta()),
                "--grid", t.grid(), "--bootstrap", Integer.toString(t.bootstrap()),
                "--seed", Long.toString(t.seed()), "--drop-highest",
                Integer.toString(t.dropHighest())));
        return args;
    }

    /** The source path against the project; a spec file is kept: it selects that spec's runs. */
    static Path resolve(FitDocument.Source s, Path base) {
        return base.resolve(s.path()).normalize();
    }

    /**
     * Reads the points and fits.
     *
     * @param doc the document (only read)
     * @param base folder that relative source paths are resolved against
     * @param monitor progress (multistart, then bootstrap) and cancellation
     * @return the outcome
     * @throws ScalingDataException for unusable settings or data (message names file/run/column)
     * @throws IOException if the data cannot be read
     * @throws OperationCanceledException when cancelled
     */
    public static Outcome run(FitDocument doc, Path base, IProgressMonitor monitor)
            throws IOException {
        int boot = doc.settings().bootstrap();
        SubMonitor progress = SubMonitor.convert(monitor, boot > 0 ? 100 : 60);
        List<String> args = new ArrayList<>(commandArguments(doc, base));
        args.addAll(List.of("--out", base.resolve("unused.json").toString()));
        FitOptions o;
        try {
            o = FitOptions.parse(args.toArray(String[]::new));
        } catch (ArgumentException e) {
            throw new ScalingDataException(e.getMessage());
        }
        progress.subTask(o.source().toString());
        List<String> skipped = new ArrayList<>();
        ScalingDataset data = read(o, skipped);
        ScalingLawForm form = o.law();
        if (data.size() < form.parameterCount()) {
            throw new ScalingDataException(data.source() + ": " + data.size() + " data point"
                    + (data.size() == 1 ? "" : "s") + " but form '" + form.name() + "' has "
                    + form.parameterCount() + " parameters (" + String.join(", ",
                    form.parameterNames()) + "); at least " + form.parameterCount()
                    + " points are needed");
        }
        MultiStartFitter fitter = fitter(o);
        StartGrid grid = FitCommand.grid(o.grid(), form, data);
        ProgressiveFit pf = new ProgressiveFit(fitter);
        MultiStartResult fit = pf.fit(data, grid, progress.split(60));
        BootstrapResult b = boot > 0
                ? pf.bootstrap(data, fit, boot, o.seed(), progress.split(40)) : null;
        return new Outcome(o, data, fit, b, skipped);
    }

    /** The fitter {@code lmw fit} builds for these options (parallel: results do not depend on it). */
    static MultiStartFitter fitter(FitOptions o) {
        MultiStartFitter.Options d = MultiStartFitter.Options.defaults();
        return new MultiStartFitter(o.law(), new MultiStartFitter.Options(o.delta(), d.optimizer(),
                d.polish(), d.polishWindow(), d.reachTolerance(), true));
    }

    /** Reads and prepares the points as {@code lmw fit} does; CSV points get their row number. */
    static ScalingDataset read(FitOptions o, List<String> skipped) throws IOException {
        double[][] cols;
        List<String> ids = new ArrayList<>();
        if (o.csv() != null) {
            if (!Files.isRegularFile(o.csv())) {
                throw new ScalingDataException(o.csv() + ": no such file");
            }
            List<String> columns = new ArrayList<>(o.inputColumns());
            columns.add(o.lossColumn());
            cols = ScalingCsvReader.readPositiveColumns(o.csv(), columns);
            for (int i = 0; i < cols[0].length; i++) {
                ids.add(Integer.toString(i + 1));
            }
        } else {
            ScalingDataset raw = SweepPointsReader.read(o.runs(), o.lossColumn(), o.inputColumns(),
                    s -> skipped.add(s.runId() + ": " + (s.state() == null ? "no status.json"
                            : s.state())));
            cols = new double[raw.inputCount() + 1][];
            for (int k = 0; k < raw.inputCount(); k++) {
                cols[k] = raw.input(k);
            }
            cols[raw.inputCount()] = raw.loss();
            ids.addAll(raw.pointIds());
        }
        return FitCommand.prepareData(o, cols, ids);
    }

    /**
     * Converts an outcome to the numbers a document keeps.
     *
     * @param doc the fitted document (for its form word)
     * @param out the outcome
     * @return the result model
     */
    public static FitResultModel toModel(FitDocument doc, Outcome out) {
        ScalingDataset data = out.data();
        double[] logPred = out.fit().best().logPredictions(data);
        double[] loss = data.loss();
        double[][] in = new double[data.inputCount()][];
        for (int k = 0; k < in.length; k++) {
            in[k] = data.input(k);
        }
        List<FitResultModel.Point> points = new ArrayList<>();
        for (int i = 0; i < loss.length; i++) {
            double[] x = new double[in.length];
            for (int k = 0; k < in.length; k++) {
                x[k] = in[k][i];
            }
            String id = data.pointIds().isEmpty() ? "" : data.pointIds().get(i);
            points.add(new FitResultModel.Point(id, x, loss[i], Math.exp(logPred[i]),
                    logPred[i] - Math.log(loss[i])));
        }
        BootstrapResult b = out.bootstrap();
        MultiStartResult f = out.fit();
        return new FitResultModel(doc.form(), f.parameterNames(), f.parameters(),
                b == null ? null : b.standardErrors(), b == null ? null : b.lower95(),
                b == null ? null : b.upper95(), f.objective(), f.starts(), f.startsReachingBest(),
                points, b == null ? new double[0][] : b.estimates(), out.skipped());
    }
}
