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
