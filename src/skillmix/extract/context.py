"""Context rules: what a sentence says about the skills mentioned in it.

For each mention the rules decide its requirement level (required / preferred /
mentioned), the years of experience attached to it, whether it is negated, and whether
it shows professional use or only a consumer's familiarity. The cue phrases are data
(``data/context_cues.yaml``). To stay lean the cues ride in the extractor's own
Aho-Corasick automaton (one pass finds skills and cues), sentences are found in one
regex pass, and each mention looks its sentence's cues up by bisection; no per-mention
regex runs.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Container, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..records import Section
from .duties import load_data
from .months import MONTH_FAMILIES, MonthFigure, leading, month_figures, trailing
from .normal_form import normalise_form

__all__ = ["ContextRules", "SentenceContext", "cue_phrases", "years_in"]

FAMILIES = (
    "required", "preferred", "negation_after", "negation_before", "negation_weak",
    "needed_words", "negation_cancel", "consumer", "familiarity", "incidental",
    "professional", "examples", "examples_after", "months", "under_a_year",
)

#: a posting's sentence about the company itself ("We are a digital agency...", "Our
#: clients include..."): the skills it names are the company's, not asked of the hire
_AT_COMPANY = r"(?:at\s+(?-i:[A-Z])[\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*){0,3},?\s+)?"
_SELF = re.compile(
    r"^\W*(?:who we are\W*|about us\W*|about the company\W*)?" + _AT_COMPANY +
    r"(?:we\b|we're\b|we’re\b|we've\b|our\s+(?:[a-z&]+\s+)?(?:company|agency|firm|team|mission|clients?|work|"
    r"platform|products?|services?|organi[sz]ation|business|portfolio|brands?|group|people|"
    r"customers|partners|story|vision|values|culture)\b|founded\b|headquartered\b|established\b)",
    re.IGNORECASE,
)
#: one of the company's teams described: "The Audience Strategy team are experts when it
#: comes to social/digital, print, OOH, paid media ...", "The Audience Strategy team
#: partners deeply with our client partners"
_TEAM_SELF = re.compile(
    r"^\W*[Tt]he\s+(?:[A-Z][\w&/-]*\s+){1,4}team\s+(?:(?:are|is)\s+(?:experts|known|proud|"
    r"passionate|made|comprised|composed|dedicated|committed|an?|the)|partners|works|helps|has|"
    r"have|brings|builds)\b"
)
#: "we" and what the company does, anywhere in the sentence (searched only in a sentence
#: that holds "we": most do not, and the search tries every offset)
_SELF_ANY = re.compile(
    r"\bwe\s+(?:[a-z]+ly\s+)?(?:are\s+an?|are\s+the|support|help|provide|offer|serve|generate|specialize|"
    r"specialise|partner|deliver|build|create|develop|make|believe|pride|focus|have\s+been|"
    r"find\s+solutions|empower|enable|attract|operate|strive|launched|"
    r"were\s+founded|work\s+with|"
    # "we are focused on building world-class ... data science, performance marketing ...
    # teams": what the company is doing for itself
    r"are\s+(?:focused|committed|dedicated|proud|passionate|building|growing|scaling|on\s+a\s+mission))\b",
    re.IGNORECASE,
)
#: the company's growth or history opening the sentence: "As our business continues to
#: grow, ...", "Since our inception in 2017, ..."
_SELF_OPENING = re.compile(
    r"^\W*(?:as\s+our\s+(?:business|company|team|organi[sz]ation)\s+(?:continues|grows|expands)|"
    r"since\s+our\s+(?:inception|founding|launch))\b",
    re.IGNORECASE,
)
#: how a posting names its own company when its reader gives no company field: "Attentive®
#: is the AI-powered mobile marketing platform", "Artera is an AI startup", "At Okendo,
#: we ...", an "About Artera" line. The name (one to four capitalised words) is then the
#: company wherever it is a sentence's subject (see :meth:`ContextRules.self_description`)
_NAME_WORDS = r"(?:[A-Z]|[a-z][A-Z])[\w&.'’-]*(?:[ \t]+(?:[A-Z][\w&.'’-]*|&|of)){0,3}"
_NAME = "(" + _NAME_WORDS + "?)"  # the fewest words that end the naming
_MARK = r"(?:®|™)?"
# Each naming is found from a rare anchor (" is a", ", we", "About"), then read back to
# the line's start: scanning every word of every posting for a name costs too much.
_IS_A = re.compile(r" (?:is|was|has been) (?:a|an|the|one) ")  # a literal start: fast
_LINE_NAME = re.compile(r"[^\w\n]*(?:[Aa]bout[ \t]+[Uu]s[ \t]*:[ \t]*)?" + _NAME + _MARK)
_COMPANY_NOUN = re.compile(
    r"(?:[\w&-]+[ \t]+){0,5}?(?:company|platform|startup|start-up|agency|firm|leader|"
    r"provider|organi[sz]ation|business|brand|marketplace|network|group|consultancy|studio|"
    r"retailer|manufacturer|nonprofit|non-profit|employer)\b")
#: preferred cues that look ahead: what precedes them in the sentence keeps its level
_FORWARD_PREFERRED = re.compile(r"(?i:ideally|preferably|bonus)\b")
_COMMA_WE = re.compile(r",[ \t]+(?:we|our)\b")
_AT_NAME = re.compile(r"(?<![\w-])[Aa]t[ \t]+" + _NAME + _MARK + r"\Z")
_ABOUT_LINE = re.compile(r"^[^\w\n]*[Aa]bout[ \t]+" + _NAME + _MARK + r"[ \t]*:?[ \t]*$",
                         re.MULTILINE)
#: a sentence's subject, where the company may stand: first ("Attentive’s growth has been
#: recognized", after an optional heading such as "About Us:"), after "Using" / "With" /
#: "Through" / "At" ("Using Okendo, Shopify brands can grow"), or after an opening phrase
#: ("With a top-rated customer success team recognized on G2, Attentive partners with")
_HEADING = r"[^\w\n]*(?:[A-Z][\w ]{0,30}:[ \t]*)?"
_SUBJECT_NAME = "(" + _NAME_WORDS + ")"  # every capitalised word: names are prefixes of it
_SUBJECT_FIRST = re.compile(_HEADING + r"(?:(?i:the)[ \t]+)?" + _SUBJECT_NAME)
_SUBJECT_USING = re.compile(_HEADING + r"(?i:using|with|through|at)[ \t]+" + _SUBJECT_NAME)
_SUBJECT_OPENED = re.compile(_HEADING + r"[^,\n]{0,60},[ \t]+" + _SUBJECT_NAME)
#: what follows the company as a subject: a verb, or "’s" when it opens the sentence
_AFTER_FIRST = re.compile(_MARK + r"(?:['’]s)?[ \t]+[a-z]")
#: after an opening phrase only a verb: "- Own the email roadmap, Attentive’s top
#: priority" names the company in an aside of a duty
_AFTER_OPENED = re.compile(_MARK + r"[ \t]+[a-z]")
_NOT_NAMES = frozenset(
    "The This That These Those Our We It Its Job Role Position Team You Your Us What Who Why "
    "How Here There As In At If Title Location Salary Responsibilities Requirements "
    "Benefits Overview Summary Description Everyone Each Every A An".split()
)
#: a role named like a company is not one: "Social Media Manager is a ..."
_ROLE_TAIL = re.compile(
    r"(?i:manager|coordinator|specialist|director|lead|engineer|designer|analyst|associate|"
    r"representative|assistant|intern|officer|writer|developer|executive|strategist|"
    r"consultant|administrator|agent|head|president|role|position)s?$")

#: the company by name: "MCA's commitment to design excellence, client service..."
_NAMED_SELF = re.compile(
    r"^\W*[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4}(?:'s|’s)\s+(?:commitment|mission|values|"
    r"culture|vision|purpose|approach|history|heritage|reputation|success|clients|customers|"
    r"products|services|platform|portfolio)\b"
)
#: what the company offers the hire ("We offer a friendly work environment that supports
#: mentorship... to maximize your potential"): benefits, even when they speak to "you"
_OFFER = re.compile(r"^\W*" + _AT_COMPANY + r"we\s+(?:also\s+)?(?:offer|provide)\b", re.IGNORECASE)
#: the application process, not the job: an applicant privacy notice ("Please review our
#: Candidate Privacy Notice", "By submitting your application ... your personal data will
#: be processed in accordance with our Privacy Policy"). Its "privacy" or "data
#: protection" is the employer's legal duty to the applicant, not a skill asked of the hire
_APPLY_NOTICE = re.compile(
    r"\b(?:(?:review|read|see|view|refer\s+to)\s+(?:our|this)\s+(?:[\w’'-]+\s+){0,4}privacy\b"
    r"|(?:applicants?|candidates?)\s+(?:[\w’'-]+\s+){0,2}privacy\s+(?:notice|policy|statement)\b"
    r"|by\s+(?:clicking|submitting\s+(?:your|an|this|the)|applying\s+(?:to|for|through|via)\s+(?:this|the)|applying,)"
    r"|your\s+(?:personal|private)\s+(?:data|information)\b"
    r"|in\s+accordance\s+with\s+(?:our|its)\s+(?:[\w’'-]+\s+){0,4}privacy\s+(?:notice|policy|statement)\b)",
    re.IGNORECASE,
)
#: a step of the hiring process, as a posting lists it: "- First Interview: Conduct a phone
#: or video interview to further evaluate candidate skills", "- Second Interview: In-depth
#: interview with the hiring manager", "- Step 1: Video Call: Talent Acquisition",
#: "- Technical interview (live coding)", "Initial Screening: Review resumes ...". What the
#: employer will do to choose, not what the hire will do
_HIRING_STEP = re.compile(
    r"[^\w\n]*(?:(?:first|second|third|fourth|final|last|initial|technical|panel|phone|video|"
    r"culture|team|onsite|on-site|recruiter|hiring\s+manager)\s+(?:interview|screen|screening|"
    r"call|round|conversation|chat)s?\b|(?:step|stage|round)\s+\d+\s*:)",
    re.IGNORECASE)

#: a posting's unheaded opening, before it first speaks of the role or the hire, is the
#: company introducing itself ("Redpanda is building the streaming data platform for
#: developers", "We believe only an open-source approach can solve the problem of data
#: integration"): it asks nothing. The opening ends at the first of these words, at the
#: first section the reader found, or at a line that opens a list or is a heading. Any word
#: of the job or the hiring ends it ("role", "position", "seeking", "looking for", "join",
#: "needs a"), and "you" (any word it begins: "your", "you'll", a glued "About YouAs a
#: member"; not "YouTube") speaks to the hire
_ROLE_CUE = re.compile(
    r"\b(?:you(?:r|rs|rself|['’](?:ll|re|ve|d))?(?:\b|(?=(?!(?-i:Tube|Gov))(?-i:[A-Z])))|"
    r"roles?\b|positions?\b|jobs?\b|openings?\b|candidates?\b|hires?\b|hiring|recruit|"
    r"seek(?:s|ing)?\b|looking\s+(?:for|to)\b|join\b|apply|responsibilit|duties|"
    r"qualifications|requirements|overview|summary|needs?\s+(?:an?|someone)\b|internship|"
    r"opportunity)",
    re.IGNORECASE)
#: a title line is short and one sentence; a longer first line is flattened text, which
#: has no opening to read
TITLE_MAX = 120
#: the longest unheaded opening read as the company's (a longer one is no introduction)
OPENING_MAX = 2000
_LIST_LINE = re.compile(
    r"^[ \t]*(?:[-•·*◦▪●–]|\d+[.)]\s|[A-Z][\w &/,'’-]{0,50}:[ \t]*$)", re.MULTILINE)
#: a sentence of the opening that speaks to or of the hire is the job's, wherever it stands
_OF_THE_HIRE = re.compile(
    r"\b(?:you|your|candidates?|applicants?|will|must|should|required|requires?|preferred|"
    r"ability\s+to|experience\s+(?:with|in)|skills)\b",
    re.IGNORECASE)
_ITEM_MARKS = ("-", "•", "·", "*", "●", "◦", "▪", "–")
#: a sentence end inside a line ("...for you.Requirements"): a first line that holds one is
#: flattened text, not a title
_GLUED_END = re.compile(r"[a-z)][.!?][A-Z][a-z]")


def _apply_notice(chunk: str, low: str) -> bool:
    """Whether a sentence is an applicant notice or a step of the hiring process. The
    notice is searched for only where ``low`` (the sentence lower-cased) holds one of its
    words ("privacy", "private", "personal", "clicking", "submitting", "applying"): most
    sentences hold none, and the search tries every offset."""
    return (("priva" in low or "personal" in low or "clicking" in low or "submitting" in low
             or "applying" in low) and _APPLY_NOTICE.search(chunk) is not None
            # anchored at the sentence's start: the match is cheaper than any word test
            or _HIRING_STEP.match(chunk) is not None)


#: "required" cues that say how well, not whether: under a preferred heading they leave
#: the skill preferred ("Nice to have: - Proficient in Tableau")
_LEVEL_CUES = frozenset((
    "proven", "demonstrated", "strong", "solid", "expert", "expertise", "proficient",
    "proficiency", "extensive", "deep", "hands on", "track record", "qualifications",
    "you have", "you bring", "you will bring", "you ll bring",
))


#: a duty's -ing form opening what "including" lists ("including researching and
#: developing story ideas"); one that starts a skill's name ("including podcasting,
#: blogging", "including marketing") is the name, not a duty
_GERUND_NEXT = re.compile(r"[ \t]*:?[ \t]*([a-z]+ing)\b")


#: the conjunction before an example list's last member
_LAST_MEMBER = re.compile(r"\b(?:or|and)\b|&", re.IGNORECASE)


_NOT_SELF_WORDS = (
    # "hiring" as the employer hiring ("we are hiring a"), not as what it sells ("streamlining
    # the hiring, onboarding, and management process")
    # "We seek an individual who ...": the employer seeking a hire ("we seek to ...", "we
    # constantly seek new ways to ..." are the company's)
    r"candidate|candidates|applicant|looking for|seeking|seeks?\s+(?:an?|candidates?|someone|"
    r"individuals?|people|professionals?|applicants?)\b|"
    r"(?:are|is|re|’re)\s+hiring|hiring\s+(?:for|a|an|now)|"
    r"ideal|someone|who will|will be responsible|responsib|must|require|required|qualif|"
    r"the role|this role|position|intern|join|(?<!in\s)needs?|wants?|expect|preferred|plus"
)
_NOT_SELF = re.compile(r"\b(?:you|your|you'll|you’ll|" + _NOT_SELF_WORDS + r")\b", re.IGNORECASE)
#: a sentence under an about-the-company heading that turns to the hire. Not "you" alone:
#: a company's own copy addresses its customers ("optimize your marketing efforts")
_TO_THE_HIRE = re.compile(r"\b(?:you\s+will|you'll|you’ll|you\s+(?:bring|have|are|must|should)|your\s+role|"
                          r"(?:this|the)\s+(?:role|position|job)|ideal\s+candidate|candidates?\s+(?:will|should|must)|"
                          r"we(?:\s+are|'re|’re)\s+(?:looking|seeking|hiring)|looking\s+for|who\s+will|"
                          r"looking\s+to\s+(?:hire|add|expand|grow|bring)|"
                          # not "give light to those who have given up their hopes"
                          r"(?<!those\s)(?<!people\s)(?<!others\s)who\s+(?:have|has|can)|"
                          r"experience\s+(?:in|with)|incumbent|is\s+responsible\s+for|is\s+seeking|seeks|"
                          r"we\s+need|join\s+(?:us|our\s+team)\s+as|"
                          r"will\s+be\s+responsible|responsibilities|must|required|requirements?)\b",
                          re.IGNORECASE)
#: the sections that hold the job itself: a posting with one has headings of its own
_JOB_SECTIONS = frozenset({"responsibilities", "requirements", "preferred"})


def company_section_trusted(text: str, section: Section, sections: "Sequence[Section]" = ()) -> bool:
    """Whether an about-the-company section ("About Us", "Company Description", "Who We
    Are") is the company's alone, so that nothing in it is asked of the hire, whatever
    skills it names ("Make display, social, and email advertising work together" under
    "About AdRoll:"). Not when any of it turns to the hire ("this role", "we are seeking",
    "you will", "required"): flattened job-board text often runs the whole job on under
    "Company Description" when a later heading was not recognised, so the posting must also
    have job headings of its own among ``sections``. Shared by extraction and the market
    features. An equal-opportunity notice nested in the section ("... to participate in the
    job application") is left out of the test: it is boilerplate, skipped anyway."""
    if not any(s.kind in _JOB_SECTIONS for s in sections):
        return False
    end = min([s.start for s in sections if s.boilerplate and section.start < s.start < section.end],
              default=section.end)
    return not _TO_THE_HIRE.search(text, section.start, end)


_NOT_OFFER = re.compile(r"\b(?:" + _NOT_SELF_WORDS + r")\b", re.IGNORECASE)
#: a résumé's sentence about an employer ("SGW Pharma Marketing is a B2B life science
#: marketing agency...", "Tarheel Media Solutions provides marketing and advertising
#: solutions..."): a capitalized name, then a verb that describes what the firm is or does.
#: The skills it names are the firm's business, not the candidate's work.
_EMPLOYER = re.compile(
    # "Company Website: http://www.clickpoint.com/it/ Clickpoint is a Digital Marketing Company"
    r"^\W*(?i:(?:company\s+)?website\s*:\s*)?(?:(?:https?://|www\.)\S+\s+)?"
    # not the writer ("I", "We") and not an adverb opening a duty ("Effectively builds")
    r"(?!(?:I|We|My|Our)\b|[A-Z][a-z]+ly\b)(?:[a-z]?[A-Z][\w&'.-]*|&|of|and|the)"
    r"(?:\s+(?:[a-z]?[A-Z][\w&'.-]*|&|of|and|the)){0,6},?"
    # "Brightcove (NASDAQ: BCOV) makes ...": a ticker or former name after the name
    r"(?:\s+\([^()\n]{1,40}\))?\s+"
    r"(?:is\s+(?:a|an|the|one)|was\s+(?:a|an|the|one)|are\s+(?:a|an|the)|provides|offers|"
    r"specializes|specialises|helps|serves|delivers|manufactures|operates|sells|promotes|"
    r"values|celebrates|embraces|is\s+committed|makes|powers|"
    r"develops\s+(?:and|software|products|solutions)|was\s+founded|has\s+been\s+a|"
    # the company's past, in the third person: "Viewpoint created digital marketing
    # technologies", "Specular created one of the first ... software packages"
    r"(?:created|built|made|developed|pioneered)\s+(?:one\s+of\s+)?(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:first|leading|software|products?|technolog\w*|platforms?|"
    r"solutions?))\b"
)
#: the employer described without its name: "International business and information
#: technology consulting firm specializing in business re-engineering, ... change
#: management"; "..., the company also provides consulting and software development
#: services to Microsoft Dynamics enterprise clients"
_EMPLOYER_FIRM = re.compile(
    r"^\W*(?:an?\s+)?(?:[\w&,/-]+\s+){0,8}?(?:firm|company|agency|consultancy|provider|"
    r"organi[sz]ation|startup|start-up)\s+(?:specializing|specialising|providing|offering|"
    r"serving|focused\s+on|dedicated\s+to|that\s+(?:provides|offers|specializes|specialises|"
    r"helps|serves))\b|\b[Tt]he\s+company\s+(?:also\s+)?(?:provides|offers|specializes|"
    r"specialises|develops|sells|delivers|serves|helps)\b"
    # a registered name described anywhere in the sentence: "... Privacy Data Systems, LLC is
    # a software development company that provides ..."
    r"|\b(?:LLC|Inc\.?|Ltd\.?|Corp\.?)\s+(?:is|was)\s+(?:a|an|the|one)\b",
    re.IGNORECASE,
)
#: the employer again, by pronoun: "Its services include communications strategy..."
_EMPLOYER_ITS = re.compile(
    r"^\W*(?:its|their)\s+(?:core\s+|main\s+)?(?:services|clients|customers|products|"
    r"portfolio|offerings?|solutions|mission|business)\s+(?:include|includes|included|are|"
    r"were|range|ranged|span|spanned|cover|covered|is|was)\b", re.IGNORECASE)
_LIST_MARKS = re.compile(r"[(),;|]")
#: what joins two alternatives, read back from the second: "or", with or without a comma
_OR_BEFORE = re.compile(r"[ \t]*,?[ \t]*\bor[ \t]+$", re.IGNORECASE)
_SEPARATOR = re.compile(r"[,;|]")
_NEGATION_FAMILIES = frozenset(("negation_after", "negation_before", "negation_weak"))
_USAGE_FAMILIES = frozenset(("professional", "consumer", "familiarity"))
#: list items inside a sentence: commas, semicolons, pipes, slashes between words
_ITEM_SEP = re.compile(r"[,;|]|\s/\s|\band\b|\bor\b")

#: sentence ends: newlines, bullets (the middle dot "·" too), . ! ? ; before white space (not "Node.js"), and a
#: full stop or colon glued to a capitalized word, as in flattened job-board text
#: ("...Instagram account.Engage with followers", "Requirements:Access to...")
#: A line break is no end where a long line (40 characters or more) wraps onto a
#: lower-case word: PDF text breaks a duty mid-sentence ("Managed and balanced the
#: conference's $26,000+" / "budget."), and a short line ("Skills") is a heading.
#: One character class leads, and each branch then looks back at the character it took:
#: the regex engine skips ahead to the next candidate character, where an alternation
#: of three branches is tried at every offset (3x the time). "e.g." and "i.e." end no
#: sentence ("applications for mobile devices (e.g. iOS 4/5, Android, etc)").
_BULLETS = "\u2022\u25aa\u25cf\u25e6\u2023\u2043\u00b7"
_SENTENCE_END = re.compile(
    r"[\n.!?;" + _BULLETS + r"]"
    r"(?:(?<=\n)(?:(?![a-z])|(?<![^\n]{40}\n))|(?<=[.!?;])(?<![eE]\.g\.)(?<![iI]\.e\.)(?=\s)"
    r"|(?<=[" + _BULLETS + r"]))"
)
_GLUED_END = re.compile(r"[.!?:](?=[A-Z][a-z])")
#: a list item glued on with a dash, as job boards that drop line breaks leave them:
#: "not required.- Strong analytical skills", "P&C License- Previous experience",
#: "**Qualifications:**- P&C License" (not "Full-Time", "e-Commerce", "Monday - Friday")
_GLUED_ITEM = re.compile(r"-[ \t]?(?=[A-Z])")


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence end. Two simple scans beat one regex with a
    look-behind alternative by about 2x on job-board text."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    glued = [m.end() for m in _GLUED_END.finditer(text)
             if m.start() and (text[m.start() - 1].islower() or text[m.start() - 1] == ")")]
    if "- " in text or ".-" in text or ":-" in text or "*-" in text:
        glued += [m.end() for m in _GLUED_ITEM.finditer(text) if _glued_item(text, m.start(), m.end())]
    if glued:
        ends = sorted(set(ends).union(glued))
    return ends


def _glued_item(text: str, dash: int, end: int) -> bool:
    """Whether the dash at ``dash`` opens a list item glued to what goes before: after a
    sentence's end or a heading's colon (".-", ":-", "**-"), or after a word with a space
    after the dash ("License- Previous"; "Full-Time" is one word)."""
    if not dash:
        return False
    prev = text[dash - 1]
    if prev in ".!?:*":
        return True
    return end - dash == 2 and (prev.islower() or prev == ")")

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20,
}
#: what may stand between a skill and the years written against it in a list item
_TRAILING_GAP = re.compile(
    r"[\s\-\u2013\u2014:]*(?:experience[\s\-\u2013\u2014:]*)?(?:(?:for|over)\s+)?", re.IGNORECASE)

