"""analytics.metrics.common.map_few, the fast lookup of a long column's few values, is
Series.map."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.metrics import common

KEYS = st.sampled_from(["a", "b", "c", "d", None])


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(KEYS, max_size=30),
    mapping=st.dictionaries(st.sampled_from(["a", "b", "c"]), st.one_of(
        st.text(max_size=3), st.floats(allow_nan=False)), max_size=3),
    dtype=st.sampled_from(["str", "object"]),
)  # fmt: skip
def test_map_few_is_series_map(values: list[str | None], mapping: dict, dtype: str) -> None:
    s = pd.Series(values, dtype=dtype, name="competency_id", index=range(10, 10 + len(values)))
    pd.testing.assert_series_equal(common.map_few(s, mapping), s.map(mapping))
