package org.lmworkbench.backend.similarity;

/**
 * Input that a similarity or diagnostics computation cannot use, for a reason the user can fix
 * (mismatched example counts, too few examples, non-finite values, an unknown metric name). The
 * message names the input (file path or label) and what is wrong; commands report it with exit
 * code 2.
 */
public class SimilarityException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a complete message for the user. */
    public SimilarityException(String message) {
        super(message);
    }

    /** Creates the exception with a complete message and the problem it rewords. */
    public SimilarityException(String message, Throwable cause) {
        super(message, cause);
    }
}
