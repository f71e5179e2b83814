/**
 * The entry point of the library: {@link io.github.palimpsest.Linker} links a pool of records from any number
 * of forces into people ({@link io.github.palimpsest.Entity}), with the scored {@link io.github.palimpsest.Link}s
 * that joined them, each with its explanation. A linker is configured once by its builder, then immutable and
 * thread-safe; unless a model is supplied it trains one on the records it links. See {@code docs/pipeline.md}.
 *
 * <pre>{@code
 * List<PersonRecord> records = RecordCsvReader.create().readRecords(List.of(met, herts));
 * Linker linker = Linker.builder().thresholdProbability(0.95).seed(42).build();   // immutable, thread-safe
 * LinkResult result = linker.link(records);
 * for (Entity person : result.entities()) {
 *     if (person.isSeenByMoreThanOneForce()) {
 *         System.out.println(person.id() + " " + person.forces() + " " + person.recordIds());
 *     }
 * }
 * for (Link link : result.links()) {
 *     System.out.println(link.leftId() + " ~ " + link.rightId() + ": " + link.explanation().summary());
 * }
 * }</pre>
 *
 * <p>{@link io.github.palimpsest.Linker#linkComparable(java.util.List)} returns the same result in columnar
 * form ({@link io.github.palimpsest.CompactLinkResult}) for pools too large for one object per person.
 */
package io.github.palimpsest;
