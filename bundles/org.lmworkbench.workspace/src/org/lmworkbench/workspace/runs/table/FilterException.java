package org.lmworkbench.workspace.runs.table;

/**
 * A filter expression that cannot be used, with the position of the problem, so the filter field
 * can say where: {@code unknown name 'widht' (column 1)}.
 */
public final class FilterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int position;
    private final String problem;

    /**
     * @param problem  what is wrong
     * @param position 0-based index into the expression
     */
    public FilterException(String problem, int position) {
        super(problem + " (column " + (position + 1) + ")");
        this.problem = problem;
        this.position = position;
    }

    /** The 0-based index into the expression where the problem is. */
    public int position() {
        return position;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }
}
