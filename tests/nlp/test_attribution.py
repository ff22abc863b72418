from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from claimledger.nlp import attribution, entities, paragraphs  # noqa: F401  (factories)
from claimledger.nlp.attribution import FoundAttribution
from claimledger.nlp.extensions import install_extensions

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def attr_nlp() -> Language:
    """Model + paragraph splitter + source ruler + attribution (no other claimledger component)."""
    from claimledger.nlp.pipeline import MODEL_CANDIDATES

    install_extensions()
    for name in MODEL_CANDIDATES:
        try:
            nlp = spacy.load(name, exclude=["lemmatizer"])
            break
        except OSError:
            continue
    nlp.add_pipe("claimledger_paragraph_splitter", before="parser")
    nlp.add_pipe("claimledger_entity_ruler", config={"use_places": False})
    nlp.add_pipe("claimledger_attribution_finder")
    return nlp


def _run(nlp: Language, text: str, outlet: str = "Test Outlet") -> tuple[str, list[FoundAttribution]]:
    doc = nlp.make_doc(text)
    doc._.cl_outlet = outlet
    doc = nlp(doc)
    return doc.text, doc.user_data["cl_found_attributions"]


def _content(text: str, f: FoundAttribution) -> str:
    return " ".join(text[s:e] for s, e in f.content_ranges)


def test_attribution_indirect_that_clause(attr_nlp: Language) -> None:
    text, found = _run(attr_nlp, "The Pentagon also believes some Russian missiles have been launched from Belarus.")
    (f,) = found
    assert f.actor is not None and f.actor.name == "US Department of Defense"
    assert "missiles have been launched from Belarus" in _content(text, f)
    assert f.quote == "indirect"
    assert text[f.cue_ranges[0][0] : f.cue_ranges[0][1]] == "believes"


def test_attribution_colon_quote_is_direct(attr_nlp: Language) -> None:
    text, found = _run(attr_nlp, 'The MoD added: "Russia likely also views the operation as important political messaging."')
    (f,) = found
    assert f.quote == "direct"
    assert f.actor is not None and f.actor.name == "UK Ministry of Defence"
    assert _content(text, f).startswith('"Russia likely')


def test_attribution_cue_after_quote(attr_nlp: Language) -> None:
    text, found = _run(attr_nlp, '"We will not give up a single village," the governor told reporters on Monday.')
    (f,) = found
    assert f.quote == "direct"
    assert f.source_span is not None and f.source_span.text == "the governor"
    assert "single village" in _content(text, f)


def test_attribution_according_to(attr_nlp: Language) -> None:
    text, found = _run(attr_nlp, "Russia has resorted to training troops in Belarus, according to the latest UK intelligence.")
    (f,) = found
    assert f.actor is not None and f.actor.name == "UK Ministry of Defence"
    assert _content(text, f) == "Russia has resorted to training troops in Belarus"
    assert text[f.cue_ranges[0][0] : f.cue_ranges[0][1]] == "according to"


def test_attribution_pronoun_resolves_to_previous_source(attr_nlp: Language) -> None:
    text = 'The Ministry of Defence said Russia had moved troops.\n\nIt continued: "No new rotation of troops has been noted."'
    _, found = _run(attr_nlp, text)
    assert len(found) == 2
    assert {f.actor.name for f in found if f.actor} == {"UK Ministry of Defence"}


def test_attribution_nominal_source_resolves_to_titled_person(attr_nlp: Language) -> None:
    text = (
        "Ukraine is preparing a new counter-offensive according to a leading commander.\n\n"
        "Ukraine's top ground forces commander Oleksandr Syrskyi indicated that the army planned an attack."
    )
    _, found = _run(attr_nlp, text)
    assert [f.actor.name for f in found if f.actor] == ["Oleksandr Syrskyi", "Oleksandr Syrskyi"]


def test_attribution_quote_over_paragraphs_continues(attr_nlp: Language) -> None:
    text = (
        'General Petrov said: "We have pushed the enemy back from the river.\n\n'
        '"Our units are holding the line near the bridge."\n\nThe fighting continued.'
    )
    t, found = _run(attr_nlp, text)
    assert len(found) == 1
    assert "holding the line" in _content(t, found[0])
    assert found[0].quote == "direct"


def test_attribution_denial_cue(attr_nlp: Language) -> None:
    _, found = _run(attr_nlp, "The Kremlin denied that its forces had shelled the hospital.")
    (f,) = found
    assert f.denial
    assert f.actor is not None and f.actor.name == "Russian government"


def test_attribution_mixed_quote(attr_nlp: Language) -> None:
    text, found = _run(attr_nlp, 'The MoD explained that Russia had "likely redeployed at least 1,000 troops" to Ukraine.')
    (f,) = found
    assert f.quote == "mixed"


def test_attribution_noun_cue_with_source(attr_nlp: Language) -> None:
    text, found = _run(attr_nlp, "Officials dismissed Moscow's claims that the convoy carried only aid.")
    contents = [_content(text, f) for f in found]
    assert any("the convoy carried only aid" in c for c in contents)


def test_attribution_hearsay_noun_has_no_source(attr_nlp: Language) -> None:
    _, found = _run(attr_nlp, "The losses added to widespread speculation that Moscow has an alarmingly high casualty rate.")
    hearsay = [f for f in found if f.hearsay]
    assert len(hearsay) == 1
    assert hearsay[0].actor is not None and hearsay[0].actor.name == "Test Outlet"


def test_attribution_nested_source_has_parent(attr_nlp: Language) -> None:
    text, found = _run(attr_nlp, "The MoD said that Russian officials claim that the bridge was destroyed by a storm.")
    inner = [f for f in found if f.parent is not None]
    assert inner and inner[0].parent is not None and inner[0].parent.actor is not None
    assert inner[0].parent.actor.name == "UK Ministry of Defence"


def test_attribution_offsets_exact(attr_nlp: Language) -> None:
    text = 'He said: "Very soon, we will take advantage of this opportunity near Kyiv." The MoD denied it.'
    doc = attr_nlp(text)
    assert doc._.cl_attributions
    for a in doc._.cl_attributions:
        for span in [a.source, a.cue, *a.content]:
            if span is not None:
                assert text[span.start : span.end] == span.text


def test_attribution_abstract_subject_is_not_a_source(attr_nlp: Language) -> None:
    _, found = _run(attr_nlp, "The fact that prices rose highlights how the war has hurt the economy.")
    assert found == []


def _attributions(nlp: Language, text: str) -> list:  # type: ignore[type-arg]
    doc = nlp.make_doc(text)
    doc._.cl_outlet = "Test Outlet"
    return list(nlp(doc)._.cl_attributions)


def test_attribution_model_cue_keeps_auxiliaries_and_colon(attr_nlp: Language) -> None:
    (a,) = _attributions(attr_nlp, "The senator has also said that the bill will pass.")
    assert a.cue is not None and a.cue.text == "has also said"
    (b,) = _attributions(attr_nlp, 'The governor said: "We will rebuild every road in this county."')
    assert b.cue is not None and b.cue.text == "said:"


