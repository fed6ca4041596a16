"""Text analysis of contributions: language detection, lemmas and theme suggestions.

Pure functions, no database: the services feed them texts and store what they return.
See docs/themes.md for the method and its parameters.
"""

import math
import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from django.conf import settings

# --- Language detection ---------------------------------------------------------------------

# Shorter texts ("ok", "Parking") say too little about their language to guess.
MIN_LETTERS_FOR_DETECTION = 8
# Below this confidence we do not guess: a wrong language is worse than none (it can be set).
MIN_CONFIDENCE = 0.6
# lingua knows Persian, not Dari; Dari is the Persian spoken in Afghanistan, and the resident
# languages list Dari ("prs"). Every other code is the ISO 639-1 code lingua uses.
_LINGUA_NAME_FOR_CODE = {"prs": "PERSIAN"}

_detector_lock = threading.Lock()


@cache
def _detector() -> tuple[Any, dict[Any, str]]:
    """Build the lingua detector for the resident languages it knows (once, it is slow)."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    to_code: dict[Any, str] = {}
    for code, _label in settings.RESIDENT_LANGUAGES:
        name = _LINGUA_NAME_FOR_CODE.get(code)
        try:
            if name is not None:
                language = getattr(Language, name)
            else:
                language = Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
        except (AttributeError, ValueError):
            continue  # lingua does not know this language (Tigrinya, Pashto, Amharic)
        to_code[language] = code
    # Low-accuracy mode uses trigram models only: about 40 MB instead of about 350 MB in every
    # web process, and on our short texts it guesses as well (see docs/themes.md).
    detector = LanguageDetectorBuilder.from_languages(*to_code).with_low_accuracy_mode().build()
    return detector, to_code


def detect_language(text: str) -> str | None:
    """Return the ISO code of the text's language, or None when it is too short or unclear."""
    letters = sum(1 for char in text if char.isalpha())
    if letters < MIN_LETTERS_FOR_DETECTION:
        return None
    with _detector_lock:  # the first call builds the detector; later calls pass at once
        detector, to_code = _detector()
    values = detector.compute_language_confidence_values(text)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    return to_code.get(values[0].language)


# --- Lemmas ---------------------------------------------------------------------------------

MIN_TOKEN_LETTERS = 3
# Letters only (so numbers and "30km" fall out), joined by apostrophes or hyphens:
# "auto's", "e-mail", "zwerf-vuil".
_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")

# Languages lemmatised with simplemma: Dutch, and the other resident languages whose dictionary
# is small in memory (measured: nl 52 MB, fr 26, en 25, ar 30, ro 31, bg 27, it 49, sq 12,
# Persian 7). German, Turkish, Polish, Russian, Ukrainian, Spanish and Portuguese cost 64 to
# 410 MB each in the worker, for little gain: their words seldom meet the Dutch vocabulary.
# Their words are still used, lowercased but not lemmatised. Dari uses the Persian dictionary.
_SIMPLEMMA_CODE = {"prs": "fa"}
LEMMATISED_LANGUAGES = frozenset({"nl", "fr", "en", "ar", "ro", "bg", "it", "sq", "fa"})


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that say nothing about a subject: articles, pronouns, prepositions, conjunctions,
# auxiliary and modal verbs, fillers. Checked before and after lemmatising.
STOP_WORDS: dict[str, frozenset[str]] = {
    "nl": _word_set(
        """
        aan achter af al alle alleen alles als altijd ander andere anders beetje ben bent
        bij binnen boven buiten daar daarom daarna daarvan dan dat deze die dit doe doen
        doet door dus echt een eens eigenlijk elk elke en enkel enkele er erg ervoor even
        gaan gaat gedaan geen gewoon gij ging graag had hadden heb hebben hebt heeft hem
        hen het hier hij hoe hoor hun iedere ieder iedereen iemand iets ik in is jij jou
        jouw jullie kan kon konden kunnen kunt laat laten maar mag me meer meest men met
        mij mijn minder misschien moet moeten moest mogen mocht naar naast natuurlijk niet
        niets niemand niks nog nooit nou nu of om omdat onder ons onze ook op over per
        rond sinds soms staan toch toen tot tussen uit uw vaak van veel via vind vinden
        voor vooral waar waarom wanneer want was waren wat we wel welke werd werden weten
        weet wie wij wil willen wilt word worden wordt ze zal zeer zelf zelfs zich zij zijn
        zo zoals zonder zou zouden zullen heel wellicht denk denken zeggen zegt alsjeblieft
        aub ajb svp dank bedankt tijdens terwijl waardoor waarin daarin erin erop eraan
        jaar keer ergens nergens overal weinig ding dingen komen komt kom kwam
        wijk buurt zodat langs
        """
    ),
    "fr": _word_set(
        """
        les des une dans sur sous pour par avec sans aux ces cet cette mon mes ton tes son
        ses notre nos votre vos leur leurs nous vous ils elles elle lui est sont être
        avoir fait faire pas plus très trop mais donc car que qui quoi quand comme aussi
        tout tous toute toutes bien peu beaucoup encore être avons avez ont était
        etre svp merci assez partout toujours jamais rien ici
        """
    ),
    "en": _word_set(
        """
        the and but for with without from are was were been being have has had does did
        will would can could should must may might not yes very too more most much many
        some any all this that these those there here its you she they him her them
        your his our their what which who how when where why just also only about than
        then because please thanks into onto over under
        """
    ),
}

