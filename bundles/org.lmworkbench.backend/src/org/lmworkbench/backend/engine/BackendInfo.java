package org.lmworkbench.backend.engine;

/** Version of this backend, recorded in every status.json next to the DJL and libtorch versions. */
public final class BackendInfo {

    /** Backend version; follows the bundle version. */
    public static final String VERSION = "0.1.0";

    private BackendInfo() {
    }
}