#: "3-5 experience in marketing", "5+ experience with SQL": a range or plus, no "years"
_YEARS_BARE = re.compile(
    r"(?<![\w.$])(?P<n>\d{1,2})\s*(?:\+|(?:-|–|to)\s*\d{1,2}\s*\+?)\s*(?:of\s+)?"
    r"(?:professional\s+|relevant\s+|related\s+|hands[- ]on\s+|proven\s+)?experience\b",
    re.IGNORECASE,
)
#: The cheap tests lead (a word start, then a first character that can start a number):
#: the phrase look-behinds then run at few offsets, not at every one (3x faster)
_YEARS = re.compile(
    # a figure glued to the word before it opens a list item whose break was lost
    # ("College Degree required1-3 years professional experience with ...")
    r"(?:(?<![\w.])|(?=\d)(?<=[a-z]{4})(?=\d{1,2}\s*(?:\+|(?:-|–|to)\s*\d{1,2}\s*\+?)\s*(?:years?|yrs?)\b))"
    r"(?=[\dotfsen(])(?<!\bin )(?<!\bwithin )(?<!\bevery )(?<!\bnext )"
    # a ceiling is no floor: "less than 2 years", "under 3 years", "up to 2 years"
    r"(?<!\bless than )(?<!\bfewer than )(?<!\bunder )(?<!\bup to )(?<!\bno more than )"
    # an age is no experience: "over the age of 16 years", "aged 18 years"
    r"(?<!\bage of )(?<!\baged )(?<!\bages )(?<!\bage )"
    # nor is a range's second number, where its first was no floor ("ages 8-12 years")
    r"(?<!\d-)(?<!\d\u2013)(?<!\d to )"
    # "fourteen (14) years", "five (5) to ten (10) years": a figure in brackets after its
    # word (a list's "1) Years of ..." is no figure: the bracket must open before it)
    r"(?P<open>\()?(?P<n>\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"twelve|fifteen|twenty)(?(open)\))\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*(?:\d{1,2}|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\s*(?:\(\d{1,2}\)\s*)?)?\+?\s*"
    r"(?:years?|yrs?)\b(?![ \t]+(?:of[ \t]+age|old)\b)",
    re.IGNORECASE,
)


