package org.lmworkbench.analysis.transfer;

/**
 * The runs cannot be analysed as asked (a key that is not a spec field, a width that is not a
 * number, a spec file with errors). The message names the file or run folder and the key.
 */
public class TransferDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}. */
    public TransferDataException(String message) {
        super(message);
    }
}
