/**
 * Internal: the one linking pipeline behind {@code Linker}, {@code TokenLinker} and {@code LinkIndex}. Not
 * exported by {@code module-info}, so nothing here is API and any of it may change.
 *
 * <ul>
 *   <li>{@link io.github.palimpsest.pipeline.PipelineRun}: one run — block, compare, train (health check,
 *       monotone retry, fallback to the bundled model), score, cluster — for every kind of record;</li>
 *   <li>{@link io.github.palimpsest.pipeline.RecordKind}: what differs by the kind of record
 *       ({@link io.github.palimpsest.pipeline.PersonKind} for plain records; {@code privacy.TokenKind} for
 *       tombstones);</li>
 *   <li>{@link io.github.palimpsest.pipeline.RunSettings}: the settings the three front ends share, checked
 *       once;</li>
 *   <li>training of plain records: {@link io.github.palimpsest.pipeline.Anchors} (m from anchor pairs),
 *       {@link io.github.palimpsest.pipeline.CountedU} (u of identifiers counted),
 *       {@link io.github.palimpsest.pipeline.HouseholdClass} (the relatives' classes, by the one
 *       {@link io.github.palimpsest.pipeline.RelativesRule}), the bundled
 *       {@link io.github.palimpsest.pipeline.DefaultModel};</li>
 *   <li>{@link io.github.palimpsest.pipeline.PairScoring}: the column-wise scoring of the candidates.</li>
 * </ul>
 *
 * <p>See {@code docs/pipeline.md}, "One pipeline for every kind of record".
 */
package io.github.palimpsest.pipeline;
