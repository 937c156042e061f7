/**
 * TensorBoard in and out, headless: runs exported as event files that TensorBoard reads, and
 * TensorBoard logs or CSV tables imported as runs of a project.
 * <ul>
 * <li>{@link org.lmworkbench.core.tensorboard.TensorBoardExport}: a run folder to an event file
 * (metrics and probe series as scalars, the spec as a text); several runs to one sub-folder each.</li>
 * <li>{@link org.lmworkbench.core.tensorboard.TensorBoardImport}: a log folder (each folder of event
 * files is a run) to run folders; {@link org.lmworkbench.core.tensorboard.CsvImport}: a CSV of
 * step and metric columns to a run folder. An imported run has {@code metrics.jsonl},
 * {@code status.json} and {@link org.lmworkbench.core.tensorboard.ImportRecord import.json}, and no
 * {@code spec.json}. Tags become metric names with every character but letters, digits and
 * {@code _} turned into {@code _}. Steps are sorted; a value logged again at the same step (a
 * restarted writer) replaces the earlier one. Values that are not scalars are counted, not
 * imported.</li>
 * <li>{@link org.lmworkbench.core.tensorboard.EventFileReader} and
 * {@link org.lmworkbench.core.tensorboard.EventFileWriter}: the file format itself.</li>
 * </ul>
 * An event file is a sequence of TFRecords (length, masked CRC32C of the length, payload, masked
 * CRC32C of the payload), each payload a {@code tensorflow.Event} protobuf. The messages are
 * read and written field by field with protobuf-java's wire-format streams; the field numbers are
 * in {@code Fields}. Written files are byte-identical to those of TensorBoard's
 * {@code EventFileWriter} for the same events. Exported scalars are 32-bit floats
 * ({@code simple_value}), as TensorBoard and PyTorch's {@code add_scalar} store them.
 */
package org.lmworkbench.core.tensorboard;
