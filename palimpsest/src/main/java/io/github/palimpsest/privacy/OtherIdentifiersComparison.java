package io.github.palimpsest.privacy;

import io.github.palimpsest.compare.Comparison;
import io.github.palimpsest.compare.ComparisonLevel;
import java.util.List;
import java.util.Map;

/**
 * The generic {@code id_<type>} tokens: equal when the two share a type with equal tokens, different when
 * they share types and every shared type differs, neutral when they share no type.
 */
final class OtherIdentifiersComparison implements Comparison<Tombstone> {

    static final List<ComparisonLevel> LEVELS = TokenComparison.LEVELS;

    @Override
    public String name() {
        return "other_ids";
    }

    @Override
    public List<ComparisonLevel> levels() {
        return LEVELS;
    }

    @Override
    public int level(Tombstone left, Tombstone right) {
        Map<String, IdentifierToken> a = left.otherIdentifiers();
        Map<String, IdentifierToken> b = right.otherIdentifiers();
        if (a.isEmpty() || b.isEmpty()) {
            return 2;
        }
        boolean shared = false;
        for (Map.Entry<String, IdentifierToken> e : a.entrySet()) {
            IdentifierToken other = b.get(e.getKey());
            if (other != null) {
                if (other.equals(e.getValue())) {
                    return 0;
                }
                shared = true;
            }
        }
        return shared ? 1 : 2;
    }
}
