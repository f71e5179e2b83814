package io.github.palimpsest.pipeline;

/**
 * A cannot-link test between two records, beyond exclusive keys: evidence that rules out their being one
 * person unless a direct link between them is overwhelming (for person records, two valid dates of birth
 * that no keying error explains). The clusterer checks it between every pair of records, one from each
 * cluster, before joining two clusters, so a chain of individually plausible links cannot put a parent and
 * a child of the same name and address into one person. Must be symmetric, pure and thread-safe.
 */
@FunctionalInterface
public interface RecordConflicts {

    /** No conflicts beyond exclusive keys. */
    RecordConflicts NONE = (left, right) -> false;

    /** Whether records {@code left} and {@code right} (indexes into the clustered records) conflict. */
    boolean conflict(int left, int right);

    /**
     * Whether record {@code third}, of one of the two clusters being joined, explains the conflict between
     * {@code left} and {@code right} as one person's records (for person records: a date of birth the same
     * as or one keying error from both of theirs, so that the two differ by one error each from it). Such a
     * conflict does not keep the clusters apart. None by default.
     */
    default boolean bridges(int third, int left, int right) {
        return false;
    }
}