def years_in(text: str) -> list[tuple[int, float]]:
    """Years-of-experience expressions in ``text``: (offset, minimum years)."""
    out = []
    low = text.lower()
    # each pattern is tried only where its word is ("year" or "yr"; no other character
    # folds to y, e, a or r ignoring case): a sentence may be read for "experience" alone
    for m in _YEARS.finditer(text) if "yr" in low or "year" in low else ():
        raw = m.group("n").lower()
        value = float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else float(raw)
        if 0 < value <= 40:
            out.append((m.start(), value))
    if "experience" in low:
        taken = {o for o, _ in out}
        for m in _YEARS_BARE.finditer(text):
            value = float(m.group("n"))
            if 0 < value <= 40 and m.start() not in taken:
                out.append((m.start(), value))
        out.sort()
    return out


@lru_cache(maxsize=1)
def cue_phrases() -> dict[str, tuple[str, ...]]:
    """Normalised cue phrase -> the families it belongs to (from the data file). The
    extraction vocabulary compiles these into its automaton, so cues and skills are
    found in the same single pass over the text."""
    raw = load_data("context_cues.yaml")  # the strict reading of every extractor data file
    phrases: dict[str, set[str]] = {}
    for fam in FAMILIES:
        for phrase in raw.get(fam) or []:
            norm = normalise_form(str(phrase))
            if norm:
                phrases.setdefault(norm, set()).add(fam)
    return {k: tuple(sorted(v)) for k, v in phrases.items()}


