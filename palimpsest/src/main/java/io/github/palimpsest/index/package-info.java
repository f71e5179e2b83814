/**
 * The incremental index: {@link io.github.palimpsest.index.LinkIndex} keeps people current as records are
 * added, updated and removed, and matches a new record against them in about a millisecond, with the same
 * people as a batch run. See {@code docs/index.md}.
 *
 * <pre>{@code
 * LinkIndex index = LinkIndex.builder().model(trainedModel).build();   // or LinkIndex.load(file)
 * history.forEach(index::add);
 * MatchResult who = index.match(newAllegation);                      // read-only: nothing is added
 * for (MatchCandidate c : who.candidates()) {
 *     System.out.println(c.recordId() + " " + c.entityId() + " " + c.explanation().summary());
 * }
 * ChangeReport change = index.add(newAllegation);                    // now it is added
 * if (change.outcome() == ChangeReport.Outcome.MERGED) {             // it joined two earlier histories
 *     System.out.println(change.entityId() + " " + change.mergedEntityIds());
 * }
 * index.save(Path.of("people.idx"));
 * }</pre>
 */
package io.github.palimpsest.index;
