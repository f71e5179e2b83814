package io.github.palimpsest.normalise;

import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Which given names are nicknames, diminutives or spelling variants of one another (Bill and William,
 * Peggy and Margaret, Gaz and Gary, Stephen and Steven).
 *
 * <p>The relation is <b>direct and not transitive</b>: two names are equivalent only when one row of the
 * table relates them. Robert–Rob and Robin–Rob are both rows, yet Robert and Robin are not equivalent,
 * because a shared nickname says little about the full names. It is symmetric (the direction of a row,
 * "name has nickname", does not matter for equivalence) and reflexive.
 *
 * <pre>{@code
 * Nicknames nicknames = Nicknames.standard();
 * nicknames.areEquivalent("Bill", "William");    // true
 * nicknames.areEquivalent("Robert", "Robin");    // false
 * nicknames.equivalents("peggy");                // [peggy, margaret, peg, ...]
 * }</pre>
 *
 * <p>The standard table joins two files shipped with the library, both in the format
 * {@code name1,relationship,name2}: {@code nicknames.csv}, the carltonnorthern/nicknames table
 * (Apache-2.0; relationship {@code has_nickname}), and the project's {@code nicknames-uk.csv} of British
 * diminutives ({@code has_nickname}) and spelling or transliteration variants ({@code has_variant}).
 * See {@code docs/names.md}. Immutable and thread-safe.
 */
public final class Nicknames {

    private static final String RESOURCE_US = "nicknames.csv";
    private static final String RESOURCE_UK = "nicknames-uk.csv";

    /** Loaded on first use of {@link #standard()}, once, by the class-loading lock (lazy holder idiom). */
    private static final class StandardHolder {
        static final Nicknames STANDARD = fromResources(RESOURCE_US, RESOURCE_UK);
    }

    private final ImmutableSetMultimap<String, String> related;

    private Nicknames(ImmutableSetMultimap<String, String> related) {
        this.related = related;
    }

    /**
     * The table shipped with the library, loaded once on first use.
     *
     * @return the shared standard table
     * @throws UncheckedIOException only if the library jar is damaged and its data files cannot be read
     */
    public static Nicknames standard() {
        return StandardHolder.STANDARD;
    }

    /**
     * Whether two given names are the same name or directly related by one row of the table. Both are
     * {@linkplain Names#fold(String) folded} first, so case, diacritics and apostrophes do not matter.
     * Two absent names (both folding to {@code ""}) are equal and therefore equivalent; callers comparing
     * records should treat absent names as missing before asking.
     *
     * @param a a given name, or {@code null}
     * @param b a given name, or {@code null}
     * @return whether they are equal or directly related
     */
    public boolean areEquivalent(String a, String b) {
        String fa = Names.fold(a);
        String fb = Names.fold(b);
        return fa.equals(fb) || related.containsEntry(fa, fb);
    }

    /**
     * The names directly related to the given one, folded, the name itself included.
     *
     * @param name a given name, or {@code null}
     * @return an immutable set holding the folded name and every name one row relates it to; empty when
     *     the name folds to {@code ""}
     */
    public Set<String> equivalents(String name) {
        String folded = Names.fold(name);
        if (folded.isEmpty()) {
            return Set.of();
        }
        return ImmutableSet.<String>builder().add(folded).addAll(related.get(folded)).build();
    }

    /** The number of distinct unordered pairs of related names. */
    int pairCount() {
        return related.size() / 2;
    }

    static Nicknames fromResources(String... resources) {
        ImmutableSetMultimap.Builder<String, String> builder = ImmutableSetMultimap.builder();
        for (String resource : resources) {
            try (InputStream in = Nicknames.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new UncheckedIOException(new IOException("nickname table " + resource
                            + " is missing from the library jar; rebuild or reinstall Palimpsest"));
                }
                addRows(new InputStreamReader(in, StandardCharsets.UTF_8), builder);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read nickname table " + resource, e);
            }
        }
        return new Nicknames(builder.build());
    }

    /** Reads {@code name1,relationship,name2} rows; both directions are recorded, self-pairs ignored. */
    static void addRows(Reader reader, ImmutableSetMultimap.Builder<String, String> builder) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        for (CSVRecord row : format.parse(reader)) {
            if (row.size() < 3) {
                continue;
            }
            String a = Names.fold(row.get(0));
            String b = Names.fold(row.get(2));
            if (!a.isEmpty() && !b.isEmpty() && !a.equals(b)) {
                builder.put(a, b);
                builder.put(b, a);
            }
        }
    }
}
