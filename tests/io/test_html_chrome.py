"""Page furniture of a saved careers page does not become posting text (html_chrome).

The pages are small copies of what Lever, Greenhouse and Workday serve: a cookie banner,
a share bar, a "Similar jobs" sidebar, a footer naming a dozen platforms, the application
form. Each test checks both sides: the posting's duties and requirements stay, the
furniture's words go.
"""

from __future__ import annotations

from skillmix.io.html import html_to_text, read_html
from skillmix.io.html_chrome import is_chrome, is_furniture_heading

_DUTIES = ("<h3>Responsibilities</h3><ul><li>Plan and publish posts on Instagram and TikTok</li>"
           "<li>Track engagement in Sprout Social and report weekly to the marketing lead</li></ul>"
           "<h3>Qualifications</h3><ul><li>Two years of social media experience for a consumer brand</li>"
           "<li>Canva and copywriting skills, plus a portfolio of campaigns you ran</li></ul>")

LEVER = (
    "<!DOCTYPE html><html><head><title>Acme - Social Media Coordinator</title></head><body>"
    '<div class="cookie-banner">We use cookies and Google Analytics. Accept all</div>'
    '<div class="main-header page-full-width"><a href="/">Acme jobs</a></div>'
    '<div class="content"><div class="posting-headline"><h2>Social Media Coordinator</h2></div>'
    f'<div class="section-wrapper"><div class="section page-centered">{_DUTIES}</div></div>'
    '<div class="sidebar"><h4>Similar jobs</h4><ul><li>Senior Python Developer (Django)</li>'
    "<li>Data Engineer - Kafka</li><li>Salesforce Administrator</li></ul></div>"
    '<div class="postings-btn-wrapper"><a class="postings-btn">Apply for this job</a></div></div>'
    '<div class="main-footer page-full-width">Jobs powered by Lever | Share: Twitter, '
    "Facebook, LinkedIn</div></body></html>"
)

GREENHOUSE = (
    "<html><head><title>Job Application for Community Manager at Bloop</title></head><body>"
    "<header><a>Bloop Careers</a> <a>Blog</a><a>Share on Twitter</a><a>Share on LinkedIn</a></header>"
    '<div id="app_body"><div id="header"><h1 class="app-title">Community Manager</h1></div>'
    f'<div id="content"><p>Bloop is a social app for creators.</p>{_DUTIES}</div>'
    '<div id="application"><form id="application_form"><label>Resume/CV</label>'
    "<a>Attach</a><a>Dropbox</a><a>Google Drive</a></form></div></div>"
    "<footer>Powered by Greenhouse. Follow Bloop on TikTok, YouTube, Pinterest and Snapchat. "
    "Apply with LinkedIn. Upload resume from Dropbox, Google Drive.</footer></body></html>"
)

WORKDAY = (
    "<html><body><div role=\"banner\">Workday careers | Sign in | Search for jobs</div>"
    '<div id="onetrust-banner-sdk" role="dialog">This site uses cookies and Google Analytics.</div>'
    '<nav aria-label="Breadcrumb"><a>Careers</a> &gt; <a>Marketing</a></nav>'
    '<div role="main"><h2 data-automation-id="jobPostingHeader">Social Media Coordinator</h2>'
    f'<div data-automation-id="jobPostingDescription">{_DUTIES}</div>'
    '<div class="share-job-buttons">Share on Facebook | Share on Pinterest</div></div>'
    '<section><h2>Similar Jobs</h2><ul><li>Python Engineer</li><li>Salesforce Admin</li></ul></section>'
    '<div class="css-1q2dra3">Recently viewed: Salesforce Developer</div>'
    '<div role="contentinfo">Follow us on YouTube and Snapchat</div></body></html>'
)

_FURNITURE = ("cookies", "Google Analytics", "Python", "Django", "Kafka", "Salesforce", "Twitter",
              "Facebook", "LinkedIn", "YouTube", "Pinterest", "Snapchat", "Dropbox", "Google Drive",
              "Sign in", "Breadcrumb", "Marketing</a>")


def _assert_posting_only(text: str) -> None:
    for kept in ("Plan and publish posts on Instagram and TikTok", "Sprout Social",
                 "Qualifications", "Canva and copywriting skills"):
        assert kept in text
    for gone in _FURNITURE:
        assert gone not in text, gone


def test_html_chrome_lever_page_keeps_posting_drops_furniture() -> None:
    text, meta, _ = read_html(LEVER)
    _assert_posting_only(text)
    assert text.startswith("Social Media Coordinator\n\nResponsibilities")
    assert "Acme jobs" not in text and meta == {"html_title": "Acme - Social Media Coordinator"}


def test_html_chrome_greenhouse_page_keeps_posting_drops_furniture() -> None:
    text = read_html(GREENHOUSE)[0]
    _assert_posting_only(text)
    assert text.startswith("Community Manager\n\nBloop is a social app")
    assert "TikTok" in text  # from the duties, not from the footer
    assert "Greenhouse" not in text and "Bloop Careers" not in text


def test_html_chrome_workday_page_reads_main_content_only() -> None:
    text = read_html(WORKDAY)[0]
    _assert_posting_only(text)
    assert text.startswith("Social Media Coordinator\n\nResponsibilities")
    assert "Workday" not in text and "Share on" not in text
    assert "Recently viewed" not in text  # unmarked, but outside role=main