_ALL_STOP_WORDS = frozenset().union(*STOP_WORDS.values())

# Corrections for simplemma's Dutch dictionary, for words that come up in neighbourhood input.
_DUTCH_LEMMA_FIXES = {
    "rijden": "rijden",  # simplemma says "rijen" (rows)
    "zitten": "zitten",
    "schommel": "schommel",
    "barbecue": "barbecue",
    "vocht": "vocht",
    "spelen": "spelen",
    "staat": "staan",
}


def _normalise(text: str) -> str:
    """Compose accents, lowercase, and drop the remaining combining marks (Arabic vowels)."""
    text = unicodedata.normalize("NFC", text).lower()
    return "".join(char for char in text if unicodedata.category(char) != "Mn")


def _simplemma(token: str, language: str) -> str:
    import simplemma

    try:
        lemma = simplemma.lemmatize(token, lang=language)
    except (ValueError, TypeError, KeyError):
        return token
    return lemma.lower() if isinstance(lemma, str) and lemma else token


@lru_cache(maxsize=100_000)
def _lemma(token: str, language: str) -> str:
    if language == "nl" and token in _DUTCH_LEMMA_FIXES:
        return _DUTCH_LEMMA_FIXES[token]
    first = _simplemma(token, language)
    second = _simplemma(first, language)
    # A noun that is also a verb form goes round in a circle ("fietsen" → "fiets" →
    # "fietsen"): take the shorter of the two, so that both forms meet in one word.
    if second != first and _simplemma(second, language) == first:
        return min(first, second, key=lambda word: (len(word), word))
    return first


def lemmas(text: str, language: str | None) -> list[str]:
    """Return the content words of a text as lowercase lemmas, in order."""
    code = _SIMPLEMMA_CODE.get(language or "", language or "")
    lemmatise = code in LEMMATISED_LANGUAGES
    # Unknown language: the stop words of every list (most such texts are short Dutch ones).
    stops = STOP_WORDS.get(language, frozenset()) if language else _ALL_STOP_WORDS
    words = []
    for match in _TOKEN.finditer(_normalise(text)):
        token = match.group().strip("'’-")
        if sum(1 for char in token if char.isalpha()) < MIN_TOKEN_LETTERS or token in stops:
            continue
        lemma = _lemma(token, code) if lemmatise else token
        if lemma in stops or len(lemma) < MIN_TOKEN_LETTERS:
            continue
        words.append(lemma)
    return words


# --- Theme suggestions ----------------------------------------------------------------------

