/**
 * Blocking: which pairs of records are compared at all. A {@link io.github.palimpsest.block.BlockingRule} gives
 * each record zero or more keys; the linker pairs the records that share a key under any rule (oversize blocks
 * are split or windowed, never silently dropped) and reports what each rule contributed
 * ({@link io.github.palimpsest.block.BlockingReport}). {@link io.github.palimpsest.block.PersonBlockingRules#standard()}
 * are the rules the {@code Linker} uses. Blocking is generic in the record type. See
 * {@code docs/blocking-and-clustering.md}.
 *
 * <pre>{@code
 * List<BlockingRule<ComparableRecord>> rules = new ArrayList<>(PersonBlockingRules.standard());
 * rules.add(BlockingRule.of("custody-number", (r, keys) -> keys.accept(r.identifier("custody")))
 *         .withMaxBlockSize(1_000));
 * LinkResult result = Linker.builder().blockingRules(rules).build().link(records);
 * for (BlockingReport.RuleSummary rule : result.blockingReport().rules()) {
 *     log.info("{}: {} blocks, {} new pairs", rule.name(), rule.blocks(), rule.newPairs());
 * }
 * }</pre>
 */
package io.github.palimpsest.block;
