package io.github.palimpsest.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Connected components of an undirected graph by the large-star / small-star algorithm (Kiveris,
 * Lattanzi, Mirrokni, Rastogi and Vassilvitskii, "Connected Components in MapReduce and Beyond", SoCC 2014):
 * each round is two aggregations by node over the edge list, the number of rounds grows with the
 * logarithm of the number of nodes, and no node ever needs more than its own neighbourhood in memory. At
 * convergence every edge joins a node to the smallest node of its component, which is the component's label.
 */
final class ConnectedComponents {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);
    /** Far more than the O(log² n) rounds any graph needs: a guard against a bug, not a tuning knob. */
    private static final int MAX_ROUNDS = 200;

    private ConnectedComponents() {
    }

    /**
     * The component of every node that has an edge.
     *
     * @param edges node pairs in either direction; duplicates and self-loops harmless
     * @return (node, component) for each node with an edge, the component being its smallest node
     */
    static JavaPairRDD<Long, Long> of(JavaPairRDD<Long, Long> edges) {
        // Oriented (larger, smaller), without self-loops: the form both steps read and write.
        JavaPairRDD<Long, Long> current = edges.filter(e -> !e._1.equals(e._2))
                .mapToPair(e -> e._1 > e._2 ? e : new Tuple2<>(e._2, e._1)).distinct()
                .persist(StorageLevel.MEMORY_AND_DISK());
        long[] signature = signature(current);
        for (int round = 1; ; round++) {
            JavaPairRDD<Long, Long> next = smallStar(largeStar(current)).persist(StorageLevel.MEMORY_AND_DISK());
            long[] nextSignature = signature(next);
            current.unpersist(false);
            current = next;
            LOG.info("connected components: round {}, {} edges", round, nextSignature[0]);
            // Each round only moves edges towards smaller nodes: an unchanged edge set is the fixed point,
            // a star per component. The edge count and an order-free checksum tell it in the same pass.
            if (nextSignature[0] == signature[0] && nextSignature[1] == signature[1]) {
                break;
            }
            signature = nextSignature;
            if (round == MAX_ROUNDS) {
                throw new IllegalStateException("connected components did not converge in " + MAX_ROUNDS + " rounds");
            }
        }
        return current.flatMapToPair(e -> List.of(e, new Tuple2<>(e._2, e._2)).iterator()).reduceByKey(Math::min);
    }

    /** The number of edges and the sum of a mixed hash of each: one job. */
    private static long[] signature(JavaPairRDD<Long, Long> edges) {
        return edges.aggregate(new long[2], (acc, e) -> {
            acc[0]++;
            acc[1] += mix(e._1 * 0x9E3779B97F4A7C15L + e._2);
            return acc;
        }, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Large star: each node links every larger neighbour to the smallest of its neighbourhood, itself
     * included. Oriented edges in and out.
     */
    private static JavaPairRDD<Long, Long> largeStar(JavaPairRDD<Long, Long> oriented) {
        return oriented.flatMapToPair(e -> List.of(e, new Tuple2<>(e._2, e._1)).iterator())
                .groupByKey()
                .flatMapToPair(node -> {
                    long a = node._1;
                    long m = a;
                    for (long b : node._2) {
                        m = Math.min(m, b);
                    }
                    List<Tuple2<Long, Long>> out = new ArrayList<>();
                    for (long b : node._2) {
                        if (b > a) {
                            out.add(new Tuple2<>(b, m));
                        }
                    }
                    return out.iterator();
                });
    }

    /**
     * Small star: each node links itself and every smaller neighbour to the smallest of those. Oriented
     * edges in and out, distinct.
     */
    private static JavaPairRDD<Long, Long> smallStar(JavaPairRDD<Long, Long> oriented) {
        return oriented.groupByKey()
                .flatMapToPair(node -> {
                    long u = node._1;
                    long m = u;
                    for (long v : node._2) {
                        m = Math.min(m, v);
                    }
                    List<Tuple2<Long, Long>> out = new ArrayList<>();
                    for (long v : node._2) {
                        if (v != m) {
                            out.add(new Tuple2<>(v, m));
                        }
                    }
                    if (u != m) {
                        out.add(new Tuple2<>(u, m));
                    }
                    return out.iterator();
                })
                .distinct();
    }
}
