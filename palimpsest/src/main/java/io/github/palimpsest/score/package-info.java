/**
 * The Fellegi–Sunter match model: match weights in bits from comparison levels, unsupervised training
 * (u by sampling, m and the prior by expectation–maximisation), term-frequency adjustment, explanations,
 * and a versioned JSON model file. See {@code docs/model.md}.
 */
package io.github.palimpsest.score;
