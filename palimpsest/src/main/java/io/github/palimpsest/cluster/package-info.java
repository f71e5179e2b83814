/**
 * People, named and measured: what an embedder needs of the clustering that turns links into people.
 * {@link io.github.palimpsest.cluster.EntityIds} gives each person an id that stays the same when unrelated
 * records are added; {@link io.github.palimpsest.cluster.PairwiseMetrics} scores a clustering against known
 * truth; {@link io.github.palimpsest.cluster.RefusalReason} says why a link was refused (a pair to review).
 *
 * <p>The clustering itself (constrained merging by record index) is internal to the linkers: a
 * {@code LinkResult} hands back people by record id, a {@code TokenLinkResult} by tombstone. See
 * {@code docs/blocking-and-clustering.md}.
 *
 * <pre>{@code
 * List<String> ids = EntityIds.people().assign(List.of(List.of("MET-1", "KNT-7"), List.of("GMP-3")));
 * PairwiseMetrics m = PairwiseMetrics.of(truthByRecordId, entityIdByRecordId);
 * m.precision(); m.recall(); m.f1();
 * }</pre>
 */
package io.github.palimpsest.cluster;
