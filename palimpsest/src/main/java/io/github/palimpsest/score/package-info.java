/**
 * The Fellegi–Sunter match model: match weights in bits from comparison levels, term-frequency adjustment,
 * explanations, and a versioned JSON model file. The linker trains a model without labels (u by sampling, m
 * and the prior by expectation–maximisation); a model is read by comparison and level. See
 * {@code docs/model.md}.
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
 * SurnameComparison surname = SurnameComparison.standard();
 * for (ComparisonLevel level : model.levels(surname)) {
 *     System.out.println(level.label() + " " + model.m(surname, level) + " " + model.u(surname, level));
 * }
 * Linker trained = Linker.builder().model(MatchModel.load(Path.of("model.json"))).build();
 * }</pre>
 */
package io.github.palimpsest.score;