def test_html_chrome_false_drops_stay() -> None:
    page = (
        "<html><body><header><nav>Home | Jobs</nav></header><main><article>"
        "<header><h1>Finance Analyst</h1><p>London / Finance</p></header>"
        '<div class="share-price">Report on our share price and dividend history each quarter</div>'
        '<div class="shared-services">Work with the shared services team on month-end close</div>'
        "<h3>Related experience</h3><ul><li>Three years in FP&amp;A using Excel and SQL</li></ul>"
        '<div class="social-media-manager">Partner with the social media manager on reporting</div>'
        "</article></main><footer>Follow us on TikTok</footer></body></html>"
    )
    text = read_html(page)[0]
    for kept in ("Finance Analyst", "London / Finance", "share price and dividend",
                 "shared services team", "Related experience", "FP&A using Excel and SQL",
                 "social media manager on reporting"):
        assert kept in text
    assert "Home | Jobs" not in text and "TikTok" not in text


def test_html_chrome_fallback_when_posting_is_the_furniture() -> None:
    # The whole posting in a page-level <header> or a sidebar: dropping would leave almost
    # nothing, so the page reads as it did before furniture was recognised.
    for wrapper in ("header", 'div class="sidebar"', "aside"):
        tag = wrapper.split()[0]
        page = f"<html><body><{wrapper}>{_DUTIES}</{tag}><p>Apply now</p></body></html>"
        text = read_html(page)[0]
        assert "Plan and publish posts on Instagram" in text and "Apply now" in text
    # Little enough main content is not preferred over the rest of the page either.
    page = f"<body><article>Posted today</article><div>{_DUTIES}</div></body>"
    assert "Sprout Social" in html_to_text(page) and "Posted today" in html_to_text(page)


def test_html_chrome_fragment_without_chrome_reads_as_before() -> None:
    fragment = f"<p>Acme is hiring.</p>{_DUTIES}<p><b>Benefits:</b> health, 401(k)</p>"
    assert html_to_text(fragment) == html_to_text(fragment.replace("<b>", "").replace("</b>", ""))
    assert html_to_text(fragment).splitlines()[:3] == ["Acme is hiring.", "", "Responsibilities"]
    # ...and a fragment that carries chrome loses only the chrome, neighbours kept apart.
    shared = f'<p>Acme is hiring.</p>{_DUTIES}<p>Apply<span class="share-buttons">Share on Facebook</span>now</p>'
    assert html_to_text(shared).endswith("Apply now") and "Facebook" not in html_to_text(shared)


def test_html_chrome_furniture_heading_drops_rest_of_its_parent() -> None:
    page = (f"<body><div>{_DUTIES}</div><div class=\"col-4\"><h4>Related jobs</h4><ul>"
            "<li>Kafka Engineer</li></ul></div><p>Equal opportunity employer.</p></body>")
    text = html_to_text(page)
    assert "Kafka" not in text and "Related jobs" not in text
    assert text.endswith("Equal opportunity employer.")
    assert is_furniture_heading("Similar Jobs:") and is_furniture_heading("Share this job")
    assert not is_furniture_heading("Related experience") and not is_furniture_heading("Other duties")


def test_html_chrome_classifier_tokens() -> None:
    def chrome(attrs: dict[str, str], name: str = "div", page_level: bool = True) -> bool:
        return is_chrome(name, attrs, page_level)

    for furniture in ({"class": "cookie-banner"}, {"id": "CybotCookiebotDialog"}, {"class": "gdpr"},
                      {"class": "social-share"}, {"class": "shareBar"}, {"id": "similar-jobs"},
                      {"class": "related_jobs"}, {"class": "breadcrumbs"}, {"class": "newsletter-signup"},
                      {"class": "apply-form"}, {"role": "navigation"}, {"role": "complementary"}):
        assert chrome(furniture), furniture
    for content in ({"class": "share-price"}, {"class": "shared-services"}, {"class": "related-experience"},
                    {"class": "social-media-manager"}, {"class": "job-description"}, {}):
        assert not chrome(content), content
    assert chrome({}, "header") and not chrome({}, "header", page_level=False)
    assert chrome({"class": "main-header"}) and not chrome({"class": "main-header"}, page_level=False)
    assert not chrome({"class": "posting-header"}) and not chrome({"id": "header"})
    assert not chrome({"class": "job-modal"}, "dialog") and chrome({"class": "cookie-modal"}, "dialog")


def test_related_job_cards_in_articles_never_replace_the_posting():
    """A posting in a plain <div> followed by "More from Acme" cards, each an <article>
    (the review's case): the articles are not the main content, so the posting stays."""
    desc = " ".join(["You will run our Instagram and TikTok accounts, plan content calendars, "
                     "report in Google Analytics and manage a budget."] * 3)
    cards = "".join(f"<article class='card'><h3>Data Engineer {i}</h3><p>Build pipelines with "
                    "Python, Airflow and dbt for our analytics team.</p></article>"
                    for i in range(5))
    page = (f"<html><body><div class='job'><h1>Social Media Manager</h1><p>{desc}</p></div>"
            f"<div class='cards'><h2>More from Acme</h2>{cards}</div></body></html>")
    text = html_to_text(page)
    assert "Instagram" in text and "content calendars" in text
