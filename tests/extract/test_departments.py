"""A function named in a list of the functions the writer works across is a department."""

from __future__ import annotations

from skillmix.extract.departments import in_department_list


def test_department_list_needs_three_names_and_a_word_of_working_across() -> None:
    def inside(text: str, hit: str) -> bool:
        i = text.index(hit)
        return in_department_list(text, 0, len(text), i, i + len(hit))

    text = ("Known for its culture, the team operates at the intersection of Product, Sales, "
            "and Customer Success, making a measurable impact.")
    assert inside(text, "Customer Success")
    # "including" lists the writer's own facets
    assert not inside("Business development professional with over 10 years of experience, "
                      "including sales, marketing, and product management.",
                      "product management")
    assert not inside("Partner with sales and customer success to grow accounts",
                      "customer success")


def test_the_word_of_working_across_may_end_the_item_before_the_list() -> None:
    text = ("- Comfortable working across multiple P&Ls, product teams, supply chain "
            "operations, customer service, and finance.")
    i = text.index("customer service")
    assert in_department_list(text, 0, len(text), i, i + len("customer service"))


def test_a_bracketed_list_after_teams_names_the_teams() -> None:
    text = ("- Actively advise and collaborate with global marketing teams (Brand, Performance "
            "Marketing, Content, SEO, Local Markets, PPC, and Product Marketing).")
    i = text.index("Performance Marketing")
    assert in_department_list(text, 0, len(text), i, i + len("Performance Marketing"))


def test_with_counts_only_after_a_verb_of_working_together() -> None:
    text = "Experience with SEO, paid media, content and email campaigns."
    i = text.index("paid media")
    assert not in_department_list(text, 0, len(text), i, i + len("paid media"))
    text = ("You’ll collaborate with SEO, Paid Media, Content, and Product Marketing teams to "
            "boost key metrics.")
    i = text.index("Product Marketing")
    assert in_department_list(text, 0, len(text), i, i + len("Product Marketing"))


def test_one_capitalised_department_after_working_with_or_handing_to_is_a_partner() -> None:
    from skillmix.extract import get_extractor
    from skillmix.extract.departments import names_a_partner

    def named(text: str, hit: str) -> bool:
        i = text.index(hit)
        return names_a_partner(text, 0, i, i + len(hit))

    # Remotive 1987788 and 1992028 (gold_fresh12, gold_fresh14): readers credit no skill
    assert named("you will be responsible for working cross-functionally with Product "
                 "Management, Marketing, Revenue Enablement, and Client Strategy",
                 "Product Management")
    assert named("- How: Coordinate with Product Management, Data Analytics and Research "
                 "Teams for data collection", "Product Management")
    assert named("Escalate product issues to Customer Care.", "Customer Care")
    # in lower case it is the hire's skill; without the verb it is a heading or a claim
    assert not named("Experience working with performance marketing and SEO.",
                     "performance marketing")
    assert not named("Led Customer Service for a 40-store chain.", "Customer Service")
    ex = get_extractor("builtin")
    got = {m.skill_id for m in ex.extract("- Partner with Performance Marketing on paid "
                                          "social (Meta, TikTok).", kind="posting").mentions}
    assert "performance-marketing" not in got and "paid-social-advertising" in got
    got = {m.skill_id for m in ex.extract("Experience working with performance marketing "
                                          "and SEO.", kind="posting").mentions}
    assert "performance-marketing" in got
