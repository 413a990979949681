-- Draws of the demo store. Every random number is a hash of (seed, row ids, column name), so
-- a value never depends on thread count, row order or which other rows exist: the same seed
-- gives the same store on any machine running this DuckDB version.

-- A hash mapped to [0, 1): hashed once more, then its top 53 bits (as many as a double holds).
-- The extra round matters: DuckDB's multi-argument hash combines its arguments weakly, and
-- hash(seed, id, 'a') and hash(seed, id, 'b') alone are strongly correlated (r = -0.5).
create or replace temp macro unit(h) as (hash(h) >> 11)::double * 1.1102230246251565e-16;
-- Symmetric noise in (-1, 1) (triangular, sd 0.41) from two hashes.
create or replace temp macro tri(h1, h2) as unit(h1) + unit(h2) - 1.0;
-- What an assessment reports: one decimal, on the 1-5 scale.
create or replace temp macro level_of(x) as greatest(1.0, least(5.0, round(x, 1)));
-- HR sends people with low scores to training: the chance rises steeply below level 2.
create or replace temp macro selection_odds(level) as
    0.15 + 2.5 / (1.0 + exp(4.0 * (level - 2.0)));
-- Measurement noise of one assessment (sd 0.35), fresh at every assessment.
create or replace temp macro noise(h1, h2) as 0.85 * tri(h1, h2);