def test_attribution_model_interrupted_quote_is_one_attribution(attr_nlp: Language) -> None:
    text = '"We are ready," Smith said, "and we will not back down from this fight."'
    attrs = _attributions(attr_nlp, text)
    assert len(attrs) == 1
    assert [c.text for c in attrs[0].content] == ['"We are ready,"', '"and we will not back down from this fight."']


def test_attribution_model_leaves_out_nested(attr_nlp: Language) -> None:
    text, found = _run(attr_nlp, "The minister said that officials believe the talks will fail.")
    attrs = _attributions(attr_nlp, text)
    assert len(found) == 2 and len(attrs) == 1
    assert attrs[0].cue is not None and attrs[0].cue.text == "said"
    assert attrs[0].content[0].text.startswith("that officials believe")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Kevin Brady, chairman of the committee, said the plan would fail.", "Kevin Brady, chairman of the committee,"),
        ("A source involved in the talks said the deal was close.", "A source involved in the talks"),
        # a short aside between commas stays (see test_attribution_source_keeps_a_short_relative_aside)
        ("Ramos, who lives in Miami, said the vote was rigged.", "Ramos, who lives in Miami,"),
        ("About half of the voters said they want a change.", "About half of the voters"),
    ],
)
def test_attribution_model_source_span(attr_nlp: Language, text: str, source: str) -> None:
    (a,) = _attributions(attr_nlp, text)
    assert a.source is not None and a.source.text == source


def test_attribution_colon_headline(attr_nlp: Language) -> None:
    text, found = _run(attr_nlp, "Graham: Trump Is Destroying the Party's Chance to Win.\n\nThe senator spoke on Monday.")
    (f,) = found
    assert f.source_span is not None and f.source_span.text == "Graham"
    assert _content(text, f) == "Trump Is Destroying the Party's Chance to Win"


@pytest.mark.parametrize("text", ["UPDATE: The vote has been moved to Friday.", "WASHINGTON: The vote has been moved to Friday."])
def test_attribution_colon_label_is_not_a_source(attr_nlp: Language, text: str) -> None:
    _, found = _run(attr_nlp, text)
    assert found == []


def test_attribution_evaluative_verb_is_model_only(attr_nlp: Language) -> None:
    text = "Senator Sanders criticized the climate accord adopted in Paris."
    _, found = _run(attr_nlp, text)
    attrs = _attributions(attr_nlp, text)
    assert found == []  # no claim is built from it
    (a,) = attrs
    assert a.cue is not None and a.cue.text == "criticized"
    assert a.content[0].text == "the climate accord adopted in Paris"


def test_attribution_evaluative_needs_a_source(attr_nlp: Language) -> None:
    assert _attributions(attr_nlp, "The new bill would support families with young children.") == []


def test_attribution_model_unattributed_quote_is_content_only(attr_nlp: Language) -> None:
    quote = '"I think the government has failed every family in this town."'
    text = "Prices rose again on Monday.\n\n" + quote
    attrs = _attributions(attr_nlp, text)
    (a,) = attrs  # the "I think" inside the quotation is not an attribution of its own
    assert a.source is None and a.cue is None
    assert [c.text for c in a.content] == [quote]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Mr. Cruz pledged to oppose legal status for undocumented immigrants.", "pledged",
         "to oppose legal status for undocumented immigrants"),
        ("The senator declined to say whether the bill would pass.", "declined", "to say whether the bill would pass"),
        ("She urged the administration to join the coalition.", "urged", "the administration to join the coalition"),
        ("He described the field of candidates as very good.", "described", "the field of candidates as very good"),
        ("A new poll found that most voters back the plan.", "found", "that most voters back the plan"),
        ("He expressed concern that the businessman was encouraging violence.", "expressed concern",
         "that the businessman was encouraging violence"),
        ("The governor decided to veto the budget bill.", "decided", "to veto the budget bill"),
        # stances taken through a preposition
        ("Trump has railed against the trade deal.", "has railed against", "the trade deal"),
        ("Sanders pushed for a higher minimum wage.", "pushed for", "a higher minimum wage"),
        ("Republicans balked at the price of the bill.", "balked at", "the price of the bill"),
    ],
)
def test_attribution_minor_cue_is_model_only(attr_nlp: Language, text: str, cue: str, content: str) -> None:
    _, found = _run(attr_nlp, text)
    assert found == []  # intentions and findings make no claim
    (a,) = _attributions(attr_nlp, text)
    assert a.cue is not None and a.cue.text == cue
    assert [c.text for c in a.content] == [content]
    assert a.source is not None


def test_attribution_asked_has_no_source(attr_nlp: Language) -> None:
    text = "Asked whether the deal would survive, the minister smiled."
    attrs = _attributions(attr_nlp, text)
    asked = [a for a in attrs if a.cue is not None and a.cue.text == "Asked"]
    assert len(asked) == 1 and asked[0].source is None
    assert asked[0].content[0].text == "whether the deal would survive"


def test_attribution_asked_tagged_as_a_past_tense_has_no_source(attr_nlp: Language) -> None:
    text = 'Asked what a firm commitment looks like, Devine replied: "We are a long way off from that."'
    asked = [a for a in _attributions(attr_nlp, text) if a.cue is not None and a.cue.text == "Asked"]
    assert [(a.source, [c.text for c in a.content]) for a in asked] == [(None, ["what a firm commitment looks like"])]


def test_attribution_question_put_to_the_speaker_is_not_the_answer(attr_nlp: Language) -> None:
    text = 'Sanders had previously said, "We\'ll see," when asked whether he would fundraise for others.'
    roles = {a.cue.text: [c.text for c in a.content] for a in _attributions(attr_nlp, text) if a.cue is not None}
    assert roles["had previously said"] == ['"We\'ll see,"']
    assert roles["asked"] == ["whether he would fundraise for others"]


def test_attribution_parenthetical_cue_content_in_two_pieces(attr_nlp: Language) -> None:
    text, found = _run(attr_nlp, "The museum, Mr. Obama said, would make visitors face uncomfortable truths.")
    (f,) = found
    assert f.source_span is not None and f.source_span.text == "Mr. Obama"
    assert [text[s:e] for s, e in f.content_ranges] == ["The museum", "would make visitors face uncomfortable truths"]


def test_attribution_say_with_pronoun_object_is_model_only(attr_nlp: Language) -> None:
    text = "Six in ten voters call him competent, after 55 percent said so in December."
    _, found = _run(attr_nlp, text)
    assert not any(text[f.cue_pos : f.cue_pos + 4] == "said" for f in found)
    said = [a for a in _attributions(attr_nlp, text) if a.cue is not None and a.cue.text == "said"]
    assert len(said) == 1 and said[0].content[0].text == "so"


