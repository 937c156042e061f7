/**
 * The command-line API every backend command implements, in core so that commands of any bundle
 * (the backend's, and {@code lmw fit} of the analysis bundle) join one table:
 * {@link org.lmworkbench.core.command.BackendCommand}, the shared behaviour of
 * {@link org.lmworkbench.core.command.OptionsCommand}, the one option parser
 * {@link org.lmworkbench.core.command.CommandArguments} (picocli), the
 * {@link org.lmworkbench.core.command.ExitCodes} and
 * {@link org.lmworkbench.core.command.UsageException} for invalid input.
 */
package org.lmworkbench.core.command;
