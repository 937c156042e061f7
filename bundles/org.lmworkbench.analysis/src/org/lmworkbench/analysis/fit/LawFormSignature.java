package org.lmworkbench.analysis.fit;

import java.util.List;

/**
 * The part of a {@link ScalingLawForm} that only names things: its identifier, the names of its
 * natural and internal parameters and how many inputs it takes. Forms extend it so that each of
 * them states these once, in its constructor, and keeps only its mathematics.
 */
public abstract class LawFormSignature implements ScalingLawForm {

    private final String name;
    private final List<String> parameterNames;
    private final List<String> internalParameterNames;
    private final int inputCount;

    /**
     * @param name short identifier used in messages and result files
     * @param parameterNames natural parameter names, in vector order
     * @param internalParameterNames names of the optimised coordinates, same order
     * @param inputCount number of independent variables
     */
    protected LawFormSignature(String name, List<String> parameterNames, List<String> internalParameterNames,
            int inputCount) {
        if (parameterNames.size() != internalParameterNames.size()) {
            throw new IllegalArgumentException(name + ": natural and internal parameters must pair up");
        }
        this.name = name;
        this.parameterNames = List.copyOf(parameterNames);
        this.internalParameterNames = List.copyOf(internalParameterNames);
        this.inputCount = inputCount;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final List<String> parameterNames() {
        return parameterNames;
    }

    @Override
    public final List<String> internalParameterNames() {
        return internalParameterNames;
    }

    @Override
    public final int inputCount() {
        return inputCount;
    }
}
