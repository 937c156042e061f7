package org.lmworkbench.backend.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.lmworkbench.core.spec.ExecutionSpec;

/**
 * Turns the requested device of a spec ({@code auto|cpu|gpu}) into a DJL device. {@code auto} uses
 * the first GPU when DJL sees one; {@code gpu} without a usable GPU is the user's mistake and is
 * reported as such ({@link DeviceUnavailableException}), not as an internal error.
 */
public final class DeviceChoice {

    private DeviceChoice() {
    }

    /**
     * The device to train on.
     *
     * @throws DeviceUnavailableException if a GPU is required and none is usable
     */
    public static Device choose(ExecutionSpec.Device requested, Engine engine) {
        int gpus = engine.getGpuCount();
        return switch (requested) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu(0) : Device.cpu();
            case GPU -> {
                if (gpus <= 0) {
                    throw new DeviceUnavailableException("device gpu was requested but no usable GPU was found "
                            + "(DJL sees 0 CUDA devices; libtorch " + Engines.libtorchVersion(engine)
                            + "). Use --device cpu or auto, or install libtorch 2.7.1 cu128 (see CLI.md)");
                }
                yield Device.gpu(0);
            }
        };
    }

    /** The spelling recorded in status.json: {@code cpu} or {@code gpu(0)}. */
    public static String describe(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }

    /** A device that was asked for but is not there. */
    public static final class DeviceUnavailableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Creates the exception with a message for the user. */
        public DeviceUnavailableException(String message) {
            super(message);
        }
    }
}
