/**
 * What a person's records say together: each person's events in date order across forces, with how
 * each record came to be linked to the others.
 *
 * <p>{@link io.github.palimpsest.pattern.Pattern} is built by the linking pipeline
 * ({@code io.github.palimpsest.Linker}); {@link io.github.palimpsest.pattern.Evidence} turns a link's
 * explanation into the short "linked by" text the patterns show.
 *
 * <pre>{@code
 * for (Entity person : linker.link(records).entities()) {
 *     for (PatternEvent e : person.pattern().events()) {      // in date order across forces
 *         System.out.println(e.date().orElse(null) + " " + e.forceName() + " " + e.eventType() + " "
 *                 + e.recordId() + " " + e.linkedByText());
 *     }
 * }
 * }</pre>
 */
package io.github.palimpsest.pattern;
