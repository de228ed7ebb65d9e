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