def test_attribution_quote_signed_with_dash(attr_nlp: Language) -> None:
    quote = "“He represents our greatest shame and has divided the country.”"
    text = f"{quote} ― Sonya Herridge\n“Another reader wrote in with a very different view of it.” ― Pamela Padilla"
    attrs = _attributions(attr_nlp, text)
    first = next(a for a in attrs if a.content[0].text == quote)
    assert first.source is not None and first.source.text == "Sonya Herridge"
    assert first.cue is not None and first.cue.text == "―"


def test_attribution_in_poll_is_cue(attr_nlp: Language) -> None:
    text = "In the latest national poll, Clinton led Trump by five points among likely voters."
    (a,) = _attributions(attr_nlp, text)
    assert a.cue is not None and a.cue.text == "In"
    assert a.source is not None and a.source.text == "the latest national poll"
    assert a.content[0].text == "Clinton led Trump by five points among likely voters"


def test_attribution_participle_of_noun_takes_it_as_source(attr_nlp: Language) -> None:
    text, found = _run(attr_nlp, "Police received calls from residents saying shots had been fired near the school.")
    (f,) = found
    assert f.source_span is not None and f.source_span.text == "residents"
    assert _content(text, f) == "shots had been fired near the school"


def test_attribution_conjoined_cue_is_not_content(attr_nlp: Language) -> None:
    text = "He said his recent attacks on Trump have given his campaign momentum and said that Trump did not represent the party."
    got, found = _run(attr_nlp, text)
    contents = sorted(_content(got, f) for f in found)
    assert contents == ["his recent attacks on Trump have given his campaign momentum", "that Trump did not represent the party"]
    assert all(f.source_span is not None and f.source_span.text == "He" for f in found)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The mayor said she did not condone violence and hoped that people would find a way to voice concerns.",
            "she did not condone violence and hoped that people would find a way to voice concerns",
        ),
        (
            "Smith said the group is not an advocacy group and supports candidates on both sides of the aisle.",
            "the group is not an advocacy group and supports candidates on both sides of the aisle",
        ),
    ],
)
def test_attribution_conjoined_verb_not_of_speech_stays_in_content(attr_nlp: Language, text: str, content: str) -> None:
    # only a verb of speech joined to the content is the speaker's next act; "hoped", "supports"
    # continue what was said
    got, found = _run(attr_nlp, text)
    assert content in [_content(got, f) for f in found]


def test_attribution_passive_expectation_has_no_source(attr_nlp: Language) -> None:
    text = "Trump is expected to deliver a victory speech later tonight."
    _, found = _run(attr_nlp, text)
    assert found == []
    (a,) = _attributions(attr_nlp, text)
    assert a.source is None and a.cue is not None and a.cue.text == "is expected"
    assert [c.text for c in a.content] == ["Trump", "to deliver a victory speech later tonight"]


def test_attribution_model_continuation_with_nested_cue_joins_speaker(attr_nlp: Language) -> None:
    first = '"What we have done with airstrikes has made a difference,"'
    second = '"We have pieces in place but I think we have to deepen them."'
    attrs = _attributions(attr_nlp, f"{first} Clinton added. {second}")
    (a,) = attrs
    assert a.source is not None and a.source.text == "Clinton"
    assert [c.text for c in a.content] == [first, second]


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("''I'm more skilled with my hands than I am with my brain,'' said Robin Maynard, half joking.",
         "Robin Maynard", "''I'm more skilled with my hands than I am with my brain,''"),
        ("He has worked at the plant for years. ''I'm more skilled with my hands than I am with my brain,'' "
         "said Robin Maynard.", "Robin Maynard", "''I'm more skilled with my hands than I am with my brain,''"),
    ],
)
def test_attribution_model_inverted_speaker_after_quote(attr_nlp: Language, text: str, source: str, content: str) -> None:
    attrs = [a for a in _attributions(attr_nlp, text) if a.cue is not None]
    (a,) = attrs
    assert a.cue is not None and a.cue.text == "said"
    assert a.source is not None and a.source.text == source
    assert [c.text for c in a.content] == [content]


def test_attribution_that_clause_after_adjuncts(attr_nlp: Language) -> None:
    text = "Rep. Zoe Lofgren said in a statement that the announcements were important first steps."
    (a,) = _attributions(attr_nlp, text)
    assert a.source is not None and a.source.text == "Rep. Zoe Lofgren"
    assert [c.text for c in a.content] == ["that the announcements were important first steps"]


def test_attribution_model_quoted_cue_content_ends_with_quote(attr_nlp: Language) -> None:
    first = '"Trump also says we can just print more money. Well, we know what happens to countries that tried that in the past,"'
    second = '"It drove inflation through the roof."'
    (a,) = _attributions(attr_nlp, f"{first} Clinton said. {second}")
    assert a.source is not None and a.source.text == "Clinton"
    assert a.cue is not None and a.cue.text == "said"
    assert [c.text for c in a.content] == [first, second]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("WASHINGTON — Sen. Bob Smith said he would vote no.", "Sen. Bob Smith"),
        ("RENO, Nev. (AP) — Republican presidential hopeful Donald Trump said the NFL has gone soft.",
         "Republican presidential hopeful Donald Trump"),
        ("NEW YORK - Republican presidential candidate Donald Trump said the NFL has gone soft.",
         "Republican presidential candidate Donald Trump"),
        ("Woodrow Benford, 58, says he did not know much about Sanders.", "Woodrow Benford"),
    ],
)
def test_attribution_model_source_without_dateline_or_age(attr_nlp: Language, text: str, source: str) -> None:
    (a,) = _attributions(attr_nlp, text)
    assert a.source is not None and a.source.text == source


@pytest.mark.parametrize(("gap", "pieces"), [("\n\n", 2), ("\n\nShe paused for a long moment before going on.\n\n", 1)])
def test_attribution_model_quote_in_next_paragraph_after_cue(attr_nlp: Language, gap: str, pieces: int) -> None:
    first = '"All of us are fearful that the establishment would work overtime to steal that nomination,"'
    second = '"So the best way we do it, we get to 1,237. Game over."'
    attrs = _attributions(attr_nlp, f"{first} Collins told MSNBC.{gap}{second}")
    spoken = next(a for a in attrs if a.cue is not None)
    assert spoken.source is not None and spoken.source.text == "Collins"
    assert len(spoken.content) == pieces
    assert spoken.content[0].text == first


def test_attribution_model_evaluative_content_takes_in_quote_marks(attr_nlp: Language) -> None:
    text = "Carson took the stage on Tuesday in Baltimore and called the political system “rotten to the core.”"
    called = [a for a in _attributions(attr_nlp, text) if a.cue is not None and a.cue.text == "called"]
    (a,) = called
    assert a.source is not None and a.source.text == "Carson"
    assert [c.text for c in a.content] == ["the political system “rotten to the core.”"]


