/**
 * Blocking: which pairs of records are compared at all. A {@link io.github.palimpsest.block.BlockingRule} gives
 * each record zero or more keys; {@link io.github.palimpsest.block.Blocker} pairs the records that share a key
 * under any rule (oversize blocks are split or windowed, never silently dropped) and reports what each rule
 * contributed. {@link io.github.palimpsest.block.PersonBlockingRules#standard()} are the rules the
 * {@code Linker} uses. Blocking is generic in the record type. See {@code docs/blocking-and-clustering.md}.
 *
 * <pre>{@code
 * Blocker<PersonRecord> blocker = Blocker.<PersonRecord>builder()
 *         .rule(BlockingRule.of("pnc", (p, keys) -> p.pncId().canonical().ifPresent(keys)))
 *         .rule(BlockingRule.of("dob", (p, keys) -> p.dateOfBirth().canonical().ifPresent(keys)))
 *         .maxBlockSize(1_000)
 *         .build();
 * CandidatePairs pairs = blocker.candidates(people);  // unique pairs i < j
 * pairs.report();                                     // per rule: keyed records, blocks, largest, pairs
 * }</pre>
 */
package io.github.palimpsest.block;
