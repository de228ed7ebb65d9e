"""The learned market classifier: features read in context, the JSON model, its verdicts,
the cross-validation machinery, label agreement, and (on the shared labels) the
cross-validated figures against the keyword baseline in the same folds."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from skillmix.errors import ConfigError
from skillmix.market import LearnedSocialMediaClassifier, MarketModel, label_agreement
from skillmix.market.features import AREAS, cue_sentences, posting_features, sentences, title_names_social
from skillmix.market.learned import LinearModel

REPO = Path(__file__).resolve().parents[2]
LABELS = REPO / "data" / "labels" / "market_labels.jsonl"


def _cue(text: str):
    cues = cue_sentences(text)
    assert len(cues) == 1, cues
    return cues[0]


def test_features_duty_sentence_qualifies() -> None:
    c = _cue("Responsibilities\n- Manage our social media accounts and schedule posts.")
    assert c.kind == "practice" and c.hire and c.qualifies


def test_features_incidental_and_company_sentences_do_not_qualify() -> None:
    assert not _cue("Follow us on Instagram and LinkedIn!").qualifies
    assert not _cue("We're aware of fraudulent accounts posing as recruiters on LinkedIn.").qualifies
    assert not _cue("As a social media platform, we are founded on trust.").qualifies
    # the company talking about itself, but to the hire: it asks something
    assert _cue("You will manage our social media presence.").qualifies


def test_features_social_work_and_care_are_not_social_media() -> None:
    assert cue_sentences("Qualified Social Worker needed for adult social care and social services.") == []
    assert cue_sentences("Support residents with social activities and social outings.") == []
    assert not title_names_social("Senior Social Worker")
    assert title_names_social("Social Media Manager")


def test_features_bare_social_counts_only_in_a_channel_list() -> None:
    assert _cue("Design assets for digital, print, video, social and email.").kind == "list"
    assert cue_sentences("We value a social atmosphere.") == []


def test_features_platform_only_and_levels() -> None:
    c = _cue("Experience with LinkedIn and Slack is a plus.")
    assert c.kind == "platform" and c.level == "preferred"
    assert _cue("Must have 3+ years of social media marketing experience.").level == "required"


def test_features_platform_with_what_is_made_on_it_and_tools_are_the_practice() -> None:
    assert _cue("You're happy designing for matchbooks, Instagram ads, emails and webpages.").kind == "practice"
    assert _cue("Serve as a public-facing leader through channels like Twitter Spaces and AMAs.").kind == "practice"
    assert _cue("Experience with LinkedIn Sales Navigator is a plus.").kind == "practice"
    assert _cue("Please send a link to your LinkedIn profile.").kind == "platform"


def test_features_self_description_and_business_influencers_do_not_qualify() -> None:
    # hire words ("our employees", "understanding") do not undo the company describing itself
    c = _cue("As a social media platform, we require our employees to have a strong understanding of privacy.")
    assert c.self_description and not c.qualifies
    assert cue_sentences("You will identify the decision makers and influencers at each organization.") == []


def test_features_sentences_split_where_line_breaks_were_lost() -> None:
    text = "Managing social media content calendarCreating engaging postsProducing videos for TikTok and YouTube"
    assert [text[s:e] for s, e in sentences(text)] == [
        "Managing social media content calendar", "Creating engaging posts", "Producing videos for TikTok and YouTube"]
    assert len(sentences("Share it on LinkedIn and WordPress.")) == 1


def test_features_sentences_split_at_glued_bullets() -> None:
    text = "KEY RESPONSIBILITIES\u25cf Plan programs.\u25cf Create content for social media and newsletters."
    assert [text[s:e] for s, e in sentences(text)] == [
        "KEY RESPONSIBILITIES", "\u25cf Plan programs.", "\u25cf Create content for social media and newsletters."]


def test_features_sentence_spans_slice_the_text() -> None:
    text = "Line one. Line two!\n- bullet three\n\nFour"
    spans = sentences(text)
    assert [text[s:e] for s, e in spans] == ["Line one.", "Line two!", "- bullet three", "Four"]


def test_features_names_are_stable_for_every_posting() -> None:
    a = posting_features("Engineer", "Write Python.")
    b = posting_features("Social Media Manager", "Manage our social media channels. Report on engagement.")
    assert list(a.social) == list(b.social) and list(a.strength) == list(b.strength)
    assert list(a.areas) == list(b.areas)
    assert b.social["practice_sentences"] > a.social["practice_sentences"] == 0


def _toy_model(threshold: float = 0.5) -> MarketModel:
    def lin(feature: str, w: float, b: float) -> LinearModel:
        return LinearModel((feature,), (0.0,), (1.0,), (w,), b, threshold)

    return MarketModel(version="toy", features_version="1", requires=lin("practice_sentences", 8.0, -2.0),
                       strength=lin("title_social", 8.0, -4.0),
                       areas={a: lin(f"title_{a}", 8.0, -4.0) for a in AREAS})


def test_learned_model_round_trips_through_json(tmp_path: Path) -> None:
    m = _toy_model()
    p = tmp_path / "m.json"
    m.save(p)
    back = MarketModel.load(p)
    assert back.to_dict() == m.to_dict()


def test_learned_model_rejects_a_bad_file(tmp_path: Path) -> None:
    p = tmp_path / "m.json"
    p.write_text("{\"format\": \"something else\"}", "utf-8")
    with pytest.raises(ConfigError, match="C078"):
        MarketModel.load(p)
    raw = _toy_model().to_dict()
    raw["requires"]["coef"] = [1.0, 2.0]
    p.write_text(json.dumps(raw), "utf-8")
    with pytest.raises(ConfigError, match="C078"):
        MarketModel.load(p)


def test_learned_classifier_verdict_with_evidence() -> None:
    clf = LearnedSocialMediaClassifier(_toy_model())
    text = ("Marketing Coordinator\nResponsibilities:\n- Manage our social media channels and create content.\n"
            "Follow us on Twitter.")
    v = clf.classify(None, None, title="Marketing Coordinator", text=text)
    assert v.requires and v.strength == "secondary" and 0.5 < v.score <= 1.0
    assert [e.sentence for e in v.evidence] == ["- Manage our social media channels and create content."]
    assert "marketing_communications" in v.areas
    v = clf.classify(None, None, title="Engineer", text="Write Python. Follow us on Twitter.")
    assert not v.requires and v.strength == "none" and v.evidence == ()


def test_learned_packaged_model_loads_and_scores_without_sklearn() -> None:
    code = ("import sys; sys.modules['sklearn'] = None\n"
            "sys.path.insert(0, %r)\n"
            "from test_learned_classifier import packaged\n"
            "from skillmix.market import LearnedSocialMediaClassifier as C\n"
            "m = C().model_; assert m.cv['pooled']['learned']['f1']['mean'] > 0\n"
            "v = packaged('Social Media Manager', 'Responsibilities:\\nManage our social media accounts and '"
            "'paid social campaigns on Instagram and TikTok.\\nRequirements:\\n3+ years of social media marketing.')\n"
            "print(v.requires, v.strength)") % str(Path(__file__).parent)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"PYTHONPATH": str(REPO / "src")}, check=True)
    assert out.stdout.split() == ["True", "core"]


def packaged(title: str, text: str):
    """The packaged model's verdict on one posting (extracted as the pipeline does)."""
    from skillmix.extract import get_extractor
    from skillmix.io import detect_sections
    from skillmix.market import market_taxonomy_spec
    from skillmix.records import Document, Posting

    doc = Document(id="p", text=text, source="<test>", media_type="text/plain", kind="posting",
                   title=title, sections=detect_sections(text, "posting"))
    posting = Posting(document=doc, id="p", title=title)
    return LearnedSocialMediaClassifier().classify(posting, get_extractor(market_taxonomy_spec()).extract(posting))


