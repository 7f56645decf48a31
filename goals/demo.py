"""Demo values: plausible series for every indicator × cluster and municipality.

The series are anchored on published levels for Region Midtjylland and Denmark (daily smokers
16 % in 2017 → 13 % in 2021; in 2017 25.4 % among citizens with primary school only against
6.7 % with a long higher education; obesity 13.6 % 2010 → 16.8 % 2017 → 18.5 % 2021; poor
mental health 13.2 % 2017 → 17.4 % 2021), with made-up variation between areas. They are
example data, never real figures, and the UI says so.

The demo is loaded the way steering groups report: as status workbooks through the importer,
two rounds per steering group, so that the upload history and changed values are realistic.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

import numpy as np
from openpyxl import Workbook

from goals.catalogue import Catalogue
from goals.i18n import t
from goals.periods import Frequency, Period, parse_period
from goals.store.model import Area, AreaKind

SEED = 20171
SURVEY_YEARS = (2010, 2013, 2017, 2021, 2023)
EDUCATION = (
    "Uddannelse: Grundskole",
    "Uddannelse: Erhvervsfaglig",
    "Uddannelse: Kort/mellemlang videregående",
    "Uddannelse: Lang videregående",
)
SEX = ("Køn: Mænd", "Køn: Kvinder")
# share of respondents per group, for the width of confidence intervals
GROUP_SHARE = {
    "I alt": 1.0,
    EDUCATION[0]: 0.16,
    EDUCATION[1]: 0.36,
    EDUCATION[2]: 0.30,
    EDUCATION[3]: 0.18,
    SEX[0]: 0.48,
    SEX[1]: 0.52,
}


@dataclass(frozen=True)
class SurveySeries:
    """Region level of a survey indicator per survey year, and group factors in 2010 → 2023."""

    code: str
    region: dict[int, float]
    groups: dict[str, tuple[float, float]]  # group → (factor 2010, factor 2023)
    spread: float  # how much clusters differ (relative)


SURVEYS = (
    SurveySeries(
        "RYG-01",
        {2010: 19.6, 2013: 17.4, 2017: 16.0, 2021: 13.0, 2023: 11.9},
        {
            EDUCATION[0]: (1.42, 1.55),
            EDUCATION[1]: (1.08, 1.10),
            EDUCATION[2]: (0.66, 0.62),
            EDUCATION[3]: (0.44, 0.38),
            SEX[0]: (1.05, 1.06),
            SEX[1]: (0.95, 0.94),
        },
        0.10,
    ),
    SurveySeries(
        "OVV-01",
        {2010: 13.6, 2013: 15.2, 2017: 16.8, 2021: 18.5, 2023: 19.1},
        {
            EDUCATION[0]: (1.40, 1.46),
            EDUCATION[1]: (1.14, 1.15),
            EDUCATION[2]: (0.86, 0.84),
            EDUCATION[3]: (0.58, 0.57),
            SEX[0]: (1.04, 1.03),
            SEX[1]: (0.96, 0.97),
        },
        0.09,
    ),
    SurveySeries(
        "PSY-01",
        {2010: 10.1, 2013: 11.4, 2017: 13.2, 2021: 17.4, 2023: 16.8},
        {
            EDUCATION[0]: (1.38, 1.30),
            EDUCATION[1]: (0.96, 0.95),
            EDUCATION[2]: (0.88, 0.92),
            EDUCATION[3]: (0.78, 0.84),
            SEX[0]: (0.82, 0.80),
            SEX[1]: (1.18, 1.20),
        },
        0.07,
    ),
    SurveySeries(
        "PSY-02",
        {2010: 13.4, 2013: 16.6, 2017: 21.1, 2021: 28.9, 2023: 27.2},
        {SEX[0]: (0.70, 0.66), SEX[1]: (1.30, 1.34)},
        0.08,
    ),
)

# relative level of each cluster per indicator family (smoking, obesity, mental health, admissions)
CLUSTER_FACTOR = {
    "AARHUS": {"RYG": 0.90, "OVV": 0.88, "PSY": 1.06, "ADM": 0.97, "DIA": 1.03},
    "HORSENS": {"RYG": 0.98, "OVV": 1.02, "PSY": 0.97, "ADM": 1.00, "DIA": 1.00},
    "MIDT": {"RYG": 1.04, "OVV": 1.06, "PSY": 0.95, "ADM": 1.01, "DIA": 0.98},
    "RANDERS": {"RYG": 1.13, "OVV": 1.10, "PSY": 1.00, "ADM": 1.06, "DIA": 0.96},
    "VEST": {"RYG": 1.06, "OVV": 1.08, "PSY": 0.93, "ADM": 0.95, "DIA": 1.01},
}
# citizens aged 16+ per cluster (thousands), for survey sample sizes and register denominators
CLUSTER_SIZE = {"AARHUS": 300, "HORSENS": 190, "MIDT": 200, "RANDERS": 190, "VEST": 220}


@dataclass
class DemoRound:
    """One status workbook: what a steering group reported at one point in time."""

    steering_group: str
    filename: str
    rows: list[dict[str, object]] = field(default_factory=list)
    initiatives: list[dict[str, object]] = field(default_factory=list)
    assessments: list[dict[str, object]] = field(default_factory=list)


def _family(code: str) -> str:
    return {"RYG": "RYG", "OVV": "OVV", "PSY": "PSY", "KOL": "ADM", "DIA": "DIA"}[code[:3]]


class _Generator:
    def __init__(self, catalogue: Catalogue) -> None:
        self.cat = catalogue
        self.rng = np.random.default_rng(SEED)
        self.region = catalogue.region
        self.clusters = catalogue.clusters
        self.municipalities = {
            c.code: [m for m in catalogue.members(c) if m.kind == AreaKind.MUNICIPALITY]
            for c in self.clusters
        }
        # a stable factor per municipality and family around its cluster
        self.muni_factor = {
            (m.code, fam): float(self.rng.normal(1.0, 0.06))
            for ms in self.municipalities.values()
            for m in ms
            for fam in ("RYG", "OVV", "PSY", "ADM", "DIA")
        }

    def areas(self) -> list[tuple[Area, str | None, float, int]]:
        """(area, cluster code, size share of region, respondents) for region, clusters, munis."""
        total = sum(CLUSTER_SIZE.get(c.code, 200) for c in self.clusters)
        out: list[tuple[Area, str | None, float, int]] = []
        if self.region:
            out.append((self.region, None, 1.0, 24000))
        for cluster in self.clusters:
            size = CLUSTER_SIZE.get(cluster.code, 200)
            out.append((cluster, cluster.code, size / total, 4000 + size * 8))
            munis = self.municipalities[cluster.code]
            for muni in munis:
                out.append((muni, cluster.code, size / total / len(munis), 1500))
        return out

    def factor(self, area: Area, cluster: str | None, family: str) -> float:
        if cluster is None:
            return 1.0
        f = CLUSTER_FACTOR.get(cluster, {}).get(family, 1.0)
        if area.kind == AreaKind.MUNICIPALITY:
            f *= self.muni_factor[(area.code, family)]
        return f

    def survey_rows(self, years: tuple[int, ...]) -> list[dict[str, object]]:
        rows: list[dict[str, object]] = []
        for series in SURVEYS:
            family = _family(series.code)
            for area, cluster, _, respondents in self.areas():
                base_factor = self.factor(area, cluster, family)
                # clusters drift a little differently over time
                drift = float(self.rng.normal(0.0, series.spread / 4))
                for year in years:
                    if year not in series.region:
                        continue
                    t = (year - 2010) / 13
                    level = series.region[year] * base_factor * (1 + drift * (t - 0.5))
                    groups = {"I alt": 1.0} | {
                        g: a + (b - a) * t for g, (a, b) in series.groups.items()
                    }
                    for group, gf in groups.items():
                        n = max(int(respondents * GROUP_SHARE[group]), 30)
                        # half the sampling error of a share: weighted survey estimates move
                        # less than raw counts, and the series should read as plausible trends
                        expected = float(np.clip(level * gf, 0.5, 95.0)) / 100
                        relative_se = np.sqrt((1 - expected) / (expected * n))
                        noise = 1 + float(self.rng.normal(0, 0.5 * relative_se))
                        p = float(np.clip(100 * expected * noise, 0.5, 95.0))
                        se = 100 * float(np.sqrt(p / 100 * (1 - p / 100) / n))
                        rows.append(
                            {
                                "Indikator": series.code,
                                "Område": area.name,
                                "Periode": str(year),
                                "Gruppe": group,
                                "Værdi": round(p, 1),
                                "Nedre": round(max(p - 1.96 * se, 0.0), 1),
                                "Øvre": round(min(p + 1.96 * se, 100.0), 1),
                            }
                        )
        return rows

    def register_rows(self, last: Period) -> list[dict[str, object]]:
        """Quarterly admission rates (rolling 12 months) and the yearly early-detection share.

        Municipal numerators and denominators are generated first; clusters and the region
        are their sums, so the levels add up as in a real register.
        """
        rows: list[dict[str, object]] = []
        quarters: list[Period] = []
        q = Period(2018, Frequency.QUARTER, 1)
        while q <= last:
            quarters.append(q)
            q = q.next()
        for code, prevalence, rate0, trend in (
            ("KOL-01", 0.026, 322.0, -0.018),
            ("DIA-01", 0.052, 148.0, -0.012),
        ):
            family = _family(code)
            sums: dict[str, dict[str, list[int]]] = {}
            for cluster in self.clusters:
                size = CLUSTER_SIZE.get(cluster.code, 200) * 1000
                munis = self.municipalities[cluster.code]
                for muni in munis:
                    denom0 = size / len(munis) * prevalence * self.muni_factor[(muni.code, "DIA")]
                    f = self.factor(muni, cluster.code, family)
                    for quarter in quarters:
                        years = quarter.years - 2018
                        covid = (
                            0.86
                            if quarter.code in ("2020K2", "2020K3", "2020K4", "2021K1")
                            else 1.0
                        )
                        rate = rate0 * f * (1 + trend) ** years * covid
                        rate *= 1 + float(self.rng.normal(0, 0.025))
                        denom = int(denom0 * (1 + 0.01 * years))
                        num = round(rate * denom / 1000)
                        rows.append(self._rate_row(code, muni, quarter, num, denom))
                        cell = sums.setdefault(cluster.code, {}).setdefault(quarter.code, [0, 0])
                        cell[0] += num
                        cell[1] += denom
            for cluster in self.clusters:
                for quarter in quarters:
                    num, denom = sums[cluster.code][quarter.code]
                    rows.append(self._rate_row(code, cluster, quarter, num, denom))
            if self.region:
                for quarter in quarters:
                    num = sum(sums[c.code][quarter.code][0] for c in self.clusters)
                    denom = sum(sums[c.code][quarter.code][1] for c in self.clusters)
                    rows.append(self._rate_row(code, self.region, quarter, num, denom))

        # DIA-02: share of new type 2 diabetes diagnosed early, yearly 2017 →
        sums2: dict[tuple[str, int], list[int]] = {}
        for cluster in self.clusters:
            size = CLUSTER_SIZE.get(cluster.code, 200)
            munis = self.municipalities[cluster.code]
            for muni in munis:
                f = 2 - self.factor(muni, cluster.code, "DIA")
                for year in range(2017, last.year + (1 if last.index == 4 else 0)):
                    share = float(np.clip((54.0 + 0.9 * (year - 2017)) * f, 20, 95))
                    denom = int(size * 1000 * 0.0045 / len(munis))
                    num = round(share / 100 * denom + self.rng.normal(0, 3))
                    rows.append(self._share_row("DIA-02", muni, year, num, denom))
                    cell = sums2.setdefault((cluster.code, year), [0, 0])
                    cell[0] += num
                    cell[1] += denom
        years = sorted({y for _, y in sums2})
        for cluster in self.clusters:
            for year in years:
                num, denom = sums2[(cluster.code, year)]
                rows.append(self._share_row("DIA-02", cluster, year, num, denom))
        if self.region:
            for year in years:
                num = sum(sums2[(c.code, year)][0] for c in self.clusters)
                denom = sum(sums2[(c.code, year)][1] for c in self.clusters)
                rows.append(self._share_row("DIA-02", self.region, year, num, denom))
        return rows

    @staticmethod
    def _rate_row(
        code: str, area: Area, quarter: Period, num: int, denom: int
    ) -> dict[str, object]:
        rate = num / denom * 1000
        half = 1.96 * float(np.sqrt(max(num, 1))) / denom * 1000
        return {
            "Indikator": code,
            "Område": area.name,
            "Periode": quarter.code,
            "Gruppe": "I alt",
            "Værdi": round(rate, 1),
            "Tæller": num,
            "Nævner": denom,
            "Nedre": round(max(rate - half, 0.0), 1),
            "Øvre": round(rate + half, 1),
        }

    @staticmethod
    def _share_row(code: str, area: Area, year: int, num: int, denom: int) -> dict[str, object]:
        p = num / denom
        half = 1.96 * float(np.sqrt(p * (1 - p) / denom))
        return {
            "Indikator": code,
            "Område": area.name,
            "Periode": str(year),
            "Gruppe": "I alt",
            "Værdi": round(100 * p, 1),
            "Tæller": num,
            "Nævner": denom,
            "Nedre": round(100 * max(p - half, 0.0), 1),
            "Øvre": round(100 * min(p + half, 1.0), 1),
        }


INITIATIVES = {
    "KOL-1": [
        ("Rygestop i jobcentret", "I gang", "Evaluering af første hold"),
        ("Røgfri skoletid på erhvervsskoler", "Gennemført", ""),
        ("Rygestoprådgivning i almen praksis", "Forsinket", "Aftale om henvisning"),
    ],
    "KOL-2": [
        ("Opfølgende hjemmebesøg efter udskrivelse", "I gang", "Fælles henvisningsflow"),
        ("KOL-rehabilitering i kommunen", "Gennemført", ""),
    ],
    "DIA-1": [
        ("Opsporing af type 2-diabetes i almen praksis", "I gang", "Data fra første år"),
        ("Diabetesskole for borgere med kort uddannelse", "Ikke startet", "Opstart af første hold"),
    ],
    "DIA-2": [("Vægttab og livsstil i sundhedscentret", "I gang", "Midtvejsevaluering")],
    "PSY-1": [
        ("Mindfulness i udskolingen", "I gang", "Udbredelse til flere skoler"),
        ("Åben rådgivning for unge", "Stoppet", ""),
    ],
    "PSY-2": [("Sammen om mental sundhed – lokalt partnerskab", "I gang", "Temadag")],
}
LIGHTS = ("Grøn", "Gul", "Rød")
ASSESSMENT_TEXT = {
    "Grøn": "Udviklingen går i den rigtige retning, og indsatserne kører som planlagt.",
    "Gul": "Der er fremgang, men ikke hurtigt nok til at nå målet. Indsatserne justeres.",
    "Rød": "Udviklingen går den forkerte vej. Styregruppen drøfter nye tiltag på næste møde.",
}


def _plan(name: str, n: int, status: str, year: int) -> dict[str, object]:
    """An initiative's Start, Slut, Budget and Forbrug (kr.) as reported in `year`'s round:
    four- to six-year initiatives from 2022–2024 with budgets of 150,000–550,000 kr.; about
    one in seven has spent more than its budget by the second round, and a delayed one ran past its
    end date."""
    start = dt.date(2022 + n % 3, 1 + (n * 5) % 12, 1)
    if status == "Ikke startet":
        start = dt.date(year + 3, 1 + n % 6, 1)
    end = dt.date(start.year + 4 + (n // 3) % 3, start.month, 1) - dt.timedelta(days=1)
    if status == "Forsinket":
        end = dt.date(2026, 6, 30)
    salt = sum(map(ord, name)) + 7 * n
    budget = 150_000 + 25_000 * (salt % 17)
    share = {"Gennemført": 0.96, "Stoppet": 0.4, "Ikke startet": 0.0}.get(
        status, 0.4 + salt % 5 / 10
    )
    if year == 2022:
        share = min(share, 0.2)
    elif salt % 7 == 3 and status != "Ikke startet":
        share = 1.04 + salt % 4 * 0.05
    return {"Start": start, "Slut": end, "Budget": budget, "Forbrug": round(budget * share)}


#: The secretariat's pool for development work (0,5 mio. kr. a year) in the demo.
DEMO_POOL = {
    "code": "BEREDSKAB",
    "name": "Beredskabspuljen",
    "name_en": "Development pool",
    "years": {2023: (500_000, 455_000), 2024: (500_000, 530_000), 2025: (500_000, 480_000),
              2026: (500_000, 210_000)},
}  # fmt: skip


#: Residents on 1 January 2025 by municipality code (rounded published levels, Danmarks
#: Statistik FOLK1A) and the yearly growth the demo applies backwards to 2020.
POPULATION = {
    "751": (373_000, 0.011), "741": (3_650, -0.008), "766": (47_600, 0.006),
    "615": (98_000, 0.011), "727": (24_000, 0.004), "746": (65_000, 0.009),
    "740": (99_000, 0.008), "779": (45_600, -0.002), "791": (97_800, 0.003),
    "710": (49_800, 0.006), "707": (37_100, -0.002), "730": (99_700, 0.004),
    "706": (43_600, 0.005), "657": (90_200, 0.004), "661": (59_000, 0.001),
    "756": (42_000, 0.003), "665": (19_300, -0.006), "760": (56_200, -0.002),
    "671": (20_400, -0.003),
    # Region Nordjylland
    "860": (64_200, -0.003), "810": (36_300, 0.002), "813": (58_600, -0.004),
    "825": (1_750, -0.010), "851": (223_000, 0.009), "849": (38_500, 0.001),
    "820": (36_100, -0.003), "840": (31_000, 0.005), "846": (41_800, -0.001),
    "773": (19_800, -0.006), "787": (43_300, -0.002),
}  # fmt: skip
POPULATION_YEARS = range(2020, 2026)


def population_round(catalogue: Catalogue) -> DemoRound:
    """The secretariat's klyngedata: residents per municipality, cluster and the region, 1
    January 2020–2025 (a cluster is the sum of its municipalities, the region of all)."""
    gen = _Generator(catalogue)
    rows: list[dict[str, object]] = []
    region_total = dict.fromkeys(POPULATION_YEARS, 0)
    for cluster in gen.clusters:
        cluster_total = dict.fromkeys(POPULATION_YEARS, 0)
        for muni in gen.municipalities[cluster.code]:
            level, growth = POPULATION.get(muni.official_code or "", (40_000, 0.0))
            for year in POPULATION_YEARS:
                value = round(level * (1 + growth) ** (year - 2025))
                cluster_total[year] += value
                rows.append(_population_row(muni.name, year, value))
        for year, value in cluster_total.items():
            region_total[year] += value
            rows.append(_population_row(cluster.name, year, value))
    if gen.region is not None:
        rows += [_population_row(gen.region.name, y, v) for y, v in region_total.items()]
    return DemoRound("SEKRETARIAT", "demo_klyngedata_2025.xlsx", rows)


def _population_row(area: str, year: int, value: int) -> dict[str, object]:
    return {"Indikator": "BEF-01", "Område": area, "Periode": str(year), "Gruppe": "I alt",
            "Værdi": value}  # fmt: skip


def demo_rounds(catalogue: Catalogue) -> list[DemoRound]:
    """The demo as status workbooks: two rounds for each steering group, and the secretariat's
    klyngedata (the population)."""
    gen = _Generator(catalogue)
    first_cut = Period(2022, Frequency.QUARTER, 4)
    values = gen.survey_rows(SURVEY_YEARS) + gen.register_rows(Period(2024, Frequency.QUARTER, 4))
    early = [r for r in values if parse_period(r["Periode"]) <= first_cut]
    by_group = {sg.code: sg for sg in catalogue.steering_groups}

    def owned(code: str, rows: list[dict[str, object]]) -> list[dict[str, object]]:
        sg = by_group[code]
        mine = {i.code for i in catalogue.indicators_of_steering_group(sg)}
        return [dict(r) for r in rows if r["Indikator"] in mine]

    rounds: list[DemoRound] = []
    # each steering group (in the order of the goals they own) reports in 2022 and in 2024
    owners = {sg.id: sg.code for sg in catalogue.steering_groups}
    groups = list(dict.fromkeys(owners[g.steering_group_id] for g in catalogue.goals))
    for code, year in [(sg, y) for y in (2022, 2024) for sg in groups]:
        rows = owned(code, early if year == 2022 else values)
        if year == 2024:
            # the second round repeats the earlier values; a few 2021 survey values were
            # corrected since, as happens when survey weights are recalculated
            corrected = 0
            for row in rows:
                if row["Periode"] == "2021" and row["Gruppe"] == "I alt" and corrected < 4:
                    row["Værdi"] = round(float(row["Værdi"]) + 0.2, 1)
                    row["Kommentar"] = "Rettet efter genberegning af vægte"
                    corrected += 1
        demo_round = DemoRound(code, f"demo_statusark_{code.lower()}_{year}.xlsx", rows)
        goals = [g for g in catalogue.goals if g.steering_group_id == by_group[code].id]
        for i, goal in enumerate(goals):
            for j, cluster in enumerate(gen.clusters):
                for k, (name, status, milestone) in enumerate(INITIATIVES.get(goal.code, [])):
                    if (i + j + k) % 3 == 2:
                        continue
                    if year == 2022 and status == "Gennemført":
                        status = "I gang"
                    demo_round.initiatives.append(
                        {
                            "Mål": goal.title,
                            "Indsats": name,
                            "Område": cluster.name,
                            "Status": status,
                            "Næste milepæl": milestone,
                            "Dato": dt.date(year + 1, 1 + (j * 2 + k) % 12, 15)
                            if milestone
                            else None,
                            "Ansvarlig": gen.municipalities[cluster.code][0].name
                            if k % 2 == 0
                            else "Klyngesekretariatet",
                            **_plan(name, i + j + k, status, year),
                        }
                    )
                light = LIGHTS[(i + j + (year == 2024)) % 3]
                demo_round.assessments.append(
                    {
                        "Mål": goal.title,
                        "Område": cluster.name,
                        "Periode": str(year),
                        "Trafiklys": light,
                        "Status": ASSESSMENT_TEXT[light],
                    }
                )
        rounds.append(demo_round)
    if catalogue.indicator("BEF-01") is not None:
        rounds.append(population_round(catalogue))
    return rounds


def round_workbook(demo_round: DemoRound) -> bytes:
    """The round as an .xlsx status workbook in the long layout, with the contract's Danish
    column headers (the same ones the export writes)."""
    from goals.workbook.export import ASSESSMENT_HEADERS, INDICATOR_HEADERS, INITIATIVE_HEADERS

    wb = Workbook(write_only=True)
    for title, keys, rows in (
        ("Indikatorer", INDICATOR_HEADERS, demo_round.rows),
        ("Indsatser", INITIATIVE_HEADERS, demo_round.initiatives),
        ("Vurdering", ASSESSMENT_HEADERS, demo_round.assessments),
    ):
        headers = [t(f"workbook.col.{key}", "da") for key in keys]
        ws = wb.create_sheet(title)
        ws.append(list(headers))
        for row in rows:
            ws.append([row.get(h) for h in headers])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
