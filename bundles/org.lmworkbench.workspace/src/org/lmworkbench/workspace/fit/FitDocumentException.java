package org.lmworkbench.workspace.fit;

/**
 * A fit document that cannot be read: the message starts with the JSON path of the offending
 * value ({@code $.settings.huber_delta: must be a number > 0, got "x"}), so a user can go
 * straight to it.
 */
public final class FitDocumentException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String path;

    /**
     * @param path JSON path of the bad value, e.g. {@code $.source.x[0]}
     * @param problem what is wrong with it
     */
    public FitDocumentException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    /** @return the JSON path of the bad value. */
    public String path() {
        return path;
    }
}
