package org.lmworkbench.analysis.fit;

import java.util.List;

/**
 * Invalid or unusable scaling-law input data. Messages always name the source file and, where
 * one exists, the 1-based line and the column, so a user can go straight to the bad cell.
 *
 * <p>The static factories are the single place where message wording lives; tests assert the
 * exact text.
 */
public final class ScalingDataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message the complete message */
    public ScalingDataException(String message) {
        super(message);
    }

    static ScalingDataException emptyFile(String file) {
        return new ScalingDataException(file + ": file is empty; expected a header row");
    }

    static ScalingDataException missingColumn(String file, String column, List<String> available) {
        return new ScalingDataException(file + " line 1: no column '" + column
                + "'; available columns: " + String.join(", ", available));
    }

    static ScalingDataException ragged(String file, int line, int fields, int headerFields) {
        return new ScalingDataException(file + " line " + line + ": row has " + fields
                + " fields but the header has " + headerFields);
    }

    static ScalingDataException malformed(String file, long line, String problem) {
        return new ScalingDataException(file + " line " + line + ": " + problem);
    }

    static ScalingDataException notNumeric(String file, int line, String column, String cell) {
        return new ScalingDataException(file + " line " + line + ", column '" + column
                + "': value '" + cell + "' is not a number");
    }

    static ScalingDataException notPositive(String file, int line, String column, String cell) {
        return new ScalingDataException(file + " line " + line + ", column '" + column
                + "': value " + cell + " must be > 0 for a log fit");
    }

    static ScalingDataException tooFewPoints(String file, int points, String form,
            List<String> parameters) {
        return new ScalingDataException(file + ": " + points + " data point"
                + (points == 1 ? "" : "s") + " but form '" + form + "' has " + parameters.size()
                + " parameters (" + String.join(", ", parameters) + "); at least "
                + parameters.size() + " points are needed");
    }
}