MIN_THEMES = 2
MAX_THEMES = 12
TOP_WORDS = 8
SIGNATURE_WORDS = 30
QUOTES = 3
LABEL_WORDS = 3
# Below this many documents with words, everything is one suggestion and one shared word is
# not required (there is too little to compare).
SMALL_INPUT = 4
# Rather one theme too many than one too few: two suggestions about one subject are accepted
# under the same title (that merges them); a mixed one has to be sorted by hand.
THEMES_PER_ROOT = 1.25
# Rounding before sorting, so that float noise cannot swap two equal scores between runs.
_DECIMALS = 9


class LeftOut:
    """Why a contribution is in no suggestion (codes stored with the run)."""

    NO_WORDS = "no_words"  # nothing but numbers, short or common words
    # Dutch (or unknown), but no word in common with other contributions or with any theme.
    NO_SHARED_WORDS = "no_shared_words"
    # The same, in another language.
    LANGUAGE_WITHOUT_SHARED_WORDS = "language_without_shared_words"


@dataclass(frozen=True)
class Suggestion:
    """A suggested theme: a label, its top words, three quotes and its members."""

    label: str
    top_words: list[str]
    quote_ids: list[int]
    member_ids: list[int]


@dataclass(frozen=True)
class SuggestionResult:
    """The suggestions, and every contribution that is in none of them with the reason."""

    suggestions: list[Suggestion] = field(default_factory=list)
    left_out: list[tuple[int, str]] = field(default_factory=list)


def theme_count(documents: int) -> int:
    """Choose the number of themes for this many documents (about 1.25 √n, from 2 to 12)."""
    if documents < SMALL_INPUT:
        return 1
    return max(MIN_THEMES, min(MAX_THEMES, round(THEMES_PER_ROOT * math.sqrt(documents))))


def _left_out_reason(language: str | None, has_words: bool) -> str:
    if not has_words:
        return LeftOut.NO_WORDS
    if language and language != "nl":
        return LeftOut.LANGUAGE_WITHOUT_SHARED_WORDS
    return LeftOut.NO_SHARED_WORDS


def _label(words: list[str]) -> str:
    label = " / ".join(words[:LABEL_WORDS])
    return (label[:1].upper() + label[1:])[:120]