@pytest.mark.parametrize("title,text,expected", [
    ("Marketing Coordinator", "Responsibilities:\nManage our social media channels and post on Instagram.\n"
     "Requirements:\n2 years of social media marketing experience.", True),
    ("Customer Support Representative", "Responsibilities:\n- Respond to customer inquiries via email, chat, "
     "and social media in a timely and professional manner.\n- Troubleshoot technical issues.", True),
    ("DevOps Engineer", "Our approach to privacy:\nAs a social media platform, we require our employees to have "
     "a strong awareness of privacy issues.\nRequirements:\nKubernetes, GCP and Terraform.", False),
    ("Customer Success Associate", "Manage email, phone and chat communication with customers.\nHow to apply: "
     "a pointer to your CV, resume, LinkedIn profile, or any other summary of your career so far.", False),
    ("Software Engineer", "Requirements:\nPython and AWS.\nFollow us on LinkedIn, Twitter and Instagram.", False),
    ("Senior Social Worker", "Qualified Social Worker for adult social care; social services experience.", False),
])
def test_learned_packaged_model_reads_context(title: str, text: str, expected: bool) -> None:
    v = packaged(title, text)
    assert v.requires is expected
    assert (v.strength == "none") is (not expected)
    if expected:
        assert v.evidence and all(e.sentence for e in v.evidence)


