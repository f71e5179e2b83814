package io.github.palimpsest.pipeline;

import static com.google.common.base.Preconditions.checkNotNull;

import io.github.palimpsest.Entity;
import io.github.palimpsest.normalise.Force;
import io.github.palimpsest.pattern.Pattern;
import io.github.palimpsest.pattern.PatternEvent;
import io.github.palimpsest.record.ComparableRecord;
import io.github.palimpsest.record.PersonRecord;
import io.github.palimpsest.score.MatchModel;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Friend access: what exported classes keep package-private but the library's other packages need (the
 * index-based view of a {@link MatchModel}, the construction of {@link Entity}, {@link Pattern} and
 * {@link PatternEvent} values).
 * Each such class installs its part here from its static initializer, the way the JDK's own
 * {@code SharedSecrets} work, so the part stays out of the API: this package is not exported.
 *
 * <p>A part is installed once; installing it again is refused, so code on the class path cannot replace it.
 */
public final class LibraryAccess {

    /** How {@link Entity} builds an entity from its parts. */
    @FunctionalInterface
    public interface EntityFactory {
        /** An entity from its id, its records (at least one) and its pattern. */
        Entity entity(String id, List<PersonRecord> records, Pattern pattern);
    }

    /** How {@link Pattern} builds a pattern from an entity id and its events (record ids distinct). */
    @FunctionalInterface
    public interface PatternFactory {
        /** The pattern of one person; events in any order. */
        Pattern pattern(String entityId, Collection<PatternEvent> events);
    }

    /**
     * How {@link ComparableRecord} hands over its generic identifiers as parallel arrays sorted by type (its
     * own arrays, not copies: read them only), for allocation-free walks over two records' identifiers.
     */
    public interface IdentifierArrays {
        /** The types of the record's valid generic identifiers, ascending. */
        String[] types(ComparableRecord record);

        /** Their values, in the same order. */
        String[] values(ComparableRecord record);
    }

    private static volatile IdentifierArrays identifierArrays;
    private static volatile Function<MatchModel, IndexedModel> indexedModels;
    private static volatile EntityFactory entities;
    private static volatile PatternFactory patterns;

    private LibraryAccess() {
    }

    /** Installed by {@link MatchModel}. */
    public static void installIndexedModels(Function<MatchModel, IndexedModel> view) {
        check(indexedModels);
        indexedModels = view;
    }

    /** Installed by {@link ComparableRecord}. */
    public static void installIdentifierArrays(IdentifierArrays arrays) {
        check(identifierArrays);
        identifierArrays = arrays;
    }

    /** The types of a record's valid generic identifiers, ascending (the record's own array: read only). */
    public static String[] identifierTypes(ComparableRecord record) {
        // A record exists, so its class is initialised and has installed the arrays.
        return identifierArrays.types(record);
    }

    /** The values of a record's valid generic identifiers, in the order of {@link #identifierTypes}. */
    public static String[] identifierValues(ComparableRecord record) {
        return identifierArrays.values(record);
    }

    /** Installed by {@link Entity}. */
    public static void installEntities(EntityFactory factory) {
        check(entities);
        entities = factory;
    }

    /** Installed by {@link Pattern}. */
    public static void installPatterns(PatternFactory factory) {
        check(patterns);
        patterns = factory;
    }

    /** The index-based view of a model (see {@link IndexedModel#of}). */
    static IndexedModel indexed(MatchModel model) {
        // A model exists, so its class is initialised and has installed the view.
        return indexedModels.apply(model);
    }

    /** An entity from its parts, for code that clusters outside a {@code Linker} run (the incremental index). */
    public static Entity entity(String id, List<PersonRecord> records, Pattern pattern) {
        if (entities == null) {
            initialise(Entity.class);
        }
        return entities.entity(id, records, pattern);
    }

    /**
     * The pattern of one person.
     *
     * @throws IllegalArgumentException if a record id repeats
     */
    public static Pattern pattern(String entityId, Collection<PatternEvent> events) {
        if (patterns == null) {
            initialise(Pattern.class);
        }
        return patterns.pattern(entityId, events);
    }

    /**
     * The event a record describes in its person's pattern (the record's id, event date, force and event type).
     *
     * @param linkedTo the other end of the record's strongest link inside its person, if any
     * @param linkedBy the evidence of that link, if any
     */
    public static PatternEvent patternEvent(PersonRecord record, Optional<String> linkedTo, Optional<String> linkedBy) {
        checkNotNull(record, "record");
        return new PatternEvent(record.recordId(), record.eventDate().date(),
                record.force().canonical().orElse(""),
                record.force().force().map(Force::name).orElse(record.force().raw().strip()),
                record.eventType(), linkedTo, linkedBy, record.hasPurgedName());
    }

    private static void check(Object installed) {
        if (installed != null) {
            throw new IllegalStateException("already installed");
        }
    }

    /** Runs a class's static initializer, which installs its part, if it has not run yet. */
    private static void initialise(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(type + " is part of this module", e);
        }
    }
}