@dataclass(slots=True)
class SentenceContext:
    """Cues found in one sentence, as offsets into the document text."""

    start: int
    end: int
    cues: list[tuple[int, int, str]]  # (start, end, family)
    years: list[tuple[int, float]] | None = None
    #: list separators outside parentheses (computed on first use)
    separators: list[int] | None = None
    #: whether the sentence describes the company itself (postings) or an employer
    #: (résumés); a document is one kind, so one cache serves both (on first use)
    company: bool | None = None
    #: the cue families present (on first use): most sentences hold no negation or
    #: usage cue at all, and then the rules answer without a loop
    fams: frozenset[str] | None = None

    def families(self) -> frozenset[str]:
        if self.fams is None:
            self.fams = frozenset(c[2] for c in self.cues)
        return self.fams


class ContextRules:
    """Finds sentences and cues for a whole text once, then answers per mention."""

    def __init__(
        self, text: str, cues: list[tuple[int, int, str]], extra_ends: "list[int] | tuple[int, ...]" = (),
        organisation: str | None = None,
    ) -> None:
        """``cues`` are (start, end, family) in text order, as the extractor's
        automaton found them; ``extra_ends`` are more sentence starts (glued list
        items, see :func:`skillmix.extract.engine.glue_points`); ``organisation`` is the
        document's own company when its reader knows it."""
        self.text = text
        self.organisation = organisation
        self._names: list[str] | None = None  # the company's names (on first use)
        self._about: dict[tuple[int, int], bool] = {}  # about-the-company sections read
        #: a posting's unheaded opening (on first use): title end, limit, end, cue searched
        self._opening: tuple[int, int, int, bool] | None = None
        ends = sentence_ends(text)
        if extra_ends:
            ends = sorted(set(ends).union(extra_ends))
        self.starts = [0, *ends] if not ends or ends[0] != 0 else ends
        self.cues = cues
        self.cue_starts = [c[0] for c in cues]
        self._sentences: dict[int, SentenceContext] = {}
        self._figures: list[MonthFigure] | None = None  # spans in months (on first use)
        self._figure_starts: list[int] = []

    def sentence(self, offset: int) -> SentenceContext:
        i = bisect_right(self.starts, offset) - 1
        hit = self._sentences.get(i)
        if hit is None:
            start = self.starts[i]
            end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
            lo = bisect_left(self.cue_starts, start)
            hi = bisect_left(self.cue_starts, end)
            hit = SentenceContext(start, end, self.cues[lo:hi])
            self._sentences[i] = hit
        return hit

    def bounds(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``offset``."""
        sent = self.sentence(offset)
        return sent.start, sent.end

    def item(self, sent: SentenceContext, start: int, end: int) -> tuple[int, int]:
        """The list item of a sentence that holds the mention: in "Snapchat (personal),
        Excel (5 years)" Excel's item is "Excel (5 years)". Separators inside
        parentheses do not split. A sentence that is no list is one item."""
        seps = self._separators_of(sent)
        if not seps:
            return sent.start, sent.end
        i = bisect_right(seps, start - 1)
        a = seps[i - 1] + 1 if i else sent.start
        j = bisect_left(seps, end)
        b = seps[j] if j < len(seps) else sent.end
        return a, b

    def _separators_of(self, sent: SentenceContext) -> list[int]:
        """The sentence's list separators, found once (list items and example lists
        both read them)."""
        seps = sent.separators
        if seps is None:
            seps = sent.separators = self._separators(sent)
        return seps

    def _separators(self, sent: SentenceContext) -> list[int]:
        """Offsets of the list separators (, ; |) of a sentence outside parentheses."""
        if self.text.find("(", sent.start, sent.end) == -1:
            # no parenthesis opens in the sentence (most): every separator counts
            return [m.start() for m in _SEPARATOR.finditer(self.text, sent.start, sent.end)]
        out = []
        depth = 0
        for m in _LIST_MARKS.finditer(self.text, sent.start, sent.end):
            ch = m.group()
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            elif depth == 0:
                out.append(m.start())
        return out

    def self_description(self, sent: SentenceContext) -> bool:
        """Whether a posting's sentence describes the company itself or the application
        process (an applicant privacy notice), not the job."""
        if sent.company is None:
            chunk = self.text[sent.start:sent.end]
            low = chunk.lower()  # "we" ignoring case: no other character folds to w or e
            # a pattern runs only where the words it needs are in the sentence: "we" for
            # the company speaking of itself, "our" for its growth, "team", "'s"; in ASCII
            # text (the usual case) folding case is lower-casing, so the tests are exact
            we = "we" in low
            our = "our" in low or not chunk.isascii()
            sent.company = bool(
                (we or our or "founded" in low or "headquartered" in low or "established" in low)
                and _SELF.match(chunk)
                or we and _SELF_ANY.search(chunk)
                or our and _SELF_OPENING.match(chunk)
                or "team" in chunk and _TEAM_SELF.match(chunk)
                or _EMPLOYER.match(chunk)
                or ("'s" in chunk or "\u2019s" in chunk) and _NAMED_SELF.match(chunk)
                or self._company_subject(chunk)) \
                and not _NOT_SELF.search(chunk) \
                or we and bool(_OFFER.match(chunk)) and not _NOT_OFFER.search(chunk) \
                or _apply_notice(chunk, low)
        return sent.company

    def company_opening(self, sent: SentenceContext, start: int,
                        sections: "Sequence[Section]" = ()) -> bool:
        """Whether a posting's mention sits in its unheaded opening, which introduces the
        company (see ``_ROLE_CUE``), in a sentence that says nothing to or of the hire.
        The title line is not the opening, and a text with no line, cue, section or list
        to end it has none."""
        if self._opening is None:
            # first the ends that are cheap to find (the first section, the first list
            # line); an opening that runs past OPENING_MAX characters is none
            text = self.text
            title_end = text.find("\n")
            limit = min(len(text), title_end + OPENING_MAX)
            bound = -1
            if 0 < title_end <= TITLE_MAX and _GLUED_END.search(text, 0, title_end) is None:
                bound = min((s.start for s in sections if title_end < s.start < limit),
                            default=limit)
                found = _LIST_LINE.search(text, title_end + 1, bound)
                bound = found.start() if found is not None else bound
            self._opening = (title_end, limit, bound, False)
        title_end, limit, bound, searched = self._opening
        if not title_end < start < bound:
            return False
        if not searched:
            # then the first cue, only where a mention may sit before it (its
            # alternatives are tried at every offset)
            found = _ROLE_CUE.search(self.text, title_end, bound)
            bound = found.start() if found is not None else bound
            self._opening = (title_end, limit, bound, True)
        # the whole sentence must end before the cue: "has an opening for a Staff Software
        # Engineer to serve in the role" is the job's, whichever word comes first
        if not (title_end < sent.start and sent.end <= bound < limit):
            return False
        chunk = self.text[sent.start:sent.end]
        return not chunk.lstrip().startswith(_ITEM_MARKS) and not _OF_THE_HIRE.search(chunk)

    def about_company(self, section: "Section | None", sections: "Sequence[Section]" = ()) -> bool:
        """Whether an about-the-company section holds nothing asked of the hire (see
        :func:`company_section_trusted`; ``sections`` are the posting's)."""
        if section is None:
            return False
        key = (section.start, section.end)
        known = self._about.get(key)
        if known is None:
            known = self._about[key] = company_section_trusted(self.text, section, sections)
        return known

    def company_names(self) -> list[str]:
        """The posting's own company: the reader's company field, and the names the text
        gives itself ("Attentive® is the AI-powered ... platform", "At Okendo, we", an
        "About Artera" line)."""
        text = self.text
        found: list[str] = []
        for m in _IS_A.finditer(text):
            line = text.rfind("\n", 0, m.start()) + 1
            n = _LINE_NAME.fullmatch(text, line, m.start())
            if n is not None and _COMPANY_NOUN.match(text, m.end()):
                found.append(n.group(1))
        for m in _COMMA_WE.finditer(text):
            n = _AT_NAME.search(text, max(0, m.start() - 60), m.start())
            if n is not None:
                found.append(n.group(1))
        at = text.find("bout ")
        while at >= 0:  # an "About Artera" line
            line = text.rfind("\n", 0, at) + 1
            if at - line <= 4:
                n = _ABOUT_LINE.match(text, line)
                if n is not None:
                    found.append(n.group(1))
            at = text.find("bout ", at + 5)
        names = [self.organisation.strip()] if self.organisation and self.organisation.strip() else []
        for name in found:
            name = name.strip(" .,'’")
            if len(name) >= 3 and name.split()[0] not in _NOT_NAMES \
                    and not _ROLE_TAIL.search(name) and name not in names:
                names.append(name)
        return names

    def _company_subject(self, chunk: str) -> bool:
        """Whether the company, by name, is the sentence's subject: "Attentive’s growth has
        been recognized ...", "With a top-rated customer success team ..., Attentive
        partners with marketers", "Using Okendo, Shopify brands can grow ...". A duty that
        names it further on ("Own and iterate on Okendo’s content strategy") is the job."""
        if self._names is None:
            self._names = self.company_names()
        if not self._names or not any(name in chunk for name in self._names):
            return False  # (the subject the patterns find is part of the sentence)
        for pattern, after in ((_SUBJECT_FIRST, _AFTER_FIRST), (_SUBJECT_USING, None),
                               (_SUBJECT_OPENED, _AFTER_OPENED)):
            m = pattern.match(chunk)
            if m is None:
                continue
            subject = m.group(1)
            for name in self._names:
                if not subject.startswith(name):
                    continue
                end = m.start(1) + len(name)
                if end < len(chunk) and (chunk[end].isalnum() or chunk[end] == "-"):
                    continue  # a longer word: "Attentiveness"
                if after is None or after.match(chunk, end):
                    return True
        return False

    def employer_description(self, sent: SentenceContext) -> bool:
        """Whether a résumé's sentence describes an employer ("Acme Media provides
        marketing solutions to small businesses"), not the candidate's work."""
        if sent.company is None:
            chunk = self.text[sent.start:sent.end]
            sent.company = bool(_EMPLOYER.match(chunk) or _EMPLOYER_ITS.match(chunk)
                                or _EMPLOYER_FIRM.search(chunk))
        return sent.company

    def alternative_groups(self, found: "list") -> dict[int, int]:
        """Mention start -> group number for example lists ("tools such as Hootsuite,
        Buffer or Sprout", "(Canva, Adobe, etc.)"): the list members next to an
        "examples" cue (after it) or an "examples_after" cue (before it) form one group of
        alternatives, any of which satisfies the requirement. Inside parentheses the list
        is the parenthesis; outside, it runs over consecutive list items that each name a
        skill. A list of duties after "including" (its first word a verb's -ing form) is
        no group: sub-tasks are all asked."""
        marks = [c for c in self.cues if c[2] in ("examples", "examples_after")]
        if not marks:
            return {}
        starts = sorted({f.start for f in found})
        names = {f.start for f in found if f.extractor != "pattern"}  # not verb-led duties
        out: dict[int, int] = {}
        for n, (c_start, c_end, fam) in enumerate(marks):
            sent = self.sentence(c_start)
            lo, hi = self._list_region(sent, c_start, c_end, fam, starts)
            members = [s for s in starts if lo <= s < hi]
            gerund = _GERUND_NEXT.match(self.text, c_end) \
                if self.text[c_start:c_end].lower() == "including" else None
            if len(members) >= 2 and gerund is not None and gerund.start(1) not in names:
                continue  # "Creating content ..., including researching story ideas,
                # writing spotlight stories": sub-tasks, all asked
            if len(members) >= 2:
                for s in members:
                    out.setdefault(s, n + 1)
        return out

    def or_groups(self, found: "list", first: int = 1) -> dict[int, int]:
        """Mention start -> group number for the two skills an "or" joins in one sentence
        ("AWS or GCP", "Excel or Google Sheets"): alternatives, any of which satisfies the
        requirement, as in an example list. Only those two (and a third joined by another
        "or"): "SQL, Python, Tableau or Looker" asks for SQL, Python and one of Tableau or
        Looker (a list whose members are all alternatives says so: "one of", "any of").
        The skills are the mentions that end right before the "or" and start right after
        it. Groups are numbered from ``first``."""
        text = self.text
        by_end: dict[int, list[int]] = {}
        for f in found:
            by_end.setdefault(f.end, []).append(f.start)
        group_of: dict[int, int] = {}
        n = first
        for start in sorted({f.start for f in found}):
            # the cheap test first: the word before the mention ends in "or"
            if start < 3 or text[start - 3:start - 1].lower() != "or" or text[start - 1] not in " \t":
                continue
            link = _OR_BEFORE.search(text, max(0, start - 12), start)
            if link is None:
                continue
            left = by_end.get(link.start())
            if not left or self.sentence(left[0]).start != self.sentence(start).start:
                continue
            g = next((group_of[a] for a in left if a in group_of), None)
            if g is None:  # "AWS or GCP or Azure" keeps the first pair's group
                g, n = n, n + 1
            for a in (*left, start):
                group_of.setdefault(a, g)
        return group_of

    def _list_region(self, sent: SentenceContext, c_start: int, c_end: int, fam: str,
                     starts: list[int]) -> tuple[int, int]:
        text = self.text
        opened = text.rfind("(", sent.start, c_start)
        if opened >= 0 and text.find(")", opened, c_start) == -1:
            closed = text.find(")", c_end, sent.end)
            return (opened, c_start) if fam == "examples_after" else (c_end, closed if closed >= 0 else sent.end)
        seps = [sent.start - 1, *self._separators_of(sent), sent.end]
        n = len(starts)
        if fam == "examples":
            # items after the cue while each names a skill (``starts`` is sorted: the
            # first start at or after the item's beginning tells whether one is inside)
            lo = c_end
            hi = lo
            for a, b in zip(seps, seps[1:]):
                if b <= c_end:
                    continue
                i = bisect_left(starts, max(a + 1, c_end))
                if i == n or starts[i] >= b:
                    break
                conj = _LAST_MEMBER.search(text, max(a + 1, c_end), b)
                if conj is not None:
                    # "like Hootsuite, Sprout Social, or HubSpot will strengthen ...": the
                    # list ends at the member after its "or" / "and" when the sentence runs
                    # on past it (bullets flattened into one line); "Hootsuite and Sprout
                    # Social, Buffer, or Later" goes on to its last item
                    j = bisect_left(starts, conj.end())
                    if j < n and starts[j] < b and len(text[starts[j]:b].split()) > 4:
                        return lo, starts[j] + 1
                hi = b
            return lo, hi
        lo = c_start
        for a, b in reversed(list(zip(seps, seps[1:]))):
            if a >= c_start:
                continue
            i = bisect_right(starts, a)
            if i == n or starts[i] >= min(b, c_start):
                break
            lo = a + 1
        return lo, c_start

    def requirement(self, sent: SentenceContext, default: str, start: int | None = None) -> str:
        """The mention's requirement level from its sentence's cues. A cue that looks
        ahead ("ideally", "preferably", "bonus") makes only what follows it preferred:
        in "3-5 years in growth marketing, ideally in healthcare" growth marketing is
        still required."""
        fams = sent.families()
        if "incidental" in fams:
            return "mentioned"  # "follow us on Instagram" asks nothing of the hire
        if "preferred" in fams and (start is None or any(
                c[2] == "preferred" and (c[0] <= start or not _FORWARD_PREFERRED.match(self.text, c[0]))
                for c in sent.cues)):
            return "preferred"
        if "required" in fams:
            if default == "preferred" and all(
                    " ".join(re.findall(r"[a-z]+", self.text[c[0]:c[1]].lower())) in _LEVEL_CUES
                    for c in sent.cues if c[2] == "required"):
                # "Preferred Qualifications: - Strong knowledge of SQL": the level wanted
                # of an optional skill; only "must", "required" and the like override the
                # section
                return default
            return "required"
        return default

    def month_figures(self) -> list[MonthFigure]:
        """The document's spans in months ("24 months", "Less than 1 year"), found once
        from its cues; most documents have none."""
        if self._figures is None:
            cues = [c for c in self.cues if c[2] in MONTH_FAMILIES]
            self._figures = month_figures(self.text, cues) if cues else []
            self._figure_starts = [f.start for f in self._figures]
        return self._figures

    def years(
        self, sent: SentenceContext, start: int, end: int,
        item: "tuple[int, int] | None" = None, skills: Container[int] = (),
        mention_ends: Sequence[int] = (),
    ) -> float | None:
        """The mention's own span in months, if one is written against it (see
        :mod:`.months`; ``skills`` are the starts of the document's mentions); else the
        years expression nearest the mention in its sentence, if any. In a list, a figure
        in another item counts only when it leads its item ("5 years of Python, SQL and
        Tableau"): one in brackets ("Excel (5 years)") or right after its item's own skill
        ("SQL – 3 yrs", "Excel for 5 years"; ``mention_ends``, sorted, are where the
        document's mentions end) is that skill's alone."""
        if self.month_figures():
            fig = self._month_figure(start, end, skills)
            if fig is not None:
                return fig.years  # None for "Less than 1 year": no floor to claim
        if sent.years is None:
            chunk = self.text[sent.start:sent.end]
            low = chunk.lower()
            if "year" in low or "yr" in low or "experience" in low:
                sent.years = [(sent.start + off, v) for off, v in years_in(chunk)]
                if sent.years and "under_a_year" in sent.families():
                    # the "1 year" of "Less than 1 year" is a ceiling, no skill's floor
                    under = [c for c in sent.cues if c[2] == "under_a_year"]
                    sent.years = [y for y in sent.years if not any(a <= y[0] < b for a, b, _ in under)]
            else:
                sent.years = []
        if not sent.years:
            return None
        pool = sent.years
        if item is not None and item != (sent.start, sent.end):
            # a years figure in parentheses belongs to its own list member only
            # ("Snapchat (personal), Excel (5 years)"), and so does one after its member's
            # skill ("Excel (5 years), SQL – 3 yrs, Tableau": Tableau has none); one that
            # leads its member ("5 years of Python, SQL and Tableau") counts for every member
            # ... but not a figure whose item closes on "experience": in "5 years of
            # related experience, excellent written and verbal communication skills" the
            # years are the job's, not communication's ("7+ years in platform, DevOps, or
            # infrastructure roles" still leads its list, and "Business Analyst, with 4+
            # years of experience" still closes it)
            pool = [y for y in pool if item[0] <= y[0] < item[1]
                    or not (self._in_parens(sent, y[0]) or self._trails(sent, y[0], mention_ends)
                            or y[0] < start and self._closed_experience(sent, y[0]))]
            if not pool:
                return None
        best = min(pool, key=lambda y: (y[0] > start, abs(y[0] - start)))
        return best[1]

    def _month_figure(self, start: int, end: int, skills: Container[int]) -> MonthFigure | None:
        """The span in months written right after the mention or leading it. One
        after a role's name binds only with a label: "Social Media Manager (24 months)"
        is the role's span, which the role itself credits."""
        figures, starts = self._figures or [], self._figure_starts
        after = trailing(self.text, figures, starts, end, skills)
        if after is not None and (after[1] or not _ROLE_TAIL.search(self.text, start, end)):
            return after[0]
        return leading(self.text, figures, starts, start)

    def _trails(self, sent: SentenceContext, offset: int, mention_ends: Sequence[int]) -> bool:
        """Whether the figure at ``offset`` follows a mention of its own list item with
        nothing but a dash, colon, "experience" or "for" between ("SQL – 3 yrs", "Excel for
        5 years"), in an item that another follows: in "Python, SQL and Tableau - 3+
        years" the figure closes the list and counts for all, and in "designer with 10
        years in print, advertising" it leads it."""
        i = bisect_right(mention_ends, offset) - 1
        if i < 0:
            return False
        end = mention_ends[i]
        first, last = self.item(sent, offset, offset + 1)
        return end >= first and last < sent.end and \
            _TRAILING_GAP.fullmatch(self.text, end, offset) is not None

    def _closed_experience(self, sent: SentenceContext, offset: int) -> bool:
        """Whether the list item holding the figure at ``offset`` ends on "experience"
        ("5 years of related experience,"): a whole claim about the job, no list's lead."""
        _, last = self.item(sent, offset, offset + 1)
        return self.text[offset:last].rstrip(" \t,;.").lower().endswith("experience")

    def _in_parens(self, sent: SentenceContext, offset: int) -> bool:
        text = self.text
        opened = text.rfind("(", sent.start, offset)
        return opened >= 0 and text.find(")", opened, offset) == -1

    def negated(self, sent: SentenceContext, start: int, end: int) -> bool:
        if _NEGATION_FAMILIES.isdisjoint(sent.families()):
            return False
        cancel = [c for c in sent.cues if c[2] == "negation_cancel"]

        def cancelled(c: tuple[int, int, str]) -> bool:
            return any(k[0] <= c[0] < k[1] for k in cancel)

        needed_after = False
        # "SQL preferred but not required" makes SQL optional, not unwanted
        optional = any(c[2] == "preferred" for c in sent.cues)
        for c in sent.cues:
            fam = c[2]
            if (fam == "negation_after" and c[0] >= end and c[0] - end <= 60
                    and not optional and not cancelled(c)):
                return True
            if fam == "needed_words" and c[0] >= end and c[0] - end <= 40:
                needed_after = True
        for c in sent.cues:
            fam = c[2]
            if c[1] <= start and start - c[1] <= 30 and not cancelled(c):
                if fam == "negation_before":
                    return True
                if fam == "negation_weak" and needed_after:
                    return True
                if fam == "negation_weak" and c[0] and self.text[c[0] - 1] == "(" \
                        and self.text[c[0]:c[1]].lower() == "no" \
                        and not any(ch in self.text[c[1]:start] for ch in "),;"):
                    return True  # "a laptop (no Chromebooks or Linux OS)": what it rules out
        return False

    @staticmethod
    def usage(
        sent: SentenceContext, start: int, end: int, resume: bool = True,
        item: "tuple[int, int] | None" = None,
    ) -> str:
        """Professional or consumer, by the usage cue nearest the mention in its
        sentence ("avid Instagram user, passionate about strategy" is consumer).
        Incidental cues ("follow us on") always make it consumer; familiarity cues
        ("familiar with") only in résumés (in a posting, "familiarity with X" is a weak
        requirement)."""
        fams = sent.families()
        if "incidental" in fams:
            return "consumer"
        if _USAGE_FAMILIES.isdisjoint(fams):
            return "unspecified"
        best: tuple[int, str] | None = None
        cues = sent.cues
        if item is not None and item != (sent.start, sent.end):
            # in a list, a consumer cue belongs to its own member ("Snapchat (personal)")
            cues = [c for c in cues if c[2] != "consumer" or item[0] <= c[0] < item[1]]
        for c in cues:
            fam = c[2]
            if fam == "professional" or fam == "consumer" or (resume and fam == "familiarity"):
                fam = "consumer" if fam == "familiarity" else fam
                dist = start - c[1] if c[1] <= start else (c[0] - end if c[0] >= end else 0)
                if best is None or dist < best[0]:
                    best = (dist, fam)
        return best[1] if best else "unspecified"
