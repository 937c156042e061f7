/**
 * The encodings of the files the product reads and writes, each implemented once and used by every
 * bundle: numpy's {@code .npy} ({@link org.lmworkbench.core.format.Npy}, arrays as
 * {@link org.lmworkbench.core.format.NpyArray}) and {@code .npz}
 * ({@link org.lmworkbench.core.format.Npz}) for activations, checkpoints and data, and CSV
 * ({@link org.lmworkbench.core.format.CsvTable}, RFC 4180 through Apache Commons CSV) for data and
 * scaling points. A file whose content cannot be used is a
 * {@link org.lmworkbench.core.format.FileFormatException} naming the file (and line); a JSON syntax
 * error is put in the words of the person editing the file by
 * {@link org.lmworkbench.core.format.JsonSyntax}.
 * <p>
 * Numbers written by these classes read back bit for bit with numpy, and numpy's own files are the
 * test truth for reading them.
 */
package org.lmworkbench.core.format;
