"""Article numbers as treaties write them: `9bis`, `14.1bis`, `14.11A`, in reading order."""

import pytest

from engine.language.model import number_key
from engine.syntax.parse import parse_text


@pytest.mark.parametrize("number", ["9bis", "14.1bis", "14.11A", "9b", "12.15", "8"])
def test_an_article_number_with_a_latin_suffix_parses(number):
    result = parse_text(f'agreement a {{ article {number} "T" {{ topic scope }} }}', "a.agr")
    assert result.ok
    assert result.document.items[0].articles[0].number == number


def test_article_numbers_sort_in_reading_order():
    numbers = ["14.10", "14.2", "9bis", "10", "9", "14.1bis", "14.1", "9ter"]
    assert sorted(numbers, key=number_key) == ["9", "9bis", "9ter", "10", "14.1", "14.1bis", "14.2", "14.10"]
