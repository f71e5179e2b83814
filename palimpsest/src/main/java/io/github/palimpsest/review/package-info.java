/**
 * Clerical review: a reviewer's decisions about pairs of records ({@link io.github.palimpsest.review.ReviewDecisions}),
 * read from and written to the decisions CSV, checked for contradictions, and honoured by the batch linker and
 * the incremental index as must-link and cannot-link constraints of clustering. See docs/review.md.
 */
package io.github.palimpsest.review;
