"""Text analysis: language detection, lemmas and theme suggestions (pure functions, no database)."""

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samen.listening.text import (
    LeftOut,
    SuggestionResult,
    detect_language,
    lemmas,
    suggest_themes,
    theme_count,
)

# Realistic input from a new estate, a few ways of saying the same thing per subject.
PARKING = [
    "Er zijn te weinig parkeerplaatsen in de Kapelakkerstraat.",
    "Bezoekers parkeren altijd voor onze garage, ik kan er niet uit.",
    "Auto's staan op het voetpad geparkeerd, met de kinderwagen kan ik er niet door.",
    "Kunnen er extra parkeerplaatsen komen bij blok C?",
    "'s Avonds vind ik nooit een parkeerplaats voor mijn auto.",
    "Bestelwagens nemen alle parkeerplaatsen in de straat in.",
]
SPEEDING = [
    "Auto's rijden veel te snel door de Berkenlaan.",
    "Er moeten verkeersdrempels komen, auto's rijden te snel en het is gevaarlijk.",
    "Een zone 30 zou helpen, iedereen rijdt hier veel te snel.",
    "Brommers rijden 's avonds veel te snel door de wijk.",
    "De wagens rijden te snel langs de school, dat is gevaarlijk voor de kinderen.",
]
PLAYGROUND = [
    "De speeltuin heeft te weinig speeltoestellen.",
    "Een schommel en een glijbaan voor de kleine kinderen in de speeltuin.",
    "Waar kunnen de kinderen veilig spelen? De speeltuin is te klein.",
    "Het hek van de speeltuin is kapot, de kinderen lopen zo de straat op.",
    "Een zandbak in de speeltuin voor de kleinste kinderen.",
]
WASTE = [
    "Overal ligt zwerfvuil rond de containers.",
    "De vuilnisbakken zijn altijd vol en het afval waait weg.",
    "Er wordt afval gedumpt naast de containers.",
    "Meer vuilnisbakken tegen het zwerfvuil, het afval ligt overal.",
    "De containers zitten vol, het afval staat ernaast.",
]
GREEN = [
    "Meer bomen en bloemen in de wijk, het is hier zo grijs.",
    "Een moestuin met planten en bloemen op het grasveld.",
    "Kunnen we samen bomen en planten zetten langs de straat?",
    "Een plantenruil met stekjes, zodat de tuintjes groen worden met bloemen.",
]
NOISE = [
    "Luide muziek 's nachts bij de buren, ik kan niet slapen.",
    "Lawaai van feestjes en muziek tot diep in de nacht.",
    "De buren spelen 's nachts harde muziek, veel lawaai.",
    "Te veel lawaai en muziek 's nachts in het blok.",
]
MEETING = [
    "Ik ken mijn buren nog niet, iedereen is nieuw.",
    "Een buurtfeest om kennis te maken met de buren.",
    "Een koffiemoment zodat de nieuwe buren elkaar leren kennen.",
    "Samen iets doen met de buren, een barbecue om kennis te maken.",
]
MAINTENANCE = [
    "Er is schimmel in de badkamer van onze woning.",
    "De verwarming van de woning valt vaak uit, het is koud.",
    "Het dak lekt, wie komt de woning herstellen?",
    "Vocht en schimmel in de slaapkamer, de woning moet hersteld worden.",
]
DUTCH = PARKING + SPEEDING + PLAYGROUND + WASTE + GREEN + NOISE + MEETING + MAINTENANCE


def corpus(extra: list[tuple[str, str | None]] | None = None) -> list[tuple[int, str, str | None]]:
    """Number the Dutch texts (and extra ones) as contributions."""
    texts = [(text, "nl") for text in DUTCH] + list(extra or [])
    return [(index + 1, text, language) for index, (text, language) in enumerate(texts)]


def placement(result: SuggestionResult) -> dict[int, object]:
    """Map every id to its suggestion's label or its left-out reason; fail on a double."""
    placed: dict[int, object] = {}
    for suggestion in result.suggestions:
        for pk in suggestion.member_ids:
            assert pk not in placed, f"{pk} is in two places"
            placed[pk] = suggestion.label
    for pk, reason in result.left_out:
        assert pk not in placed, f"{pk} is in two places"
        placed[pk] = reason
    return placed


