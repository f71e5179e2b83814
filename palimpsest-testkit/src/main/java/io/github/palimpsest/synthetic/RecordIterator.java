package io.github.palimpsest.synthetic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Produces a run's records lazily, household by household, in windows of about {@link #WINDOW} records
 * that are shuffled before record ids are given, so that a person's records are not simply adjacent.
 * Memory stays flat: one window at a time. Not thread-safe (one iterator per stream).
 */
final class RecordIterator implements Iterator<SyntheticRecord> {

    /** Records shuffled together; a person's records always fall within one window. */
    static final int WINDOW = 4096;

    private static final long HOUSEHOLD_SALT = 0x5DEECE66DL;
    private static final long SHUFFLE_SALT = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final long people;
    private final PersonFactory personFactory;
    private final RecordFactory recordFactory;
    private final Map<String, Long> serials = new HashMap<>();

    private long nextHousehold;
    private long peopleMade;
    private long windowIndex;
    private final List<RecordDraft> window = new ArrayList<>(WINDOW + 64);
    private int position;

    RecordIterator(long seed, long people, PersonFactory personFactory, RecordFactory recordFactory) {
        this.seed = seed;
        this.people = people;
        this.personFactory = personFactory;
        this.recordFactory = recordFactory;
    }

    @Override
    public boolean hasNext() {
        if (position < window.size()) {
            return true;
        }
        fill();
        return position < window.size();
    }

    @Override
    public SyntheticRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more synthetic records");
        }
        RecordDraft draft = window.get(position);
        window.set(position++, null);
        long serial = serials.merge(draft.forceCode, 1L, Long::sum);
        return draft.toRecord(draft.forceCode + "-" + Identifiers.zeroPadded(serial, 7));
    }

    private void fill() {
        window.clear();
        position = 0;
        while (window.size() < WINDOW && peopleMade < people) {
            SplittableRandom rng = random(seed, HOUSEHOLD_SALT, nextHousehold++);
            for (SyntheticPerson person : personFactory.household(rng, peopleMade, people - peopleMade)) {
                window.addAll(recordFactory.records(person, rng));
                peopleMade++;
            }
        }
        // Fisher-Yates with a generator of its own, so the order depends only on the seed and the window.
        SplittableRandom shuffle = random(seed, SHUFFLE_SALT, windowIndex++);
        for (int i = window.size() - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            RecordDraft t = window.get(i);
            window.set(i, window.get(j));
            window.set(j, t);
        }
    }

    /** An independent generator for one household or window: seed, salt and index mixed (SplitMix64 finaliser). */
    static SplittableRandom random(long seed, long salt, long index) {
        long z = seed * 0xBF58476D1CE4E5B9L + salt + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new SplittableRandom(z ^ (z >>> 31));
    }
}
