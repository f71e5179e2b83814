/**
 * Clerical review: a reviewer's decisions about pairs of records ({@link io.github.palimpsest.review.ReviewDecisions}),
 * read from and written to the decisions CSV, checked for contradictions, and honoured by the batch linker and
 * the incremental index as must-link and cannot-link constraints of clustering. See docs/review.md.
 *
 * <pre>{@code
 * ReviewDecisions decided = ReviewDecisions.read(Path.of("decisions.csv"));  // or ReviewDecisions.of(list)
 * Linker linker = Linker.builder().decisions(decided).reviewThresholdProbability(0.5).build();
 * CompactLinkResult result = linker.linkComparable(records);
 * for (ReviewPair pair : result.reviewPairs()) {                             // the pairs left to decide
 *     System.out.println(pair.link().leftId() + " ~ " + pair.link().rightId());
 * }
 * ReviewDecisions more = ReviewDecisions.of(List.of(
 *         ReviewDecision.nonMatch("MPS-0147", "GMP-2210").by("J. Okafor").because("different fathers named")));
 * }</pre>
 */
package io.github.palimpsest.review;
