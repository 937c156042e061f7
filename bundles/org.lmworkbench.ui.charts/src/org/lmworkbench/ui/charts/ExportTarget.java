package org.lmworkbench.ui.charts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where an export's save dialog starts: the folder the user last exported to from this chart, else
 * the folder of what the chart shows (the document's or the run's folder), else the user's home
 * folder; never the folder the workbench process happened to start in. The suggested file name is
 * the chart's own ({@code sharpness-run-001.png}).
 */
public final class ExportTarget {

    private final Supplier<Path> folder;
    private final String baseName;
    private Path lastUsed;

    /**
     * @param folder   the folder of what the chart shows, asked each time (it may move); may give
     *                 null
     * @param baseName the file name without extension
     */
    public ExportTarget(Supplier<Path> folder, String baseName) {
        this.folder = folder == null ? () -> null : folder;
        this.baseName = baseName == null || baseName.isBlank() ? "chart" : safe(baseName);
    }

    /** A target without a folder of its own: exports start in the home folder. */
    public static ExportTarget home(String baseName) {
        return new ExportTarget(null, baseName);
    }

    /** The folder the save dialog opens in. */
    public Path folder() {
        if (lastUsed != null && Files.isDirectory(lastUsed)) {
            return lastUsed;
        }
        Path own = folder.get();
        if (own != null && Files.isDirectory(own)) {
            return own;
        }
        return Path.of(System.getProperty("user.home"));
    }

    /** The file name the dialog suggests for a format's extension ({@code .png}). */
    public String fileName(String extension) {
        return baseName + extension;
    }

    /** Remembers the folder of a file the user exported to. */
    public void exported(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            lastUsed = parent;
        }
    }

    /** A name without characters file systems reject. */
    private static String safe(String name) {
        return name.replaceAll("[\\\\/:*?\"<>|\\s]+", "-");
    }
}
