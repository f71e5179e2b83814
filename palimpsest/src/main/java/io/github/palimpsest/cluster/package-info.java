/**
 * Constrained clustering: scored links between records become people.
 * {@link io.github.palimpsest.cluster.Clusterer} merges along links at or above the threshold, strongest first,
 * and keeps apart two records with different values of an exclusive key (two PNC IDs, say) unless a direct
 * link between them is overwhelming, and two records a reviewer decided are not the same person;
 * {@link io.github.palimpsest.cluster.EntityIds} gives each person an id
 * that stays the same when unrelated records are added; {@link io.github.palimpsest.cluster.PairwiseMetrics}
 * scores a clustering against known truth. See {@code docs/blocking-and-clustering.md}.
 *
 * <pre>{@code
 * Clusterer clusterer = Clusterer.builder().thresholdProbability(0.95).build();
 * Clustering people = clusterer.cluster(recordIds.size(), links, List.of());  // links: List<ScoredLink>
 * people.clusterOf(0);                                                        // the person of record 0
 * List<String> entityIds = EntityIds.people().assign(people, recordIds);      // index = cluster number
 * }</pre>
 */
package io.github.palimpsest.cluster;
