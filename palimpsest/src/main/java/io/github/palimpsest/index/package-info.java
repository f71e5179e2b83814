/**
 * The incremental index: {@link io.github.palimpsest.index.LinkIndex} keeps people current as records are
 * added, updated and removed, and matches a new record against them in about a millisecond, with the same
 * people as a batch run. See {@code docs/index.md}.
 */
package io.github.palimpsest.index;
