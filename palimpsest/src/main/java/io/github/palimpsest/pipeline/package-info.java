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
 *   <li>the machinery behind the exported types, public here only so the library's packages (and the Spark
 *       linker, on the class path) can share it: {@link io.github.palimpsest.pipeline.Blocker} and
 *       {@link io.github.palimpsest.pipeline.CandidatePairs} (blocking),
 *       {@link io.github.palimpsest.pipeline.ModelTrainer} and
 *       {@link io.github.palimpsest.pipeline.ComparisonVectors} (u by sampling, m and λ by EM),
 *       {@link io.github.palimpsest.pipeline.IndexedModel} (a model read by comparison and level index),
 *       {@link io.github.palimpsest.pipeline.PersonConflicts} (dates of birth that keep people apart), and
 *       {@link io.github.palimpsest.pipeline.LibraryAccess}, through which exported classes hand over what
 *       they keep package-private (the index view of a model, the construction of entities and patterns).</li>
 * </ul>
 *
 * <p>See {@code docs/pipeline.md}, "One pipeline for every kind of record".
 */
package io.github.palimpsest.pipeline;