# --- Language detection ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Er wordt veel te snel gereden in onze straat, gevaarlijk voor de kinderen.", "nl"),
        ("Les voitures roulent trop vite dans notre rue, c'est dangereux.", "fr"),
        ("Cars drive far too fast in our street, it is dangerous for the children.", "en"),
        ("السيارات تسير بسرعة كبيرة في شارعنا وهذا خطر على الأطفال", "ar"),
        ("Sokağımızda arabalar çok hızlı gidiyor, çocuklar için tehlikeli.", "tr"),
        ("Za mało miejsc parkingowych dla mieszkańców naszego bloku.", "pl"),
        # lingua knows Persian; the resident languages call it Dari.
        ("ماشین ها در خیابان ما خیلی سریع می رانند و برای بچه ها خطرناک است", "prs"),
    ],
)
def test_detect_language_names_the_language_by_its_resident_code(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "ok", "Parking", "12345 678", "!!! ???", "   "])
def test_detect_language_gives_none_for_text_too_short_to_tell(text):
    assert detect_language(text) is None


def test_detect_language_only_answers_resident_languages(settings):
    codes = {code for code, _label in settings.RESIDENT_LANGUAGES}
    samples = [
        "Wij willen een bankje bij de speeltuin.",
        "Die Autos fahren viel zu schnell durch unsere Straße.",
        "Los coches van demasiado rápido por nuestra calle.",
    ]
    assert {detect_language(text) for text in samples} <= codes


# --- Lemmas ---------------------------------------------------------------------------------


def test_lemmas_bring_dutch_inflections_back_to_one_word():
    assert lemmas("fietsen", "nl") == lemmas("fiets", "nl") == ["fiets"]
    assert lemmas("kinderen", "nl") == lemmas("kind", "nl") == ["kind"]
    assert lemmas("De parkeerplaatsen en de vuilnisbakken", "nl") == [
        "parkeerplaats",
        "vuilnisbak",
    ]
    assert lemmas("Auto's rijden te snel", "nl") == ["auto", "rijden", "snel"]


def test_lemmas_drop_stop_words_numbers_and_short_tokens():
    assert lemmas("Ik wil dat de kinderen hier kunnen spelen", "nl") == ["kind", "spelen"]
    assert lemmas("30 km/u in zone 30, 2x per dag", "nl") == ["zone", "dag"]
    assert lemmas("ik en jij op de 1e rij", "nl") == ["rij"]


def test_lemmas_work_in_the_contributions_own_language():
    assert lemmas("Les voitures roulent trop vite", "fr") == ["voiture", "rouler", "vite"]
    assert lemmas("The children need more playgrounds", "en") == [
        "child",
        "need",
        "playground",
    ]
    # Without a dictionary in memory, the words are still there, lowercased.
    assert lemmas("Arabalar çok hızlı", "tr") == ["arabalar", "çok", "hızlı"]


def test_lemmas_of_unknown_language_use_every_stop_word_list():
    assert lemmas("De speeltuin is kapot", None) == ["speeltuin", "kapot"]


# --- Theme suggestions ----------------------------------------------------------------------


def test_suggestions_group_contributions_about_the_same_subject():
    documents = corpus()
    result = suggest_themes(documents)
    placed = placement(result)
    assert 2 <= len(result.suggestions) <= 12

    def together(texts):
        """Return how many of these texts share the most common suggestion, and its words."""
        ids = [pk for pk, text, _language in documents if text in texts]
        labels = [placed[pk] for pk in ids]
        main = max(set(labels), key=labels.count)
        words = next(s.top_words for s in result.suggestions if s.label == main)
        return labels.count(main), words

    for texts, word in ((PLAYGROUND, "speeltuin"), (WASTE, "afval"), (MAINTENANCE, "woning")):
        count, words = together(texts)
        assert count == len(texts) and word in words
    # "parkeren" and "parkeerplaats" are two words: most parking input still meets.
    count, words = together(PARKING)
    assert count >= 4 and "parkeerplaats" in words


def test_each_suggestion_has_a_label_top_words_and_three_quotes_from_its_members():
    for suggestion in suggest_themes(corpus()).suggestions:
        assert suggestion.label
        assert set(suggestion.label.lower().split(" / ")) <= set(suggestion.top_words)
        assert 1 <= len(suggestion.top_words) <= 8
        assert len(suggestion.quote_ids) == min(3, len(suggestion.member_ids))
        assert set(suggestion.quote_ids) <= set(suggestion.member_ids)
        assert suggestion.member_ids == sorted(suggestion.member_ids)


