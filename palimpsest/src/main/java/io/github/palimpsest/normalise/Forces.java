package io.github.palimpsest.normalise;

import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory of UK police force codes, and the resolver from what records write in their force
 * column to a force.
 *
 * <p>The codes and names come from the criminal-justice standing data ({@code force-codes.csv}, from
 * ministryofjustice/bichard7-next-data, MIT licence, shipped beside this class with its licence). The
 * everyday variants ({@code force-variants.csv}: "Met", "Herts", "GMP", "D&amp;C", Welsh names, ...) are
 * the project's own data. On top of those files this class applies a few documented rules:
 * <ul>
 *   <li>Which codes are police forces: the 43 territorial forces of England and Wales, the special
 *       forces (24 Ministry of Defence Police, 59 Civil Nuclear Constabulary, 93 British Transport
 *       Police), 98 PSNI, the Crown-dependency forces (56 Guernsey, 57 Jersey, 97 Isle of Man) and the
 *       eight legacy Scottish forces (70&ndash;87) that Police Scotland replaced in 2013. Agencies (91
 *       NCA, 67 SOCA, 88 HMRC), Met units with codes of their own (64/65 New Scotland Yard, 66, 95),
 *       inspectorates, systems and reserved codes are in the directory but are not police forces.</li>
 *   <li>Code 02 is a second code of the Metropolitan Police Service: it resolves to 01.</li>
 *   <li>Names the source abbreviates or that changed are shown in full and current form (24 "Ministry
 *       of Defence Police", 44 "Hampshire and Isle of Wight" since 2022, 93 "British Transport
 *       Police"); the source's names still resolve.</li>
 *   <li>Entries whose code is not two digits (the source has one organisation-unit code, B01DU) are
 *       skipped.</li>
 * </ul>
 *
 * <p>Names are matched by {@linkplain ForceKeys key}: case, accents, punctuation, "&amp;"/"and" and the
 * words police, constabulary, service, force, the, of and heddlu do not matter, so "Sussex Police",
 * "SUSSEX" and "sussex constabulary" all resolve to 47. Nothing is matched fuzzily: a misspelt name is
 * reported as unknown rather than guessed. Bare "London" is deliberately unknown (Met or City?).
 * "Police Scotland" has no code in the standing data and is reported as such.
 *
 * <p>Immutable and thread-safe; {@link #standard()} loads the shipped data once.
 */
public final class Forces {

    private static final Logger LOG = LoggerFactory.getLogger(Forces.class);
    private static final CharMatcher WHITESPACE = CharMatcher.whitespace();
    private static final CharMatcher DIGITS = CharMatcher.inRange('0', '9');

    private static final Set<String> POLICE_FORCE_CODES = ImmutableSet.of(
            // The 43 territorial forces of England and Wales.
            "01", "03", "04", "05", "06", "07", "10", "11", "12", "13", "14", "16", "17",
            "20", "21", "22", "23", "30", "31", "32", "33", "34", "35", "36", "37",
            "40", "41", "42", "43", "44", "45", "46", "47", "48", "50", "52", "53", "54", "55",
            "60", "61", "62", "63",
            // Special police forces, Northern Ireland and the Crown dependencies.
            "24", "59", "93", "98", "56", "57", "97",
            // Legacy Scottish forces, merged into Police Scotland in 2013.
            "70", "74", "76", "78", "80", "82", "84", "87");
    private static final Map<String, String> SAME_FORCE_CODES = ImmutableMap.of("02", "01");
    private static final Map<String, String> CURRENT_NAMES = ImmutableMap.of(
            "24", "Ministry of Defence Police",
            "44", "Hampshire and Isle of Wight",
            "93", "British Transport Police");
    /** Forces people name that have no code in the standing data, with what to tell them. */
    private static final Map<String, String> CODELESS = ImmutableMap.of(
            "scotland", "force: Police Scotland has no code of its own in the standing data "
                    + "(its legacy forces have codes 70 to 87)");

    private final ImmutableMap<String, Force> byCode;
    private final ImmutableMap<String, String> codeByKey;

    private Forces(Map<String, Force> byCode, Map<String, String> codeByKey) {
        this.byCode = ImmutableMap.copyOf(byCode);
        this.codeByKey = ImmutableMap.copyOf(codeByKey);
    }

    /** Loaded on first use; the JVM's class initialisation makes this thread-safe (holder idiom). */
    private static final class Standard {
        static final Forces INSTANCE = load();
    }

    /**
     * The directory built from the shipped standing data and variants, loaded once.
     *
     * @return the shared standard directory
     * @throws IllegalStateException if the shipped data is missing or inconsistent (a packaging bug)
     */
    public static Forces standard() {
        return Standard.INSTANCE;
    }

    /**
     * Resolves what a record says about its force: a code ({@code "1"}, {@code "01"}, {@code " 01 "},
     * {@code "Force 01"}), an official name, or an everyday variant, in any case and punctuation. A code
     * together with a name ({@code "41 Hertfordshire"}) is accepted; if they disagree the code wins and
     * a problem says so. Never throws.
     *
     * <pre>{@code
     * Forces.standard().resolve("Herts").canonical()            // Optional[41]
     * Forces.standard().resolve("Metropolitan Police").force()  // Optional[Force[code=01, ...]]
     * Forces.standard().resolve("Atlantis").problems()          // [force: unknown force 'Atlantis']
     * }</pre>
     *
     * @param raw the text as given, possibly {@code null}
     * @return the resolved force name, never {@code null}
     */
    public ForceName resolve(String raw) {
        String text = raw == null ? "" : raw;
        String shown = WHITESPACE.trimAndCollapseFrom(text, ' ');
        if (shown.isEmpty()) {
            return new ForceName(text, null, List.of());
        }
        String key = ForceKeys.of(text);
        List<String> problems = new ArrayList<>();
        Optional<Force> force = Optional.empty();
        int space = key.indexOf(' ');
        int lastSpace = key.lastIndexOf(' ');
        if (!key.isEmpty() && DIGITS.matchesAllOf(key)) {
            force = forceForCode(key);
        } else if (space > 0 && DIGITS.matchesAllOf(key.substring(0, space))) {
            force = codeAndName(key.substring(0, space), key.substring(space + 1), problems);
        } else if (lastSpace > 0 && DIGITS.matchesAllOf(key.substring(lastSpace + 1))) {
            force = codeAndName(key.substring(lastSpace + 1), key.substring(0, lastSpace), problems);
        } else {
            force = forceForName(key);
            if (force.isEmpty() && CODELESS.containsKey(key)) {
                return new ForceName(text, null, List.of(CODELESS.get(key)));
            }
        }
        if (force.isEmpty()) {
            return new ForceName(text, null, List.of("force: unknown force '" + shown + "'"));
        }
        if (!force.get().isPoliceForce()) {
            problems.add("force: " + force.get().code() + " " + force.get().name() + " is not a police force");
        }
        return new ForceName(text, force.get(), problems);
    }

    private Optional<Force> codeAndName(String code, String nameKey, List<String> problems) {
        Optional<Force> byItsCode = forceForCode(code);
        Optional<Force> byItsName = forceForName(nameKey);
        if (byItsCode.isPresent() && byItsName.isPresent() && !byItsCode.equals(byItsName)) {
            problems.add("force: code " + byItsCode.get().code() + " (" + byItsCode.get().name()
                    + ") and name (" + byItsName.get().name() + ") disagree; the code was used");
        }
        return byItsCode.isPresent() ? byItsCode : byItsName;
    }

    /** The force for a code of one to three digits, after folding same-force codes (02 to 01). */
    private Optional<Force> forceForCode(String digits) {
        String stripped = CharMatcher.is('0').trimLeadingFrom(digits);
        if (stripped.length() > 2) {
            return Optional.empty();
        }
        String code = stripped.length() == 2 ? stripped : "0" + (stripped.isEmpty() ? "0" : stripped);
        return Optional.ofNullable(byCode.get(SAME_FORCE_CODES.getOrDefault(code, code)));
    }

    private Optional<Force> forceForName(String key) {
        String code = codeByKey.get(key);
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /**
     * The directory entry with exactly this code, including codes that {@link #resolve(String)} folds
     * into another (02). A single digit is read as its two-digit code ({@code "1"} is {@code "01"}).
     *
     * @param code a force code, possibly {@code null}
     * @return the entry, or empty when there is none
     */
    public Optional<Force> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String trimmed = WHITESPACE.trimFrom(code);
        return Optional.ofNullable(byCode.get(trimmed.length() == 1 ? "0" + trimmed : trimmed));
    }

    /** Every entry of the directory, police force or not, in code order. */
    public List<Force> all() {
        return byCode.values().asList();
    }

    /** The entries that are police forces, in code order. */
    public List<Force> policeForces() {
        return byCode.values().stream().filter(Force::isPoliceForce).collect(ImmutableList.toImmutableList());
    }

    private static Forces load() {
        Map<String, Force> byCode = new TreeMap<>();
        Map<String, String> nameKeys = new LinkedHashMap<>();
        for (CSVRecord row : read("force-codes.csv")) {
            String code = row.get("code");
            String sourceName = row.get("name");
            if (code.length() != 2 || !DIGITS.matchesAllOf(code)) {
                LOG.debug("Skipping force-codes.csv line {}: '{}' is not a two-digit force code",
                        row.getRecordNumber() + 1, code);
                continue;
            }
            String name = CURRENT_NAMES.getOrDefault(code, sourceName);
            byCode.put(code, new Force(code, name, POLICE_FORCE_CODES.contains(code)));
            String canonical = SAME_FORCE_CODES.getOrDefault(code, code);
            // Lowest code wins for names several codes share (NPIA / PNC, New Scotland Yard);
            // "Reserved" is not a name anyone would resolve.
            if (!sourceName.startsWith("Reserved")) {
                nameKeys.putIfAbsent(ForceKeys.of(sourceName), canonical);
                nameKeys.putIfAbsent(ForceKeys.of(name), canonical);
            }
        }
        // The curated variants come first, so that one may deliberately take a name from the standing
        // data ("New Scotland Yard" is the Met's headquarters to anyone writing it in a force column,
        // though codes 64 and 65 carry that name); two variants may never name different forces.
        Map<String, String> codeByKey = new HashMap<>();
        for (CSVRecord row : read("force-variants.csv")) {
            String code = row.get("code");
            String variant = row.get("variant");
            String key = ForceKeys.of(variant);
            if (!byCode.containsKey(code) || key.isEmpty()) {
                throw new IllegalStateException("force-variants.csv line " + (row.getRecordNumber() + 1)
                        + ": unknown code '" + code + "' or empty variant '" + variant + "'");
            }
            String earlier = codeByKey.putIfAbsent(key, code);
            if (earlier != null && !earlier.equals(code)) {
                throw new IllegalStateException("force-variants.csv line " + (row.getRecordNumber() + 1)
                        + ": variant '" + variant + "' for " + code + " already names " + earlier);
            }
        }
        int variants = codeByKey.size();
        nameKeys.forEach(codeByKey::putIfAbsent);
        LOG.debug("Loaded {} force codes, {} variant keys and {} name keys", byCode.size(), variants,
                codeByKey.size());
        return new Forces(Collections.unmodifiableMap(byCode), codeByKey);
    }

    private static List<CSVRecord> read(String resource) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setCommentMarker('#')
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try (InputStream in = Forces.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " beside " + Forces.class);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                return format.parse(reader).getRecords();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
