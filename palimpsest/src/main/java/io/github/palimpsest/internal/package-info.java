/**
 * Helpers the library shares with its own command-line tool, not part of the API: the package is exported
 * only to the module {@code io.github.palimpsest.cli} and may change in any release.
 *
 * <p>{@link io.github.palimpsest.internal.Decimals} writes numbers as {@code String.format(Locale.ROOT, "%.Nf")}
 * does, at a fraction of its cost, for the link and review CSV files of the library and the tool.
 */
package io.github.palimpsest.internal;
