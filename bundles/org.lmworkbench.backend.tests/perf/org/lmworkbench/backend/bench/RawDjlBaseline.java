package org.lmworkbench.backend.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * The same 784-512-512-10 MLP step written directly against DJL, without the backend's model,
 * optimizer and loss abstractions: a baseline measured in the same process and under the same load,
 * so that the overhead of the abstractions can be told apart from the speed of the machine.
 */
final class RawDjlBaseline {

    private RawDjlBaseline() {
    }

    static void run(Engine engine, DataType type, int steps) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        try (NDManager root = NDManager.newBaseManager()) {
            NDArray w1 = root.randomNormal(0, (float) Math.sqrt(1.0 / 784), new Shape(784, 512), type);
            NDArray b1 = root.zeros(new Shape(512), type);
            NDArray w2 = root.randomNormal(0, (float) Math.sqrt(1.0 / 512), new Shape(512, 512), type);
            NDArray b2 = root.zeros(new Shape(512), type);
            NDArray w3 = root.randomNormal(0, (float) Math.sqrt(1.0 / 512), new Shape(512, 10), type);
            NDArray b3 = root.zeros(new Shape(10), type);
            NDList params = new NDList(w1, b1, w2, b2, w3, b3);
            params.forEach(p -> p.setRequiresGradient(true));
            NDArray x = root.randomUniform(0, 1, new Shape(128, 784), type);
            NDArray y = root.zeros(new Shape(128, 10), type);
            y.set(new ai.djl.ndarray.index.NDIndex(":, 0"), 1);
            NDList persistent = new NDList(params);
            persistent.add(x);
            persistent.add(y);
            long start = 0;
            long cpuStart = 0;
            int warmup = 200;
            for (int t = 0; t < warmup + steps; t++) {
                if (t == warmup) {
                    start = System.nanoTime();
                    cpuStart = cpu.getCurrentThreadCpuTime();
                }
                try (NDManager step = root.newSubManager()) {
                    step.tempAttachAll(persistent);
                    try (GradientCollector c = engine.newGradientCollector()) {
                        NDArray h = ai.djl.nn.Activation.relu(x.matMul(w1).add(b1));
                        h = ai.djl.nn.Activation.relu(h.matMul(w2).add(b2));
                        NDArray out = h.matMul(w3).add(b3);
                        NDArray loss = out.logSoftmax(1).mul(y).sum().mul(-1.0 / 128);
                        c.backward(loss);
                        loss.toType(DataType.FLOAT64, false).getDouble();
                    }
                    for (NDArray p : params) {
                        NDArray g = p.getGradient();
                        p.subi(g.mul(0.01));
                        g.subi(g);
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            System.out.printf("raw DJL baseline, same MLP %s: %.1f steps/s wall (%.1f per thread-CPU s)%n", type,
                    steps / seconds, steps / cpuSeconds);
        }
    }
}
