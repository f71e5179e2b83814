/**
 * Comparisons of one field of two records, each with an ordered list of outcome levels.
 *
 * <p>The scoring stage ({@code io.github.palimpsest.score}) turns each level into a match weight; this
 * package only says which level a pair of values falls in.
 */
package io.github.palimpsest.compare;
