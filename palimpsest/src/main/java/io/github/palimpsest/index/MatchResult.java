package io.github.palimpsest.index;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import io.github.palimpsest.Entity;
import java.util.List;
import java.util.Optional;

/**
 * The answer of {@link LinkIndex#match}: the best-scoring indexed records, strongest first, and the people
 * they belong to with each person's pattern. A consistent snapshot: every candidate, entity and pattern was
 * read under one lock, so none reflects a change the others miss.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * MatchResult result = index.match(newAllegation);
 * result.bestEntity().ifPresent(person -> show(person.pattern()));
 * for (MatchCandidate c : result.candidates()) log(c.recordId() + " " + c.explanation().summary());
 * }</pre>
 */
public final class MatchResult {
    private final ImmutableList<MatchCandidate> candidates;
    private final ImmutableList<Entity> entities;

    MatchResult(List<MatchCandidate> candidates, List<Entity> entities) {
        this.candidates = ImmutableList.copyOf(checkNotNull(candidates, "candidates"));
        this.entities = ImmutableList.copyOf(checkNotNull(entities, "entities"));
    }

    /**
     * The best candidates, by descending match weight (ties by record id), at most the index's
     * {@linkplain LinkIndexBuilder#maxCandidates(int) maxCandidates}; links and non-links alike.
     */
    public List<MatchCandidate> candidates() {
        return candidates;
    }

    /** The candidates at or above the threshold, strongest first. */
    public List<MatchCandidate> links() {
        return candidates.stream().filter(MatchCandidate::isLink).collect(ImmutableList.toImmutableList());
    }

    /** The people of the candidates, each once, in the order of their best candidate, with their patterns. */
    public List<Entity> entities() {
        return entities;
    }

    /** The person of the strongest candidate if that candidate is a link: who this record most likely is. */
    public Optional<Entity> bestEntity() {
        if (candidates.isEmpty() || !candidates.get(0).isLink()) {
            return Optional.empty();
        }
        String id = candidates.get(0).entityId();
        return entities.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The person with this entity id among {@link #entities()}. */
    public Optional<Entity> entity(String entityId) {
        return entities.stream().filter(e -> e.id().equals(entityId)).findFirst();
    }

    /** Whether any candidate is a link. */
    public boolean isMatch() {
        return !candidates.isEmpty() && candidates.get(0).isLink();
    }

    /** Counts only. */
    @Override
    public String toString() {
        return "MatchResult[" + candidates.size() + " candidates, " + links().size() + " links, "
                + entities.size() + " people]";
    }
}
