# ruff: noqa: E501  (regular-expression tables read better unwrapped)
"""Hand-written rules for the safety signals, rumination and trap cues.

Rules decide where they are more reliable than a linear head: explicit statements of suicide,
self-harm and non-consent, and the contexts that must *not* count (negation, idioms, fiction,
other people, resolved past). Every rule works on one sentence; a few look at the neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from afterword.analysis.scan import LiteralScan


class Rule:
    """A case-insensitive pattern, run case-sensitively on the lowered text (about 4x faster
    in Python's ``re``). Only spans are used, and they are the same in both texts unless
    lowering changes the length (a few non-ASCII letters), when the slow path runs instead."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._fast: re.Pattern[str] | None = None
        self._slow: re.Pattern[str] | None = None
        self._scan: LiteralScan | None = None

    def _pick(self, text: str) -> tuple[re.Pattern[str], str]:
        lowered = text.lower()
        if len(lowered) == len(text):
            if self._fast is None:
                self._fast = re.compile(self.pattern)
            return self._fast, lowered
        if self._slow is None:
            self._slow = re.compile(self.pattern, re.IGNORECASE)
        return self._slow, text

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        rx, subject = self._pick(text)
        if rx is self._fast:  # same matches, only tried where one can start (see scan.py)
            return iter(self._literal_scan().finditer(subject))
        return rx.finditer(subject)

    def finditer_lowered(self, lowered: str) -> list[re.Match[str]]:
        """``finditer(text)`` given ``lowered = text.lower()``, for a caller that lowers a text
        once for many rules; only when lowering kept its length (the fast path)."""
        return self._literal_scan().finditer(lowered)

    def lowered_regex(self) -> re.Pattern[str]:
        """The pattern as it runs on lowered text."""
        return self._literal_scan().regex

    def gate(self) -> re.Pattern[str] | None:
        """See ``LiteralScan.gate`` (on lowered text)."""
        return self._literal_scan().gate()

    def search(self, text: str) -> re.Match[str] | None:
        rx, subject = self._pick(text)
        if rx is self._fast:
            return self._literal_scan().search(subject)
        return rx.search(subject)

    def _literal_scan(self) -> LiteralScan:
        if self._scan is None:
            self._scan = LiteralScan(self.pattern)
        return self._scan

    def match(self, text: str) -> re.Match[str] | None:
        rx, subject = self._pick(text)
        return rx.match(subject)


def _rx(*parts: str) -> Rule:
    return Rule("|".join(f"(?:{p})" for p in parts))


def _rxw(*parts: str) -> Rule:
    """As ``_rx`` for parts that all start at a word boundary: the boundary is checked once,
    behind a letter lookahead. With plain ``re`` that made the long tables about 3x faster;
    with the literal scan (scan.py) it is neutral, and it keeps the fallback path fast."""
    body = []
    for p in parts:
        assert p.startswith((r"\b", "(?<!")), p[:20]
        body.append(p[2:] if p.startswith(r"\b") else p)
    return Rule(r"(?=[a-z0-9])\b(?:" + "|".join(f"(?:{p})" for p in body) + ")")


_ME = r"(?:myself|my ?self)"
_NOT = r"(?:n't|n’t|\bnot\b|\bnever\b|\bno\b|\bnobody\b|\bno one\b|\bwithout\b)"

# --- crisis ---------------------------------------------------------------------------------

CRISIS = _rx(
    rf"\b(?:kill|killing|hang|hanging|shoot|shooting|drown|drowning|off|offing|poison)\s+{_ME}",
    r"\b(?:end|ending|take|taking|end(?:ed)?)\s+(?:my|my own)\s+life\b",
    r"\bsuicid(?:e|al)\b",
    r"\b(?:want|wanted|wanting|wanna|wish|ready|going|plan(?:ning)?|tempted)\s+(?:to\s+)?(?:just\s+)?die\b",
    r"\bwish(?:ed)?\s+(?:that\s+)?i\s+(?:was|were|had been)\s+(?:dead|never born|gone for good)",
    r"\bwish(?:ed)?\s+i\s+(?:could|would)\s+(?:just\s+)?(?:die|not wake up|never wake up|stop existing|disappear forever)",
    r"\b(?:don'?t|do not|no longer|dont|didn'?t)\s+want\s+to\s+(?:live|be alive|exist|wake up|be here anymore|be here any ?more)",
    r"\b(?:better off|be happier|be better|be relieved|be easier)(?:\s+for\s+(?:everyone|everybody|them|all of them|my family|him|her))?\s+(?:without me|if i (?:just\s+)?(?:was|were|wasn'?t|wasnt|weren'?t|werent|didn'?t|didnt) "
    r"(?:dead|gone|here|around|alive|exist))",
    r"\b(?:no|any|what(?:'s| is) the)\s+(?:reason|point)\s+(?:to|in|of)\s+(?:live|living|going on|being alive|being here|staying alive)",
    r"\bnothing (?:left )?to live for\b",
    r"\blife\s+(?:is\s+not|isn'?t|is no longer|isn’t)\s+worth\s+living",
    r"\b(?:tired|sick)\s+of\s+(?:living|being alive|existing)\b",
    r"\bend\s+it\s+all\b",
    r"\b(?:can'?t|cannot|can’t)\s+go\s+on\s+(?:living|like this|anymore|any more)",
    r"\bnot\s+(?:be|being)\s+(?:here|around|alive)\s+(?:much longer|anymore|any more|tomorrow|next week)",
    r"\b(?:won'?t|wont|will not|not going to|'ll|’ll|will)\s+be\s+(?:here|around|alive)\s+(?:much longer|anymore|any more|for long|by)",
    r"\b(?:drive|driving|drove|crash|crashing|steer|steering)\s+(?:my\s+car\s+|the\s+car\s+)?(?:into|off)\s+(?:a|the|some)\s+"
    r"(?:wall|tree|truck|lorry|bridge|cliff|river|oncoming)",
    r"\b(?:way out|escape)\b[^.!?]{0,30}\b(?:not being here|not existing|dying|death|ending it)\b",
    r"\b(?:disappear|disappeared|vanish|vanished)\s+(?:forever|for good|permanently)",
    r"\b(?:want(?:ed)?|going|thought about|think about|tempted|plan(?:ning)?|wish(?:ed)?)\s+(?:to\s+)?(?:crash(?:ing)?|driv(?:e|ing)|steer(?:ing)?)\s+(?:the|my)\s+car\b",
    r"\b(?:over|end|stop|gone)\b[^.!?]{0,30}\bme\s+included\b",
    r"\bmy\s+body\s+(?:would|will|might)\s+be\s+found\b|\b(?:find|found)\s+my\s+body\b",
    r"\b(?:would|'d|’d)\s+rather\s+be\s+dead\b|\bdying\s+(?:seems|feels|would be)\s+(?:easier|better)\b",
    r"\b(?:holding|held|hold|sat with|sitting with|staring at|stared at|looking at|looked at)\s+(?:the|my|a|all the|all my)\s+"
    r"(?:pills|tablets|rope|noose|blade|razor|gun|bottle of pills|painkillers)\b",
    r"\b(?:rope|noose|pills|blade|razor|gun)\b[^.!?]{0,40}\b(?:keep thinking|thinking about (?:it|using)|can'?t stop (?:looking|thinking)|staring)",
    r"\b(?:letter|note|message|video)s?\s+to\s+say\s+goodbye\b|\bsay(?:ing)?\s+(?:my\s+)?goodbyes?\s+to\s+everyone\b",
    r"\bgo\s+to\s+sleep\s+and\s+(?:never|not)\s+wake\s+up",
    # passive wishes to be dead, and hopelessness about living
    r"\b(?:hope|hoping|wish|wishing|pray|praying)\s+(?:that\s+)?i\s+(?:don'?t|won'?t|never|wouldn'?t|do not|will not)\s+wake\s+up",
    r"\b(?:fall|go|drift)\s+(?:asleep|to sleep)\s+(?:forever|for good|and not wake|and never wake)",
    r"\bwish(?:ed)?\s+i(?:'d|’d)?\s+(?:had\s+)?(?:never been born|was never born|could (?:just\s+)?(?:fade away|cease to exist|not exist|stop existing))",
    r"\b(?:wouldn'?t|would not|don'?t|do not)\s+(?:mind|care)\s+if\s+i\s+(?:died|were dead|was dead|didn'?t wake up|got hit|never woke up)",
    r"\b(?:hope|hoping|wish|wishing)\s+(?:a|the|that a|some)\s+(?:car|bus|truck|train|plane)\b[^.!?]{0,30}\b(?:hit|hits|crash|crashes|kill|kills)",
    r"\b(?:wish|wishing|hope|hoping)\s+(?:something|someone)\s+(?:would\s+)?kill(?:s|ed)?\s+me\b",
    r"\b(?:done|finished|through)\s+with\s+(?:life|living|being alive|existing|this life)\b",
    r"\b(?:not|never)\s+(?:existing|being alive)\b[^.!?]{0,40}\b(?:calm|relief|peace|comfort|better|only)",
    r"\b(?:no|can'?t see (?:a|any)|don'?t see (?:a|any))\s+future\s+(?:for me|i can|i could|worth)",
    r"\b(?:thoughts?\s+(?:of|about)|thinking\s+(?:of|about))\s+(?:suicide|ending (?:it|things|my life|everything)|killing myself|dying|death)\b",
    # plans and preparation
    r"\bplan(?:ning|ned)?\s+(?:my|an|the)\s+(?:exit|death|suicide|way out)\b|\b(?:picked|chosen|chose|set)\s+a\s+date\b",
    r"\b(?:research\w*|look\w*\s+up|googl\w*)\b[^.!?]{0,30}\b(?:bridge|building|roof|overdose|lethal|method|methods|how much|how many)\b",
    r"\b(?:which|what)\s+(?:bridge|building|roof)\s+is\s+(?:the\s+)?(?:highest|tallest|high enough)",
    r"\b(?:enough|lethal)\s+(?:pills|tablets|meds|medication|dose)\b|\bhow\s+much\s+of\s+my\s+(?:medication|meds|pills)\b",
    r"\b(?:every|all the|all my|a handful of|handful of)\s+(?:pills?|tablets|meds)\b[^.!?]{0,40}\b(?:take|took|swallow\w*|would it|make it stop|end)",
    r"\b(?:took|take|taking|swallowed)\s+(?:a handful of|all of my|all my|too many|the whole)\s+(?:pills|tablets|meds|painkillers|sleeping pills)",
    r"\bsat\s+(?:in|on)\s+the\s+(?:bath|floor|bed)\s+with\s+(?:a|the|my)\s+(?:razor|blade|knife|pills)",
    r"\b(?:last|final)\s+thing\s+i\s+(?:write|will write|ever write|say)\b",
    r"\b(?:so|that)\s+nobody\s+has\s+to\s+(?:clean|deal|sort|find)\b|\b(?:gave|given|give)\s+(?:my|away my)\s+(?:cat|dog|pet)\s+(?:to|away)\b",
    r"\bwhatever\s+happens\b[^.!?]{0,40}\b(?:not|isn'?t|isnt)\s+(?:your|her|his|their)\s+fault\b|\b(?:not|isn'?t|isnt)\s+(?:your|her|his|their)\s+fault\b[^.!?]{0,20}\bwhatever\s+happens\b",
    # self-harm
    r"\b(?:started|start|starting|been|keep|kept)\s+(?:hurting|harming|cutting|burning)\s+(?:myself|my\s+\w+)\b",
    r"\b(?:hurting|harming|cutting|burning)\s+myself\s+again\b|\bcut\s+again\b|\bmake\s+myself\s+bleed\b",
    rf"\b(?:cut|cutting|burn|burned|burnt|burning|hurt|hurting|harm|harmed|harming|punish|punished|punishing|"
    rf"scratch|scratched|scratching|hit|hitting|starve|starving|starved)\s+{_ME}",
    r"\bself[- ]?harm(?:ing)?\b|\bself[- ]?injur(?:y|e|ing)\b",
    r"\b(?:cut|cutting|cuts on|slit|slitting|scratch(?:ed|ing)?|burn(?:ed|t|ing)?|carv(?:e|ed|ing)|punch(?:ed|ing)?|bit|bite|biting|pick(?:ed|ing)?\s+at)\s+"
    r"(?:into\s+)?my\s+(?:wrists?|arms?|thighs?|legs?|skin|stomach|hips?|hands?)\b[^.!?]{0,40}\b(?:bled|bleed|bleeding|blood|marks?|scars?|hurt|raw|punish|deserve)",
    r"\b(?:cut|cutting|cuts on|slit|slitting)\s+(?:my\s+)?(?:wrists?|arms?|thighs?|legs?)",
    r"\brelaps(?:e|ed|ing)\b.{0,30}\b(?:cutting|blade|razor|self[- ]?harm)",
    # plans, means, farewell
    r"\b(?:saving|saved|stockpil\w+|collect\w*|hoard\w*|counting|counted)\s+(?:up\s+)?(?:my\s+|the\s+)?(?:pills|meds|tablets|sleeping pills|painkillers)",
    r"\bhow many\s+(?:pills|tablets|painkillers|sleeping pills)\b",
    r"\boverdos(?:e|ed|ing)\b|\btake\s+(?:all|the whole bottle|every one)\s+of\s+(?:my|the|them|those)\b",
    r"\b(?:bought|buy|got|get|tied|tie|have)\s+(?:a\s+|the\s+)?(?:rope|noose)\b|\bnoose\b",
    r"\b(?:jump|jumping|throw myself)\s+(?:off|from|in front of|into)\s+(?:a|the|that)\s+"
    r"(?:bridge|building|roof|train|cliff|balcony|car|bus|river|tracks)",
    r"\b(?:looked|look|looking|searched|search|searching|googled|googling|read)\s+(?:up\s+)?"
    r"(?:how|ways|the best way|painless ways?)\s+to\s+(?:die|kill|end|overdose)",
    r"\bpainless\s+ways?\b",
    r"\b(?:wrote|writing|written|write|left|leave|leaving)\s+(?:a\s+|my\s+)?(?:suicide|goodbye|farewell|final)\s+(?:note|letter|message)",
    r"\b(?:wrote|writing|written|left|leaving)\s+(?:letters|notes)\s+(?:for|to)\s+(?:my|everyone|each|all)\b",
    r"\b(?:thinking|thought|think)\s+(?:about|of)\s+(?:jumping|ending it|dying|not waking up|overdosing|taking all|hanging|killing)\b",
    r"\bgiv(?:e|ing|en)\s+away\s+(?:all\s+)?my\s+(?:things|stuff|belongings|possessions)",
    r"\b(?:this|it)\s+(?:is|will be)\s+my\s+last\s+(?:entry|day|night|note|post|message)",
    r"\bmy\s+(?:plan|method)\s+(?:is|was)\s+to\b.{0,40}\b(?:die|pills|jump|end)",
)

# Contexts that make an otherwise matching sentence not about the writer's own present risk.
CRISIS_IDIOM = _rx(
    r"\b(?:is|are|was|were|'s|’s|'re|keeps?)\s+killing\s+me\b",
    r"\bkill(?:ing)?\s+(?:for|time)\b|\bkilled\s+it\b|\bkilling\s+it\b",
    r"\b(?:dying|die|died)\s+(?:of|from)\s+(?:embarrassment|shame|laughter|laughing|boredom|cringe)",
    r"\bdying\s+(?:to|for)\b|\bto\s+die\s+for\b|\bdead\s+(?:tired|serious|on)\b",
    r"\b(?:bored|scared|sick|worried|frightened)\s+to\s+death\b|\bdeath\s+of\s+me\b",
    r"\bover\s+my\s+dead\s+body\b|\b(?:phone|battery|laptop|plant|car)\s+died\b",
    r"\b(?:could|would)\s+(?:just\s+)?(?:kill|murder|strangle)\s+(?:him|her|them|you|my)\b",
)
FICTION = _rx(
    r"\b(?:movie|film|novel|book|show|series|episode|season|character|protagonist|song|lyrics|"
    r"poem|play|musical|documentary|podcast|article|game|story i(?:'m| am) writing|chapter|scene)\b",
)
OTHER_PERSON = _rx(
    r"\b(?:he|she|they|my\s+(?:friend|sister|brother|mom|mother|dad|father|cousin|roommate|"
    r"partner|ex|boyfriend|girlfriend|husband|wife|coworker|colleague|aunt|uncle|son|daughter)|"
    r"a\s+(?:friend|coworker|colleague|classmate|girl|guy|man|woman)|someone i know|his|her)\b"
    r"[^.!?]{0,40}?\b(?:said|says|told|texted|threatened|threatens|wants?|wanted|tried|tries|"
    r"attempted|is|was|has been|had been|keeps|mentioned|posted|talked about|admitted)\b",
)
FIRST_PERSON = _rx(r"\b(?:i|i'm|i’m|i've|i’ve|i'd|i’d|me|myself)\b")
PAST = _rx(
    r"\b(?:years?|months?|a long time|ages)\s+ago\b", r"\bwhen\s+i\s+was\s+(?:\d+|younger|a teen\w*|a kid|little|in)",
    r"\bwhen\s+i\s+was\s+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|twenty|in my (?:teens|twenties))\b",
    r"\bused\s+to\b", r"\bback\s+(?:then|in\s+(?:high school|college|uni|school|\d{4}))\b",
    r"\bin\s+(?:high school|college|my teens|my twenties|my early)\b", r"\bonce\b", r"\bin\s+the\s+past\b",
    r"\bat\s+(?:\d+|fifteen|sixteen|seventeen|nineteen)\b", r"\bduring\s+(?:a|that|my)\b",
    r"\b(?:tried|attempted)\b", r"\bthere\s+was\s+a\s+time\b", r"\blast\s+(?:year|time)\b",
)
RESOLVED = _rx(
    r"\b(?:better|fine|okay|ok|good|safe|stable|well)\s+now\b", r"\bin\s+a\s+(?:good|better|much better|safe|healthier)\s+place\b",
    r"\brecover(?:ed|y|ing)\b", r"\bhaven'?t\s+(?:felt|thought|cut|done|had)\b.{0,40}\bsince\b",
    r"\b(?:clean|free)\s+(?:for|since)\b", r"\b\d+\s+(?:years?|months?)\s+(?:clean|free|sober)\b",
    r"\bglad\s+i(?:'m| am|’m)\s+(?:still\s+)?(?:here|alive)\b",
    r"\bsupport\s+group\b|\bnow\s+i\s+(?:help|volunteer|mentor|work with)\b",
    r"\b(?:okay|ok|fine|good|well|better|safe|clean|stable|free)\s+for\s+(?:years|months|a long time|ages)\b", r"\bgrateful\s+(?:to be|i'm|i am|i’m)\s+(?:still\s+)?(?:here|alive)\b",
    r"\b(?:those|that)\s+(?:days|feelings|thoughts|times?)\s+(?:are|is)\s+(?:over|gone|behind me|long gone)\b",
    r"\b(?:don'?t|do not|no longer|never)\s+(?:feel|think|want)\s+(?:like\s+)?(?:that|this)\s+(?:way\s+)?(?:anymore|any more|now|again)\b",
    r"\bnot\s+any\s?more\b|\bnot\s+anymore\b|\bno\s+longer\b", r"\bgot\s+(?:help|better|through it|treatment)\b",
    r"\b(?:therapy|treatment|medication)\s+(?:helped|saved|worked)\b", r"\bsurvived\b", r"\bbehind\s+me\b",
)
NEGATED_CRISIS = _rx(
    r"\b(?:not|never|n't|n’t)\s+(?:be\s+|ever\s+|feeling\s+|feel\s+)?suicidal\b",
    rf"\b(?:would|will|could)\s*(?:n't|n’t|\s+never|\s+not)\s+(?:ever\s+)?(?:kill|hurt|harm|cut)\s+{_ME}",
    rf"\b(?:never|not going to|not gonna|don'?t want to|do not want to)\s+(?:kill|hurt|harm|cut)\s+{_ME}",
    r"\b(?:don'?t|do not|didn'?t|never)\s+(?:want|wanted)\s+to\s+die\b",
    r"\bno\s+(?:thoughts|intention|plans?)\s+of\s+(?:suicide|killing|hurting|harming|ending)\b",
    r"\bnot\s+(?:thinking|planning)\s+(?:about|of|on)\s+(?:suicide|killing|hurting|harming|ending)\b",
    r"\bsuicid\w*\s+(?:prevention|awareness|hotline|helpline|line|rates?|statistics)\b",
)

# --- non-consent ----------------------------------------------------------------------------

NONCONSENT = _rx(
    r"\b(?:forced|forcing|force)\s+(?:me|himself|herself|themselves|his way|her way|it)\b",
    r"\bheld\s+me\s+down\b|\bpinned\s+(?:me|my\s+(?:arms|wrists|hands))\b|\bholding\s+me\s+down\b",
    r"\b(?:wouldn'?t|would not|didn'?t|did not|won'?t)\s+let\s+me\s+(?:leave|go|get up|move|stop|out)\b",
    r"\b(?:raped?|raping|rapist|sexually\s+assault\w*|assaulted\s+me|molest\w*|groped?\s+me|abused\s+me)\b",
    r"\b(?:wasn'?t|wasnt|was not|isn'?t|is not|not|never)\s+(?:fully\s+|really\s+|entirely\s+|even\s+)?consensual\b|\bagainst\s+my\s+will\b|\bwithout\s+my\s+(?:consent|permission|agreement|say)\b|\bnon-?consensual\b",
    r"\bi\s+(?:never|didn'?t|did not|couldn'?t|could not|wasn'?t able to)\s+(?:consent(?:ed)?|agree(?:d)?|say yes|said yes|give consent|gave consent)\b(?!\s+to\s+(?:the|a|an|this|that|my|his|her)\s+(?:interview|job|offer|plan|trip|idea|project|contract|terms|move|date|party|second)|\s+to\s+(?:at|in|during)\s+(?:the|a|work))",
    r"\bi\s+(?:didn'?t|did not|never)\s+want\s+(?:it|that|any of it|sex|to\s+(?:have sex|sleep with|do (?:it|that|anything|any of it)|go (?:that far|further|all the way)|hook up|kiss|be touched))\b",
    r"\b(?:ignored|didn'?t\s+listen\s+to|did not listen to|didn'?t\s+care\s+about)\s+(?:my|me\s+saying)\s+['\"“]?(?:no|stop)\b",
    r"\b(?:didn'?t|did not|wouldn'?t|would not|doesn'?t|does not|won'?t|never|don'?t|refuses to|refused to)\s+take\s+no\s+(?:for|as)\s+an\s+answer\b",
    r"\bi\s+(?:said|kept saying|told (?:him|her|them)|whispered|begged|asked (?:him|her|them))\s+['\"“]?(?:no|stop|to stop|i didn'?t want|i don'?t want|not to)\b"
    r"[^.!?]{0,80}\b(?:but\s+(?:he|she|they)|(?:he|she|they)\s+(?:just\s+)?(?:kept|didn'?t stop|did not stop|did it anyway|still|carried on|continued|ignored|laughed|pushed|did not care|didn'?t care)|"
    r"(?:he|she|they)\s+(?:didn'?t|did not|wouldn'?t|would not)\b(?!\s+(?:mind|push|pressure|argue|ask again|make a big deal|get angry|pressure me))|anyway|kept going)\b",
    r"\b(?:didn'?t|did not|wouldn'?t|would not|refused to)\s+stop\s+(?:when|after|even though|though|even when)\s+i\b",
    r"\bkept\s+going\s+(?:when|after|even though|though|even when)\s+i\b",
    # pressure and threats
    r"\b(?:pressured|pressuring|guilted|guilt[- ]tripped|coerced|badgered|nagged|manipulated)\s+(?:me\s+)?(?:into|until|till)\b",
    r"\bkept\s+(?:begging|insisting|pressuring|on at me)\b[^.!?]{0,60}\b(?:until|till|so i|i gave in|i said yes|i caved)\b",
    r"\b(?:gave|give)\s+in\s+(?:because|just to|so (?:he|she|they)|to make|to stop|so it would|after)\b",
    r"\b(?:i\s+)?(?:caved|gave in|said yes|went along with it)\s+(?:just\s+)?(?:to make (?:him|her|them|it) stop|so (?:he|she|they) would stop|to shut (?:him|her|them) up)",
    r"\bto\s+make\s+(?:him|her|them|it)\s+stop\s+(?:asking|pushing|begging|being angry|yelling)\b",
    r"\b(?:felt like i|i felt like i|i)\s+(?:had no choice|couldn'?t say no|could not say no|wasn'?t allowed to say no)\b(?!\s+to\s+(?:my|the|her|his|a|an|extra|working|work|it at work|them at work))",
    r"\b(?:didn'?t|did not)\s+feel\s+(?:like\s+)?(?:i\s+)?(?:could|was allowed to|had the right to)\s+say\s+no\b",
    r"\bthreat(?:ened|ening)\s+to\b(?!\s+(?:leave|break up|dump|move out|quit|stop talking|kill (?:himself|herself|themselves)))[^.!?]{0,80}\b(?:if|unless)\s+i\s+(?:didn'?t|did not|wouldn'?t|would not|don'?t|said no|refused)\b",
    r"\b(?:or\s+else|or\s+(?:he|she|they)\s+would)\b[^.!?]{0,60}\b(?:sex|sleep with|hurt|leave|tell|post|share|send)\b",
    # incapacitation
    r"\b(?:too|so|very|completely|blackout|black-out|way too)\s+(?:drunk|high|wasted|out of it|intoxicated|stoned|fucked up)\s+to\s+(?:say|consent|stand|walk|know|remember|move|speak|stop|understand)\b",
    r"\bi\s+(?:was|had)\s+(?:passed out|blacked out|unconscious|asleep|sleeping|half asleep|barely conscious)\b[^.!?]{0,80}\b(?:he|she|they|started|inside|touching|had sex|on top)\b",
    r"\bwoke\s+up\s+(?:to|with)\s+(?:him|her|them|someone|a guy|a man|his|her)\b[^.!?]{0,40}\b(?:on|inside|touching|having|top|hands|in me|undress)",
    r"\bwoke\s+up\b[^.!?]{0,40}\b(?:inside me|on top of me|touching me|undressing me|having sex with me|"
    r"(?:his|her|their) hands (?:on|in|down))",
    r"\b(?:spiked|drugged|roofied)\b|\bput\s+something\s+in\s+my\s+drink\b",
    r"\b(?:drinks?|shots?|pills?|something)\s+(?:he|she|they)\s+(?:gave|bought|made|handed|poured)\s+me\b[^.!?]{0,60}\b(?:blurry|couldn'?t move|blacked out|passed out|don'?t remember|woke up|fuzzy|numb)",
    r"\b(?:don'?t|do not|can'?t|cannot)\s+remember\s+(?:agreeing|saying yes|consenting)\b(?!\s+to\s+(?:this|the|a|an|that|being|joining|organi\w+|help))",
    # freezing
    r"\bi\s+(?:just\s+)?(?:froze|was frozen|couldn'?t move|could not move|went limp|dissociated|went numb)\b"
    r"[^.!?]{0,60}\b(?:he|she|they|him|her|them|it happened|while|kept|until it was over|wait\w*|"
    r"let (?:him|her|them)|on top)\b",
    r"\bmy\s+(?:whole\s+)?body\s+(?:froze|went limp|shut down|went still)\b",
    r"\btoo\s+(?:shocked|scared|frightened|stunned|afraid|terrified)\s+to\s+(?:move|speak|say anything|react|stop (?:him|her|them)|fight)\b",
    r"\b(?:didn'?t|did not|never)\s+ask,?\s+(?:he|she|they)\s+just\s+(?:did it|started|went ahead|took|grabbed|touched|kissed|put|pulled|climbed)\b",
    # condom
    r"\b(?:took|pulled|slipped|taken|removed|take)\s+(?:the|his|her)?\s*condom\s+off\b(?!\s*(?:after|afterwards))|\bremoved\s+the\s+condom\b|\bstealth(?:ed|ing)\b",
    r"\bwithout\s+a\s+condom\s+(?:after|even though|when|though)\s+i\s+(?:asked|said|told|insisted)\b",
    r"\bcondom\b[^.!?]{0,60}\bwithout\s+(?:telling|asking)\s+me\b",
    # minors and power
    r"\bi\s+was\s+(?:only\s+|just\s+)?(?:1[0-7]|[5-9]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)\b[^.!?]{0,40}\b(?:he|she|they)\s+(?:was|were)\s+(?:\d\d|(?:twenty|thirty|forty|fifty)(?:[- ]\w+)?|an adult|older|grown|in (?:his|her|their) (?:twenties|thirties|forties))",
    r"\b(?:he|she|they)\s+(?:was|were)\s+(?:\d\d|(?:twenty|thirty|forty|fifty)(?:[- ]\w+)?|an adult|much older)\b[^.!?]{0,40}\bi\s+was\s+(?:only\s+|just\s+)?(?:1[0-7]|[5-9]|thirteen|fourteen|fifteen|sixteen|seventeen)\b",
    r"\b(?:my|the|our)\s+(?:boss|manager|supervisor|teacher|professor|lecturer|coach|tutor|landlord|doctor|therapist|pastor|priest|director|employer)\b[^.!?]{0,80}\b(?:sleep with|have sex|hook up|sleep together|sexual|go to bed with|in exchange|sleeping with)\b",
    r"\bif\s+i\s+(?:wanted|want)\s+to\s+keep\s+(?:my|the)\s+(?:job|grade|place|role|apartment|scholarship|visa)\b",
    r"\bmade\s+me\s+(?:have sex|do (?:it|things|stuff|that)|go down|touch|perform|sleep with|undress|give)\b",
)
NONCONSENT_NEGATED = _rx(
    r"\b(?:never|didn'?t|did not|wasn'?t|was not|not|nobody|no one|no-one|wouldn'?t|would never)\s+(?:\w+\s+){0,2}(?:forced|force|pressured|pressure|coerced|made me|held me|pinned|push(?:ed)? me|raped)\b",
    r"\b(?:stopped|backed off|pulled back|respected (?:it|that|me|my no)|listened)\s+(?:right away|immediately|straight away|as soon as|when|the moment)\b",
    r"\b(?:and|so)\s+(?:he|she|they)\s+(?:stopped|backed off|respected|listened|pulled away|asked)\b",
    r"\bwe\s+both\s+wanted\b|\bi\s+(?:really\s+)?wanted\s+(?:it|to)\s+at\s+the\s+time\b|\benthusiastic\b",
    r"\bi\s+wasn'?t\s+(?:too\s+)?drunk\b|\bboth\s+sober\b|\bwe\s+were\s+both\s+sober\b",
    r"\b(?:consent|consented|agreed|said yes)\b[^.!?]{0,30}\b(?:fully|freely|clearly|happily)\b",
    r"\b(?:asked|checked)\s+(?:me\s+)?(?:if|whether|first|before)\b",
    r"\b(?:he|she|they)\s+said\s+(?:that\s+was|that's|that’s|it\s+was|it's|it’s)\s+(?:completely\s+|totally\s+|absolutely\s+)?(?:fine|okay|ok|cool|alright)\b",
    r"(?<!whether )(?<!if )\bi\s+(?:really\s+|actually\s+|genuinely\s+)?wanted\s+(?:it|him|her|them|that)\b(?!\s+or\s+not)",
)

# Words without which the learned crisis head may not decide alone: it is a paraphrase finder,
# and without any of these it mostly answers to sadness, which is not risk.
RISK_WORDS = _rx(
    r"\b(?:die|dying|dead|death|life|live|living|alive|exist\w*|kill\w*|suicid\w*|end\w*|disappear\w*|"
    r"vanish\w*|pills?|meds|tablets|overdose|hurt\w*|harm\w*|cut\w*|burn\w*|bleed\w*|blood|scar\w*|"
    r"jump\w*|bridge|balcony|roof|rope|noose|wake|waking|goodbye|burden|better off|around|anymore|"
    r"any more|here|point|pain|gone for good|way out|escape|funeral|grave|razor|blade|note|letter)\b",
)

# ... and a sign of something unwanted, also needed before the non-consent head decides alone.
VIOLATION = _rx(
    r"\b(?:no|stop\w*|didn'?t want|did not want|wasn'?t ready|not ready|pressur\w*|forc\w*|scared|afraid|"
    r"terrified|froze|frozen|drunk|wasted|asleep|passed out|blacked out|couldn'?t|could not|held|pinned|"
    r"made me|kept|pushed|hurt|cry\w*|cried|tears|begged|threat\w*|owed|consent\w*|against|without|ignored|"
    r"trapped|grabbed|choked|blurry)\b",
)

# "I said no." followed, in the next sentence, by it going on anyway.
SAID_NO = _rx(
    r"\bi\s+(?:said|kept saying|told (?:him|her|them)|whispered|begged|asked (?:him|her|them))\s+['\"“]?(?:no|stop|to stop|not to)\b",
)
FOLLOW_THROUGH = _rx(
    r"\b(?:kept going|didn'?t stop|did not stop|wouldn'?t stop|would not stop|anyway|ignored|continued|"
    r"carried on|did it anyway|didn'?t listen|didn'?t care|laughed)\b",
)

# A sexual or intimate context: the learned non-consent head may only decide inside one.
INTIMATE = _rx(
    r"\b(?:sex|sexual\w*|slept with|sleep with|sleeping with|hook(?:ed)? up|bed|kiss\w*|touch\w*|"
    r"clothes|undress\w*|naked|condom|inside me|on top|his hands?|her hands?|their hands?|grop\w*|"
    r"drunk|drink|drugged|spiked|asleep|woke up|passed out|blacked out|froze|frozen|body|"
    r"nudes?|photos?|pressur\w*|forced?|rape\w*|assault\w*|consent\w*|no means no|stop|"
    r"said no|wasn'?t ready|didn'?t want|did it anyway|hurt me|pinned|held me)\b",
)

# --- crisis, by concept (second generation) -----------------------------------------------------
# Families of words, combined with the writer as the subject. (A keyword prefilter was tried
# and dropped: every new family needed its words added to it, and a miss there was silent. The
# word-start guard of ``_rxw`` makes the whole table cheap enough to run on every sentence.)

# A wish, plan, urge or thought that points at an outcome.
_WANT = (
    r"(?:part of me (?:wants|wishes|hopes)|want(?:ed|ing)?|wanna|wan|wish(?:ed|ing)?|hop(?:e|ed|ing)|pray(?:ed|ing)?|long(?:ing)? for|ready|"
    r"need(?:ed)?|tempted|gonna|going|plan(?:ned|ning)?|decided|deciding|consider(?:ed|ing)?|"
    r"think(?:ing)? (?:about|of)|thought (?:about|of)|imagin(?:e|ed|ing)|pictur(?:e|ed|ing)|dream(?:ed|ing)? (?:about|of)|"
    r"fantasi[sz](?:e|ed|ing) (?:about|of)|urges? to|urge to|could (?:just|easily)|should (?:just)?|might (?:just)?|"
    r"almost|nearly|about to|tried to|try to|trying to|easier to|easy to|better to|rather|time to|way to)"
)
_FILL = (
    r"(?:(?:just|really|seriously|actually|honestly|sometimes|often|again|kinda|kind of|sort of|a lot|so much|"
    r"so badly|about|of|how|it|that|to|i|id|i'd|i’d|i could|i would|i should|i might|if i could|could|would|"
    r"lately|tonight|today|finally|quietly|simply|all the time|still|even|maybe|literally|me|myself|and)\s+){0,4}"
)
# Being dead or gone: the outcome itself.
_GONE = (
    r"(?:die|dying|be dead|end up dead|not be (?:here|around|alive)|not exist|stop existing|cease to exist|"
    r"not (?:to )?wake up|never wake up|sleep forever|go to sleep forever|be gone(?: for good| forever)?|"
    r"disappear (?:for good|forever|permanently|and never come back)|vanish (?:for good|forever)|"
    r"kill (?:myself|my ?self|me)|kil+ (?:myself|my ?self)|k\.?m\.?s|unalive(?: myself)?|off myself|end myself|"
    r"end (?:it all|everything|my life|my own life|it|things)(?!\s+(?:with|between|off|there|here|early|on a))|end this(?=\s*(?:[.,!?;]|$|for good|once and for all|tonight|now))|take my (?:own )?life|"
    r"end my (?:own )?life|not be alive|stop breathing|stop living|join (?:my|him|her) (?:in heaven|up there)|"
    r"leave (?:this|the) world|rest forever|rest for good|sleep for good|be at peace(?! with)|check out (?:for good|permanently|of (?:life|this world)|early)|be with (?:my|him|her) again (?:in heaven|up there)|be at peace for good)"
)

CRISIS_MORE = _rxw(
    # wishes, plans and urges towards being dead or gone (with typos: dont, wanna, kil, kms)
    rf"\b{_WANT}\s+{_FILL}(?:to\s+|and\s+)?{_GONE}\b",
    r"\bwish\s+i\s+could\s+(?:just\s+)?disappear\b(?!\s+(?:for|into|from|under|in|to|behind))",
    r"\bsu+i+c+i+d\w*|\bsuic?d\w*|\bsucid\w*|\bsuisid\w*|\bsuicide\b|\bsewer ?slide\b|\bunalive\b|\bk\.?m\.?s\b|\bctb\b",
    r"\bkil+\s?(?:my ?self|meself)\b|\bkill\s+my\s+self\b|\boff(?:ing)?\s+my\s?self\b|\bend(?:ing)?\s+myself\b",
    # hopelessness about living, being a burden
    r"\b(?:no|zero|any|what(?:'s|s| is)?\s+(?:even\s+)?the|see no|don'?t see (?:the|any|a)|dont see (?:the|any|a)|can'?t see (?:the|any|a)|lost (?:the|any|all))\s+"
    r"(?:reason|point|use|purpose|sense)\s+(?:(?:to|in|of|for)\s+)?(?:me\s+)?(?:liv\w*|go(?:ing)? on|carry(?:ing)? on|keep(?:ing)? going|"
    r"being (?:alive|here|around)|stay(?:ing)? (?:alive|here|around)|stick(?:ing)? around|hang(?:ing)? on|wak(?:e|ing) up|existing|exist|try(?:ing)? anymore|me being here|me)\b",
    r"\b(?:better|happier|easier|lighter|freer)\s+(?:off\s+)?(?:without me|with me gone|with me dead|when i'?m gone|once i'?m gone|if i (?:was|were|wasnt|wasn'?t|weren'?t|werent)\s+(?:gone|dead|here|around|alive|in it))\b",
    r"(?<!think )(?<!thinks )(?<!said )(?<!says )\b(?:i'?m|im|i am|i’m)\s+(?:just\s+|only\s+|such\s+|nothing but\s+)?(?:a\s+)?(?:burden|waste of (?:space|air|oxygen|a life|skin))\b",
    r"\b(?:nobody|no one|noone|no-one|who)\s+(?:would|will|'d|even)\s+(?:even\s+)?(?:notice|care|miss me|mind|cry)\b[^.!?]{0,30}\b(?:if|when)\s+i\s+(?:died|was gone|were gone|disappeared|wasn'?t here|was dead|killed|ended|didn'?t wake)",
    r"\b(?:tired|sick|exhausted)\s+of\s+(?:living|existing|being alive|waking up|being me|life|this life|breathing|being here)\b",
    r"\b(?:don'?t|dont|do not|no longer)\s+(?:want\s+(?:to\s+)?|wanna\s+)(?:be\s+)?(?:alive|here|me|living|to live|around|in the picture)\s*(?:anymore|any more|any longer)?\b",
    r"\b(?:can'?t|cant|cannot|can’t)\s+(?:do|take|handle|bear|stand|survive|face|keep doing)\s+(?:this|it|life|any of this|living|another day)\s*(?:anymore|any more|any longer)\b(?!\s+(?:with|at|in) )",
    r"\b(?:can'?t|cant|cannot|can’t)\s+(?:keep going|go on|carry on|keep living|live like this|live with (?:myself|this))\b",
    r"\bwant\s+(?:it\s+all|everything|all of (?:it|this)|all this|the pain|it)\s+to\s+(?:stop|end|be over)\s+(?:for good|forever|permanently)\b|\bwant\s+(?:it\s+all|everything|all of (?:it|this)|all this)\s+to\s+(?:stop|end)\b",
    r"\b(?:give|giving|gave)\s+up\s+on\s+(?:life|living|everything|myself|being alive|staying alive)\b",
    r"\b(?:the|my)\s+only\s+way\s+out\b(?!\s+(?:of (?:this|the|my)\s+(?:job|debt|contract|lease|house|town|city|marriage|relationship)|is\s+(?:to\s+)?(?:work|talk|quit|leave|through)))",
    r"\bwhat\s+if\s+i\s+(?:just\s+)?(?:didn'?t|didnt|never|don'?t)\s+wake\s+up\b|\bwhat\s+if\s+i\s+(?:just\s+)?(?:wasn'?t|wasnt|weren'?t)\s+(?:here|around|alive)\b",
    r"\bmy\s+(?:own\s+)?funeral\b|\bat\s+my\s+grave\b",
    r"\bif\s+i\s+(?:got|get|was|were)\s+(?:hit|run over|killed)\b[^.!?]{0,40}\b(?:relieved|relief|fine|okay|wouldn'?t mind|glad|good)\b",
    r"\bplanning\s+my\s+(?:last|final)\s+(?:day|night|week)\b(?![^.!?]{0,20}\b(?:at|of|in)\s+(?:this|the|my)\s+(?:job|work|school|uni|contract|office|flat))",
    r"\b(?:don'?t|dont|can'?t|cant)\s+see\s+myself\s+(?:getting old|growing old|living (?:past|to|long)|making it|being here)\b|\bready\s+to\s+check\s+out\b(?!\s+(?:of|the|at|from|this|that|some|our|my))",
    r"\b(?:holding|held|hold)\s+(?:the|a|my)\s+(?:knife|scissors)\b[^.!?]{0,40}\b(?:thinking about it|thinking about using|wrist|arm|skin|for a long time|for ages)\b",
    r"\b(?:swim|swimming|walk into the (?:sea|water|river|lake)|drive off|jump)\b[^.!?]{0,40}\b(?:and|to)\s+(?:not|never)\s+(?:come|coming)\s+(?:back|home)\b|\b(?:cliffs?|bridge|sea|river|lake|roof|tracks|woods)\b[^.!?]{0,40}\b(?:not|never)\s+(?:coming|come|going)\s+(?:home|back)\b",
    r"\b(?:cuts|burns|scars)\s+(?:are|were|keep|keeps)\s+(?:getting\s+)?(?:deeper|worse|bigger)\b|\btak(?:e|ing)\s+the\s+(?:whole|entire)\s+(?:box|bottle|packet|pack|strip)\b",
    r"\b(?:urges?|urge|impulses?)\s+to\s+(?:crash|drive into|swerve|jump|step (?:out|off|in front)|walk into|let go)\b|\bleave\s+(?:for good|forever)\b",
    r"\b(?:paracetamol|pills|tablets|painkillers|aspirin|tylenol|ibuprofen)\b[^.!?]{0,40}\b(?:different|several|three|two|four|multiple|separate)\s+(?:different\s+)?(?:shops|stores|pharmacies|chemists|supermarkets)\b",
    r"\b(?:won'?t|wont|wouldn'?t|wouldnt|will not|not going to)\s+be\s+(?:around|here|alive)\s+to\s+see\b",
    r"\bstop\s+being\s+(?:a\s+)?(?:problem|burden|bother|weight)\s+(?:for|to|on)\s+(?:everyone|anyone|you all|my family|them|people)\b",
    r"\bif\b[^.!?]{0,50}\bby\s+\w+,?\s+(?:i'?m|im|i am)\s+done\b",
    r"\b(?:go|went|going|slip|slipped|fade|faded)\s+away\s+(?:forever|for good|permanently|and never come back)\b",
    r"\b(?:train|trains|bridge|pills|rope|roof|tracks|heights?|knife|knives|blade)\b[^.!?]{0,40}\bfor\s+the\s+wrong\s+reasons?\b",
    r"\bwho\s+(?:gets|should get|can have|will get)\s+(?:what|my)\b",
    r"\b(?:don'?t|dont|do not)\s+care\s+(?:what happens to me|if i (?:die|live|wake up|don'?t wake up)|whether i (?:live|die|wake up))\b|\bstopped\s+taking\s+my\s+(?:medication|meds|insulin|tablets|pills)\s+on\s+purpose\b",
    r"\b(?:drive|driving|drove)\b[^.!?]{0,60}\bhop(?:e|ing)\s+(?:something happens|something hits me|i crash|i don'?t make it|it ends|i don'?t get home)\b",
    r"\b(?:river|sea|lake|water|bridge|drop|tracks)\b[^.!?]{0,50}\bhow\s+(?:cold it would be|far (?:the drop|down)|high (?:it is|the drop)|quick it would be|easy it would be)\b",
    r"\bbe\s+with\s+(?:my\s+)?[a-z]+\s+again\b[^.!?]{0,30}\b(?:wherever (?:she|he|they) (?:is|are)|in heaven|up there|on the other side)\b",
    r"\bi\s+(?:have|'ve got|’ve got|'ve made|’ve made|made|got)\s+a\s+plan\b(?!\s+(?:for|to (?:get|finish|study|save|move|fix|talk|visit|go|pay|start|change|cook))|\s+b\b)",
    r"\b(?:stand|standing|stood|sit|sitting|sat|lean\w*)\s+(?:by|at|on|in|out of)\s+(?:the\s+)?(?:open\s+)?(?:window|ledge|balcony|railing)\b[^.!?]{0,40}\b(?:floor|storey|story|high up|drop|edge|jump|fall)\b",
    r"\b(?:want|wants|wanted|wanna)\s+(?:it\s+|everything\s+|to\s+)?(?:just\s+)?stop[,]?\s+(?:forever|for good|permanently)\b",
    r"\b(?:not going to|won'?t|wont|not gonna|don'?t think i'?ll)\s+make\s+it\s+(?:to|until|till|through)\s+(?:my birthday|christmas|new year|next (?:year|week|month)|the weekend|summer|the end of)\b(?!\s+(?:party|dinner|drinks|meal|do|celebration))",
    r"\bonly\s+(?:still\s+)?(?:alive|here|around|breathing)\s+(?:because|for|cos)\b",
    r"\b(?:letter|note|message|text)\b[^.!?]{0,40}\bwhy\s+i\s+(?:had to|have to|need to|needed to|couldn'?t stay)\s*(?:go|leave|do (?:it|this))?\b",
    r"\b(?:wish|wishing|hope|hoping|pray|praying)\s+(?:for\s+)?(?:an?\s+|the\s+)?(?:accident|illness|car|bus|truck|something|someone|god|death|cancer)\b[^.!?]{0,20}\b(?:take me|takes me|kill me|kills me|end me|took me)\b",
    r"\b(?:death|dying|not existing|being dead|not being here|never waking up)\s+(?:sounds|seems|feels|looks|would be)\s+(?:so\s+|really\s+|kind of\s+|kinda\s+)?(?:peaceful|nice|easier|better|like a relief|like relief|restful|appealing|tempting|like the answer)\b",
    r"\bstash\s+of\s+(?:pills|tablets|meds|painkillers|sleeping pills)\b|\b(?:pills|tablets|meds|painkillers)\b[^.!?]{0,40}\bjust\s+in\s+case\s+i\b",
    r"\bdark\s+thoughts\s+(?:again|are back|came back|about (?:ending|dying|not being|killing|hurting))\b|\b(?:don'?t|dont|do not|can'?t)\s+trust\s+myself\s+(?:tonight|right now|alone|to (?:be|stay) safe|around)\b",
    r"\b(?:i'?m|im|i am)\s+not\s+safe\b(?!\s+(?:at|in|walking|driving|on|to|from|with (?:him|her|them)))|\bdon'?t\s+feel\s+safe\s+(?:with|around|from)\s+myself\b",
    r"\b(?:drank|drink|drinking|swallowed|swallow)\s+(?:some\s+|the\s+)?(?:bleach|antifreeze|poison|weedkiller|drain cleaner)\b",
    r"\b(?:wish|wished)\s+i(?:'d|’d|\s+had)?\s+(?:died|been killed|not survived|never survived|never woken up)\b|\bi\s+should(?:'ve| have)\s+died\b",
    r"\bcutting\s+again\b|\bbeen\s+cutting\b(?!\s+(?:back|down|out|the|my hair|carbs|sugar|corners|class|ties|costs))",
    r"\b(?:can'?t|cant|cannot)\s+(?:keep fighting|fight (?:this|it|anymore|any more)|be here (?:anymore|any more|any longer))\b(?!\s+(?:with|about|for|over|against|at))",
    r"\b(?:point|reason)\s+(?:of|in|to)\s+(?:anything|it all|any of it)\s*(?:anymore|any more)?(?=[.!?]?\s*(?:\.|$))",
    r"\b(?:doing|do)\s+(?:everyone|them|the world|my family|everybody)\s+a\s+favou?r\b(?!\s+by\s+(?:cooking|cleaning|bringing|making|driving|picking))",
    r"\bif\s+i\s+(?:died|disappeared|was gone|were gone|wasn'?t here|killed myself|vanished)\b[^.!?]{0,40}\b(?:nobody|no one|noone|who)\s+(?:would|will)\s+(?:even\s+)?(?:care|notice|miss)\b",
    r"\bhate\s+(?:being alive|existing|waking up every|that i woke up|still being alive)\b",
    r"\b(?:pills|tablets|rope|noose|blade|razor|gun)\s+(?:are\s+|is\s+)?(?:ready|waiting|lined up|in my bag|by my bed|next to me|all set)\b",
    r"\bi\s+(?:just\s+|really\s+)?want\s+out\b(?!\s+of\s+(?:this|the|my|that|here)\s+(?:job|relationship|marriage|contract|lease|group|chat|city|town|house|flat|class|course|meeting|deal|friendship|family))",
    r"\bmake\s+(?:it\s+all|everything|all of (?:it|this)|all this|the pain|the thoughts)\s+stop\b",
    r"\b(?:no|can'?t see (?:a|any)|don'?t see (?:a|any)|dont see (?:a|any)|there'?s no)\s+future\s+(?:for myself|for me|ahead of me|at all)\b",
    r"\b(?:looked|stared|staring|looking|gazing)\s+at\s+(?:the|my|a)\s+(?:knife|knives|scissors|bottle|pills|blade|razor|rope|window|bridge|tracks|water)\b[^.!?]{0,30}\b(?:too long|for ages|for hours|for an hour|a long time|and thought|thinking|wondering)\b",
    r"\b(?:punch\w*|hit\w*|bang\w*|cut|cutting|burn\w*|scratch\w*|bit|bite|biting|slam\w*)\b[^.!?]{0,60}\b(?:on purpose|to feel (?:it|something|pain|real)|to punish myself|because i deserved? it)\b",
    r"\bplan(?:ning|ned)?\s+(?:out\s+)?how\s+(?:i\s+(?:would|will|'d|could|am going to|'m going to)\s+)?(?:do it|end it|go|die|kill myself)\b",
    r"\b(?:it'?s|its|it is)\s+time\s+for\s+me\s+to\s+go\b(?!\s+(?:to|home|back|out|in|and|now to|get))",
    r"\b(?:i'?ll|i will|won'?t|wont|will not)\s+(?:still\s+)?be\s+(?:here|around|alive)\s+(?:for|by|at|to see|in)\s+(?:christmas|my birthday|new year|next year|the new year|summer|spring|autumn|winter|the end of the (?:week|month|year)|much longer|long)\b",
    r"\b(?:don'?t|dont|do not)\s+(?:want\s+to|wanna)\s+live(?=\s*(?:[.,!;]|$|anymore|any more|any longer|like this|without|in a world|in this world|another))",
    r"\b(?:sat|sitting|lay|lying|stood|standing)\b[^.!?]{0,40}\bwith\s+(?:a|the|my)\s+(?:razor|blade|knife|pills|rope|bottle of pills|gun|belt)\b",
    r"\b(?:looking|staring|stared|looked|gazing)\s+(?:at|down at|over)\s+(?:the\s+)?(?:tracks|drop|ledge|pills|rope|noose|blade|razor|gun)\b",
    r"\b(?:different|several|three|two|multiple)\s+(?:pharmacies|chemists)\b|\bpharmacy\b[^.!?]{0,60}\b(?:notice|suspicious)\b",
    r"\bplan\b[^.!?]{0,40}\b(?:got|have|bought)\s+(?:everything|what|all)\s+i\s+need\b",
    r"\breasons?\s+to\s+(?:live|stay alive|keep going|keep living|stay)\b(?!\s+in\b)[^.!?]{0,40}\b(?:couldn'?t|can'?t|none|not one|nothing|no)\b",
    r"\b(?:nobody|no one|noone|no-one)\s+(?:would|will|'d)\s+(?:even\s+)?(?:miss me|notice i'?m gone|care if i)\b(?!\s+(?:at|in|on|during|if i (?:left|skipped|didn'?t go|moved|stayed)))",
    r"\b(?:hope|hoping|wish|wishing|pray|praying)\s+(?:that\s+)?my\s+heart\s+(?:just\s+|would\s+|will\s+)?(?:stops|stop|gives out|gives up|would stop)\b",
    r"\b(?:carv\w*|cut|cutting|scratch\w*|etch\w*|burn\w*)\b[^.!?]{0,30}\binto\s+my\s+(?:skin|arms?|wrists?|thighs?|legs?|stomach|hips?)\b",
    r"\b(?:go to sleep|fall asleep|sleep)\s+and\s+(?:stay asleep|not wake|never wake)\b(?!\s+(?:till|until|longer|for|through|in))",
    r"\b(?:disappointed|upset|sad|angry|annoyed|gutted|furious)\s+(?:that\s+)?i\s+(?:woke up|am still (?:here|alive)|'m still (?:here|alive)|m still (?:here|alive)|survived|didn'?t die|keep waking up)\b",
    r"\b(?:drove|went|walked|cycled|go|going|went back)\s+(?:up\s+|out\s+)?to\s+the\s+(?:bridge|cliffs?|roof|rooftop|tracks|edge|ledge|top floor of the car park)\b[^.!?]{0,80}\b(?:thinking|thought|wondering|again|alone|at night|sat|stood|looking down|for an hour|for ages)\b",
    r"\b(?:i'?m|im|i am)\s+ready\s+to\s+go(?:\s+now)?(?=[.!]?\s*(?:\.|$))|\btired\s+of\s+(?:fighting|trying|struggling|surviving|holding on)(?:\s+(?:it|this|anymore|any more))?(?=[.!]?\s*(?:\.|$))",
    r"\bif\s+i\s+(?:don'?t|dont|didn'?t|didnt|never)\s+wake\s+up\b[^.!?]{0,40}\b(?:fine|okay|ok|good|better|relief|mind|care|bothered)\b",
    r"\b(?:all|every one of|the rest of|a pile of|a row of)\s+(?:of\s+)?my\s+(?:pills|tablets|meds|medication)\b[^.!?]{0,60}\b(?:table|in front of me|lined up|counted|sitting|staring|my hand|ready|bed|desk)\b|\b(?:pills|tablets)\s+(?:lined up|counted out|laid out)\b",
    r"\b(?:wrote|writing|written|left|leaving|finished)\s+(?:letters|notes)\s+(?:for|to)\s+(?:mum|mom|mam|dad|my|everyone|each of|all of|the kids|the people)\b",
    r"\bcan'?t\s+see\s+(?:any|a|the)\s+way\s+(?:to\s+(?:keep going|go on|carry on|live)|forward|out)\b|\b(?:dug|dig|digging)\s+my\s+nails\s+into\b",
    r"\b(?:tonight|today|this weekend|tomorrow)\s+(?:might|could|will|is going to|may)\s+be\s+the\s+(?:night|day)\b(?![^.!?]{0,25}\b(?:ask|tell|kiss|propose|confess|say|text|call|meet)\b)|\b(?:look|looks|seem|seems)\s+like\s+an\s+accident\b|\b(?:gun|rope|pills|blade|razor|bridge|tracks)\b[^.!?]{0,60}\b(?:keep|kept|can'?t stop|cannot stop|can’t stop)\s+thinking\s+about\s+(?:it|that|them|using)\b",
    r"\b(?:told|said|say|saying|wave[ds]?)\b[^.!?]{0,30}\bgoodbye\b[^.!?]{0,40}\blike\s+(?:it\s+was|it's|it\s+were)\s+the\s+last\b",
    r"\b(?:won'?t|wont|not going to|not gonna|will not)\s+be\s+(?:a\s+)?(?:problem|burden|bother|around|here|in anyone'?s way)\b[^.!?]{0,25}\b(?:much longer|for long|anymore|any more|soon)\b",
    r"\b(?:world|everyone|everybody|they|my family|my kids|people)\s+(?:would|will|'d)\s+(?:be\s+)?(?:better|happier|fine|okay|ok|relieved)\s+(?:off\s+)?(?:without me|if i)\b",
    r"\b(?:wasn'?t|wasnt|weren'?t|was not|not)\s+in\s+the\s+picture\s*(?:anymore|any more)?(?=[.!]?\s*(?:\.|$))",
    r"\bdon'?t\s+(?:deserve|want)\s+to\s+(?:live|be alive|exist|wake up)\b",
    # self-harm acts, tools and urges
    rf"\b(?:cut|cutting|cuts|slice|sliced|slicing|slit|burn(?:ed|t|ing)?|scratch(?:ed|ing)?|hit|hitting|punch(?:ed|ing)?|"
    rf"bang(?:ed|ing)?|bruis(?:e|ed|ing)|carv(?:e|ed|ing)|starv(?:e|ed|ing)|punish(?:ed|ing)?|hurt(?:ing)?|harm(?:ed|ing)?|stab(?:bed|bing)?|bit|bite|biting|pinch(?:ed|ing)?)\s+(?:at\s+)?{_ME}\b",
    r"\b(?:cut|cutting|slice|sliced|slicing|slit|burn(?:ed|t|ing)?|scratch(?:ed|ing)?|carv(?:e|ed|ing)|stab(?:bed|bing)?|bang(?:ed|ing)?|punch(?:ed|ing)?|hit|hitting|bruis(?:e|ed|ing))\s+"
    r"(?:into\s+|at\s+)?my\s+(?:own\s+)?(?:wrists?|arms?|forearms?|thighs?|legs?|skin|stomach|hips?|belly|head|face|chest|ankles?)\b",
    r"\b(?:urges?|urge|craving|itch)\s+to\s+(?:cut|burn|hurt|harm|self[- ]?harm|bleed|punish|starve|hit|scratch)\b",
    r"\b(?:razor|blade|blades|sharpener|scissors|lighter|knife|glass|compass|pin|needle|safety pin)\b[^.!?]{0,40}\b(?:my\s+(?:wrists?|arms?|thighs?|legs?|skin|stomach|hips?)|bleed|bled|bleeding|blood|again|urge|marks|scars?|deserve)\b",
    r"\b(?:took|take|got|get|grabbed|grab|hid|hide|hiding|keep|kept|bought|found|held|holding|unscrewed|took apart|broke)\s+(?:out\s+)?(?:a|the|my|a new|another)\s+(?:razor|blade|blades|pencil sharpener|sharpener)\b[^.!?]{0,40}\b(?:again|myself|bathroom|bed|drawer|arm|wrist|thigh|skin|bleed|blood|just in case|for later)\b",
    r"\bwant(?:ed)?\s+to\s+(?:bleed|feel pain|hurt|suffer|be punished)\b|\bdeserve\s+to\s+(?:bleed|hurt|suffer|die|be punished|feel pain|be in pain)\b",
    r"\b(?:stopped|stop|not|haven'?t been|barely|refuse to|refusing to)\s+eat(?:ing)?\b[^.!?]{0,30}\b(?:punish|deserve|disappear|die|waste away|to be gone)\b",
    r"\b(?:fresh|new)\s+(?:cuts|scars|burns|marks)\b|\b(?:cuts|scars|burns)\s+on\s+my\s+(?:wrists?|arms?|thighs?|legs?|stomach|hips?)\b|\bhid(?:e|ing)?\s+(?:the|my)\s+(?:cuts|scars|burns|marks)\b|\blong\s+sleeves\b[^.!?]{0,40}\b(?:cuts|scars|marks|arms)\b",
    # means
    r"\b(?:took|take|taking|swallow(?:ed|ing)?|downed|down|popped|pop|necked|swallow)\s+(?:all|every|everything|the (?:whole|entire|rest)|a bunch of|a lot of|too many|loads of|lots of|a whole|a full|an entire|a handful|handfuls|a fistful|a bottle|a packet|a pack|a box|two packs|\d+|twenty|thirty|fifty)\b"
    r"[^.!?]{0,30}\b(?:pills?|tablets|meds|medication|paracetamol|tylenol|ibuprofen|aspirin|insulin|sleeping pills|painkillers|antidepressants|them|it|xanax|oxy\w*|benzos|lithium)\b",
    r"\b(?:overdos\w*|od'?(?:d|ed|ing)|o\.d\.?)\b",
    rf"\b{_WANT}\s+{_FILL}(?:jump(?:ing)?|step(?:ping)?|walk(?:ing)?|throw(?:ing)? myself|fall(?:ing)?|lean(?:ing)?|drive|driving|swerv\w*|crash(?:ing)?|run(?:ning)?|let(?:ting)? go|stand(?:ing)?)\s+"
    r"(?:\w+\s+){0,2}(?:off|from|in front of|into|onto|out of|over|on)\s+(?:\w+\s+){0,2}(?:bridge|building|roof|rooftop|train|tracks|traffic|road|bus|lorry|truck|car|ledge|edge|cliff|window|balcony|river|lake|sea|water|motorway|highway|railing|platform|overpass|tower|car park|parking garage)\b",
    r"\b(?:stood|standing|stand|sat|sitting|was)\s+(?:on|at|by|near)\s+(?:the\s+)?(?:edge|ledge|railing|rail|platform edge|tracks|roof|bridge)\b[^.!?]{0,60}\b(?:thinking|wondering|how easy|one step|jump|let go|fall|lean|wanted|just go|end it)\b",
    r"\b(?:how\s+(?:high|tall|far|long|many|much)|whether|if)\b[^.!?]{0,40}\b(?:would\s+(?:kill|be enough|do it|hurt|be quick|be painless|be fatal)|it\s+would\s+take\s+to\s+(?:die|drown|bleed))\b",
    r"\b(?:gun|pistol|rifle|shotgun|firearm)\b[^.!?]{0,40}\b(?:my head|my mouth|to my|myself|loaded|end it|use it|in my hand|the trigger)\b|\bpull\s+the\s+trigger\b",
    r"\b(?:rope|noose|belt|cord|ligature)\b[^.!?]{0,40}\b(?:neck|tie|tied|hang|hanging|beam|ceiling|door|knot|strong enough|hold my weight)\b|\bhang(?:ing)?\s+myself\b",
    r"\b(?:exhaust|hose|garage|car running|carbon monoxide|charcoal)\b[^.!?]{0,40}\b(?:engine running|fall asleep|garage|pipe|hose|seal)\b",
    # farewell acts
    r"\b(?:when|after|once|if)\s+i(?:'m|’m|m| am)?\s+(?:gone|dead|not here anymore|not around anymore|no longer here|no longer around)\b(?!\s+(?:for|on|to|from|away|out|in|at|with))",
    r"\b(?:this|that)\s+(?:is|was|will be)\s+(?:my\s+)?(?:final\s+|last\s+)?goodbye\b|\bgoodbye\s+(?:forever|for good|world|everyone|cruel world)\b|\bmy\s+(?:final|last)\s+(?:goodbye|words|entry|message|letter|note|post)\b",
    r"\b(?:goodbye|farewell|last|final)\s+(?:letters?|notes?|messages?|videos?|texts?|emails?)\b",
    r"\b(?:wrote|writing|write|written|left|leave|leaving|drafted|drafting|finished)\s+(?:\w+\s+){0,2}(?:letters?|notes?|messages?)\s+(?:for|to)\s+(?:my|everyone|each|all|the people|the kids|mum|mom|dad)\b[^.!?]{0,60}\b(?:gone|goodbye|sorry|find|after|read|when|love them|forgive)\b",
    r"\b(?:take|taking|look|looking|feed|feeding|care|caring)\s+(?:care\s+of|after|for)?\s*(?:my|the)\s+(?:cat|dog|kids|children|plants|pets?|rabbit|fish|bird|hamster|son|daughter)\b[^.!?]{0,40}\b(?:when|after|once|if)\s+i(?:'m|’m|m| am)?\s+(?:gone|not here|dead|not around)\b",
    r"\b(?:giv(?:e|ing|en)|gave)\s+(?:away\s+)?(?:all\s+(?:of\s+)?|most\s+of\s+)?(?:my\s+)?(?:things|stuff|belongings|possessions|everything|favourite|favorite|prized)\b(?:[^.!?]{0,30}\b(?:away|won'?t need|don'?t need|anymore|any more|so nobody|before))",
    r"\bwon'?t\s+need\s+(?:it|them|this|that|anything|my\s+\w+|these)\s+(?:anymore|any more|much longer|where i'?m going|soon)\b|\bwhere\s+i'?m\s+going\b[^.!?]{0,20}\b(?:need|won'?t|wont)\b",
    r"\b(?:put|putting|get|getting|got|have)\s+my\s+affairs\s+in\s+order\b|\b(?:wrote|writing|made|making|updated|updating|finished)\s+(?:out\s+)?my\s+will\b(?![^.!?]{0,30}\b(?:mortgage|baby|wedding|lawyer|solicitor|retire))",
    r"\bsorry\s+for\s+what\s+i'?m\s+(?:about\s+)?(?:going\s+)?to\s+do\b|\bsorry\s+(?:it\s+)?(?:had|has)\s+to\s+end\s+(?:like\s+)?this\b|\b(?:please\s+)?(?:don'?t|do not)\s+blame\s+yourselves?\b",
    r"\b(?:last|final)\s+(?:time|day|night|week)\s+(?:i'?ll|i will|anyone will|you'?ll|you will)\s+(?:ever\s+)?(?:see|hear|be|talk|have to)\b|\b(?:this|tonight|today)\s+(?:is|will be)\s+(?:the|my)\s+(?:last|final)\s+(?:night|day|time)\b",
    r"\b(?:said|saying|say)\s+(?:my\s+)?(?:goodbyes?|goodbye)\b[^.!?]{0,40}\b(?:without|forever|for good|they didn'?t know|nobody knew|like (?:it was|it's) the last|just in case|one last)\b",
)

# The words themselves: a sentence that names death, dying, suicide or self-harm and is about the
# writer (first person, checked in safety.py) counts, unless a veto applies. Recall comes first;
# the vetoes below and CRISIS_IDIOM/_MORE carry the precision.
CRISIS_LEXICON = _rxw(
    r"\b(?:death|dying|die|be dead|being dead|suicid\w*|self[- ]?harm\w*|overdos\w*|noose|"
    r"kill(?:ing)? myself|end(?:ing)? my life|tak(?:e|ing) my (?:own )?life|not wak(?:e|ing) up|"
    r"never wak(?:e|ing) up|cut(?:ting)? myself|hurt(?:ing)? myself|harm(?:ing)? myself)\b",
)
# Fear of dying, grief and talk about death in general are not a wish to die.
CRISIS_LEXICON_VETO = _rxw(
    r"\b(?:scared|afraid|terrified|frightened|fear|fears|anxious|worried|worry|phobia|panic\w*)\s+(?:of|about|that i'?(?:m|ll| am| will)?\s*(?:going to\s+|gonna\s+)?)\s*(?:dying|death|die|being dead)\b",
    r"\b(?:grief|grieving|mourning|funeral|passed away|died|death of (?:my|a|her|his)|anniversary|condolences|hospice|terminal|cancer|illness|diagnos\w*)\b",
    r"\b(?:like|as)\s+everyone\s+(?:does|do)\b|\beveryone\s+(?:dies|thinks about)\b|\b(?:life|death)\s+and\s+(?:death|life)\b|\bnear[- ]death\b|\bdeath\s+(?:penalty|metal|star|toll|rate)\b",
    r"\b(?:heart (?:is )?(?:racing|pounding)|panic attack|heart attack|chest pain|health anxiety|hypochondri\w*)\b",
    r"\b(?:relationship|marriage|friendship|phone|battery|plant|car|laptop|conversation|party|town|market|career|dream|chat|group|romance|spark)\s+(?:is\s+|was\s+|must be\s+|seems\s+|feels\s+)?(?:dead|dying)\b",
    r"\b(?:dying|die|death)\s+(?:to|for|of|from|laughing|inside|happy|on (?:this|that) hill)\b|\b(?:to|would|could|'d)\s+die\s+for\b|\bbored\s+to\s+death\b|\bdeath\s+(?:stare|glare|trap)\b",
)

# More contexts that make a match not about the writer's present risk.
CRISIS_IDIOM_MORE = _rxw(
    r"\b(?:rather|sooner)\s+(?:die|be dead)\s+than\b(?!\s+(?:feel|live|go on|keep|wake|face|be alive|be here|spend|carry on|continue|do this|exist))|\b(?:would|'d|’d)\s+die\s+for\s+(?:you|him|her|them|my|a|this)\b",
    r"\b(?:die|died|dying|dead)\s+(?:laughing|happy|of (?:cringe|laughter|shame|embarrassment|boredom|heat|thirst|hunger|curiosity|jealousy))\b",
    r"\b(?:going to|gonna|would|will|could|'d|’d)\s+(?:literally\s+|actually\s+|just\s+)?die\s+(?:if|when|before|without|of|from|for|laughing|happy|in this heat|waiting)\b",
    r"\b(?:kill|end)\s+me\s+now\b|\bkill\s+(?:me|myself)\s+(?:laughing|with)\b|\b(?:killed|kills)\s+me\b",
    r"\b(?:end|ending|ended)\s+(?:it|things|this)\s+(?:with|between)\b|\b(?:end|ending)\s+(?:the|my|our)\s+(?:relationship|lease|contract|call|day|week|shift|streak|subscription)\b",
    r"\b(?:cut|cutting)\s+(?:back|down|out|ties|class|classes|carbs|sugar|corners|my hair|my nails|my losses|the cord|off|in line|loose|it close|it fine|the cake|onions|vegetables|my fringe|my bangs)\b|\bcut\s+myself\s+(?:some|a|off)\b",
    r"\b(?:accidentally|by accident|it was an accident|by mistake|chopping|cooking|shaving|paper cut|(?:cut|burn\w*|hit|bang\w*|bump\w*|scrap\w*|caught|trapped|slic\w*)\s+(?:myself|my\s+\w+)\s+on\s+(?:the|a|an|some)\s+\w+|on the (?:oven|stove|hob|iron|kettle)|(?:hot\s+)?(?:pan|oven|stove|hob|iron|kettle|baking tray)\b[^.!?]{0,40}\bburn\w*|burn\w*\b[^.!?]{0,30}\b(?:pan|oven|stove|hob|iron|kettle|toast|dinner)|"
    r"getting (?:out|in|up|into)|a bump|at the gym|during (?:practice|training|the game|the match)|playing (?:football|soccer|rugby|basketball)|sprain\w*|pulled a muscle|while (?:running|cycling|hiking|climbing|lifting|cooking|shaving))\b",
    r"\b(?:relationship|marriage|friendship|engagement|situationship|lease|contract|subscription|call|conversation|argument|fight|job)\b[^.!?]{0,40}\bend\s+(?:it|this|things)\b|\b(?:hit|bang(?:ed)?|bumped|banging)\s+my\s+head\s+on\b|\b(?:ouch|oops|clumsy)\b",
    r"\bif\b[^.!?]{0,60}\b(?:i'?m|im|i am|i'?ll|i will)\s+(?:going to|gonna)?\s*(?:literally\s+|actually\s+)?die\b",
    r"\b(?:shav\w*|wax\w*|epilat\w*)\b|\brazor\b[^.!?]{0,30}\bfor\s+my\s+(?:legs|armpits|face|beard|head)\b",
    r"\bhere\s+(?:much\s+)?longer\b[^.!?]{0,40}\b(?:lease|contract|tenancy|job|visa|moving|move|notice)\b|\b(?:lease|contract|tenancy|visa|notice)\b[^.!?]{0,40}\bhere\s+(?:much\s+)?longer\b",
    r"\b(?:i'?m|im|i am)\s+(?:starving|dying for)\b(?!\s+myself)|\bstarving\b(?=[^.!?]{0,30}\b(?:lunch|dinner|food|eat|snack|breakfast|pizza)\b)",
    r"\b(?:want|wish|need)\s+(?:this|the|my)\s+(?:week|day|meeting|semester|term|exam|shift|year|month|weekend|lecture|call|season|noise|rain|party|headache)\s+to\s+(?:be over|end|stop)\b",
    r"\b(?:thought|felt like|sure|convinced)\s+i\s+(?:was|were)\s+(?:going to|gonna)\s+die\b|\bdie\s+on\s+(?:this|that)\s+hill\b|\b(?:almost|nearly)\s+died\b",
    r"\bjump(?:ed|ing)?\s+(?:in|into)\s+the\s+(?:lake|sea|pool|river|water)\s+(?:with|for|together|to cool)\b|\b(?:bungee|skydiv\w*|diving board|cliff jump\w*|parachut\w*)\b",
    r"\b(?:gone|away)\s+(?:for|on)\s+(?:the|a|two|three|\d+)\s+(?:weekend|week|weeks|days|month|trip|holiday|vacation|while)\b",
    r"\b(?:if|when)\s+i'?m\s+gone\s+(?:on|for|to)\b|\b(?:while|when)\s+i'?m\s+(?:away|travelling|traveling|on holiday|at work)\b",
)

NEGATED_CRISIS_MORE = _rxw(
    r"\b(?:won'?t|wont|will not|would not|wouldn'?t|wouldnt|would never|will never|never|not going to|not gonna|am not going to|'m not going to|m not going to|not planning to|no plans? to|not about to|don'?t want to|dont want to|do not want to|have no intention of|no intention of|not trying to)\s+"
    r"(?:ever\s+|actually\s+|really\s+)?(?:kill\w*|hurt\w*|harm\w*|cut\w*|end\w*|tak\w+ my (?:own )?life|do anything|act on|die|overdos\w*|off|jump\w*)\b",
    r"\b(?:not|never|don'?t|dont|do not|doesn'?t|didn'?t|didnt|am not|isn'?t|wasn'?t|wasnt|aren'?t|haven'?t|havent|no longer)\s+(?:feel(?:ing)?\s+|felt\s+|actually\s+|really\s+|be\s+|ever\s+|been\s+)*(?:suicidal|in danger|at risk|going anywhere|unsafe)\b",
    r"\b(?:no|without)\s+(?:urges?|desire|wish|plans?|intent\w*|thoughts?)\s+(?:to|of)\s+(?:die|cut|hurt|harm|kill|end|self[- ]?harm)\b",
    r"\b(?:the\s+urge|it)\s+(?:passed|went away|faded)\b|\b(?:i'?m|im|i am)\s+(?:safe|not in danger)\b",
    r"(?<!n't )(?<!nt )(?<!not )(?<!never )(?<!n’t )\b(?:want|wanted|choose|chose|choosing|decided)\s+to\s+(?:live|stay alive|keep going|keep living|stay)\b",
)

# --- non-consent, by concept (second generation) ------------------------------------------------
# Strong forms fire alone; contextual forms (freezing, giving in, "he didn't stop", threats)
# need a sexual context in the sentence or a neighbour (SEXUAL), so "I froze on stage" or
# "I finally gave in and bought the dress" stay quiet.

_HE = r"(?:he|she|they|him|her|them|this guy|the guy|that guy|the man|this man|a guy|a man|the woman|a woman|that girl|the girl)"
_DIDNT = r"(?:didn'?t|didnt|did not|wouldn'?t|wouldnt|would not|won'?t|wont|refused to|never|doesn'?t|doesnt|does not|don'?t|dont)"

SEXUAL = _rxw(
    r"\b(?:sex|sexual\w*|tease|prude|frigid|does it|weight on me|bedroom|intoxicated|took me (?:home|back)|brought me (?:home|back)|video|videos|come over|came over|slept with|sleep(?:ing)? with|hook(?:ed|ing)?\s?up|hookup|bed|kiss\w*|touch\w*|clothes|undress\w*|naked|nude\w*|"
    r"condom|inside me|in me|on top of me|on top|(?:his|her|their) hands?|grop\w*|pants|underwear|knickers|jeans|shirt|bra|skirt|dress|"
    r"zip\w*|unzip\w*|penetrat\w*|oral|blow ?job|go(?:ing)? down on|went down on|finger\w*|fondl\w*|rap(?:e|ed|ing|ist)|assault\w*|"
    r"made out|making out|make out|one night|his (?:room|place|flat|apartment|car|bed|house|dorm)|her (?:room|place|flat|apartment|car|bed|house|dorm)|"
    r"their (?:room|place|flat|apartment|car|bed)|breasts?|boobs|chest|thighs?|crotch|lap|privates|genitals?|dick|penis|vagina|"
    r"came in(?:to)? my room|my room|spend the night|stay the night|stayed over|sleepover|hotel room|favours|favors|sext\w*|pics|photos?|"
    r"do it|did it|doing it|go all the way|went all the way|foreplay|intimate|intimacy|hands? (?:up|down|under|between)|got on top|climbed on|pulled down|pulled off|took off my|took my \w+ off|strip\w*)\b",
)

NONCONSENT_MORE = _rxw(
    # force and restraint
    r"\b(?:held|pinned|pushed|shoved|forced|threw|pulled|dragged)\s+me\s+(?:down|against|onto|on to|into|to the|under|in)\b",
    r"\bowed\s+(?:him|her|them)\s+(?:this|it|sex)\b|\b(?:he|she|they|brother|uncle|dad|father|stepdad|cousin|guy|man|boss|host)\s+(?:got|climbed|crawled|came|slipped)\s+into\s+(?:my|the)\s+bed\b",
    r"\b(?:keep quiet|stay quiet|not tell anyone|keep it (?:a )?secret)\s+or\s+(?:i'?d|i would|i'?ll|i will)\s+(?:lose|be fired|get fired|fail)\b",
    r"\bscared\s+(?:he|she|they)(?:'d|’d| would)\s+(?:hit|hurt|leave|yell|get angry)\b[^.!?]{0,40}\b(?:so i|i went along|i let|i gave in)\b",
    r"\b(?:held|pinned|grabbed|gripped|squeezed)\s+(?:down\s+)?my\s+(?:arms?|wrists?|hands|head|neck|hair|throat|legs?|hips?)\b[^.!?]{0,60}\b(?:so i couldn'?t|couldn'?t|and (?:kept|pushed|pulled|forced)|down|too hard|above my head|behind my back)\b|\b(?:held|pinned)\s+(?:down\s+)?my\s+(?:wrists?|arms)\b",
    r"\b(?:hand|hands|arm|knee|weight|body)\s+(?:over|on|across)\s+my\s+(?:mouth|throat|neck|chest)\b|\bcouldn'?t\s+(?:push|get|shove|fight)\s+(?:him|her|them)\s+off\b|\b(?:too\s+(?:strong|heavy|big))\b[^.!?]{0,30}\b(?:push|get|fight|stop)\b",
    r"\bforc(?:ed|ing|es)\s+(?:himself|herself|themselves|his way|her way|their way|myself|me|it)\b|\bforc(?:ed|ing|es)\s+(?:me\s+)?(?:to|into)\b",
    r"\bit\s+hurt\b[^.!?]{0,40}\b(?:didn'?t care|didnt care|kept going|didn'?t stop|didnt stop|anyway|laughed|carried on)\b|\btook\s+advantage\s+of\s+me\b",
    r"\bi\s+(?:was|got|have been|had been)\s+(?:sexually\s+)?(?:assaulted|abused|molested|raped|groped|violated|sa'?d)\b|\bsa'?d\s+me\b|\br[\*@]pe[ds]?\b",
    r"\b(?:has|have|had)\s+sex\s+with\s+me\b[^.!?]{0,40}\b(?:when|while|whilst)\s+i(?:'m|’m| am| was|m)?\s+(?:asleep|sleeping|passed out|drunk|unconscious|out of it|crying)\b",
    # a no, a stop, a "didn't want to", ignored
    r"\b(?:said|say|saying|kept saying|told (?:him|her|them)|whispered|begged|asked (?:him|her|them)|screamed|yelled|cried|mumbled|repeated|was saying)\s+['\"“]?(?:no|stop|please stop|to stop|not to|i didn'?t want|i didnt want|i don'?t want|i dont want|i wasn'?t ready|i was not ready|wait|it hurt|i wanted to stop|i wanted to go home|i want to go home|i was (?:too |so |really )?tired|i didn'?t feel like it)\b"
    r"[^.!?]{0,90}\b(?:anyway|anyways|said i'?d (?:like|enjoy) it|told me to relax|kept going|kept on|carried on|continued|went ahead|still (?:did|went|kept|had|pushed|pulled|took|got)|didn'?t wait|didnt wait|wouldn'?t wait|ignored|laughed|didn'?t stop|didnt stop|did not stop|didn'?t listen|didnt listen|didn'?t care|didnt care|wouldn'?t stop|would not stop|just kept|pushed|pulled)\b",
    r"\b(?:even|even though|though|although|after|when|while)\s+i\s+(?:said|kept saying|told (?:him|her|them)|was saying|had said|begged|asked (?:him|her|them) to stop|was crying|cried|pushed (?:him|her|them) away|tried to push|was asleep|was passed out|was drunk|didn'?t want|didnt want|did not want|wasn'?t ready|wasnt ready|said i wasn'?t|was shaking|was frozen|pulled away|moved away|tried to leave)\b[^.!?]{0,60}\b(?:he|she|they)\s+(?:still|kept|just|went|did|carried|continued|had|pushed|pulled|took|got|started)\b",
    rf"\b{_HE}\s+(?:still\s+|just\s+)?(?:kept going|kept on|carried on|continued|went ahead|did it anyway|did it regardless|didn'?t stop|didnt stop|did not stop|wouldn'?t stop|would not stop|didn'?t listen|didnt listen|didn'?t care)\b[^.!?]{{0,60}}\b(?:i said|i told|i was crying|i asked|i begged|i didn'?t want|i didnt want|i tried|i pushed|my no|no|stop)\b",
    r"\b(?:my|a|the)\s+['\"“]?no['\"”]?\s+(?:didn'?t|did not|never|wasn'?t|was not)\s+(?:matter|count|mean anything|register|seem to matter|enough)\b|\bno\s+(?:didn'?t|did not)\s+(?:matter|count)\b",
    r"\bi\s+(?:didn'?t|didnt|did not|never)\s+(?:want|agree to|say yes to|consent to|ask for)\s+(?:it|that|any of (?:it|that|this)|sex|this|him|her|them|to do it|to have sex|to sleep with)\b",
    r"\b(?:never|didn'?t|didnt|did not)\s+(?:asked?|check(?:ed)?|wait(?:ed)?\s+for)\s+(?:me\s+)?(?:first|if i (?:wanted|was okay|was ok)|for (?:my\s+)?(?:consent|permission|a yes))\b",
    # pressure and coercion until giving in
    r"\b(?:kept|keep|just kept|wouldn'?t stop|would not stop|didn'?t stop|never stopped)(?:\s+on|\s+at (?:it|me)|\s+(?:begging|insisting|pressuring|guilting|guilt-?tripping|whining|sulking|going on|on at me|trying|touching|pulling))\b"
    r"[^.!?]{0,90}\b(?:until|till|til|untill|so\s+i|and\s+i|eventually|finally|in the end)\b[^.!?]{0,40}\b(?:gave\s+(?:in|up)|caved|said yes|said ok|said okay|let (?:him|her|them)|agreed|went along|did it|stopped (?:saying no|fighting|resisting|arguing)|lay there|just let|didn'?t fight)\b",
    r"\b(?:guilt(?:ed|-tripped| tripped)?|pressur(?:ed|ing)|coerc(?:ed|ing)|manipulat(?:ed|ing)|talked|bullied|pushed|sweet-?talked|nagged|badgered|begged)\s+me\s+(?:into|until|till)\b",
    r"\b(?:made|make|makes)\s+me\s+feel\s+(?:like\s+)?(?:i\s+)?(?:had to|owed|have to|was obligated|guilty|bad for saying no|like a tease)\b",
    r"\b(?:i\s+)?(?:owed|owe)\s+(?:him|her|them|it to (?:him|her|them))\b[^.!?]{0,40}\b(?:sex|sleep|it|something|because|after|for)\b",
    # threats
    r"\bunless\s+i\s+(?:slept with|sleep with|had sex|have sex|did it|sent|send|went down|go down|came over|come over|gave (?:him|her|them))\b|\bif\s+i\s+(?:didn'?t|did not|don'?t|wouldn'?t|refused to)\s+(?:sleep with|have sex|send (?:him |her |them )?(?:nudes|pics|photos)|do it|go down|give (?:him|her|them) (?:a blowjob|head))\b",
    r"\b(?:only|just)\s+said\s+yes\s+(?:because|cos|cause|since)\s+i\s+was\s+(?:scared|afraid|terrified|frightened)\b|\bscared\s+of\s+what\s+(?:he|she|they)(?:'d|’d| would| might)\s+do\b",
    r"\bsaid\s+no\b[^.!?]{0,60}\b(?:gave up|gave in|let (?:it happen|him|her|them)|caved|stopped fighting)\b",
    r"\b(?:wouldn'?t|would not|didn'?t|refused to)\s+get\s+off\b(?:\s+(?:me|of me))?[^.!?]{0,40}\b(?:told|asked|begged|said|pushed)\b",
    r"\bgrabbed\s+me\s+(?:between|by the (?:crotch|breasts?|chest|ass|bum|butt))\b|\b(?:grabbed|groped|squeezed)\s+my\s+(?:breasts?|chest|ass|bum|butt|crotch|dick|boobs|bottom)\b",
    r"\bthreat(?:en(?:ed|ing)?|s)?\s+(?:to|me)\b(?!\s+(?:kill|hurt|harm|end)\s+(?:himself|herself|themselves|his life|her life))[^.!?]{0,60}\b(?:nudes|photos?|pics|video|post|send|share|out me|expose)\b",
    # incapacitation
    r"\b(?:too|so|very|completely|really|way too|far too)\s+(?:sleepy|tired|sick|dizzy)\s+to\s+(?:even\s+)?(?:say no|consent|fight|push (?:him|her|them)|stop (?:him|her|them|it))\b",
    r"\b(?:too|so|very|completely|really|way too|far too)\s+(?:drunk|high|wasted|out of it|intoxicated|stoned|gone|messed up|fucked up)\s+to\s+(?:even\s+)?(?:say|consent|stand|walk|know|remember|move|speak|stop|understand|fight|push|think|react|get up|open my eyes|talk|form words|say no|do anything)\b",
    r"\b(?:was|were|i'?m|im)\s+(?:passed out|blacked out|blackout drunk|unconscious|asleep|sleeping|half asleep|half-asleep|barely conscious|barely awake|semi-conscious|out cold|drugged|roofied|spiked|so drunk|really drunk|too drunk|wasted|out of it)\b[^.!?]{0,90}\b(?:he|she|they|someone|a guy|a man)\b[^.!?]{0,40}\b(?:had sex|slept with|touch\w*|took|undress\w*|started|was on top|got on top|was inside|did it|did things|kiss\w*|pulled|put his|put her|fingered|used me|raped|had his|had her)\b",
    r"\b(?:he|she|they|someone|a guy)\s+(?:had sex with|slept with|touched|undressed|started|got on top of|was inside|did it to|did stuff to|took advantage of|used)\s+me\b[^.!?]{0,60}\b(?:while|when|after|because)\s+i\s+(?:was|'d|had)\s+(?:passed out|blacked out|asleep|sleeping|unconscious|drunk|wasted|high|out of it|drugged|so drunk|too drunk|half asleep|barely)\b",
    r"\bwoke\s+up\s+(?:to|with|and)\s+(?:him|her|them|someone|a guy|a man|his|her|their|hands|my (?:clothes|pants|underwear|jeans|shirt|dress|skirt|bra)|no clothes|naked|him inside|her on|him on)\b",
    r"\bwoke\s+up\b[^.!?]{0,40}\b(?:naked|undressed|with (?:no|my) (?:clothes|pants|underwear|jeans) (?:off|down|gone|undone)|sore(?!\s+from)|bleeding|in (?:his|her|their) bed|in a stranger'?s bed|not knowing|no memory)\b",
    r"\btook\s+advantage\s+of\s+me\b|\bused\s+me\s+while\b|\b(?:spiked|drugged|roofied)\b|\bsomething\s+in\s+my\s+drink\b",
    r"\b(?:don'?t|dont|do not|can'?t|cant|cannot)\s+remember\s+(?:saying yes|agreeing|consenting|how i got (?:there|to (?:his|her|their))|(?:getting|going|ending up|arriving|walking)\s+(?:to|at|back to|in)\s+(?:his|her|their)|taking my clothes|getting undressed|any of it|most of it|what happened after)\b(?!\s+to\s+(?:this|the|a|an|that|being|joining|organi\w+|help))",
    # stealthing
    r"\b(?:took|pulled|slipped|taken|removed|take|rolled|peeled|had taken)\s+(?:the|his|her|their)?\s*(?:condom|rubber)\s+off\b(?!\s*(?:after|afterwards|when (?:we|he|she|they) (?:were done|finished)))|\b(?:removed|ditched|took off)\s+(?:the|his|a)\s+condom\b|\bstealth(?:ed|ing)\b",
    r"\bcondom\b[^.!?]{0,80}\b(?:without (?:telling|asking|saying)|didn'?t tell|didnt tell|never told|wasn'?t on|was off|was gone|had come off|lied|secretly|behind my back|halfway|half way|partway)\b",
    r"\b(?:without|no)\s+(?:a\s+)?(?:condom|protection|rubber)\b[^.!?]{0,60}\b(?:even though|after|when|though|although)\s+i\s+(?:asked|said|told|insisted|made it clear|begged)\b",
    r"\b(?:even though|after|when|though|although)\s+i\s+(?:asked|said|told|insisted|made it clear)\b[^.!?]{0,60}\b(?:condom|protection)\b[^.!?]{0,40}\b(?:didn'?t|didnt|did not|wasn'?t|not|without|refused|took|off)\b",
    r"\b(?:slipped|took|pulled|rolled|peeled)\s+it\s+off\b[^.!?]{0,40}\b(?:without (?:telling|asking|saying)|didn'?t tell|didnt tell|halfway|half way|secretly|partway)\b",
    r"\b(?:didn'?t|didnt|did not|refused to|wouldn'?t|wouldnt|never)\s+(?:use|wear|put on)\s+(?:a\s+|the\s+|one\s+)?(?:condom|protection|rubber|one)\b[^.!?]{0,40}\b(?:even though|even tho|even if|after|when|though|tho|despite|although)\b",
    r"\bpush(?:ed|ing)?\s+my\s+head\s+(?:down|towards|toward|into)\b|\bforced\s+my\s+head\b",
    r"\b(?:filmed|recorded|photographed|took (?:photos|pictures|pics|videos?) of)\s+(?:me|us)\b[^.!?]{0,40}\b(?:without (?:asking|consent|permission|telling me|me knowing)|while i was (?:asleep|passed out|drunk|naked|undress\w*))\b",
    r"\b(?:shared|posted|leaked|sent|showed)\s+(?:my|our)\s+(?:nudes|naked (?:photos|pics|pictures)|sex tape|intimate (?:photos|pics|pictures|video))\b",
    r"\b(?:halfway|half way|partway|midway)\b[^.!?]{0,30}\b(?:took|pulled|slipped|rolled)\s+(?:it|the condom)\s+off\b|\bignored\s+(?:me|it)\s+when\s+i\s+(?:said|told|asked|begged|cried|screamed)\b",
    r"\bi\s+never\s+(?:said|agreed)\s+(?:that|it)\s+(?:was|would be)\s+(?:okay|ok|fine|alright)\b|\bwake\s+me\s+up\s+(?:by|with)\s+(?:having sex|touching|sex|him inside|her hand)\b",
    r"\b(?:youth leader|coach|teacher|uncle|stepdad|stepfather|babysitter|priest|pastor|tutor|scout leader|neighbou?r|family friend|cousin)\b[^.!?]{0,60}\b(?:our (?:special |little )?secret|don'?t tell (?:anyone|your (?:mum|mom|parents|dad)))\b",
    r"\b(?:went along with it|let (?:him|her|them)|said yes|did it|gave in)\s+(?:only\s+)?(?:because|cos|since)\s+(?:i was (?:scared|afraid|frightened|terrified)|(?:he|she|they)(?:'d|’d| had| would| was| were| gets?| got)\s+(?:been\s+)?(?:so\s+)?(?:angry|violent|mad|scary|aggressive))\b",
    r"\b(?:unless|if)\s+i\s+(?:did|do|posed|pose|agreed to|went|sent)\b[^.!?]{0,20}\b(?:topless|nude|naked|undress\w*|sexual|nudes)\b",
    r"\b(?:took|take|takes|taking)\s+what\s+(?:he|she|they)\s+want(?:ed|s)?\b|\bhad\s+(?:his|her|their)\s+way\s+with\s+me\b",
    r"\b(?:makes?|making|forces?)\s+me\s+(?:have sex|do (?:it|things|stuff|that)|sleep with|go down|touch|perform|give)\b|\bstopped\s+saying\s+no\b(?!\s+to\b)",
    r"\b(?:wasn'?t|was not|wasnt)\s+in\s+(?:a|any)\s+(?:state|condition|fit state)\s+to\s+(?:agree|consent|say (?:yes|no)|decide|know)\b",
    r"\b(?:have|had)\s+to\s+(?:have sex|sleep with (?:him|her|them))\b[^.!?]{0,30}\b(?:or|otherwise|because)\b",
    r"\b(?:count|counts|counted)\s+as\s+(?:assault|rape|abuse|sexual assault)\b|\b(?:was|is)\s+it\s+(?:still\s+)?(?:assault|rape)\b|\bwhether\s+i\s+wanted\s+(?:it|to)\s+or\s+not\b",
    r"\basked\s+(?:him|her|them)\s+to\s+(?:wear|use|put on)\s+(?:a\s+condom|one|protection|a rubber)\b[^.!?]{0,40}\b(?:didn'?t|didnt|refused|wouldn'?t|laughed|took it off|ignored)\b",
    r"\bmy\s+body\s+was\s+used\b|\bused\s+my\s+body\b|\byou\s+know\s+you\s+want\s+(?:this|it|me)\b",
    r"\b(?:something|things|stuff)\s+(?:had been|was|were|got|had)\s+(?:been\s+)?done\s+to\s+me\b|\b(?:pushed|forced|threw)\s+(?:himself|herself|themselves)\s+(?:on|onto|at)\s+me\b",
    r"\bsaid\s+i\s+wanted\s+to\s+(?:go home|leave|stop|go)\b[^.!?]{0,20}\b(?:he|she|they)\s+(?:locked|blocked|wouldn'?t let|didn'?t let|grabbed|pulled|stood in)\b",
    r"\b(?:lied|lying)\s+about\s+(?:wearing|using|having)\s+(?:a|the)?\s*condom\b|\bpoked\s+holes\s+in\s+(?:the\s+|his\s+|my\s+)?condoms?\b",
    r"\b(?:posted|shared|leaked|sent|uploaded)\s+(?:the|a|our|my)\s+(?:video|videos|photos|pics|pictures|tape)\s+of\s+(?:us|me)\b|\b(?:get|gets|got|getting)\s+me\s+(?:drunk|wasted|high)\s+(?:so (?:i'?d|i'?ll|i would|that i)|on purpose|to make me)\b",
    r"\b(?:he|she|they)\s+(?:was|were)\s+(?:doing it|inside me|on (?:top of )?me|touching me)\b[^.!?]{0,30}\b(?:till|until|when)\s+i\s+woke\b|\bdidn'?t\s+(?:even\s+)?know\s+(?:he|she|they)\s+(?:was|were)\s+(?:doing it|inside me|touching me)\b",
    # a minor with someone older
    r"\bi\s+was\s+(?:only\s+|just\s+|barely\s+|still\s+)?(?:1[0-7]|[5-9]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|underage|a minor|a kid|a child|in (?:middle school|high school|year (?:\d+|seven|eight|nine|ten|eleven|twelve)|grade \d+|\d+th grade|\w+th grade|ninth grade|tenth grade)|still at school|still in school)\b"
    r"[^.!?]{0,90}\b(?:(?:he|she|they)\s+(?:was|were)\s+(?:\d\d|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty)(?:[- ]\w+)?|an adult|older|much older|way older|grown|a grown|in (?:his|her|their) (?:twenties|thirties|forties|fifties)|a teacher|my teacher|the coach|my coach|a senior|in college|at uni)|older\s+(?:guy|man|woman|boy|girl)|grown\s+(?:man|woman|up)|my (?:friend'?s|mum'?s|mom'?s|parents'?|sister'?s|brother'?s|best friend'?s) (?:dad|father|mum|mom|uncle|boyfriend|husband|brother|boss)|a friend of my (?:dad|mum|mom|parents)|adult|teacher|coach|stepdad|stepfather|uncle|babysitter|youth pastor|tutor|neighbou?r)\b",
    r"\b(?:he|she|they)\s+(?:was|were)\s+(?:\d\d|eighteen|nineteen|(?:twenty|thirty|forty|fifty)(?:[- ]\w+)?|an adult|much older|way older|a grown (?:man|woman)|in (?:his|her|their) (?:twenties|thirties|forties))\b[^.!?]{0,60}\bi\s+was\s+(?:only\s+|just\s+|barely\s+)?(?:1[0-7]|[5-9]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|underage|a minor|a kid|a child|in (?:middle|high) school)\b",
    r"\b(?:my|an?|the|our)\s+(?:uncle|step-?\w+|stepdad|stepfather|step-dad|stepbrother|cousin|babysitter|coach|teacher|neighbou?r|youth pastor|priest|family friend|mum'?s boyfriend|mom'?s boyfriend|dad'?s friend|grandfather|grandad|older brother)\b[^.!?]{0,60}\b(?:touched me|touching me|c(?:o|a)me into my (?:room|bed)|made me (?:touch|do|take|keep)|abused|molested|groom\w*|climbed into my bed|into my bed|had sex with me|our secret|keep it a secret|don'?t tell)\b",
    r"\bgroom(?:ed|ing)\s+me\b",
    r"\b(?:he|she|they)\s+(?:\w+\s+){0,3}?(?:kissed|touched|grabbed|kept|did|had sex|went|pulled|pushed|got|climbed)\b[^.!?]{0,60}\beven\s+(?:though|when|after)\s+i(?:'d|’d| had)?\s+(?:said|told|pulled away|pushed|asked|begged|was crying|moved away|didn'?t want|said no|turned away)\b",
    r"\b(?:he|she|they)\s+(?:was|were)\s+my\s+(?:teacher|coach|tutor|professor|lecturer|boss|manager|stepdad|stepfather|uncle|babysitter|youth pastor|priest|doctor|therapist)\b[^.!?]{0,40}\bi\s+was\s+(?:only\s+|just\s+|barely\s+)?(?:1[0-7]|[5-9]|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|underage|a minor|a kid|a child|in (?:middle|high) school)\b",
    r"\bi\s+was\s+(?:crying|sobbing|shaking|screaming)\b[^.!?]{0,50}\b(?:he|she|they)\s+(?:just\s+|still\s+)?(?:kept going|didn'?t stop|didnt stop|did not stop|carried on|continued|kept at it|went on|kept doing it|wouldn'?t stop)\b",
    # power: sex demanded by someone with power over a job, grade, rent, visa
    r"\b(?:my|the|our|a)\s+(?:boss|manager|supervisor|team lead|teacher|professor|prof|lecturer|tutor|coach|landlord|landlady|doctor|therapist|pastor|priest|director|employer|producer|agent|advisor|adviser|mentor|sergeant|officer|casting director|owner|chef|head of department|instructor|examiner|sponsor|client)\b"
    r"[^.!?]{0,100}\b(?:sleep with|sleeping with|slept with|have sex|had sex|hook up|sexual favou?rs?|sexual|in exchange|go to bed with|(?:come|came|coming|go|going|went)\s+(?:over\s+|back\s+|up\s+)?to\s+(?:his|her|their)\s+(?:flat|place|room|hotel|house|apartment|office after)|kissed me|touched me|touched my (?:leg|thigh|knee|back|bum|ass|breasts?|chest|hair)|how nice i was|stay(?:ed)? the night|spend the night|grop\w+|grabbed me|put (?:his|her) hand|sit on (?:his|her) lap|kiss (?:him|her|them)|touch (?:him|her|them)|nudes|a blowjob|blow ?job|favou?rs?)\b",
    r"\b(?:sleep with|sleeping with|slept with|have sex|had sex|hook up|sexual favou?rs?|kiss(?:ed)?|go on a date|come (?:over|back) to (?:his|her) (?:place|flat|room|hotel))\b[^.!?]{0,80}\b(?:keep|lose|losing|get|pass|fail|my|the|a)\s+(?:job|grade|grades|mark|rent|contract|promotion|shift|shifts|hours|visa|role|part|scholarship|reference|position|placement|raise|flat|apartment|room|deposit|degree|exam)\b",
    r"\b(?:instead of|in place of|to cover|for)\s+(?:the\s+)?(?:rent|my rent)\b[^.!?]{0,40}\b(?:sex|sleep|favou?rs?|sexual)\b|\b(?:sex|sleep with (?:him|her|them)|sexual favou?rs?)\b[^.!?]{0,40}\b(?:instead of|for)\s+(?:the\s+)?rent\b",
    r"\bif\s+i\s+(?:wanted|want)\s+(?:to\s+)?(?:keep|pass|get)\s+(?:my|the|a)\s+(?:job|grade|place|role|apartment|flat|scholarship|visa|promotion|part|contract)\b",
)

# A sexual act done *to* the writer and, in the same sentence, a sign it was unwanted or could
# not be agreed to (asleep, drunk, crying, frozen, a no). The combination, not a phrase.
NC_ACT = _rxw(
    r"\b(?:he|she|they|someone|somebody|a guy|this guy|the guy|a man|the man|my (?:ex|boyfriend|girlfriend|husband|wife|partner|date)|\w+'?s (?:boyfriend|husband|friend|brother|dad|father|uncle|boss|cousin))\b[^.!?]{0,40}?"
    r"\b(?:had sex with me|has sex with me|slept with me|fucked me|touch(?:ed|es|ing) me|kiss(?:ed|es|ing) me|undress(?:ed|es|ing) me|"
    r"got on top of me|climbed on(?: top of)? me|was inside me|put (?:his|her|their) (?:hands?|fingers|mouth|tongue)|went down on me|"
    r"finger(?:ed|s) me|grop(?:ed|es|ing) me|felt me up|pulled (?:down |off )?my|took (?:off )?my (?:clothes|pants|underwear|jeans|shirt|dress|top|bra|knickers)|"
    r"took my (?:clothes|pants|underwear|jeans|shirt|dress|top|bra|knickers) off|took me (?:up )?to (?:a|his|her|their|the|an empty) (?:bedroom|room|bed)|started (?:touching|kissing|undressing) me|did (?:it|stuff|things) to me)\b",
)
NC_SIGNAL = _rxw(
    r"\b(?:didn'?t want|didnt want|did not want|said no|saying no|said stop|told (?:him|her|them) (?:no|to stop|i didn'?t want)|asleep|sleeping|"
    r"passed out|blacked out|unconscious|too drunk|so drunk|intoxicated|couldn'?t stand|couldnt stand|really drunk|wasted|out of it|high|froze|frozen|crying|cried|sobbing|shaking|"
    r"scared|terrified|afraid|couldn'?t move|couldnt move|couldn'?t speak|couldn'?t say|pulled away|pushed (?:him|her|them|his hand|her hand) away|"
    r"begged|wasn'?t ready|wasnt ready|not ready|without asking|without consent|without my|never asked|didn'?t ask|didnt ask|against my will|"
    r"no choice|forced|made me|wouldn'?t stop|didn'?t stop|didnt stop|kept going|even though i|even after i)\b",
)

# Weaker forms: count only with a sexual context in the sentence or a neighbour.
NONCONSENT_CTX = _rxw(
    r"\bi\s+(?:just\s+)?(?:froze|freeze|was frozen|was paralys\w+|was paralyz\w+|couldn'?t move|could not move|couldnt move|couldn'?t speak|couldnt speak|couldn'?t say anything|couldn'?t breathe|couldn'?t scream|couldn'?t make a sound|went limp|went numb|dissociated|shut down|went somewhere else|just lay there|lay there|stared at the ceiling|waited for it to (?:be over|end|stop)|played dead)\b",
    r"\bmy\s+(?:whole\s+)?(?:body|mind|voice)\s+(?:just\s+|completely\s+)?(?:froze|went limp|went numb|shut down|went still|wouldn'?t (?:move|work|come out))\b",
    r"\b(?:too\s+(?:shocked|scared|frightened|stunned|afraid|terrified|confused|frozen))\s+to\s+(?:move|speak|say|react|stop|fight|scream|push|leave)\b",
    r"\b(?:didn'?t|did not|never)\s+(?:get|have|got)\s+(?:a|any)\s+(?:say|choice)\b|\b(?:have|had)\s+to\s+do\s+it\b[^.!?]{0,30}\b(?:or|otherwise)\s+(?:he|she|they)\b",
    r"\b(?:his|her|their)\s+weight\s+on\s+me\b|\b(?:not being|wasn'?t|was not)\s+able\s+to\s+(?:move|speak|breathe|say anything|scream|push)\b",
    r"\b(?:pretend(?:ed|ing)?|pretend)\s+to\s+(?:be\s+)?(?:asleep|sleep)\b|\b(?:he|she|they)\s+(?:just\s+)?(?:kept going|carried on|went ahead|kept at it)\b|\btook\s+advantage\b|\b(?:didn'?t|didnt|couldn'?t|could not)\s+fight\s+back\b|\b(?:didn'?t|did not|couldn'?t) know how to say no\b",
    r"\beven\s+(?:when|though|after|if)\s+i\s+(?:say|said|tell|told|keep saying|kept saying)\s+(?:him\s+|her\s+|them\s+)?(?:no|to stop|stop|i don'?t want|i didn'?t want)\b|\bcried\s+(?:through|during)\s+(?:it|the whole thing|all of it)\b|\bcrying\s+the\s+whole\s+time\b",
    r"\bi\s+(?:was|were)\s+(?:so\s+|really\s+|completely\s+|too\s+)?(?:out of it|wasted|blackout drunk|passed out|blacked out|barely conscious|unconscious|drugged)\b|\bi\s+(?:feel|felt)\s+(?:so\s+)?violated\b",
    r"\bi\s+(?:just\s+)?(?:freeze|lie there|lay there|go somewhere else|wait for it to (?:be over|end))\b|\buntil\s+i\s+(?:give in|say yes|let (?:him|her|them)|stop saying no)\b",
    r"\b(?:i\s+)?(?:eventually|finally|just|in the end|so i)\s+(?:gave in|gave up|caved|let (?:him|her|them)|stopped (?:saying no|fighting|resisting|arguing|pushing (?:him|her|them) away)|went along with it|said yes to make)\b",
    r"\b(?:gave|give)\s+in\s+(?:because|just to|so (?:he|she|they)|to make|to stop|so it would|after|to get it over)\b|\bto\s+get\s+it\s+over\s+with\b",
    rf"\b{_HE}\s+{_DIDNT}\s+(?:stop|listen|care|wait|ask|let me|take no|accept (?:my )?no|hear me|get off)\b",
    r"\bi\s+(?:tried|was trying)\s+to\s+(?:push (?:him|her|them) (?:off|away)|get (?:up|away|out|him off|her off)|leave|stop (?:him|her|them|it)|say no|pull away|move away|roll away)\b",
    r"\bi\s+(?:was|kept)\s+(?:crying|shaking|sobbing|pulling away|moving away|pushing (?:him|her|them) away)\b[^.!?]{0,50}\b(?:he|she|they)\s+(?:kept|still|didn'?t|just|carried|continued|went)\b",
    r"\b(?:wasn'?t|wasnt|was not|i'?m not|im not)\s+(?:ready|sure|okay|ok|comfortable|into it)\b[^.!?]{0,60}\b(?:he|she|they)\s+(?:did it anyway|kept|still|didn'?t care|didn'?t stop|went ahead|pushed|just)\b",
    r"\b(?:wouldn'?t|would not|didn'?t|did not|won'?t)\s+let\s+me\s+(?:leave|go|get up|move|stop|out|up|say no|breathe)\b|\blocked\s+the\s+door\b|\btook\s+my\s+(?:phone|keys)\b",
    r"\b(?:felt|feel|feeling)\s+(?:like\s+)?(?:i\s+)?(?:had to|have to|had no (?:choice|option|way out)|couldn'?t (?:say no|refuse|leave|stop it))\b",
    r"\b(?:he|she|they)\s+(?:said|told me|threatened|warned|swore|promised)\b[^.!?]{0,60}\bif\s+i\s+(?:didn'?t|didnt|did not|don'?t|dont|wouldn'?t|refused|said no|say no|tried to leave|told anyone|told)\b",
    r"\bif\s+i\s+(?:didn'?t|didnt|did not|don'?t|dont|wouldn'?t|refused|said no)\b[^.!?]{0,60}\b(?:he|she|they)(?:'d|’d| would| will|'ll|’ll| was going to| were going to| could)\s+(?:hurt|leave|tell|post|send|share|kill|break|fire|fail|report|kick|out|expose|ruin|evict|show|hit)\b",
    r"\bkept\s+(?:on\s+)?(?:asking|pushing|nagging|bugging|pestering|badgering|persuading|texting|calling)\b[^.!?]{0,90}\b(?:until|till|til|so\s+i|eventually|finally|in the end)\b[^.!?]{0,40}\b(?:gave\s+(?:in|up)|caved|said yes|said ok|let (?:him|her|them)|agreed|went along|did it)\b",
    r"\b(?:let it happen|wouldn'?t get off(?: me)?)\b",
    r"\b(?:after|since)\s+(?:he|she|they)\s+(?:paid|bought|drove)\b[^.!?]{0,60}\b(?:owed|expected|had to|felt obligated)\b",
    r"\b(?:he|she|they)\s+(?:said|told me)\s+(?:i\s+)?(?:owed|had to|have to|would|was (?:a tease|frigid))\b|\b(?:he|she|they)\s+(?:got|was)\s+(?:angry|mad|scary|aggressive)\s+(?:when|after|because)\s+i\s+(?:said no|hesitated|didn'?t want|pulled away|wanted to stop)\b",
    r"\b(?:don'?t|dont|do not)\s+remember\s+(?:much|anything|how)\b|\b(?:blacked|passed)\s+out\b|\bblackout\b",
    r"\b(?:grabbed|gripped|squeezed|held)\s+(?:down\s+)?my\s+(?:wrists?|arms?|hands|hair|neck|throat|hips?|legs?|face|jaw)\b|\b(?:he|she|they)\s+(?:went|took it|pushed it|pushed things|kept going)\s+further\b",
    r"\b(?:trapped|cornered)\s+me\b|\b(?:didn'?t|wouldn'?t|won'?t|doesn'?t|didnt|wouldnt)\s+take\s+no\b|\blocked\s+the\s+(?:car|room|bedroom)\b|\b(?:took|carried|led|dragged|walked)\s+me\s+(?:up\s+)?(?:to|into)\s+(?:a|his|her|their|the|an empty)\s+(?:bedroom|room|bed|bathroom)\b",
    r"\b(?:nobody|no one|noone|no-one)\s+would\s+(?:ever\s+)?believe\s+(?:me|you)\b|\bonly\s+remember\s+(?:bits|pieces|flashes|fragments|snippets|parts)\b",
    r"\bi\s+(?:didn'?t|didnt|did not|never)\s+want\s+(?:to|him|her|them)\b|\bsaid\s+no\s+(?:so many times|again and again|over and over|multiple times|\w+ times|repeatedly)\b",
)

NONCONSENT_NEGATED_MORE = _rxw(
    r"\b(?:was|it's|it’s|it is|it was)\s+(?:completely\s+|totally\s+|entirely\s+)?my\s+(?:own\s+)?(?:choice|decision|idea)\b|\bi\s+(?:chose|decided)\s+to\s+(?:sleep|have sex|hook up|go home with|stay)\b|\bi\s+(?:initiated|started)\s+(?:it|things)\b",
    r"\b(?:he|she|they)\s+(?:stopped|backed off|pulled away|let go|checked in|asked again|respected)\b(?![^.!?]{0,10}\b(?:only|after)\b)",
    r"\b(?:asked|checked)\s+(?:me\s+)?(?:if|whether|before|first|again)\b|\bi\s+said\s+yes\s+(?:and|because)\s+i\s+(?:meant|wanted)\b",
    r"\b(?:numb|froze|frozen)\s+with\s+cold\b|\bfreezing\s+cold\b|\bhappy\s+tears\b|\btears\s+of\s+joy\b|\bcried\s+(?:with|from)\s+(?:happiness|joy|relief)\b",
    r"\bask(?:ed|ing|s)?\s+me\s+out\b|\bsaid\s+yes\s+to\s+(?:coffee|a date|dinner|drinks|going out|lunch|a second date)\b",
    r"\bboth\s+(?:wanted|agreed|consented|said yes|sober|into it)\b|(?<!not )(?<!n't )(?<!nt )(?<!n’t )(?<!never )(?<![-\w])consensual\b",
)
# Everyday freezing and giving in: vetoes for the contextual forms only.
NONCONSENT_EVERYDAY = _rxw(
    r"\b(?:stage|on stage|exam|interview|presentation|speech|audition|driving test|traffic|meeting|in class|the call|spider|snake|alarm|thunder|karaoke|bought|buy|shopping|the job|the offer)\b",
)

# --- rumination -----------------------------------------------------------------------------

RUMINATIVE_QUESTION = _rx(
    r"^\s*(?:[a-z]+[:.,]\s+)?(?:but\s+|and\s+|so\s+)?(?:why|how\s+could|how\s+come|what\s+if|what\s+is\s+wrong\s+with|what'?s\s+wrong\s+with|"
    r"what\s+did\s+i|was\s+i|am\s+i|did\s+(?:he|she|they|i)|does\s+(?:he|she|they)|do\s+(?:they|i)|"
    r"is\s+(?:he|she|it|this|there)|will\s+(?:i|he|she|they|anyone)|would\s+(?:he|she|they|it)|"
    r"could\s+i|should\s+i\s+have|should\s+i\s+not|how\s+did\s+i|how\s+do\s+i\s+(?:stop|get over|move on|know)|"
    r"what\s+(?:does|did)\s+(?:he|she|they|that|it)\s+(?:think|mean|want|say)|who\s+(?:does|would)|"
    r"will\s+it|why\s+(?:me|not)|what\s+am\s+i)\b",
)
RUMINATION_STATEMENT = _rx(
    r"\b(?:keep|kept|keeps|can'?t stop|cannot stop|can’t stop|couldn'?t stop|still)\s+(?:asking myself|asking (?:why|if|whether|what|how)|wondering|"
    r"thinking about (?:why|what|whether|if|how)|replaying|going over|going back over|obsessing|overthinking|analy[sz]ing|running through|circling)\b",
    r"\b(?:i|i've been|i have been|i'm)\s+(?:always\s+)?(?:wondering|asking myself|replaying|going over|obsessing over|overthinking)\b",
    r"\bover\s+and\s+over\b|\bon\s+(?:a\s+)?(?:loop|repeat)\b|\b(?:same|one)\s+question\b[^.!?]{0,30}\b(?:again|loop|over|keeps)\b",
    r"\b(?:goes|going|spinning|runs|running|racing)\s+(?:round|around)\s+(?:and\s+(?:round|around)\s+)?in\s+my\s+head\b",
    r"\bcan'?t\s+(?:get|stop)\s+(?:it|him|her|them|this|that night)\s+(?:out of my head|from my mind)\b",
    r"\bi\s+(?:wonder|ask myself)\s+(?:why|if|whether|what|how)\b",
    r"\b(?:going over|replaying|rehashing|overanaly[sz]ing)\s+(?:what|every|everything|it all|that night|the night|our|the conversation|the messages|why)\b",
)
PRACTICAL_QUESTION = _rx(
    r"\b(?:what\s+time|when\s+does|when\s+is|where\s+(?:is|can|do|are)|how\s+(?:much|many|long|far)\s+(?:is|does|do|are|should)|"
    r"which\s+(?:bus|train|day|one)|should\s+i\s+(?:buy|bring|book|order|call the|take the|wear|get|cook)|"
    r"do\s+(?:we|i)\s+(?:need|have)\s+(?:to\s+)?(?:buy|milk|bread|any)|is\s+(?:the|it)\s+(?:open|closed|raining|cold)|"
    r"what\s+should\s+i\s+(?:cook|eat|wear|make|buy)|can\s+you|could\s+you|did\s+i\s+(?:lock|turn off|leave the|pay|remember to)|"
    r"(?:pharmacy|store|shop|bus|train|appointment|dentist|meeting|rent|bill|deadline|weather|recipe|oven|laundry|groceries|"
    r"keys|wallet|charger|passport|glasses|umbrella|password|wifi|parcel|receipt)\b)",
)
