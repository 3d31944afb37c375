"""A hand-written pandas and NumPy version of national benchmarking, for comparison.

Not corpparent: it uses no corpparent code, only pandas and NumPy, and computes what
``corpparent.dfe.national_table.benchmark_all`` does, the way a careful analyst would
in pandas: rank with ``groupby().rank(method="min")``, quartile cuts by R's type 7 as
LAIT works them (``(1 - h) * x[lo] + h * x[hi]``, read from the sorted values of each
group; pandas' own ``quantile`` rounds differently on the published file's float noise),
neighbours and Outstanding groups by merges. Used by
``benchmarks/national.py`` to time the engine against it and to check the two agree.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

import numpy as np
import pandas as pd

#: The month each LAIT year type's years end in.
YEAR_END = {"financial year": 3, "annual": 3, "academic year": 8, "calendar year": 12,
            "annual (end of sept)": 9, "annual - january": 1}
#: The regions' names on their own rows, by the names the authorities' rows give them.
REGION_ROWS = {"Inner London": "London (Inner)", "Outer London": "London (Outer)",
               "Yorkshire and The Humber": "Yorkshire and the Humber"}


def read(path: Path) -> pd.DataFrame:
    """The dataset, with the values as numbers (NaN for '-' and symbols)."""
    frame = pd.read_parquet(path, columns=["Short Desc", "Years", "LA and Regions",
                                           "Values", "LA Number", "Region"])
    frame["value"] = pd.to_numeric(frame["Values"], errors="coerce")
    return frame


def _label_key(label: str, year_type: str) -> tuple[float, float]:
    """(end year, years covered) of a label; NaN when it is no period."""
    month = YEAR_END.get(year_type.strip().lower())
    text = re.sub(r"\s*\([A-Za-z]+\)$", "", label.strip())
    if month is None:
        return (np.nan, np.nan)
    if re.fullmatch(r"\d{4}", text):
        return (float(text), 1.0)
    if (m := re.fullmatch(r"(\d{4})[-/](\d{2})", text)) and int(m[2]) == (int(m[1]) + 1) % 100:
        return (float(int(m[1]) + 1), 1.0)
    if month in (3, 8, 12) and (m := re.fullmatch(r"(\d{4})/(\d{2})-(\d{2})/(\d{2})", text)):
        return (float(int(m[1]) // 100 * 100 + int(m[4])), 3.0)
    if month == 12 and (m := re.fullmatch(r"(\d{4})-(\d{2})", text)):
        last = int(m[1]) // 100 * 100 + int(m[2])
        return (float(last), float(last - int(m[1]) + 1))
    return (np.nan, np.nan)


def evaluate(frame: pd.DataFrame, dictionary: pd.DataFrame, neighbours: pd.DataFrame,
             outstanding: Collection[str]) -> pd.DataFrame:
    """One row per authority, measure and label, with the engine's figures."""
    info = dictionary.drop_duplicates("Measure_short").set_index("Measure_short")
    measures = frame[["Short Desc", "Years"]].drop_duplicates()
    year_type = measures["Short Desc"].map(info["Year_Type"]).fillna("")
    keys = [_label_key(y, t) for y, t in zip(measures["Years"], year_type, strict=True)]
    measures["end"] = [k[0] for k in keys]
    measures["span"] = [k[1] for k in keys]
    measures = measures.dropna(subset=["end"])
    polarity = measures["Short Desc"].map(info["Polarity"])
    measures["sign"] = np.select([polarity == "Low", polarity == "High"], [1.0, -1.0], 0.0)
    # LAIT's "no_qb_indicators": a measure any dictionary row marks No_Quartile = N.
    unbanded = set(dictionary.loc[dictionary["No_Quartile"] == "N", "Measure_short"])
    measures["banded"] = (measures["sign"] != 0) & ~measures["Short Desc"].isin(unbanded)
    data = frame.merge(measures, on=["Short Desc", "Years"])
    local = data[data["LA Number"] < 970].copy()
    local["code"] = local["LA Number"].astype(int).astype(str)
    group = ["Short Desc", "Years"]
    # England and the region, from their own rows.
    published = data[data["LA Number"] >= 970][[*group, "LA and Regions", "value"]]
    england = published[published["LA and Regions"] == "England"].rename(
        columns={"value": "england"}).drop(columns="LA and Regions")
    local = local.merge(england, on=group, how="left")
    local["region_row"] = local["Region"].replace(REGION_ROWS)
    region = published.rename(columns={"LA and Regions": "region_row",
                                       "value": "region_value"})
    local = local.merge(region, on=[*group, "region_row"], how="left")
    # Rank ("min" ties, 1 best) and quartile band (A best).
    local["key"] = local["value"] * local["sign"]
    grouped = local.groupby(group, sort=False)
    local["rank"] = grouped["key"].rank(method="min")
    local.loc[local["sign"] == 0, "rank"] = np.nan
    local["ranked"] = grouped["value"].transform("count")
    cuts = _type7_cuts(local, group)
    local = local.merge(cuts, left_on=group, right_index=True, how="left")
    quarter = ((local["value"] > local["q25"]).astype(int) + (local["value"] > local["q50"])
               + (local["value"] > local["q75"]))
    letter = np.where(local["sign"] > 0, quarter, 3 - quarter)
    ok = local["banded"] & (local["ranked"] >= 4) & local["value"].notna()
    local["band"] = np.where(ok, np.array(list("ABCD"))[np.clip(letter, 0, 3)], None)
    # Statistical neighbours: mean and median of those with a value.
    pairs = neighbours.melt(id_vars="old_la_code", value_vars=[f"SN_{i}" for i in range(1, 11)],
                            value_name="neighbour")[["old_la_code", "neighbour"]].dropna()
    pairs = pairs.astype(str).rename(columns={"old_la_code": "code"})
    values = local[[*group, "code", "value"]]
    joined = values[[*group, "code"]].merge(pairs, on="code").merge(
        values.rename(columns={"code": "neighbour", "value": "nvalue"}),
        on=[*group, "neighbour"], how="left")
    stats = joined.groupby([*group, "code"])["nvalue"].agg(["mean", "median", "count"])
    stats.columns = ["neighbours_mean", "neighbours_median", "neighbours_with_value"]
    local = local.merge(stats, left_on=[*group, "code"], right_index=True, how="left")
    local["in_model"] = local["code"].isin(pairs["code"])
    # The other Outstanding authorities: mean, count, and how many the value beats.
    members = local[local["code"].isin(set(outstanding))]
    totals = members.groupby(group)["value"].agg(["sum", "count"])
    local = local.merge(totals, left_on=group, right_index=True, how="left")
    own = local["code"].isin(set(outstanding)) & local["value"].notna()
    count = local["count"].fillna(0) - own
    total = local["sum"].fillna(0) - np.where(own, local["value"], 0.0)
    local["outstanding_mean"] = np.where(count > 0, total / count.where(count > 0, 1), np.nan)
    local["outstanding_with_value"] = count
    both = pd.concat([local[[*group, "key"]].assign(tag=1, row=np.arange(len(local))),
                      members[[*group]].assign(key=members["value"] * members["sign"],
                                               tag=0, row=-1)])
    both = both[both["key"].notna()].sort_values([*group, "key", "tag"], kind="stable")
    # Lower key is better: members sorted after a value (strictly greater keys) are
    # beaten. Count members at or below each value, with members first among equals.
    both["members_so_far"] = (both["tag"] == 0).groupby(
        [both[g] for g in group]).cumsum()
    authorities = both[both["tag"] == 1]
    at_or_below = pd.Series(authorities["members_so_far"].to_numpy(),
                            index=authorities["row"].to_numpy())
    beaten = local["count"].fillna(0).to_numpy() - at_or_below.reindex(
        np.arange(len(local))).to_numpy()
    local["outstanding_better_than"] = np.where(
        (local["sign"] != 0) & local["value"].notna(), beaten, np.nan)
    # Direction of travel against the period just before only.
    before = local[[*group, "code", "value", "end", "span"]].copy()
    before["end"] = before["end"] + 1
    before = before.rename(columns={"value": "previous_value", "Years": "previous_years"})
    local = local.merge(before, on=["Short Desc", "code", "end", "span"], how="left")
    change = local["value"] - local["previous_value"]
    local["direction"] = np.select([change > 0, change < 0, change == 0],
                                   ["increase", "decrease", "no change"], "not comparable")
    return local


