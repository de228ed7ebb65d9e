"""Map the market: corpus analytics from a laptop to a cluster.

``run_market`` reads job-board corpora (every format ``skillmix.io.read_corpus`` reads),
marks exact and near duplicates, extracts skills, classifies whether each posting asks
for professional social media skills, and writes partitioned Parquet tables (postings,
mentions) that DuckDB queries. It runs in a local process pool or on Dask, and a killed
run resumes where it stopped. ``build_report``/``write_report`` turn a run into an HTML
report with charts plus CSV, Parquet and JSON tables. See docs/market.md.
"""

from __future__ import annotations

from .aggregates import Headline, ReportTable
from .classify import (
    ClassifierRules,
    SocialMediaClassifier,
    SocialMediaVerdict,
    market_taxonomy_spec,
)
from .dedup import DedupSettings
from .evaluate import (
    Agreement,
    ClassifierEvaluation,
    cross_validate_labels,
    evaluate_classifier,
    keyword_verdict,
    label_agreement,
)
from .learned import LearnedSocialMediaClassifier, MarketModel
from .pipeline import Progress, RunSummary, run_market
from .plan import describe_input
from .query import query
from .report import MarketReport, build_report, write_report
from .run_folder import MarketStore
from .worker import RunSettings, title_family

__all__ = [
    "Agreement",
    "ClassifierEvaluation",
    "ClassifierRules",
    "DedupSettings",
    "Headline",
    "LearnedSocialMediaClassifier",
    "MarketModel",
    "MarketReport",
    "MarketStore",
    "Progress",
    "ReportTable",
    "RunSettings",
    "RunSummary",
    "SocialMediaClassifier",
    "SocialMediaVerdict",
    "build_report",
    "cross_validate_labels",
    "describe_input",
    "evaluate_classifier",
    "keyword_verdict",
    "label_agreement",
    "market_taxonomy_spec",
    "query",
    "run_market",
    "title_family",
    "write_report",
]
