package io.github.palimpsest.privacy;

import io.github.palimpsest.compare.ComparisonLevel;
import io.github.palimpsest.compare.TermFrequencyComparison;
import java.util.List;

/**
 * Equality of the tokens of one identifier: equal, different, or neutral when either is missing. Two
 * different valid identifiers are evidence against a match, as in plain-text comparison. Term frequency
 * applies to the equal level (a phone number shared by a household or a switchboard counts for less).
 */
final class TokenComparison implements TermFrequencyComparison<Tombstone> {

    static final List<ComparisonLevel> LEVELS = List.of(ComparisonLevel.of("token equal"),
            ComparisonLevel.of("token different"), ComparisonLevel.neutral("missing"));

    private final IdentifierField field;

    TokenComparison(IdentifierField field) {
        this.field = field;
    }

    @Override
    public String name() {
        return field.column();
    }

    @Override
    public List<ComparisonLevel> levels() {
        return LEVELS;
    }

    @Override
    public int level(Tombstone left, Tombstone right) {
        IdentifierToken a = left.tokenOrNull(field);
        IdentifierToken b = right.tokenOrNull(field);
        if (a == null || b == null) {
            return 2;
        }
        return a.equals(b) ? 0 : 1;
    }

    @Override
    public int termFrequencyLevel() {
        return 0;
    }

    @Override
    public String termFrequencyValue(Tombstone record) {
        IdentifierToken t = record.tokenOrNull(field);
        return t == null ? "" : t.toText();
    }
}