def suggest_themes(
    documents: Sequence[tuple[int, str, str | None]],
    *,
    max_themes: int | None = None,
    seed: int = 0,
) -> SuggestionResult:
    """Group (id, text, language) documents into suggested themes; the same input, the same result."""
    import numpy as np
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    # Sorted by id (the first of a repeated id wins), so the input order does not matter.
    unique: dict[int, tuple[str, str | None]] = {}
    for doc_id, text, language in documents:
        unique.setdefault(int(doc_id), (text or "", language or None))
    ids = sorted(unique)
    left_out: list[tuple[int, str]] = []

    words_of: dict[int, list[str]] = {}
    for doc_id in ids:
        text, language = unique[doc_id]
        # A missing language is guessed; Dutch, the neighbourhood's language, when unclear.
        language = language or detect_language(text) or "nl"
        unique[doc_id] = (text, language)
        words_of[doc_id] = lemmas(text, language)

    with_words = [doc_id for doc_id in ids if words_of[doc_id]]
    left_out.extend((doc_id, LeftOut.NO_WORDS) for doc_id in ids if not words_of[doc_id])
    if not with_words:
        return SuggestionResult(suggestions=[], left_out=sorted(left_out))

    small = len(with_words) < SMALL_INPUT
    vectorizer = TfidfVectorizer(
        analyzer=lambda words: words,  # the documents are lemma lists already
        min_df=1 if small else 2,  # a theme word must occur in two contributions
        sublinear_tf=True,
        dtype=np.float64,
    )
    try:
        matrix = vectorizer.fit_transform([words_of[doc_id] for doc_id in with_words])
    except ValueError:  # no word occurs twice: nothing to group on
        left_out.extend(
            (doc_id, _left_out_reason(unique[doc_id][1], True)) for doc_id in with_words
        )
        return SuggestionResult(suggestions=[], left_out=sorted(left_out))
    vocabulary = vectorizer.get_feature_names_out()

    has_shared = np.asarray(matrix.getnnz(axis=1) > 0)
    rows = [i for i in range(len(with_words)) if has_shared[i]]
    for i in range(len(with_words)):
        if not has_shared[i]:
            doc_id = with_words[i]
            left_out.append((doc_id, _left_out_reason(unique[doc_id][1], True)))
    if not rows:
        return SuggestionResult(suggestions=[], left_out=sorted(left_out))
    matrix = matrix[rows]
    member_docs = [with_words[i] for i in rows]

    wanted = max_themes if max_themes is not None else theme_count(len(member_docs))
    k = max(1, min(wanted, len(member_docs), len(vocabulary), MAX_THEMES * 4))
    if k == 1:
        assignment = np.zeros(len(member_docs), dtype=int)
    else:
        model = NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=400, tol=1e-4)
        with np.errstate(invalid="ignore"):  # its loss takes sqrt of a tiny negative; harmless
            weights = np.round(model.fit_transform(matrix), _DECIMALS)
        topics = np.round(model.components_, _DECIMALS)
        # A topic's signature: its strongest words. A contribution may only join a topic whose
        # signature shares a word with it, so nothing lands in a theme it has no word of.
        signature = np.zeros(topics.shape, dtype=np.float64)
        for topic, row in enumerate(topics):
            strongest = sorted(np.flatnonzero(row > 0), key=lambda i: (-row[i], vocabulary[i]))
            signature[topic, strongest[:SIGNATURE_WORDS]] = 1.0
        overlap = np.asarray((matrix > 0).astype(np.float64) @ signature.T)
        assignment = np.full(len(member_docs), -1, dtype=int)
        for row in range(len(member_docs)):
            candidates = np.flatnonzero(overlap[row] > 0).tolist()
            if candidates:
                # The heaviest NMF weight; then the most shared words; then the lower topic.
                assignment[row] = max(
                    candidates, key=lambda t: (weights[row, t], overlap[row, t], -t)
                )
        for row in np.flatnonzero(assignment < 0).tolist():
            doc_id = member_docs[row]
            left_out.append((doc_id, _left_out_reason(unique[doc_id][1], True)))

    suggestions = []
    for topic in sorted(set(assignment.tolist()) - {-1}):
        members = np.flatnonzero(assignment == topic)
        block = matrix[members]
        centroid = np.asarray(block.mean(axis=0)).ravel()
        order = sorted(
            (i for i in np.flatnonzero(centroid > 0)),
            key=lambda i: (-round(float(centroid[i]), _DECIMALS), vocabulary[i]),
        )
        top_words = [str(vocabulary[i]) for i in order[:TOP_WORDS]]
        # The most representative contributions: nearest to the centroid (cosine).
        norm = float(np.linalg.norm(centroid)) or 1.0
        similarity = np.asarray(block @ (centroid / norm)).ravel()
        ranked = sorted(
            range(len(members)),
            key=lambda j: (-round(float(similarity[j]), _DECIMALS), member_docs[members[j]]),
        )
        member_ids = sorted(member_docs[i] for i in members)
        # The label in Dutch where the members' Dutch words allow; else the top words as such.
        dutch = {word for pk in member_ids if unique[pk][1] == "nl" for word in words_of[pk]}
        label_words = [word for word in top_words if word in dutch] or top_words
        suggestions.append(
            Suggestion(
                label=_label(label_words),
                top_words=top_words,
                quote_ids=[member_docs[members[j]] for j in ranked[:QUOTES]],
                member_ids=member_ids,
            )
        )
    # Largest first; equal sizes in the order of their first contribution.
    suggestions.sort(key=lambda s: (-len(s.member_ids), s.member_ids[0]))
    return SuggestionResult(suggestions=suggestions, left_out=sorted(left_out))
