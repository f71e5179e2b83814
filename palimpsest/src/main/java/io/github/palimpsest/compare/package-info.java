/**
 * Comparisons of one field of two records, each with an ordered list of outcome levels.
 *
 * <p>The scoring stage ({@code io.github.palimpsest.score}) turns each level into a match weight; this
 * package only says which level a pair of values falls in.
 *
 * <pre>{@code
 * List<Comparison<ComparableRecord>> comparisons = PersonComparisons.standard();
 * for (Comparison<ComparableRecord> c : comparisons) {
 *     ComparisonLevel level = c.levels().get(c.level(a, b));   // a, b: ComparableRecord.of(personRecord)
 *     System.out.println(c.name() + ": " + level.label());
 * }
 * Linker linker = Linker.builder().comparisons(comparisons).build();
 * }</pre>
 */
package io.github.palimpsest.compare;
