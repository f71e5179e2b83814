package io.github.palimpsest.synthetic;

import io.github.palimpsest.record.PersonRecord;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries over realistic synthetic people and records, for harnesses that want to write
 * {@code @ForAll} properties about linkage. Each value is made by the generator from a drawn seed, so a
 * failing example shrinks towards small seeds and few people, and can be reproduced with
 * {@link SyntheticForces} alone.
 *
 * <p>jqwik is an optional dependency of the library: add {@code net.jqwik:jqwik} to your test scope to use
 * this class; nothing else in the library needs it.
 *
 * <pre>{@code
 * @Provide Arbitrary<SyntheticData> runs() { return SyntheticArbitraries.runs(20); }
 * @Property void linkerKeepsEveryRecord(@ForAll("runs") SyntheticData data) { ... }
 * }</pre>
 */
public final class SyntheticArbitraries {

    private static final List<String> FORCE_POOL = List.of("01", "41", "44", "47", "48", "06", "13", "20", "93");

    private SyntheticArbitraries() {
    }

    /** Corruption profiles: the three named ones. */
    public static Arbitrary<CorruptionProfile> profiles() {
        return Arbitraries.of(CorruptionProfile.clean(), CorruptionProfile.defaults(), CorruptionProfile.hard());
    }

    /** Sets of one to four force codes drawn from a pool of nine. */
    public static Arbitrary<List<String>> forceSets() {
        return Arbitraries.of(FORCE_POOL).list().ofMinSize(1).ofMaxSize(4).uniqueElements();
    }

    /** Generators with 1 to {@code maxPeople} people, any seed, forces and profile. */
    public static Arbitrary<SyntheticForces> generators(int maxPeople) {
        return Combinators.combine(Arbitraries.integers().between(1, maxPeople), Arbitraries.longs(), forceSets(),
                profiles()).as((people, seed, forces, profile) -> SyntheticForces.builder().people(people)
                        .seed(seed).forces(forces).profile(profile).build());
    }

    /** Whole runs of 1 to {@code maxPeople} people, with their truth. */
    public static Arbitrary<SyntheticData> runs(int maxPeople) {
        return generators(maxPeople).map(SyntheticForces::generate);
    }

    /** Single people, as the generator makes them under the default profile. */
    public static Arbitrary<SyntheticPerson> people() {
        return runs(3).map(data -> data.people().get(0));
    }

    /** Single records, from any force and profile. */
    public static Arbitrary<SyntheticRecord> records() {
        return Combinators.combine(runs(3), Arbitraries.integers().between(0, Integer.MAX_VALUE))
                .as((data, i) -> data.records().get(i % data.records().size()));
    }

    /** Canonical records ({@link PersonRecord}) as a force would hold them, from any force and profile. */
    public static Arbitrary<PersonRecord> personRecords() {
        return records().map(r -> r.toPersonRecord(SyntheticForces.DEFAULT_REFERENCE_DATE));
    }

    /** Pairs of records about the same person (true matches), when a person has two or more. */
    public static Arbitrary<List<SyntheticRecord>> matchingPairs() {
        return runs(5).filter(d -> d.records().size() > d.people().size()).map(data -> {
            for (SyntheticRecord a : data.records()) {
                for (SyntheticRecord b : data.records()) {
                    if (a != b && a.entityId().equals(b.entityId())) {
                        return List.of(a, b);
                    }
                }
            }
            throw new IllegalStateException("filtered for a person with two records");
        });
    }
}
