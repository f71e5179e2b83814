/**
 * What a person's records say together: each person's events in date order across forces, with how
 * each record came to be linked to the others.
 *
 * <p>{@link io.github.palimpsest.pattern.Pattern} is built by the linking pipeline
 * ({@code io.github.palimpsest.Linker}); {@link io.github.palimpsest.pattern.Evidence} turns a link's
 * explanation into the short "linked by" text the patterns show.
 */
package io.github.palimpsest.pattern;
