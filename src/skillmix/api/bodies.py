"""What every request body of the API shares: unknown fields are refused, and a yes/no field
takes only a real boolean.

Why: pydantic's defaults ignore a field they do not know and read ``"no"``, ``"off"``,
``0`` or ``"false"`` as a boolean, so a client that misspelled ``"blnd": false`` or sent
``"blind": "no"`` got a result made with settings it did not ask for, and no word of it
(a new-user trial). Every JSON body model derives from :class:`JsonBody` (a test walks
the app's routes for one that does not); yes/no fields are :data:`JsonBool` in JSON and go
through :func:`form_bool` in forms, both refusing anything else with ``[A424]``.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationInfo

from ..errors.api_codes import A424

__all__ = ["FORM_FALSE", "FORM_TRUE", "JsonBody", "JsonBool", "form_bool"]

#: what a form's yes/no field may send (case and surrounding spaces aside)
FORM_TRUE = frozenset({"true", "1", "on"})
FORM_FALSE = frozenset({"false", "0", "off"})


class JsonBody(BaseModel):
    """A JSON request body: a field the model does not declare is ``[A422]``, as for
    ``POST /v1/documents``."""

    model_config = ConfigDict(extra="forbid")


def _json_bool(value: Any, info: ValidationInfo) -> Any:
    if value is None or isinstance(value, bool):
        return value
    raise A424(f"field {info.field_name!r} must be true or false (a JSON boolean), not "
               f"{_shown(value)}.",
               hint=f"Send \"{info.field_name}\": true or false, or leave it out for the "
                    "default.")


#: an optional yes/no field of a JSON body: JSON ``true``, ``false`` or ``null`` only
JsonBool = Annotated[bool | None, BeforeValidator(_json_bool)]


def form_bool(value: str | None, field: str, *, default: bool = False) -> bool:
    """A form's yes/no field: ``true``/``false``, ``1``/``0``, ``on``/``off`` (what a
    checkbox sends); ``default`` when the form left it out (an unchecked checkbox sends
    nothing; FastAPI passes an empty value as left out); anything else is ``[A424]``."""
    if value is None:
        return default
    word = value.strip().lower()
    if word in FORM_TRUE:
        return True
    if word in FORM_FALSE:
        return False
    raise A424(f"field {field!r} must be true or false (or 1/0, on/off), not "
               f"{_shown(value)}.", hint="Send the form again with a yes/no value.")


def _shown(value: Any) -> str:
    """The refused value for a message, cut short (it comes from the client)."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
