/**
 * Experiment specs: the JSON files ({@code *.lmx}, {@code *.experiment.json}) that describe one
 * training run or a sweep of runs, and their typed, validated model.
 *
 * <h2>Reading a spec</h2>
 * {@link org.lmworkbench.core.spec.Specs#load(java.nio.file.Path)} reads, validates and expands a file
 * in one call and never throws for user mistakes: it returns a
 * {@link org.lmworkbench.core.spec.SpecLoadResult} with every
 * {@link org.lmworkbench.core.spec.SpecProblem} (message, JSON path, line, column) and, if there are
 * no errors, the {@link org.lmworkbench.core.spec.ResolvedRun}s. The steps are also available one by
 * one: {@link org.lmworkbench.core.spec.SpecReader} (text to a location-aware
 * {@link org.lmworkbench.core.spec.SpecNode} tree), {@link org.lmworkbench.core.spec.SpecValidator}
 * (all problems), {@link org.lmworkbench.core.spec.SweepExpander} (runs).
 *
 * <h2>Format</h2>
 * A spec is a JSON object. Every key is optional except {@code name} and {@code optimizer.lr};
 * absent keys take the defaults below. Unknown and duplicate keys are errors. Integers must be whole
 * numbers that fit a Java {@code int}; numbers must be finite. The same table, in Markdown, is in
 * {@code SPEC-FORMAT.md} at the root of the bundle; {@link org.lmworkbench.core.spec.SpecSchema} is the
 * machine-readable version that the code uses.
 *
 * <table>
 * <caption>Top level</caption>
 * <tr><th>key</th><th>type</th><th>default</th></tr>
 * <tr><td>name</td><td>string of 1-100 {@code [A-Za-z0-9._-]}, not starting with '.'</td><td>required</td></tr>
 * <tr><td>description</td><td>string</td><td>""</td></tr>
 * <tr><td>seed</td><td>int &ge; 0</td><td>0</td></tr>
 * <tr><td>sweep</td><td>object: dotted key &rarr; non-empty array</td><td>none</td></tr>
 * </table>
 *
 * <table>
 * <caption>model</caption>
 * <tr><th>key</th><th>type</th><th>default</th></tr>
 * <tr><td>family</td><td>mlp | cnn | resnet | transformer</td><td>mlp</td></tr>
 * <tr><td>width</td><td>int in [1, 1000000]</td><td>128</td></tr>
 * <tr><td>depth</td><td>int in [1, 1000], hidden layers</td><td>2</td></tr>
 * <tr><td>activation</td><td>relu | tanh | gelu | linear | sigmoid (linear: deep linear net)</td><td>relu</td></tr>
 * <tr><td>bias</td><td>boolean</td><td>true</td></tr>
 * <tr><td>parameterization</td><td>sp | ntk | mup</td><td>sp</td></tr>
 * <tr><td>base_width</td><td>int &ge; 1 (muP reference)</td><td>64</td></tr>
 * <tr><td>init_scale</td><td>number &gt; 0</td><td>1.0</td></tr>
 * <tr><td>output_multiplier</td><td>number &gt; 0</td><td>1.0</td></tr>
 * <tr><td>channels</td><td>int &ge; 1 (cnn, resnet)</td><td>16</td></tr>
 * <tr><td>blocks</td><td>int &ge; 1 (resnet)</td><td>2</td></tr>
 * <tr><td>heads</td><td>int &ge; 1 (transformer)</td><td>4</td></tr>
 * <tr><td>context</td><td>int &ge; 1 (transformer sequence length)</td><td>16</td></tr>
 * <tr><td>embedding</td><td>int &ge; 1 (transformer; divisible by heads)</td><td>64</td></tr>
 * </table>
 *
 * <table>
 * <caption>data</caption>
 * <tr><th>key</th><th>type</th><th>default</th></tr>
 * <tr><td>source</td><td>teacher_student | powerlaw_gaussian | modular_arithmetic | sparse_parity |
 *     gaussian_mixture | mnist_idx | cifar10_binary | npy | npz | csv</td><td>teacher_student</td></tr>
 * <tr><td>path</td><td>string; required for the five file sources, ignored with a warning otherwise</td><td>none</td></tr>
 * <tr><td>n_train</td><td>int &ge; 1</td><td>1000</td></tr>
 * <tr><td>n_test</td><td>int &ge; 0</td><td>1000</td></tr>
 * <tr><td>input_dim</td><td>int &ge; 1</td><td>32</td></tr>
 * <tr><td>output_dim</td><td>int &ge; 1</td><td>1</td></tr>
 * <tr><td>noise</td><td>number &ge; 0</td><td>0.0</td></tr>
 * <tr><td>spectrum_exponent</td><td>number &gt; 0 (powerlaw_gaussian)</td><td>1.0</td></tr>
 * <tr><td>modulus</td><td>int &ge; 2 (modular_arithmetic)</td><td>97</td></tr>
 * <tr><td>parity_bits</td><td>int &ge; 1 (sparse_parity)</td><td>3</td></tr>
 * <tr><td>classes</td><td>int &ge; 2 (gaussian_mixture)</td><td>4</td></tr>
 * <tr><td>probe_size</td><td>int &ge; 1, the fixed probe subset</td><td>256</td></tr>
 * <tr><td>label_column</td><td>string (csv only)</td><td>none</td></tr>
 * <tr><td>seed</td><td>int &ge; 0</td><td>the top-level seed</td></tr>
 * </table>
 *
 * <table>
 * <caption>optimizer</caption>
 * <tr><th>key</th><th>type</th><th>default</th></tr>
 * <tr><td>name</td><td>gd | sgd | momentum | adam | adamw | zo_gd | zo_sgd | zo_gdm | zo_adam</td><td>gd</td></tr>
 * <tr><td>lr</td><td>number &gt; 0</td><td>required</td></tr>
 * <tr><td>momentum</td><td>number in [0, 1)</td><td>0.9 for momentum and zo_gdm, else 0</td></tr>
 * <tr><td>nesterov</td><td>boolean</td><td>false</td></tr>
 * <tr><td>beta1</td><td>number in [0, 1)</td><td>0.9</td></tr>
 * <tr><td>beta2</td><td>number in [0, 1)</td><td>0.999</td></tr>
 * <tr><td>eps</td><td>number &gt; 0</td><td>1e-8</td></tr>
 * <tr><td>weight_decay</td><td>number &ge; 0</td><td>0</td></tr>
 * <tr><td>zo.directions</td><td>int in [1, 10000]: directions per zeroth-order estimate</td><td>1</td></tr>
 * <tr><td>zo.distribution</td><td>gaussian | sphere (radius sqrt(d))</td><td>gaussian</td></tr>
 * <tr><td>zo.mu</td><td>number &gt; 0: smoothing radius</td><td>1e-3</td></tr>
 * <tr><td>schedule.kind</td><td>constant | warmup | cosine</td><td>constant</td></tr>
 * <tr><td>schedule.warmup_steps</td><td>int &ge; 0</td><td>0</td></tr>
 * <tr><td>schedule.min_lr</td><td>number &ge; 0 (cosine: &le; lr)</td><td>0</td></tr>
 * </table>
 *
 * <table>
 * <caption>training</caption>
 * <tr><th>key</th><th>type</th><th>default</th></tr>
 * <tr><td>steps</td><td>int in [1, 1000000000]</td><td>1000</td></tr>
 * <tr><td>batch_size</td><td>int &ge; 1 or "full" (gd and zo_gd always use the full batch)</td><td>"full"</td></tr>
 * <tr><td>loss</td><td>mse | cross_entropy; MSE is 0.5&middot;||f&minus;y||&sup2; summed over outputs,
 *     averaged over examples (Cohen et al.)</td><td>mse</td></tr>
 * <tr><td>dtype</td><td>float32 | float64</td><td>float32</td></tr>
 * <tr><td>divergence_threshold</td><td>number &gt; 0; a loss above it, NaN or infinite means diverged</td><td>1e6</td></tr>
 * </table>
 *
 * <table>
 * <caption>probes (an interval of 0 turns a probe off)</caption>
 * <tr><th>key</th><th>type</th><th>default</th></tr>
 * <tr><td>metrics_every</td><td>int &ge; 1</td><td>10</td></tr>
 * <tr><td>sharpness.every</td><td>int &ge; 0</td><td>0</td></tr>
 * <tr><td>sharpness.top_k</td><td>int in [1, 100]</td><td>1</td></tr>
 * <tr><td>sharpness.examples</td><td>int &ge; 1</td><td>1000</td></tr>
 * <tr><td>sharpness.max_iterations</td><td>int &ge; 1</td><td>100</td></tr>
 * <tr><td>sharpness.tolerance</td><td>number &gt; 0</td><td>1e-4</td></tr>
 * <tr><td>trace.every</td><td>int &ge; 0</td><td>0</td></tr>
 * <tr><td>trace.samples</td><td>int &ge; 1</td><td>20</td></tr>
 * <tr><td>activations.every</td><td>int &ge; 0</td><td>0</td></tr>
 * <tr><td>activations.layers</td><td>array of strings; empty = every hidden layer</td><td>[]</td></tr>
 * <tr><td>sharpness_dimension.every</td><td>int &ge; 0</td><td>0</td></tr>
 * <tr><td>sharpness_dimension.eta</td><td>number &gt; 0</td><td>the run's learning rate</td></tr>
 * <tr><td>sharpness_dimension.method</td><td>auto | exact | slq</td><td>auto</td></tr>
 * <tr><td>sharpness_dimension.minibatches</td><td>int in [2, 1000]</td><td>4</td></tr>
 * <tr><td>sharpness_dimension.lanczos_steps</td><td>int in [2, 1000]</td><td>40</td></tr>
 * <tr><td>sharpness_dimension.batch_size</td><td>int &ge; 1</td><td>128</td></tr>
 * <tr><td>checkpoint_every</td><td>int &ge; 0; the final step always checkpoints</td><td>0</td></tr>
 * <tr><td>features.every</td><td>int &ge; 0</td><td>0</td></tr>
 * <tr><td>features.examples</td><td>int &ge; 2</td><td>512</td></tr>
 * <tr><td>modes.every</td><td>int &ge; 0</td><td>0</td></tr>
 * <tr><td>modes.count</td><td>int in [1, 100]</td><td>3</td></tr>
 * <tr><td>noise.every</td><td>int &ge; 0</td><td>0</td></tr>
 * <tr><td>noise.examples</td><td>int &ge; 2</td><td>64</td></tr>
 * </table>
 *
 * <table>
 * <caption>execution</caption>
 * <tr><th>key</th><th>type</th><th>default</th></tr>
 * <tr><td>device</td><td>auto | cpu | gpu</td><td>auto</td></tr>
 * <tr><td>threads</td><td>int in [1, 256]</td><td>1</td></tr>
 * <tr><td>parallel</td><td>int &ge; 1, concurrent runs of a sweep</td><td>1</td></tr>
 * <tr><td>jvm_memory</td><td>string such as "4g" or "512m": a unit k, m, g or t is required; at least
 * 64m and at most the machine's memory</td><td>"2g"</td></tr>
 * <tr><td>target</td><td>local | slurm</td><td>local</td></tr>
 * <tr><td>slurm.partition, slurm.account, slurm.qos</td><td>Slurm names</td><td>none</td></tr>
 * <tr><td>slurm.time</td><td>Slurm duration such as "30", "2:00:00", "1-00:00:00"</td><td>"1:00:00"</td></tr>
 * <tr><td>slurm.cpus</td><td>int in [1, 4096]</td><td>execution.threads</td></tr>
 * <tr><td>slurm.memory</td><td>string such as "8G" (bare: megabytes)</td><td>none</td></tr>
 * <tr><td>slurm.gpus</td><td>int in [0, 64]</td><td>0</td></tr>
 * <tr><td>slurm.extra_args</td><td>array of sbatch options</td><td>[]</td></tr>
 * <tr><td>slurm.signal_lead</td><td>int in [0, 65535], seconds</td><td>60</td></tr>
 * </table>
 * The Slurm keys are checked with {@link org.lmworkbench.core.slurm.SlurmSettings}'s own rules and
 * against the run (GPUs for a GPU run, memory above the JVM's heap); neither they nor
 * {@code target} can be swept, since one job array asks for its resources once.
 *
 * <h2>Sweeps</h2>
 * {@code "sweep": {"model.width": [64, 128, 256], "seed": [0, 1]}} maps dotted keys of fields (not
 * objects, not {@code name}) to non-empty arrays of values; each value is validated like the field
 * and problems name it ({@code $.sweep['model.width'][1]}). The runs are the Cartesian product in
 * nested-loop order, the last key varying fastest, at most {@link org.lmworkbench.core.spec.SpecValidator#MAX_RUNS}.
 * Values are substituted before defaults are filled, so a swept {@code seed} also moves
 * {@code data.seed} unless that is written explicitly. Run ids are {@code <name>} for a single run and
 * {@code <name>-<index>} (0-based, at least three digits, e.g. {@code eos-003}) in a sweep.
 */
package org.lmworkbench.core.spec;