def main(folder: Path | None = None) -> None:
    """Run the baseline alone on a folder of the files and print how long it takes."""
    import sys
    import time

    base = folder or (Path(sys.argv[1]) if len(sys.argv) > 1 else
                      Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "dfe")
    dictionary = pd.read_csv(base / "lait_data_dictionary.csv", dtype=str,
                             keep_default_na=False, encoding="utf-8-sig")
    model = pd.read_csv(base / "sn_model_2025_wide.csv", dtype=str)
    ofsted = pd.read_csv(base / "ofsted_ilacs_outcomes_2025-03-31.csv", dtype=str)
    # The baseline takes the Outstanding authorities by old LA code: match Ofsted's names
    # to the neighbour model's, the one file here giving both.
    names = {n.casefold(): c for n, c in zip(model["la_name"], model["old_la_code"],
                                              strict=True)}
    chosen = ofsted.loc[ofsted["Overall effectiveness"] == "Outstanding",
                        "Local authority name"]
    outstanding = {names[n.casefold()] for n in chosen if n.casefold() in names}
    start = time.perf_counter()
    frame = read(base / "lait_bds_long.parquet")
    result = evaluate(frame, dictionary, model, outstanding)
    print(f"{len(result):,} rows in {time.perf_counter() - start:.2f} s "
          f"({len(outstanding)} Outstanding authorities matched by name)")


if __name__ == "__main__":
    main()


def _type7_cuts(local: pd.DataFrame, group: list[str]) -> pd.DataFrame:
    """Each group's 25th, 50th and 75th percentiles by R's type 7: with ``n`` sorted
    values, ``index = 1 + (n - 1) * p``, and ``(1 - h) * x[lo] + h * x[hi]`` where
    ``h = index - floor(index)`` is above 0 and the two values differ, else ``x[lo]``."""
    values = local.loc[local["value"].notna(), [*group, "value"]].sort_values([*group, "value"])
    sizes = values.groupby(group, sort=False).size()
    ordered = values["value"].to_numpy()
    count = sizes.to_numpy()
    start = np.concatenate([[0], np.cumsum(count)[:-1]])
    cuts = {}
    for name, p in (("q25", 0.25), ("q50", 0.5), ("q75", 0.75)):
        index = 1 + (count - 1) * p
        low, high = np.floor(index).astype(int), np.ceil(index).astype(int)
        h = index - low
        below, above = ordered[start + low - 1], ordered[start + high - 1]
        cuts[name] = np.where((h > 0) & (below != above), (1 - h) * below + h * above, below)
    return pd.DataFrame(cuts, index=sizes.index)