def test_attribution_second_speaker_clause_is_its_own_attribution(attr_nlp: Language) -> None:
    # the parser hangs the second speaker's clause on the first cue as another complement
    text, found = _run(attr_nlp, "Most of the farmers said they were very worried, and more than 4 in 10 said the new tariff would ruin them.")
    got = {(text[f.source_span.start_char:f.source_span.end_char] if f.source_span else None, _content(text, f)) for f in found}
    assert ("Most of the farmers", "they were very worried") in got
    assert ("more than 4 in 10", "the new tariff would ruin them") in got


def test_attribution_conjunct_chain_borrows_first_subject(attr_nlp: Language) -> None:
    text, found = _run(attr_nlp, "Later the organisers reversed themselves, rushed everyone inside the hall and said they will count the ballots tonight.")
    f = next(f for f in found if "count the ballots" in _content(text, f))
    assert text[f.source_span.start_char:f.source_span.end_char] == "the organisers"
    assert _content(text, f) == "they will count the ballots tonight"


def test_attribution_poll_share_parsed_as_number_is_the_source(attr_nlp: Language) -> None:
    text, found = _run(attr_nlp, "About 4 in 10 say they want the next mayor to cut taxes.")
    f = next(f for f in found if text[f.cue_ranges[0][0]:f.cue_ranges[0][1]] == "say")
    assert text[f.source_span.start_char:f.source_span.end_char] == "About 4 in 10"
    assert _content(text, f) == "they want the next mayor to cut taxes"


def _roles(text: str, f: FoundAttribution) -> tuple[str | None, str, str]:
    source = text[f.source_span.start_char:f.source_span.end_char] if f.source_span else None
    return source, " ".join(text[a:b] for a, b in f.cue_ranges), _content(text, f)


def _found_roles(nlp: Language, text: str) -> list[tuple[str | None, str, str]]:
    """(source, cue, content) of each attribution the finder keeps for claims, in text order."""
    text, found = _run(nlp, text)
    return [_roles(text, f) for f in found]


def _all_found(nlp: Language, text: str) -> tuple[str, list[FoundAttribution]]:
    doc = nlp.make_doc(text)
    doc._.cl_outlet = "Test Outlet"
    doc = nlp(doc)
    found = doc.user_data["cl_found_attributions"]
    return doc.text, found + attribution.find_evaluations(doc, found, outlet="Test Outlet")


def test_attribution_speech_verb_with_gerund_subject_clause(attr_nlp: Language) -> None:
    # "legalizing" parsed as the verb's xcomp, the rest of the clause hanging from it
    assert _found_roles(attr_nlp, "He said legalizing it could put thousands of people to work in the north.") == [("He", "said", "legalizing it could put thousands of people to work in the north")]


def test_attribution_second_verb_shares_subject_of_first(attr_nlp: Language) -> None:
    # the parser makes "offered ..." a complement of "says"; the cue shares its subject
    text, found = _run(attr_nlp, "Kasich jokingly offered the man a job in his cabinet, then says he will welcome advice from anyone.")
    f = next(f for f in found if "welcome" in _content(text, f))
    assert _roles(text, f)[0] == "Kasich"
    assert _content(text, f) == "he will welcome advice from anyone"


def test_attribution_calling_for_a_for_to_clause(attr_nlp: Language) -> None:
    text, found = _all_found(attr_nlp, "The senator is calling for the minister to resign before the summer.")
    f = next(f for f in found if f.cue_base == "call")
    assert _roles(text, f) == ("The senator", "calling for", "the minister to resign before the summer")


@pytest.mark.parametrize("text, source", [
    ("Among younger voters, 56 percent would vote for the mayor again.", "56 percent"),
    ("Asked last week, a majority would vote for the incumbent.", "a majority"),
])
def test_attribution_poll_share_is_an_agentive_source(attr_nlp: Language, text: str, source: str) -> None:
    text, found = _all_found(attr_nlp, text)
    f = next(f for f in found if f.cue_base == "vote")
    assert _roles(text, f)[0] == source


@pytest.mark.parametrize("text, cue, content", [
    ("The governor offered his early assessment of the budget deal.", "offered", "his early assessment of the budget deal"),
    ("The mayor noted the drop in crime over the last year.", "noted", "the drop in crime over the last year"),
])
def test_attribution_minor_cue_with_object(attr_nlp: Language, text: str, cue: str, content: str) -> None:
    text, found = _all_found(attr_nlp, text)
    got = [_roles(text, f)[1:] for f in found]
    assert (cue, content) in got


@pytest.mark.parametrize(
    ("text", "source", "quoted"),
    [
        # the parser gives "said" no complement: the quotation right before the cue is what was said
        ('"Wall Street\'s a pretty cynical place," said Tim Hess, a real estate developer in Virginia.',
         "Tim Hess", "cynical place"),
        # a word of the quotation parsed as a second subject of "said" is not the speaker
        ("“Hillary Clinton’s campaign is in panic mode. Full panic mode,” said Leslie Wimes, a "
         "South Florida-based president of the caucus.", "Leslie Wimes", "Full panic mode"),
    ],
)
def test_attribution_quote_before_inverted_cue(attr_nlp: Language, text: str, source: str, quoted: str) -> None:
    (a,) = _attributions(attr_nlp, text)
    assert a.source is not None and a.source.text.startswith(source)
    assert a.cue is not None and a.cue.text == "said"
    assert quoted in " ".join(c.text for c in a.content)
    assert a.source.text not in " ".join(c.text for c in a.content)


def test_attribution_clause_after_adjunct_without_that(attr_nlp: Language) -> None:
    text, found = _run(attr_nlp, "Trump said after the convention he would not accept the endorsement.")
    (f,) = found
    assert f.source_span is not None and f.source_span.text == "Trump"
    assert "he would not accept the endorsement" in _content(text, f)


def test_attribution_adverbial_clause_with_conjunction_is_not_content(attr_nlp: Language) -> None:
    _, found = _run(attr_nlp, "Trump said nothing because he was tired.")
    assert not any("because" in _content(_, f) for f in found)


def test_attribution_transcript_labels_inside_quotation(attr_nlp: Language) -> None:
    text = (
        'Partial transcript as follows:\n\n"WALLACE: Let’s start with breaking news on the debate story. '
        'After the Clinton camp announced it, what happened?\n\n"PENCE: Well, look, Hillary Clinton '
        "apparently thinks this is an episode of a show.\n"
    )
    attrs = _attributions(attr_nlp, text)
    assert [(a.source.text if a.source else None, a.cue.text if a.cue else None) for a in attrs] == [
        ("WALLACE", ":"),
        ("PENCE", ":"),
    ]
    assert attrs[0].content[0].text.startswith("Let’s start") and attrs[0].content[0].text.endswith("happened?")
    for a in attrs:
        for span in (a.source, a.cue, *a.content):
            assert span is not None and text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("At the forum, Clinton called her vote in favor of the Iraq War a mistake.", "Clinton",
         "her vote in favor of the Iraq War a mistake"),
        ('He called Burma a "good news story in an era when so often we see countries going the opposite way."',
         "He", 'Burma a "good news story'),
    ],
)
def test_attribution_naming_cue(attr_nlp: Language, text: str, source: str, content: str) -> None:
    (a,) = _attributions(attr_nlp, text)
    assert a.source is not None and a.source.text == source
    assert a.cue is not None and a.cue.text == "called"
    assert a.content[0].text.startswith(content)


