/**
 * Purge-resilient linkage: keyed tokens and hardened Bloom-filter encodings that hold no readable personal
 * data but still link to new records about the same person.
 *
 * <p>A {@link io.github.palimpsest.privacy.DeploymentSecret} is loaded from a key file;
 * {@link io.github.palimpsest.privacy.Tombstone#of} turns a record into a tombstone (keyed HMAC-SHA-256
 * tokens of identifiers, Bloom filters of names, date of birth, postcode and address, each under its own
 * HKDF-derived key); {@link io.github.palimpsest.privacy.TombstoneCsv} stores tombstones as CSV with a
 * keyed integrity tag per row and a keyed MAC over the whole file; {@link io.github.palimpsest.privacy.TombstoneComparisons} and
 * {@link io.github.palimpsest.privacy.TombstoneMatcher} compare them inside the Fellegi–Sunter model;
 * {@link io.github.palimpsest.privacy.TokenLinker} links a whole pool of tombstones through tokens alone,
 * blocking with {@link io.github.palimpsest.privacy.TokenBlockingRules}.
 * The parameters and the threat model are in {@code docs/privacy.md}, the figures in {@code docs/results.md}.
 *
 * <pre>{@code
 * DeploymentSecret secret = DeploymentSecret.load(Path.of("deployment.key"));
 * Tombstone tombstone = Tombstone.of(record, secret, TombstoneOptions.defaults());
 * TokenLinkResult people = TokenLinker.builder().seed(42).build().link(tombstones);
 * for (List<Tombstone> person : people.people()) { ... }   // each person's tombstones, in input order
 * for (TokenLink link : people.links()) {
 *     link.explanation();                      // comparison names and level labels only, never a value
 * }
 * }</pre>
 */
package io.github.palimpsest.privacy;
