package io.github.palimpsest.review;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Locale;
import java.util.Optional;

/**
 * One reviewer's decision about two records: they are one person ({@link Verdict#MATCH}) or two
 * ({@link Verdict#NON_MATCH}). The order of the two record ids carries no meaning.
 *
 * <pre>{@code
 * ReviewDecision d = ReviewDecision.nonMatch("MPS-0147", "GMP-2210").by("J. Okafor").because("father and son");
 * }</pre>
 *
 * @param recordIdA one record id (not blank)
 * @param recordIdB the other record id (not blank, different from {@code recordIdA})
 * @param verdict   match or non-match
 * @param reviewer  who decided, or empty
 * @param reason    why, or empty
 * @param decidedAt when, as given (e.g. {@code 2026-03-01}), or empty
 * @param origin    where the decision came from, for messages (e.g. {@code "DECISIONS.csv line 4"}), or empty
 */
public record ReviewDecision(String recordIdA, String recordIdB, Verdict verdict, String reviewer, String reason,
                             String decidedAt, String origin) {

    /** What a reviewer decided about a pair. */
    public enum Verdict {
        /** The two records are one person. */
        MATCH("match"),
        /** The two records are two people. */
        NON_MATCH("non-match");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        /** The word the decisions file uses: {@code match} or {@code non-match}. */
        public String text() {
            return text;
        }

        /**
         * The verdict a decisions file's {@code decision} cell names: {@code match} or {@code non-match}, in any
         * case, with surrounding spaces ignored; empty for anything else.
         */
        public static Optional<Verdict> parse(String cell) {
            String word = checkNotNull(cell, "cell").strip().toLowerCase(Locale.ROOT);
            for (Verdict v : values()) {
                if (v.text.equals(word)) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    /** Checks the ids and that nothing is null. */
    public ReviewDecision {
        checkNotNull(recordIdA, "recordIdA");
        checkNotNull(recordIdB, "recordIdB");
        checkNotNull(verdict, "verdict");
        checkNotNull(reviewer, "reviewer");
        checkNotNull(reason, "reason");
        checkNotNull(decidedAt, "decidedAt");
        checkNotNull(origin, "origin");
        checkArgument(!recordIdA.isBlank() && !recordIdB.isBlank(), "a decision needs two record ids%s",
                origin.isEmpty() ? "" : " (" + origin + ")");
        checkArgument(!recordIdA.equals(recordIdB), "a decision needs two different records, got '%s' twice%s",
                recordIdA, origin.isEmpty() ? "" : " (" + origin + ")");
    }

    /** The two records are one person. */
    public static ReviewDecision match(String recordIdA, String recordIdB) {
        return new ReviewDecision(recordIdA, recordIdB, Verdict.MATCH, "", "", "", "");
    }

    /** The two records are two people. */
    public static ReviewDecision nonMatch(String recordIdA, String recordIdB) {
        return new ReviewDecision(recordIdA, recordIdB, Verdict.NON_MATCH, "", "", "", "");
    }

    /** The same decision, made by {@code name}. */
    public ReviewDecision by(String name) {
        return new ReviewDecision(recordIdA, recordIdB, verdict, name, reason, decidedAt, origin);
    }

    /** The same decision, with a reason. */
    public ReviewDecision because(String why) {
        return new ReviewDecision(recordIdA, recordIdB, verdict, reviewer, why, decidedAt, origin);
    }

    /** The same decision, made at {@code when} (kept as given). */
    public ReviewDecision at(String when) {
        return new ReviewDecision(recordIdA, recordIdB, verdict, reviewer, reason, when, origin);
    }

    /** The same decision, from {@code where} (named in messages). */
    public ReviewDecision from(String where) {
        return new ReviewDecision(recordIdA, recordIdB, verdict, reviewer, reason, decidedAt, where);
    }

    /** Whether the reviewer said the two records are one person. */
    public boolean isMatch() {
        return verdict == Verdict.MATCH;
    }

    /** Whether the decision names this record id. */
    public boolean names(String recordId) {
        return recordIdA.equals(recordId) || recordIdB.equals(recordId);
    }

    /** The record id at the other end from {@code recordId}. */
    public String other(String recordId) {
        return recordIdA.equals(recordId) ? recordIdB : recordIdA;
    }

    /** E.g. {@code "DECISIONS.csv line 4 (A1 – B7: non-match)"}; the ids and verdict alone without an origin. */
    public String describe() {
        String what = recordIdA + " – " + recordIdB + ": " + verdict.text();
        return origin.isEmpty() ? what : origin + " (" + what + ")";
    }

    /** The key of the unordered pair. */
    String pairKey() {
        return pairKey(recordIdA, recordIdB);
    }

    static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + '\u0000' + b : b + '\u0000' + a;
    }
}