def test_attribution_called_as_a_name_is_not_a_cue(attr_nlp: Language) -> None:
    assert _attributions(attr_nlp, "His nonprofit group, called the Virginia Conservation Legacy Fund, will run it.") == []


def test_attribution_according_to_noun_phrase_read_as_verb(attr_nlp: Language) -> None:
    text = "Donald Trump repeatedly demeaned women with sexist language, according to show insiders."
    (a,) = _attributions(attr_nlp, text)
    assert a.source is not None and a.source.text == "show insiders"
    assert a.cue is not None and a.cue.text == "according to"
    assert a.content[0].text == "Donald Trump repeatedly demeaned women with sexist language"


def test_attribution_quote_word_parsed_as_subject_keeps_the_speaker(attr_nlp: Language) -> None:
    # the parser makes "people" (inside the quotation) a second subject of "said"
    text = (
        'Briggs said Sanders won New Hampshire in a "landslide of historic proportions."\n\n'
        '"The more people who know about Bernie, the better they like him and the ideas that '
        "he's talking about,\" Briggs said."
    )
    quote = text[text.index('"The more') : text.index(',"') + 2]
    (a,) = [a for a in _attributions(attr_nlp, text) if a.content[0].text == quote]
    assert a.source is not None and a.source.text == "Briggs"
    assert a.cue is not None and a.cue.text == "said"


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "Roger Ailes also met with Mr. Trump that day, as The New York Times reported on Tuesday, "
            "and he will be part of efforts to prepare Mr. Trump.",
            ("The New York Times", "reported", "Roger Ailes also met with Mr. Trump that day"),
        ),
        (
            "However, as POLITICO has reported, cases that led to charges included aggravating circumstances.",
            ("POLITICO", "reported", "cases that led to charges included aggravating circumstances"),
        ),
    ],
)
def test_attribution_as_clause_reports_the_clause_it_hangs_on(
    attr_nlp: Language, text: str, roles: tuple[str, str, str]
) -> None:
    assert _found_roles(attr_nlp, text) == [roles]


def test_attribution_closing_clause_with_its_own_speaker_is_split_off(attr_nlp: Language) -> None:
    text, found = _run(
        attr_nlp,
        "Among Trump voters, 74 percent said they are set on voting for him, "
        "while 22 percent said they might change their mind.",
    )
    assert [_roles(text, f) for f in found] == [
        ("74 percent", "said", "they are set on voting for him"),
        ("22 percent", "said", "they might change their mind"),
    ]


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "A recent CNN survey found 90 percent support for background checks.",
            ("A recent CNN survey", "found", "90 percent support for background checks"),
        ),
        (
            "Students in urban districts take 112 standardized tests by the time they graduate, "
            "a study by the Council of the Great City Schools found.",
            (
                "a study by the Council of the Great City Schools",
                "found",
                "Students in urban districts take 112 standardized tests by the time they graduate",
            ),
        ),
        (
            "Cruz came in second in January polls, although Rubio moved from third to second.",
            ("January polls", "in", "Cruz came in second"),
        ),
    ],
)
def test_attribution_what_a_poll_or_study_found(attr_nlp: Language, text: str, roles: tuple[str, str, str]) -> None:
    text, found = _all_found(attr_nlp, text)
    assert roles in [_roles(text, f) for f in found]


def test_attribution_police_finding_a_body_is_no_attribution(attr_nlp: Language) -> None:
    text, found = _all_found(attr_nlp, "Police found the body of a man near the river.")
    assert found == []


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "As GOP front-runner Donald Trump prepared to speak to supporters in Wisconsin on Tuesday, a "
            "15-year-old girl outside the venue was pepper-sprayed by another bystander, police said.",
            (
                "police",
                "said",
                "As GOP front-runner Donald Trump prepared to speak to supporters in Wisconsin on Tuesday, a "
                "15-year-old girl outside the venue was pepper-sprayed by another bystander",
            ),
        ),
        (
            # the parser cuts the sentence at the comma before the speaker
            'They should pay the loans back in ten years, he said.\n\n'
            'Those who do take on heavy debt struggle, even with a "good" job, he said.',
            ("he", "said", 'Those who do take on heavy debt struggle, even with a "good" job'),
        ),
    ],
)
def test_attribution_closing_cue_parsed_as_the_root(attr_nlp: Language, text: str, roles: tuple[str, str, str]) -> None:
    assert roles in _found_roles(attr_nlp, text)


def test_attribution_closing_cue_after_a_circumstance_is_not_content(attr_nlp: Language) -> None:
    # the subordinate clause is when the speaker spoke, not what was said
    text, found = _run(attr_nlp, "After the court refused to reconsider the decision, the attorney general said.")
    assert found == []


def test_attribution_earlier_quote_and_cue_are_not_the_later_cues_content(attr_nlp: Language) -> None:
    text, found = _run(
        attr_nlp,
        '"His normal demeanor is grumpy," she said, but despite the increasingly fractious tone, '
        '"I think he will do it," said Kunin.',
    )
    roles = [_roles(text, f) for f in found]
    assert ("she", "said", '"His normal demeanor is grumpy,"') in roles
    kunin = [r for r in roles if r[0] == "Kunin"]
    assert kunin and all("she said" not in r[2] for r in kunin)


def test_attribution_earlier_cue_clause_is_not_content_of_a_cue_with_its_own(attr_nlp: Language) -> None:
    # the parser hangs the first report on the second cue, which says the quotation after it
    text, found = _run(
        attr_nlp,
        "He said he had not seen the violent episode in Fayetteville, and when asked whether he was "
        "encouraging his supporters' fury, he said, ''I hope not.''",
    )
    roles = [_roles(text, f) for f in found]
    assert ("He", "said", "he had not seen the violent episode in Fayetteville") in roles
    assert ("he", "said", "''I hope not.''") in roles


