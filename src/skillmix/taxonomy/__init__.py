"""Taxonomies: the built-in social-media-tech skills, ESCO, Lightcast, O*NET, yours."""

from .model import Taxonomy
from .registry import (
    DEFAULT_TAXONOMY,
    available_taxonomies,
    load_taxonomies,
    load_taxonomy,
)
from .standard import load_esco, load_lightcast, load_onet
from .yaml_file import load_yaml_taxonomy

__all__ = [
    "DEFAULT_TAXONOMY",
    "Taxonomy",
    "available_taxonomies",
    "load_esco",
    "load_lightcast",
    "load_onet",
    "load_taxonomies",
    "load_taxonomy",
    "load_yaml_taxonomy",
]
