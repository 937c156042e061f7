package org.lmworkbench.ui.charts;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A chart that can be written to files: a PNG of what is on screen, an SVG drawn from the chart's
 * data (so it stays sharp in papers), and the underlying numbers as CSV. {@link ExportMenu} offers
 * these to the user.
 */
public interface ExportableChart {

    /** Writes what the control currently shows as a PNG image of the control's size. */
    void writePng(Path file) throws IOException;

    /** Writes the chart as a standalone SVG document drawn from the chart's data. */
    void writeSvg(Path file) throws IOException;

    /** Writes the chart's data (all of it, not the decimated view) as CSV. */
    void writeCsv(Path file) throws IOException;
}