def test_attribution_quoted_cue_clause_before_a_cue_stays_content(attr_nlp: Language) -> None:
    text, found = _run(attr_nlp, '"I think Lester Holt will be very fair," Trump said, "but a lot of people are watching."')
    (trump,) = [r for r in (_roles(text, f) for f in found) if r[0] == "Trump"]
    assert trump[2].startswith('"I think Lester Holt will be very fair,"')
    assert trump[2].endswith('"but a lot of people are watching."')


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        # the verb's complements after the object are part of what is evaluated
        ("Harry Reid blasted Rubio for missing votes in the Senate.", "blasted", "Rubio for missing votes in the Senate"),
        ("He described his campaign manager as a very decent man.", "described",
         "his campaign manager as a very decent man"),
        ("The delegates endorsed the candidate of their choice at the convention.", "endorsed",
         "the candidate of their choice at the convention"),
        ("The president has denounced the travel ban on refugees.", "has denounced", "the travel ban on refugees"),
        ("Trump wondered whether he could file charges against the reporter.", "wondered",
         "whether he could file charges against the reporter"),
        ("Judge Gonzalo Curiel ordered that the records be released by Thursday.", "ordered",
         "that the records be released by Thursday"),
    ],
)
def test_attribution_evaluative_and_minor_cues_added(attr_nlp: Language, text: str, cue: str, content: str) -> None:
    _, found = _run(attr_nlp, text)
    assert found == []  # PolNeAR counts them; no claim is built from them
    (a,) = _attributions(attr_nlp, text)
    assert a.cue is not None and a.cue.text == cue
    assert [c.text for c in a.content] == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a quotation opened inside the content closes inside it (two apostrophes for marks)
        ("She said the law is ''unconstitutional,'' and vowed to appeal.", "the law is ''unconstitutional,''"),
        # so does a bracket
        ("Clinton won the support of women (61 percent) and Democrats looking for an experienced "
         "candidate (90 percent), according to CNN.",
         "Clinton won the support of women (61 percent) and Democrats looking for an experienced "
         "candidate (90 percent)"),
    ],
)
def test_attribution_content_closes_what_it_opens(attr_nlp: Language, text: str, content: str) -> None:
    text, found = _run(attr_nlp, text)
    assert content in [r[2] for r in (_roles(text, f) for f in found)]


def test_attribution_speaker_is_not_a_word_of_the_quotation(attr_nlp: Language) -> None:
    # the parser hangs "Michigan" on the cue as a second subject
    text, found = _run(attr_nlp, "''We need more: Michigan, Pennsylvania, Virginia, Florida, Ohio,'' Mr. Trump said.")
    assert [r[:2] for r in (_roles(text, f) for f in found)] == [("Mr. Trump", "said")]


def test_attribution_paraphrase_and_the_quotation_after_it_are_one_span(attr_nlp: Language) -> None:
    text = ('She said she and Obama had made progress in the face of GOP opposition. '
            '"I really believe that the president has done an incredible job."')
    (a,) = [a for a in _attributions(attr_nlp, text) if a.cue is not None and a.cue.text == "said"]
    assert [c.text for c in a.content] == [text[len("She said "):]]
    assert all(text[c.start : c.end] == c.text for c in a.content)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # a closing participle of a cue verb is the reporter's gloss or another report
        ("Packer said the increased focus on Trump is taking a toll on the front-runner, pointing to Cruz's "
         "victories Tuesday in Texas.", "the increased focus on Trump is taking a toll on the front-runner"),
        # one of another verb goes on with what was said
        ("Salceda said that about 4 million people of Philippine descent live in the United States, making them "
         "the second-largest Asian group in the country.",
         "that about 4 million people of Philippine descent live in the United States, making them "
         "the second-largest Asian group in the country"),
    ],
)
def test_attribution_closing_participle(attr_nlp: Language, text: str, content: str) -> None:
    (a,) = [a for a in _attributions(attr_nlp, text) if a.cue is not None and a.cue.text == "said"]
    assert [c.text for c in a.content] == [content]


def test_attribution_topic_label_before_a_paragraph_is_no_colon_cue(attr_nlp: Language) -> None:
    text, found = _run(
        attr_nlp,
        "Superdelegates: Clinton is backed by 520 superdelegates compared with 39 who back Sanders, according to "
        "the Associated Press. Sanders supporters have launched petitions calling on superdelegates to back the "
        'will of voters at the convention. "The concern would be that we have a process that is eroding '
        'democracy," Devine said.\n',
    )
    roles = [_roles(text, f) for f in found]
    assert all(cue != ":" for _, cue, _ in roles)
    assert ("Devine", "said", '"The concern would be that we have a process that is eroding democracy,"') in roles


def test_attribution_speaker_of_a_quotation_split_by_the_cue(attr_nlp: Language) -> None:
    # the short first piece is no speech quotation of its own; its word "That" is no speaker
    text, found = _run(attr_nlp, "''That, unfortunately,'' he said, ''is part of the reality of today's life.''")
    (he,) = [r for r in (_roles(text, f) for f in found) if r[1] == "said"]
    assert he[0] == "he" and "That, unfortunately," in he[2] and "is part of the reality" in he[2]


def test_attribution_participle_after_a_cue_borrows_its_speaker(attr_nlp: Language) -> None:
    text, found = _run(
        attr_nlp,
        '"Hillary is not going to be able to lead them by going for $12," Jealous said, suggesting that a more '
        "progressive platform could help her.",
    )
    assert ("Jealous", "suggesting", "that a more progressive platform could help her") in [
        _roles(text, f) for f in found
    ]


def test_attribution_speaker_label_before_a_long_line_is_a_colon_cue(attr_nlp: Language) -> None:
    line = ("This is a man who said he would never run a negative ad, ever. He is now running them. They are now "
            "planning to run more. Let us see the tone of the campaign in the weeks and months ahead")
    assert ("BENENSON", ":", line) in _found_roles(attr_nlp, "Intro line here.\nBENENSON: " + line + ".\n")


def test_attribution_person_noun_is_the_source_of_a_minor_cue(attr_nlp: Language) -> None:
    text = 'One strategist described the imbalance in the race to date as "an anti-establishment superhighway."'
    (a,) = [a for a in _attributions(attr_nlp, text) if a.cue is not None and a.cue.text == "described"]
    assert a.source is not None and a.source.text == "One strategist"


def test_attribution_according_to_after_a_report_takes_the_whole_report(attr_nlp: Language) -> None:
    text = 'On Monday, Trump said he was "happy to see" that Khan was voted in, according to The New York Times.'
    roles = {a.cue.text: (a.source.text if a.source else None, [c.text for c in a.content])
             for a in _attributions(attr_nlp, text) if a.cue is not None}
    assert roles["according to"] == (
        "The New York Times", ['On Monday, Trump said he was "happy to see" that Khan was voted in'])
    # the claim keeps Trump's words, relayed by the paper, without the paper's sourcing
    _, found = _run(attr_nlp, text)
    said = [f for f in found if f.cue_base == "say"]
    assert said and all("according" not in text[a:b] for f in said for a, b in f.content_ranges)


