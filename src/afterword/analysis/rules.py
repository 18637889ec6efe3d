# ruff: noqa: E501  (regular-expression tables read better unwrapped)
"""Hand-written rules for the safety signals, rumination and trap cues.

Rules decide where they are more reliable than a linear head: explicit statements of suicide,
self-harm and non-consent, and the contexts that must *not* count (negation, idioms, fiction,
other people, resolved past). Every rule works on one sentence; a few look at the neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


class Rule:
    """A case-insensitive pattern, run case-sensitively on the lowered text (about 4x faster
    in Python's ``re``). Only spans are used, and they are the same in both texts unless
    lowering changes the length (a few non-ASCII letters), when the slow path runs instead."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._fast: re.Pattern[str] | None = None
        self._slow: re.Pattern[str] | None = None

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
        return rx.finditer(subject)

    def search(self, text: str) -> re.Match[str] | None:
        rx, subject = self._pick(text)
        return rx.search(subject)

    def match(self, text: str) -> re.Match[str] | None:
        rx, subject = self._pick(text)
        return rx.match(subject)


def _rx(*parts: str) -> Rule:
    return Rule("|".join(f"(?:{p})" for p in parts))


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
    r"\bwish(?:ed)?\s+i\s+(?:had\s+)?(?:never been born|was never born|could (?:just\s+)?(?:fade away|cease to exist|not exist|stop existing))",
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
    r"\bglad\s+i(?:'m| am|’m)\s+(?:still\s+)?(?:here|alive)\b", r"\bgrateful\s+(?:to be|i'm|i am|i’m)\s+(?:still\s+)?(?:here|alive)\b",
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
    r"\bagainst\s+my\s+will\b|\bwithout\s+my\s+(?:consent|permission|agreement|say)\b|\bnon-?consensual\b",
    r"\bi\s+(?:never|didn'?t|did not|couldn'?t|could not|wasn'?t able to)\s+(?:consent(?:ed)?|agree(?:d)?|say yes|said yes|give consent|gave consent)\b",
    r"\bi\s+(?:didn'?t|did not|never)\s+want\s+(?:it|to|that|any of it|sex)\b",
    r"\b(?:ignored|didn'?t\s+listen\s+to|did not listen to|didn'?t\s+care\s+about)\s+(?:my|me\s+saying)\s+['\"“]?(?:no|stop)\b",
    r"\b(?:didn'?t|did not|wouldn'?t|would not)\s+take\s+no\s+for\s+an\s+answer\b",
    r"\bi\s+(?:said|kept saying|told (?:him|her|them)|whispered|begged|asked (?:him|her|them))\s+['\"“]?(?:no|stop|to stop|i didn'?t want|i don'?t want|not to)\b"
    r"[^.!?]{0,80}\b(?:but\s+(?:he|she|they)|(?:he|she|they)\s+(?:just\s+)?(?:kept|didn'?t stop|did not stop|did it anyway|still|carried on|continued|ignored|laughed|pushed|did not care|didn'?t care)|"
    r"(?:he|she|they)\s+(?:didn'?t|did not|wouldn'?t|would not)\b(?!\s+(?:mind|push|pressure|argue|ask again|make a big deal|get angry|pressure me))|anyway|kept going)\b",
    r"\b(?:didn'?t|did not|wouldn'?t|would not|refused to)\s+stop\s+(?:when|after|even though|though|even when)\s+i\b",
    r"\bkept\s+going\s+(?:when|after|even though|though|even when)\s+i\b",
    # pressure and threats
    r"\b(?:pressured|pressuring|guilted|guilt[- ]tripped|coerced|badgered|nagged|manipulated)\s+(?:me\s+)?(?:into|until|till)\b",
    r"\bkept\s+(?:pushing|asking|begging|insisting|pressuring|on at me)\b[^.!?]{0,60}\b(?:until|till|so i|i gave in|i said yes|i caved)\b",
    r"\b(?:gave|give)\s+in\s+(?:because|just to|so (?:he|she|they)|to make|to stop|so it would|after)\b",
    r"\b(?:i\s+)?(?:caved|gave in|said yes|went along with it)\s+(?:just\s+)?(?:to make (?:him|her|them|it) stop|so (?:he|she|they) would stop|to shut (?:him|her|them) up)",
    r"\bto\s+make\s+(?:him|her|them|it)\s+stop\s+(?:asking|pushing|begging|being angry|yelling)\b",
    r"\b(?:felt like i|i felt like i|i)\s+(?:had no choice|couldn'?t say no|could not say no|wasn'?t allowed to say no)\b",
    r"\b(?:didn'?t|did not)\s+feel\s+(?:like\s+)?(?:i\s+)?(?:could|was allowed to|had the right to)\s+say\s+no\b",
    r"\bthreat(?:ened|ening)\s+to\b[^.!?]{0,80}\b(?:if|unless)\s+i\s+(?:didn'?t|did not|wouldn'?t|would not|don'?t|said no|refused)\b",
    r"\b(?:or\s+else|or\s+(?:he|she|they)\s+would)\b[^.!?]{0,60}\b(?:sex|sleep with|hurt|leave|tell|post|share|send)\b",
    # incapacitation
    r"\b(?:too|so|very|completely|blackout|black-out|way too)\s+(?:drunk|high|wasted|out of it|intoxicated|stoned|fucked up)\s+to\s+(?:say|consent|stand|walk|know|remember|move|speak|stop|understand)\b",
    r"\bi\s+(?:was|had)\s+(?:passed out|blacked out|unconscious|asleep|sleeping|half asleep|barely conscious)\b[^.!?]{0,80}\b(?:he|she|they|started|inside|touching|had sex|on top)\b",
    r"\bwoke\s+up\s+(?:to|with)\s+(?:him|her|them|someone|a guy|a man|his|her)\b[^.!?]{0,40}\b(?:on|inside|touching|having|top|hands|in me|undress)",
    r"\bwoke\s+up\b[^.!?]{0,40}\b(?:inside me|on top of me|touching me|undressing me|having sex with me|"
    r"(?:his|her|their) hands (?:on|in|down))",
    r"\b(?:spiked|drugged|roofied)\b|\bput\s+something\s+in\s+my\s+drink\b",
    r"\b(?:drinks?|shots?|pills?|something)\s+(?:he|she|they)\s+(?:gave|bought|made|handed|poured)\s+me\b[^.!?]{0,60}\b(?:blurry|couldn'?t move|blacked out|passed out|don'?t remember|woke up|fuzzy|numb)",
    r"\b(?:don'?t|do not|can'?t|cannot)\s+remember\s+(?:agreeing|saying yes|consenting)\b",
    # freezing
    r"\bi\s+(?:just\s+)?(?:froze|was frozen|couldn'?t move|could not move|went limp|dissociated|went numb)\b"
    r"[^.!?]{0,60}\b(?:he|she|they|him|her|them|it happened|while|kept|until it was over|wait\w*|"
    r"let (?:him|her|them)|on top)\b",
    r"\bmy\s+(?:whole\s+)?body\s+(?:froze|went limp|shut down|went still)\b",
    r"\btoo\s+(?:shocked|scared|frightened|stunned|afraid|terrified)\s+to\s+(?:move|speak|say anything|react|stop (?:him|her|them)|fight)\b",
    r"\b(?:didn'?t|did not|never)\s+ask,?\s+(?:he|she|they)\s+just\s+(?:did it|started|went ahead|took)\b",
    # condom
    r"\b(?:took|pulled|slipped|taken|removed|take)\s+(?:the|his|her)?\s*condom\s+off\b|\bremoved\s+the\s+condom\b|\bstealth(?:ed|ing)\b",
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
    r"\bi\s+(?:really\s+|actually\s+|genuinely\s+)?wanted\s+(?:it|him|her|them|that)\b",
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
