-- What the treated pairs' training cost, per programme. An event's cost is shared equally
-- among all its participants (completed or not: the seats were paid for).
-- One row per title with a competency that a selected treated pair completed in (d0, d1].
-- Columns: title, competency_id, spent (Σ of the pairs' shares of the title's events),
-- shares_without_cost (such events whose cost is unknown).
with selected as (
    select s.emp_key, s.competency_key, s.d0, s.d1
    from pair s
    where s.treated and {year_s} and {where_s}
),
taken as (
    -- completed events of the pair's competency ending in (d0, d1]
    select t.training_key, t.title, t.competency_key, t.cost_idr
    from selected s
    join participations p on p.emp_key = s.emp_key and p.completed
    join trainings t
      on t.training_key = p.training_key and t.competency_key = s.competency_key
     and t.end_date > s.d0 and t.end_date <= s.d1
),
seats as (
    select p.training_key, count(*) as participants
    from participations p
    where p.training_key in (select training_key from taken)
    group by p.training_key
),
final as (
    select tk.title, c.competency_id,
           -- each share in 1/10,000 rupiah: sums exact in any order (as programme_cell)
           sum((tk.cost_idr / se.participants)::decimal(38, 4))::double as spent,
           count(*) filter (where tk.cost_idr is null) as shares_without_cost
    from taken tk
    join seats se on se.training_key = tk.training_key
    join competencies c on c.competency_key = tk.competency_key
    group by tk.title, c.competency_id
)
select * from final
