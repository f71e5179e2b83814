/**
 * The Fellegi–Sunter match model: match weights in bits from comparison levels, unsupervised training
 * (u by sampling, m and the prior by expectation–maximisation), term-frequency adjustment, explanations,
 * and a versioned JSON model file. See {@code docs/model.md}.
 *
 * <pre>{@code
 * Linker linker = Linker.builder().build();
 * MatchModel model = linker.train(records);            // u by sampling, m and the prior by EM
 * model.save(Path.of("model.json"));                   // versioned JSON; MatchModel.load(path) reads it
 * Explanation why = linker.explain(a, b, model);       // a, b: PersonRecord
 * for (Explanation.Row row : why.rows()) {
 *     System.out.println(row.comparison() + " " + row.level() + " " + row.weight());
 * }
 * why.probability();
 * Linker trained = Linker.builder().model(MatchModel.load(Path.of("model.json"))).build();
 * }</pre>
 */
package io.github.palimpsest.score;
