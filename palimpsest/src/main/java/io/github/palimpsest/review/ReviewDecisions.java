package io.github.palimpsest.review;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A consistent set of review decisions: pairs of records a reviewer has said are one person (match) or two
 * (non-match). The batch {@link io.github.palimpsest.Linker} and the {@link io.github.palimpsest.index.LinkIndex}
 * honour them in clustering: a match puts its two records in one person whatever their score; a non-match
 * keeps them apart even through chains of other links (see {@code docs/review.md}).
 *
 * <p><b>Consistency.</b> Building a set refuses, with a {@link ContradictoryDecisionsException} naming the
 * decisions involved, a pair decided both ways and a non-match whose two records matches join, directly or
 * through a chain of matches (A = B, B = C and A ≠ C). A pair decided twice the same way keeps its first
 * decision.
 *
 * <p><b>The decisions file</b> ({@link #read(Path)}, {@link #write}): CSV with a header row holding
 * {@value #RECORD_ID_A}, {@value #RECORD_ID_B} and {@value #DECISION}, and optionally {@value #REVIEWER},
 * {@value #REASON} and {@value #DECIDED_AT}, in any order; other columns are ignored, so the review file
 * {@code link --review-out} writes reads back once its {@code decision} column is filled in. A decision is
 * {@code match} or {@code non-match} (any case); a row whose decision is empty is a pair not yet decided and
 * is skipped ({@link #undecidedRows()} counts them).
 *
 * <pre>{@code
 * ReviewDecisions decided = ReviewDecisions.read(Path.of("decisions.csv"));
 * Linker linker = Linker.builder().decisions(decided).build();
 * ReviewDecisions more = ReviewDecisions.of(List.of(ReviewDecision.nonMatch("MPS-0147", "GMP-2210")));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ReviewDecisions {
    /** The column naming one record of a pair. */
    public static final String RECORD_ID_A = "record_id_a";
    /** The column naming the other record. */
    public static final String RECORD_ID_B = "record_id_b";
    /** The column holding {@code match} or {@code non-match}. */
    public static final String DECISION = "decision";
    /** The optional column naming the reviewer. */
    public static final String REVIEWER = "reviewer";
    /** The optional column giving the reason. */
    public static final String REASON = "reason";
    /** The optional column giving when the decision was made. */
    public static final String DECIDED_AT = "decided_at";
    /** The columns {@link #write} writes, in order: the decisions file's header. */
    public static final List<String> COLUMNS = List.of(RECORD_ID_A, RECORD_ID_B, DECISION, REVIEWER, REASON,
            DECIDED_AT);

    private static final ReviewDecisions NONE = new ReviewDecisions(List.of(), Map.of(), 0);
    private static final CSVFormat READ_FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true).get();

    private final List<ReviewDecision> decisions;
    private final Map<String, List<ReviewDecision>> byRecord;
    private final int undecidedRows;

    private ReviewDecisions(List<ReviewDecision> decisions, Map<String, List<ReviewDecision>> byRecord,
                            int undecidedRows) {
        this.decisions = decisions;
        this.byRecord = byRecord;
        this.undecidedRows = undecidedRows;
    }

    /** No decisions. */
    public static ReviewDecisions none() {
        return NONE;
    }

    /**
     * The decisions of a collection, in its order; those without an {@linkplain ReviewDecision#origin origin}
     * are named "decision 1", "decision 2"... by position in messages.
     *
     * @throws ContradictoryDecisionsException if the decisions contradict each other
     */
    public static ReviewDecisions of(Collection<ReviewDecision> decisions) {
        checkNotNull(decisions, "decisions");
        List<ReviewDecision> named = new ArrayList<>(decisions.size());
        int position = 0;
        for (ReviewDecision d : decisions) {
            position++;
            checkNotNull(d, "decision");
            named.add(d.origin().isEmpty() ? d.from("decision " + position) : d);
        }
        return build(named, 0);
    }

    /**
     * Reads a decisions file (UTF-8; see the class comment for its columns).
     *
     * @throws DecisionsFormatException        if the file is not valid UTF-8, lacks a required column, or a row
     *                                         names no pair or an unknown decision (the message gives the line)
     * @throws ContradictoryDecisionsException if the decisions contradict each other (naming the lines)
     * @throws IOException                     if the file cannot be read
     */
    public static ReviewDecisions read(Path file) throws IOException {
        checkNotNull(file, "file");
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            return read(in, String.valueOf(file.getFileName()));
        } catch (CharacterCodingException e) {
            throw new DecisionsFormatException(file + ": not valid UTF-8 text", e);
        }
    }

    /**
     * Reads decisions in the file format from {@code in}; {@code name} names the source in messages and origins
     * ({@code "name line 4"}).
     *
     * @throws DecisionsFormatException        as {@link #read(Path)}
     * @throws ContradictoryDecisionsException if the decisions contradict each other
     */
    public static ReviewDecisions read(Reader in, String name) throws IOException {
        checkNotNull(in, "in");
        checkNotNull(name, "name");
        List<ReviewDecision> decisions = new ArrayList<>();
        int undecided = 0;
        try (CSVParser parser = READ_FORMAT.parse(in)) {
            Map<String, Integer> columns = null;
            for (CSVRecord row : parser) {
                long line = row.getParser().getCurrentLineNumber();
                if (columns == null) {
                    columns = header(row, name);
                    continue;
                }
                String a = cell(row, columns, RECORD_ID_A);
                String b = cell(row, columns, RECORD_ID_B);
                String decision = cell(row, columns, DECISION);
                String where = name + " line " + line;
                if (a.isEmpty() && b.isEmpty() && decision.isEmpty()) {
                    continue; // a row of empty cells
                }
                if (decision.isEmpty()) {
                    undecided++;
                    continue;
                }
                Optional<ReviewDecision.Verdict> verdict = ReviewDecision.Verdict.parse(decision);
                if (verdict.isEmpty()) {
                    throw new DecisionsFormatException(where + ": decision '" + decision + "' is neither 'match' nor "
                            + "'non-match' (leave it empty for a pair not yet decided)");
                }
                if (a.isEmpty() || b.isEmpty()) {
                    throw new DecisionsFormatException(where + ": " + (a.isEmpty() ? RECORD_ID_A : RECORD_ID_B)
                            + " is empty; a decision needs both record ids");
                }
                if (a.equals(b)) {
                    throw new DecisionsFormatException(where + ": record '" + a + "' is paired with itself; a "
                            + "decision needs two different records");
                }
                decisions.add(new ReviewDecision(a, b, verdict.get(), cell(row, columns, REVIEWER),
                        cell(row, columns, REASON), cell(row, columns, DECIDED_AT), where));
            }
            if (columns == null) {
                throw new DecisionsFormatException(name + ": the file is empty; expected a header row with "
                        + RECORD_ID_A + "," + RECORD_ID_B + "," + DECISION);
            }
        } catch (UncheckedIOException e) {
            // Commons CSV reports malformed CSV (an unbalanced quote) this way.
            throw new DecisionsFormatException(name + ": " + e.getCause().getMessage(), e.getCause());
        }
        return build(decisions, undecided);
    }

    private static Map<String, Integer> header(CSVRecord row, String name) throws DecisionsFormatException {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            String column = row.get(i).strip().toLowerCase(Locale.ROOT);
            if (i == 0 && column.startsWith("\uFEFF")) {
                column = column.substring(1); // a byte-order mark some spreadsheets write
            }
            columns.putIfAbsent(column, i);
        }
        for (String required : List.of(RECORD_ID_A, RECORD_ID_B, DECISION)) {
            if (!columns.containsKey(required)) {
                throw new DecisionsFormatException(name + " line 1: no '" + required + "' column; the header must "
                        + "name " + RECORD_ID_A + "," + RECORD_ID_B + "," + DECISION + " (and optionally "
                        + REVIEWER + "," + REASON + "," + DECIDED_AT + ")");
            }
        }
        return columns;
    }

    private static String cell(CSVRecord row, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        return i == null || i >= row.size() ? "" : row.get(i).strip();
    }

    private static ReviewDecisions build(List<ReviewDecision> all, int undecided) {
        Map<String, ReviewDecision> byPair = new LinkedHashMap<>();
        for (ReviewDecision d : all) {
            ReviewDecision earlier = byPair.putIfAbsent(d.pairKey(), d);
            if (earlier != null && earlier.verdict() != d.verdict()) {
                throw new ContradictoryDecisionsException(earlier.describe() + " and " + d.describe()
                        + " decide the same pair both ways; keep one of them", List.of(earlier, d));
            }
        }
        List<ReviewDecision> kept = List.copyOf(byPair.values());
        if (kept.isEmpty() && undecided == 0) {
            return NONE;
        }
        checkTransitive(kept);
        Map<String, List<ReviewDecision>> byRecord = new HashMap<>();
        for (ReviewDecision d : kept) {
            byRecord.computeIfAbsent(d.recordIdA(), k -> new ArrayList<>(2)).add(d);
            byRecord.computeIfAbsent(d.recordIdB(), k -> new ArrayList<>(2)).add(d);
        }
        byRecord.replaceAll((k, v) -> List.copyOf(v));
        return new ReviewDecisions(kept, Collections.unmodifiableMap(byRecord), undecided);
    }

    /** Refuses a non-match whose records a chain of matches joins, naming the non-match and the chain. */
    private static void checkTransitive(List<ReviewDecision> decisions) {
        Map<String, List<ReviewDecision>> matchesOf = new HashMap<>();
        for (ReviewDecision d : decisions) {
            if (d.isMatch()) {
                matchesOf.computeIfAbsent(d.recordIdA(), k -> new ArrayList<>(2)).add(d);
                matchesOf.computeIfAbsent(d.recordIdB(), k -> new ArrayList<>(2)).add(d);
            }
        }
        if (matchesOf.isEmpty()) {
            return;
        }
        for (ReviewDecision d : decisions) {
            if (!d.isMatch()) {
                List<ReviewDecision> chain = matchPath(matchesOf, d.recordIdA(), d.recordIdB());
                if (!chain.isEmpty()) {
                    List<ReviewDecision> involved = new ArrayList<>(chain.size() + 1);
                    involved.add(d);
                    involved.addAll(chain);
                    throw new ContradictoryDecisionsException(d.describe() + " contradicts "
                            + (chain.size() == 1 ? "" : "the chain of matches ")
                            + String.join(", ", chain.stream().map(ReviewDecision::describe).toList())
                            + ", which put " + d.recordIdA() + " and " + d.recordIdB()
                            + " in one person; correct one of them", involved);
                }
            }
        }
    }

    /** The shortest chain of matches from {@code from} to {@code to} (breadth first), or empty. */
    private static List<ReviewDecision> matchPath(Map<String, List<ReviewDecision>> matchesOf, String from,
                                                  String to) {
        if (!matchesOf.containsKey(from) || !matchesOf.containsKey(to)) {
            return List.of();
        }
        Map<String, ReviewDecision> reachedBy = new HashMap<>();
        reachedBy.put(from, null);
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (ReviewDecision m : matchesOf.getOrDefault(at, List.of())) {
                String next = m.other(at);
                if (!reachedBy.containsKey(next)) {
                    reachedBy.put(next, m);
                    if (next.equals(to)) {
                        List<ReviewDecision> chain = new ArrayList<>();
                        for (String r = to; reachedBy.get(r) != null; r = reachedBy.get(r).other(r)) {
                            chain.add(0, reachedBy.get(r));
                        }
                        return chain;
                    }
                    queue.add(next);
                }
            }
        }
        return List.of();
    }

    /** Every decision, in the order given (a pair decided twice the same way keeps its first). */
    public List<ReviewDecision> decisions() {
        return decisions;
    }

    /** The number of decisions. */
    public int size() {
        return decisions.size();
    }

    /** Whether there are no decisions. */
    public boolean isEmpty() {
        return decisions.isEmpty();
    }

    /** The rows of a decisions file whose decision was empty (pairs not yet decided); 0 for other sets. */
    public int undecidedRows() {
        return undecidedRows;
    }

    /** The decision about two records, in either order, or empty. */
    public Optional<ReviewDecision> decisionFor(String recordIdA, String recordIdB) {
        for (ReviewDecision d : byRecord.getOrDefault(recordIdA, List.of())) {
            if (d.other(recordIdA).equals(recordIdB)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The decisions that name a record id. */
    public List<ReviewDecision> decisionsOn(String recordId) {
        return byRecord.getOrDefault(recordId, List.of());
    }

    /** The decisions naming a record id for which {@code isKnown} is false, in order. */
    public List<ReviewDecision> unknownTo(Predicate<String> isKnown) {
        checkNotNull(isKnown, "isKnown");
        return decisions.stream().filter(d -> !isKnown.test(d.recordIdA()) || !isKnown.test(d.recordIdB())).toList();
    }

    /**
     * These decisions and then {@code more}.
     *
     * @throws ContradictoryDecisionsException if together they contradict each other
     */
    public ReviewDecisions plus(ReviewDecisions more) {
        checkNotNull(more, "more");
        if (more.isEmpty()) {
            return this;
        }
        List<ReviewDecision> all = new ArrayList<>(decisions);
        all.addAll(more.decisions);
        return build(all, undecidedRows + more.undecidedRows);
    }

    /** Writes the decisions in the file format, with the header {@link #COLUMNS}. */
    public void write(Appendable out) throws IOException {
        checkNotNull(out, "out");
        CSVPrinter csv = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                .setHeader(COLUMNS.toArray(String[]::new)).get().print(out);
        for (ReviewDecision d : decisions) {
            csv.printRecord(d.recordIdA(), d.recordIdB(), d.verdict().text(), d.reviewer(), d.reason(),
                    d.decidedAt());
        }
        csv.flush();
    }

    /** Equal when both hold the same decisions in the same order (origins included). */
    @Override
    public boolean equals(Object other) {
        return other instanceof ReviewDecisions r && decisions.equals(r.decisions);
    }

    @Override
    public int hashCode() {
        return decisions.hashCode();
    }

    /** Counts only. */
    @Override
    public String toString() {
        long matches = decisions.stream().filter(ReviewDecision::isMatch).count();
        return "ReviewDecisions[" + matches + " matches, " + (decisions.size() - matches) + " non-matches]";
    }
}