def test_the_same_input_gives_the_same_suggestions():
    documents = corpus([("Trop de bruit la nuit.", "fr")])
    first = suggest_themes(documents)
    assert suggest_themes(documents) == first
    shuffled = documents[:]
    random.Random(3).shuffle(shuffled)
    assert suggest_themes(shuffled) == first


def test_every_contribution_is_in_exactly_one_suggestion_or_left_out():
    documents = corpus(
        [
            ("123 456", "nl"),
            ("!!!", None),
            ("Les poubelles débordent toujours.", "fr"),
            ("Cars park on the pavement, the parking is always full.", "en"),
            ("Mijn kat heet Minoes.", "nl"),
        ]
    )
    placed = placement(suggest_themes(documents))
    assert set(placed) == {pk for pk, _text, _language in documents}


def test_contributions_without_words_are_left_out_with_a_reason():
    result = suggest_themes(corpus([("123 456", "nl"), ("ok!", None)]))
    ids = len(DUTCH)
    assert (ids + 1, LeftOut.NO_WORDS) in result.left_out
    assert (ids + 2, LeftOut.NO_WORDS) in result.left_out


def test_other_languages_join_where_their_words_allow_and_are_never_dropped():
    documents = corpus(
        [
            ("Il y a des moisissures dans la salle de bain.", "fr"),
            ("Rubbish everywhere around the containers.", "en"),
        ]
    )
    french, english = len(DUTCH) + 1, len(DUTCH) + 2
    result = suggest_themes(documents)
    placed = placement(result)
    # No word in common with the Dutch input: left out, with the reason, not lost.
    assert placed[french] == LeftOut.LANGUAGE_WITHOUT_SHARED_WORDS
    # "containers" is a Dutch word too: the English text joins the waste suggestion.
    waste = next(s for s in result.suggestions if english in s.member_ids)
    assert "container" in waste.top_words


def test_a_dutch_contribution_with_words_nobody_else_used_is_left_out_as_such():
    documents = corpus([("Mijn kat Minoes is zoek.", "nl")])
    assert (len(DUTCH) + 1, LeftOut.NO_SHARED_WORDS) in suggest_themes(documents).left_out


def test_max_themes_limits_the_number_of_suggestions():
    assert len(suggest_themes(corpus(), max_themes=3).suggestions) <= 3


def test_the_number_of_themes_grows_with_the_input_within_bounds():
    assert theme_count(3) == 1
    assert theme_count(4) == 2
    assert theme_count(8) == 4
    assert theme_count(37) == 8
    assert theme_count(100) == 12
    assert theme_count(10_000) == 12


def test_no_contributions_give_no_suggestions():
    assert suggest_themes([]) == SuggestionResult(suggestions=[], left_out=[])


def test_one_contribution_becomes_one_suggestion():
    result = suggest_themes([(7, "De speeltuin is kapot.", "nl")])
    assert [s.member_ids for s in result.suggestions] == [[7]]
    assert result.suggestions[0].quote_ids == [7]
    assert result.left_out == []


def test_three_contributions_are_all_accounted_for():
    documents = [
        (1, "Te weinig parkeerplaatsen.", "nl"),
        (2, "Auto's rijden te snel.", "nl"),
        (3, "12", "nl"),
    ]
    result = suggest_themes(documents)
    assert set(placement(result)) == {1, 2, 3}
    assert (3, LeftOut.NO_WORDS) in result.left_out


LANGUAGES = st.sampled_from([None, "", "nl", "fr", "en", "ar", "tr", "so", "xx"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(), language=LANGUAGES)
def test_lemmas_never_crash_on_any_text(text, language):
    words = lemmas(text, language or None)
    assert all(isinstance(word, str) and len(word) >= 3 for word in words)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    documents=st.dictionaries(
        st.integers(min_value=1, max_value=10**6),
        st.tuples(
            st.one_of(
                st.text(max_size=80),
                st.sampled_from(DUTCH),
                st.lists(st.sampled_from(["parkeren", "speeltuin", "afval", "lawaai"])).map(
                    " ".join
                ),
            ),
            LANGUAGES,
        ),
        max_size=25,
    ),
    max_themes=st.one_of(st.none(), st.integers(min_value=0, max_value=6)),
)
def test_suggest_themes_accounts_for_every_id_whatever_the_text(documents, max_themes):
    rows = [(pk, text, language or None) for pk, (text, language) in documents.items()]
    result = suggest_themes(rows, max_themes=max_themes)
    assert set(placement(result)) == set(documents)
    assert suggest_themes(rows, max_themes=max_themes) == result