def test_attribution_what_a_sign_read(attr_nlp: Language) -> None:
    assert ("one sign", "read", '"America is great,"') in _found_roles(attr_nlp, 'Outside the hall one sign read "America is great," and the crowd cheered.')


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Scott Reed, who managed Bob Dole's 1996 campaign, said the fear is as high as it has ever been.",
         "Scott Reed, who managed Bob Dole's 1996 campaign,"),
        # a long aside is the reporter's, not part of the name
        ("Scott Reed, who managed Bob Dole's campaign in 1996 and later advised several senators in the South, "
         "said the fear is as high as it has ever been.", "Scott Reed"),
        # an aside with a cue of its own is another attribution
        ("Scott Reed, who said last year that Dole would win, said the fear is as high as it has ever been.",
         "Scott Reed"),
        # a list of members set off by commas is part of the source, however long
        ("Several Republican leaders, including Senators John McCain of Arizona, Kelly Ayotte of New Hampshire and "
         "Pat Toomey of Pennsylvania, said the fear is real.",
         "Several Republican leaders, including Senators John McCain of Arizona, Kelly Ayotte of New Hampshire and "
         "Pat Toomey of Pennsylvania,"),
    ],
)
def test_attribution_source_keeps_a_short_relative_aside(attr_nlp: Language, text: str, source: str) -> None:
    attrs = [a for a in _attributions(attr_nlp, text) if a.content and "the fear" in a.content[0].text]
    assert [a.source.text if a.source else None for a in attrs] == [source]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a relative clause after a speaker who follows the cue is part of the source, long or short
        ("The race is tightening, said Jon Ralston, who runs a Nevada politics newsletter.",
         "Jon Ralston, who runs a Nevada politics newsletter"),
        ("The race is tightening, said Jon Ralston, who has lived in the state since 1984 and worked "
         "for several newspapers.",
         "Jon Ralston, who has lived in the state since 1984 and worked for several newspapers"),
        # not one with a cue of its own
        ("The race is tightening, said Jon Ralston, who wrote last week that Reid would retire.", "Jon Ralston"),
    ],
)
def test_attribution_source_after_the_cue_keeps_its_relative_clause(
    attr_nlp: Language, text: str, source: str
) -> None:
    attrs = [a for a in _attributions(attr_nlp, text) if a.content and "tightening" in a.content[0].text]
    assert [a.source.text if a.source else None for a in attrs] == [source]
    assert all(a.source_name == "Jon Ralston" for a in attrs)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Now the task seemed like an impossible one.", ["the task", "like an impossible one"]),
        ("Thursday's memo from the panel seemed aimed at bolstering the investigation.",
         ["Thursday's memo from the panel", "aimed at bolstering the investigation"]),
    ],
)
def test_attribution_seem_with_a_phrase_complement(attr_nlp: Language, text: str, content: list[str]) -> None:
    seems = [a for a in _attributions(attr_nlp, text) if a.cue is not None and a.cue.text == "seemed"]
    assert [[c.text for c in a.content] for a in seems] == [content]
    assert seems[0].source is None


def test_attribution_quote_in_next_paragraph_continues_an_inverted_speaker(attr_nlp: Language) -> None:
    # the paragraph before ends with the quotation, the cue and a long inverted speaker phrase:
    # no one else could be speaking, however long the phrase is
    text = (
        "“The report sheds light on the agency’s lax security,” said Lamar Smith, a Republican "
        "representative from Texas who chairs the House science committee.\n"
        "“The agency’s intent to evade oversight is a serious offense.”\n"
        "The report was released on Wednesday."
    )
    (a,) = _attributions(attr_nlp, text)
    assert a.cue is not None and a.cue.text == "said"
    assert [c.text for c in a.content] == [
        "“The report sheds light on the agency’s lax security,”",
        "“The agency’s intent to evade oversight is a serious offense.”",
    ]


def test_attribution_cue_with_an_object_after_a_closed_quotation_does_not_take_it(attr_nlp: Language) -> None:
    text = "“We want to make sure that anybody has a chance to vote for him.” Devine didn’t concede defeat, either."
    got, found = _run(attr_nlp, text)
    assert not any("vote for him" in _content(got, f) for f in found if f.cue_ranges)
    # a quotation closed by a comma is still the cue's own ('"...," Smith told reporters')
    got, found = _run(attr_nlp, "“We want to make sure that anybody has a chance,” Devine told reporters.")
    assert [_content(got, f) for f in found] == ["“We want to make sure that anybody has a chance,”"]


def test_attribution_quotation_ending_a_paragraph_is_not_the_next_paragraphs_cue(attr_nlp: Language) -> None:
    # '"Q," Smith said' needs the quotation on the subject's own line; after a paragraph break the
    # quotation goes on with the speaker before
    text = "\"We have a process,\" he said. \"It's called an election.\"\n\nEilperin reported from Washington."
    (a,) = [a for a in _attributions(attr_nlp, text) if a.cue is not None]
    assert a.cue is not None and a.cue.text == "said"
    assert [c.text for c in a.content] == ["\"We have a process,\"", "\"It's called an election.\""]


def test_attribution_quotation_right_after_a_long_inverted_speaker_continues_it(attr_nlp: Language) -> None:
    text = (
        '"This used to be Russia\'s back yard," said Raffaello Pantucci, director of International Security '
        'Studies at the Royal United Services Institute in London, "but it is increasingly coming into China\'s thrall."'
    )
    (a,) = _attributions(attr_nlp, text)
    assert a.cue is not None and a.cue.text == "said"
    assert [c.text for c in a.content] == ['"This used to be Russia\'s back yard,"', '"but it is increasingly coming into China\'s thrall."']


def test_attribution_quotation_after_a_closing_participle_continues_the_main_cue(attr_nlp: Language) -> None:
    text = (
        '"I think that speaks volumes," she said, adding that the campaign will work hard to win over '
        'those voters in November. "I think they are waiting to be courted."'
    )
    by_cue = {a.cue.text: [c.text for c in a.content] for a in _attributions(attr_nlp, text) if a.cue is not None}
    assert by_cue["said"] == ['"I think that speaks volumes,"', '"I think they are waiting to be courted."']
    assert by_cue["adding"] == ["that the campaign will work hard to win over those voters in November"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He attacked Cruz relentlessly in Iowa, questioning whether he was eligible to be president.",
         ("He", "questioning", "whether he was eligible to be president")),
        ("She defended the plan in a speech, stating that the country should declare war on the group.",
         ("She", "stating", "that the country should declare war on the group")),
    ],
)
def test_attribution_any_speech_participle_borrows_the_subject(
    attr_nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    # not only the listed participles (", adding that ..."): any speech or belief verb's
    # participle after its clause, with what is said as its complement
    assert expected in _found_roles(attr_nlp, text)


def test_attribution_circumstance_participle_is_no_cue(attr_nlp: Language) -> None:
    # "knowing that ..." states what the subject knew as a circumstance, not a report
    text, found = _run(attr_nlp, "He delayed the departure, knowing that the deaths were caused by smoke inhalation.")
    assert "knowing" not in [_roles(text, f)[1] for f in found]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The ministry said in a statement that twelve people were killed in the attack.", "said in a statement"),
        ('"We will rebuild every road," the governor said in a written statement.', "said in a written statement"),
        # PolNeAR splits "in an interview" evenly, so it stays outside the cue
        ("The senator said in an interview that the bill will pass.", "said"),
    ],
)
def test_attribution_cue_takes_in_a_statement(attr_nlp: Language, text: str, cue: str) -> None:
    (a,) = _attributions(attr_nlp, text)
    assert a.cue is not None and a.cue.text == cue
    assert a.content and all(cue not in c.text for c in a.content)


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        # the speaker after the cue, the parser making the cue the root
        ("The promise appeals to voters who wish for a return to an era when a degree was not necessary, "
         "said Alan Abramowitz, a demographer at Emory University.",
         "Alan Abramowitz, a demographer at Emory University",
         "The promise appeals to voters who wish for a return to an era when a degree was not necessary"),
        # ... or a conjunct of the clause it closes
        ("In nearby Decatur, the big steel plant is hanging on, but it is under intense pressure from "
         "Asian imports, said the company's chief executive, John J. Ferriola.",
         "the company's chief executive, John J. Ferriola",
         "In nearby Decatur, the big steel plant is hanging on, but it is under intense pressure from Asian imports"),
    ],
)
def test_attribution_closing_cue_with_the_speaker_after_it(
    attr_nlp: Language, text: str, source: str, content: str
) -> None:
    assert (source, "said", content) in _found_roles(attr_nlp, text)