def test_training_best_threshold_and_groups() -> None:
    pytest.importorskip("sklearn")
    from skillmix.market.training import _best_threshold

    assert 0.3 < _best_threshold([0, 0, 1, 1], [0.1, 0.3, 0.7, 0.9]) < 0.7
    # accuracy: cutting above 0.3 or below 0.2 both get 3 of 4 right; F1 prefers the low cut
    t = _best_threshold([0, 1, 0, 1], [0.1, 0.2, 0.3, 0.9], "accuracy")
    assert sum((p >= t) == bool(y) for p, y in zip([0.1, 0.2, 0.3, 0.9], [0, 1, 0, 1])) == 3
    assert _best_threshold([0, 1, 0, 1], [0.1, 0.2, 0.3, 0.9]) < 0.2


def test_training_fit_linear_oof_returns_the_probabilities_its_threshold_was_cut_on() -> None:
    pytest.importorskip("sklearn")
    import random

    from skillmix.market.training import _best_threshold, fit_linear, fit_linear_oof

    rng = random.Random(3)
    rows, y, groups = [], [], []
    for i in range(80):
        yy = int(i % 3 == 0)
        rows.append({"signal": yy + rng.gauss(0, 0.8), "noise": rng.gauss(0, 1)})
        y.append(yy)
        groups.append(i // 2)
    model, probs = fit_linear_oof(rows, y, groups, ["signal", "noise"], seed=5, calibrate=False)
    assert len(probs) == len(y) and all(0.0 < p < 1.0 for p in probs)
    # the shipped threshold is the F1-best cut of exactly these out-of-fold probabilities, so a
    # cut on a subset of rows (the bench's LinkedIn-only thresholds) is comparable to it
    assert model.threshold == _best_threshold(y, probs)
    assert fit_linear(rows, y, groups, ["signal", "noise"], seed=5, calibrate=False) == model
    # out of fold: the positives' probabilities sit above the negatives' on average
    pos = [p for p, yy in zip(probs, y) if yy]
    neg = [p for p, yy in zip(probs, y) if not yy]
    assert sum(pos) / len(pos) > sum(neg) / len(neg) + 0.2


def test_bench_area_weight_counts_area_f1_as_score_verdicts() -> None:
    import importlib.util

    from skillmix.market.classify import SocialMediaVerdict
    from skillmix.market.evaluate import Label, score_verdicts

    path = Path(__file__).resolve().parents[2] / "bench" / "market_area_weight.py"
    spec = importlib.util.spec_from_file_location("market_area_weight", path)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    labels = [Label("a", False, "none", ("technology", "data_analytics")), Label("b", False, "none", ("technology",)),
              Label("c", False, "none", ()), Label("d", False, "none", ("customer_service",))]
    preds = {0: {"technology"}, 1: {"technology", "marketing_communications"}, 2: {"data_analytics"}, 3: set()}
    ours = bench.area_f1(labels, preds, range(4))
    theirs = score_verdicts([(lab, SocialMediaVerdict(False, "none", 0.0, False, tuple(sorted(preds[i]))))
                             for i, lab in enumerate(labels)], AREAS).areas_f1
    assert ours == pytest.approx(theirs, abs=1e-4)
    assert ours["technology"] == 1.0 and ours["data_analytics"] == 0.0


def test_agreement_kappa_and_areas(tmp_path: Path) -> None:
    rows = [("a", True, ["technology"]), ("b", False, []), ("c", False, ["customer_service"]), ("d", True, [])]
    other = [("a", True, ["technology"]), ("b", True, []), ("c", False, []), ("d", True, [])]

    def write(p: Path, rs: list) -> None:
        p.write_text("".join(json.dumps({"source": "remotive", "job_id": k, "requires_social_media": y,
                                         "strength": "secondary" if y else "none", "areas": a}) + "\n"
                             for k, y, a in rs), "utf-8")

    write(tmp_path / "one.jsonl", rows)
    write(tmp_path / "two.jsonl", other)
    ag = label_agreement(tmp_path / "one.jsonl", tmp_path / "two.jsonl")
    # observed 3/4; expected 0.5*0.75 + 0.5*0.25 = 0.5 -> kappa 0.5
    assert ag.n == 4 and ag.observed == 0.75 and ag.kappa == 0.5
    assert ag.areas_f1["technology"] == 1.0 and ag.areas_f1["customer_service"] == 0.0
    assert ag.disagreements == ("remotive:b",)
    assert label_agreement(tmp_path / "one.jsonl", tmp_path / "two.jsonl", source="remotive").n == 4
    with pytest.raises(ConfigError):  # no posting of that corpus in both files
        label_agreement(tmp_path / "one.jsonl", tmp_path / "two.jsonl", source="linkedin")


@pytest.mark.shared
@pytest.mark.slow
def test_learned_cross_validated_beats_keyword_in_same_folds(shared_data: Path) -> None:
    pytest.importorskip("sklearn")
    from skillmix.market import cross_validate_labels

    rows = [json.loads(x) for x in LABELS.read_text("utf-8").splitlines() if x.strip()]
    rep = cross_validate_labels(LABELS, shared_data / "postings", folds=5, repeats=1, seed=18)
    assert rep.n == len(rows) >= 600
    assert rep.positives == sum(r["requires_social_media"] for r in rows)
    learned, keyword = rep.pooled["learned"], rep.pooled["keyword"]
    assert learned["f1"][0] > keyword["f1"][0]
    assert learned["areas_macro_f1"][0] > 0.7


@pytest.mark.shared
def test_learned_labels_are_complete_and_verbatim(shared_data: Path) -> None:
    from skillmix.market.training import load_labelled_postings

    items = load_labelled_postings(LABELS, shared_data / "postings")
    assert len(items) == sum(1 for x in LABELS.read_text("utf-8").splitlines() if x.strip()) >= 600
    assert {lp.source for lp in items} == {"linkedin", "remotive", "adzuna", "linkedin_public"}
    ag = label_agreement(LABELS, REPO / "data" / "labels" / "market_labels_pass2.jsonl")
    assert ag.n == 60


def test_cli_market_agreement_and_eval_usage(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from skillmix.cli.main import cli

    p = tmp_path / "l.jsonl"
    p.write_text(json.dumps({"source": "remotive", "job_id": "1", "requires_social_media": True,
                             "strength": "core", "areas": ["technology"]}) + "\n", "utf-8")
    runner = CliRunner()
    res = runner.invoke(cli, ["market", "agreement", str(p), str(p)])
    assert res.exit_code == 0, res.output
    assert "Cohen's kappa 1.000" in res.output
    res = runner.invoke(cli, ["market", "eval", str(p)])
    assert res.exit_code != 0 and "--postings" in res.output


def test_cli_market_report_quotes_the_estimate(corpus, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from skillmix.cli.main import cli

    out = tmp_path / "run"
    runner = CliRunner()
    res = runner.invoke(cli, ["market", "run", str(corpus(20)), "--out", str(out), "--workers", "0", "--silent"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(cli, ["market", "report", str(out), "--json"])
    assert res.exit_code == 0, res.output
    clf = json.loads(res.output)["classifier"]
    assert clf["name"] == "learned classifier"
    assert 0 < clf["estimate"]["precision"]["mean"] <= 1 and "sd" in clf["estimate"]["recall"]
    html = (out / "report" / "report.html").read_text("utf-8")
    assert "cross-validation grouped by company" in html


def test_report_note_warns_on_a_perfect_estimate() -> None:
    from skillmix.market.report import _estimate_note

    def clf(v: float) -> dict:
        m = {"mean": v, "sd": 0.0}
        return {"estimate": {"precision": m, "recall": m, "f1": m}, "keyword_f1": {"mean": 0.8}, "labels": {}}

    assert "refined on these same labels" in _estimate_note(clf(1.0))
    assert "refined" not in _estimate_note(clf(0.95))
    c = clf(1.0)
    c["estimate"]["before_refinement"] = {"precision": {"mean": 0.91, "sd": 0.02}, "recall": {"mean": 0.94, "sd": 0.01}}
    assert "before that refinement" in _estimate_note(c) and "precision 0.91 and recall 0.94" in _estimate_note(c)


def test_report_headline_card_shows_the_cautious_estimate_under_a_perfect_score() -> None:
    """A QA trial read the headline's "1.00 ± 0.00" as fact; the card now shows the
    cautious estimate when the development score is perfect, and the estimate itself
    otherwise."""
    from skillmix.market.report import _estimate_card

    def est(v: float) -> dict:
        return {"precision": {"mean": v, "sd": 0.0}, "recall": {"mean": v, "sd": 0.0}}

    perfect = est(1.0)
    perfect["before_refinement"] = {"precision": {"mean": 0.918}, "recall": {"mean": 0.945}}
    title, value = _estimate_card(perfect)
    assert "cautious" in title and value == "0.92 / 0.94"
    title, value = _estimate_card(est(0.95))
    assert "cautious" not in title and value.startswith("0.95 ± 0.00")
    assert "cautious" not in _estimate_card(est(1.0))[0]  # nothing more cautious to show
    refined = est(0.987)  # model 38: not perfect, but read on its own errors
    refined["before_refinement"] = {"precision": {"mean": 0.951}, "recall": {"mean": 0.927}}
    title, value = _estimate_card(refined)
    assert "cautious" in title and value == "0.95 / 0.93"


@pytest.mark.parametrize("text,expected", [
    ("Responsibilities: Managing brand strategy and messaging through website, social media, videos and events.", True),
    ("You will drive lead generating activities including cold calls, emails, and social touches.", True),
    ("We serve clients, including athletes, social media influencers and fitness enthusiasts. "
     "You will process payroll and reconcile accounts.", False),
    ("Please include a pointer to your CV or LinkedIn profile.", False),
    ("We are aware of fraudulent accounts impersonating our recruiters on LinkedIn.", False),
    ("As a social media platform, we require our employees to understand privacy.", False),
    ("Our work focuses on AI, social media and elections. You will write Python services.", False),
])
def test_learned_shipped_model_on_the_issue_examples(text: str, expected: bool) -> None:
    # the misses and false positives that issue #18 quotes from the rule classifier
    v = LearnedSocialMediaClassifier().classify(None, None, title="Coordinator", text=text)
    assert v.requires is expected


def _cues_of(text: str) -> list:
    from skillmix.extract.engine import as_document
    from skillmix.market.features import cue_sentences, load_feature_lists, sentences

    doc = as_document(text, kind="posting")
    return cue_sentences(doc.text, doc.sections, load_feature_lists(), sentences(doc.text))


def test_held_out_misses_of_model_36_now_qualify() -> None:
    """Three positives of the public LinkedIn postings (labelled blind, session 19) that
    model 36 missed because the sentence reading failed, not the model:
    - a full stop glued to the next duty made the whole list one sentence, and its "follow
      up on leads" read as the incidental "follow us";
    - "cold calls, emails, and social": "emails" was no channel word."""
    glued = ("Responsibilities:\nDevelop and implement marketing strategies to attract new tenants, "
             "including online listings, social media campaigns, and community events.Generate and "
             "follow up on leads, converting inquiries into visits.")
    cues = _cues_of(glued)
    assert cues and all(c.qualifies for c in cues)
    assert cues[0].text.endswith("community events.")
    sales = ("Responsibilities:\nBuild pipeline through the typical methods (cold calls, emails, "
             "and social) to target prospects.")
    assert any(c.qualifies and c.kind == "list" for c in _cues_of(sales))


def test_follow_us_stays_incidental() -> None:
    cues = _cues_of("About us:\nFollow us on Instagram for the latest news.")
    assert cues and not any(c.qualifies for c in cues)


def test_people_and_property_words_are_no_social_media_practice() -> None:
    """False positives of the public LinkedIn round (CV, after the held-out figure): the
    issue's own "clients, including athletes, social media influencers and fitness
    enthusiasts"; guests who are "actors, writers and influencers"; a homeowners'
    association's "Community Manager"."""
    assert not _cues_of("Responsibilities:\nWork with a diverse range of clients, including athletes, "
                        "social media influencers and fitness enthusiasts.")
    assert not _cues_of("Responsibilities:\nBook guests: well known actors, writers and influencers.")
    assert not _cues_of("Community Association Manager\nResponsibilities:\nAs a Community Manager, you "
                        "will manage a portfolio of homeowners associations.")
    # the practice itself still counts
    assert any(c.qualifies for c in _cues_of("Responsibilities:\nRun our influencer marketing programme "
                                             "and manage influencers on Instagram."))


def test_an_about_section_of_its_own_asks_nothing() -> None:
    """'About AdRoll:' praising its own 'display, social, and email advertising' after the
    job's own headings is the company's, as the extractor reads it; an about section that
    turns to the hire is not."""
    own = ("Responsibilities:\n- Write launch plans.\n\nAbout AdRoll:\nMake display, social, and email "
           "advertising work together and optimize your marketing efforts.\n")
    assert _cues_of(own) and not any(c.qualifies for c in _cues_of(own))
    mixed = own.replace("optimize your marketing efforts.", "optimize. In this role you will run social ads.")
    assert any(c.qualifies for c in _cues_of(mixed))


@pytest.mark.parametrize("title,text,expected", [
    # a new user's short rows: the title names the job, the text gives the model nothing
    ("Social Media Manager", "We are hiring a social media manager.", True),
    ("Paid Social Specialist", "Join our growth team in Leeds.", True),
    ("Influencer Marketing Intern", "Summer internship, 10 weeks.", True),
    # a social title that names no practice, and no text evidence: the text model decides
    ("Community Manager", "Oversee the homeowners association's budget and vendors.", False),
    ("Social Value Lead", "Lead our social value reporting for public contracts.", False),
    ("Social Housing Officer", "Manage a patch of 300 homes and collect rent.", False),
    ("Social Marketing Officer (Public Health)", "Run behaviour-change campaigns on smoking.", False),
    ("Social Community Worker", "Support families in the borough.", False),
])
def test_learned_title_naming_the_practice_decides_a_short_posting(title: str, text: str, expected: bool) -> None:
    v = packaged(title, text)
    assert v.requires is expected
    if expected:
        assert v.strength == "core" and v.score >= 0.9
        assert v.evidence and v.evidence[0].sentence == f"Title: {title}"


def test_learned_title_rule_is_what_evaluation_scores() -> None:
    from skillmix.market.learned import decide_requires
    from skillmix.market.training import predict

    model = MarketModel.load()
    f = posting_features("Social Media Manager", "We are hiring a social media manager.")
    assert not model.requires.decide(f.social)[0]  # the text model alone says no
    assert decide_requires(model, f, "Social Media Manager")[0]
    v = predict(model, f, "Social Media Manager")
    assert v.requires and v.strength == "core"
    assert not predict(model, f).requires  # no title given: the text model alone
