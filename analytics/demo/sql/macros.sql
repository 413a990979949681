-- Draws of the demo store. Every random number is a hash of (seed, column name, row ids), so
-- a value never depends on thread count, row order or which other rows exist: the same seed
-- gives the same store on any machine running this DuckDB version.

-- draw(seed, 'column', id, ...): a number in [0, 1). hash(col) is folded to a constant at
-- bind time (hashing the text on every row costs 4x). The outer hash matters: DuckDB's
-- multi-argument hash combines its arguments weakly, and two draws differing only in the
-- column would otherwise be strongly correlated (r = -0.5). Top 53 bits: a double's worth.
create or replace temp macro draw(s, col, a) as
        (hash(hash(s, a, hash(col))) >> 11)::double * 1.1102230246251565e-16,
    (s, col, a, b) as
        (hash(hash(s, a, b, hash(col))) >> 11)::double * 1.1102230246251565e-16,
    (s, col, a, b, c) as
        (hash(hash(s, a, b, c, hash(col))) >> 11)::double * 1.1102230246251565e-16;
-- The same from a row key k = hash(seed, ids...) computed once per row: one hash per draw,
-- for the wide rows that need twenty draws each.
create or replace temp macro draw_k(k, col) as
    (hash(xor(k, hash(col))) >> 11)::double * 1.1102230246251565e-16;
-- Symmetric noise in (-1, 1), triangular (sd 0.41): two draws.
create or replace temp macro tri(s, col, a) as
        draw(s, col, a) + draw(s, col || '~', a) - 1.0,
    (s, col, a, b) as
        draw(s, col, a, b) + draw(s, col || '~', a, b) - 1.0;
create or replace temp macro tri_k(k, col) as draw_k(k, col) + draw_k(k, col || '~') - 1.0;
-- Measurement noise of one assessment (sd 0.29), fresh at every assessment.
create or replace temp macro noise(k, col) as 0.7 * tri_k(k, col);
-- What an assessment reports: one decimal, on the 1-5 scale.
create or replace temp macro level_of(x) as greatest(1.0, least(5.0, round(x, 1)));
-- A person's ability in a competency as assessors see it against the position's standard r:
-- below r it is stretched further down, above r shrunk towards r (levels two or three above a
-- low standard are rare in real reports). No standard: as it is.
create or replace temp macro shape(x, r) as
    case when r is null then x
         when x < r then r - 1.6 * (r - x)
         else r + 0.15 * (x - r) end;
-- HR sends people with low scores to training: someone with level l joins with probability
-- reach * (0.15 + 2.5 / (1 + exp(4 (l - 2)))), steep below level 2. Given the draw u, that
-- is "l below cutoff(u, reach)": a threshold fixed before the level is known, which keeps
-- the chain of years cheap to evaluate.
create or replace temp macro cutoff(u, reach) as
    case when u >= 2.65 * reach then -1.0
         when u <= 0.15 * reach then 9.0
         else 2.0 + ln(2.5 / (u / reach - 0.15) - 1.0) / 4.0 end;