def test_attribution_stranded_speaker_before_a_cue(attr_nlp: Language) -> None:
    # the parser hangs "Senator Harry Reid" on "Nevada" as a conjunct, leaving "said" with no subject
    text, found = _run(
        attr_nlp,
        "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he spoke "
        "with Mr. Sanders on Tuesday.",
    )
    roles = [_roles(text, f) for f in found]
    assert ("Senator Harry Reid, the minority leader", "said", "that he spoke with Mr. Sanders on Tuesday") in roles


@pytest.mark.parametrize(
    "text",
    [
        # an imperative has no speaker
        "Ask yourself what you can do to make sure that it never happens again.",
        # a place or a date right before the cue ends a phrase; it is no speaker
        "A young woman who had been an exchange student in Montana asked what he thought of the prospects.",
    ],
)
def test_attribution_no_stranded_speaker(attr_nlp: Language, text: str) -> None:
    text, found = _run(attr_nlp, text)
    assert all(_roles(text, f)[0] not in ("Montana", "yourself") for f in found)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Still, almost two in three voters now view Trump favorably, according to the poll.",
         "almost two in three voters now view Trump favorably"),
        ("In fact, the sum she raised is by far the most of any candidate, a campaign spokesman said.",
         "the sum she raised is by far the most of any candidate"),
    ],
)
def test_attribution_content_leaves_out_a_leading_connective(attr_nlp: Language, text: str, content: str) -> None:
    text, found = _run(attr_nlp, text)
    assert content in [_content(text, f) for f in found]


def test_attribution_only_say_takes_in_a_statement(attr_nlp: Language) -> None:
    (a,) = _attributions(attr_nlp, "The senator announced in a statement that she will run for governor.")
    assert a.cue is not None and a.cue.text == "announced"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Donald Trump is stressing the need to bolster the nation's cybersecurity efforts.",
         ("Donald Trump", "stressing", "the need to bolster the nation's cybersecurity efforts")),
        ("The report revealed extensive business interests in Russia.",
         ("The report", "revealed", "extensive business interests in Russia")),
    ],
)
def test_attribution_speech_verb_with_what_is_said_as_its_object(
    attr_nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _found_roles(attr_nlp, text)


def test_attribution_posted_object_is_no_content(attr_nlp: Language) -> None:
    # "posted", "published" and "described" were tried as object cues and kept out: most of
    # their objects on PolNeAR train are not what was said (a video, a photo), or "described X
    # as Y" has its own evaluative reading
    text, found = _run(attr_nlp, "The campaign posted a video of the rally on Saturday.")
    assert all(_roles(text, f)[1] != "posted" for f in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's label before the colon is not what the speaker after it says
        ("Ukraine latest updates: ICRC says Mariupol evacuation on hold",
         ("ICRC", "says", "Mariupol evacuation on hold")),
        ("It is on social issues that they lean left: 42 percent say they are liberal.",
         ("42 percent", "say", "they are liberal")),
        # nor is the label a colon cue's source when the speaker is named after the colon
        ("Russia-Ukraine war live: Kyiv says Russian troops withdrawing",
         ("Kyiv", "says", "Russian troops withdrawing")),
    ],
)
def test_attribution_headline_label_before_a_colon_is_no_content(
    attr_nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert _found_roles(attr_nlp, text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation before the colon is what was said
        ('"We will not surrender": Zelensky says Ukraine will fight on',
         ("Zelensky", "says", '"We will not surrender" Ukraine will fight on')),
        # nothing said after the cue: the words before the colon are its content
        ("Russia is losing: Biden says", ("Biden", "says", "Russia is losing")),
        # a first-person line after a name is that name's
        ("Rubio: I Still Believe Trump Can't Be Trusted with the Codes",
         ("Rubio", ":", "I Still Believe Trump Can't Be Trusted with the Codes")),
    ],
)
def test_attribution_colon_guards_keep_content_before_it(
    attr_nlp: Language, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _found_roles(attr_nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a newsletter's item: its topic and a dash, then the name and colon
        ("IOWA POLLS NOT NECESSARILY WRONG - Mark Blumenthal: “The polls just ended too early.” [HuffPost.]",
         ("Mark Blumenthal", ":", "“The polls just ended too early.”")),
        ("EXCLUSIVE – Roger Stone: Don’t Trust the Voting Machines.",
         ("Roger Stone", ":", "Don’t Trust the Voting Machines")),
        # the next item from the same source
        ("What that means for this year - More from Jones: “The partisanship of the state is a starting point.”",
         ("Jones", ":", "“The partisanship of the state is a starting point.”")),
    ],
)
def test_attribution_colon_cue_after_a_topic_dash(attr_nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _found_roles(attr_nlp, text)


def test_attribution_argued_against_takes_its_prepositional_object(attr_nlp: Language) -> None:
    assert _found_roles(attr_nlp, "Kasich argued against the ban on Muslims.") == [("Kasich", "argued against", "the ban on Muslims")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Devine made it clear that his boss wanted to see something firmer.",
         ("Devine", "made it clear", "that his boss wanted to see something firmer")),
        ("Clinton has made clear she will not debate again.",
         ("Clinton", "has made clear", "she will not debate again")),
        # a hearer and a time between the cue and the clause
        ("Clinton made it clear to House Democrats on Wednesday that she has their backs.",
         ("Clinton", "made it clear", "that she has their backs")),
    ],
)
def test_attribution_made_it_clear(attr_nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    (a,) = _attributions(attr_nlp, text)  # the model objects: the cue with its auxiliaries
    assert a.source is not None and a.cue is not None
    assert (a.source.text, a.cue.text, " ".join(c.text for c in a.content)) == expected


def test_attribution_made_clear_needs_a_clause(attr_nlp: Language) -> None:
    # what is made clear is a noun phrase, and "if ..." is a condition: no attribution
    _, found = _run(attr_nlp, "The poll makes clear the headwinds ahead for Trump if he prevails in the primaries.")
    assert found == []
