/**
 * The trigger lexicon: words that report a happening, each tied to a type of the taxonomy (and so to its CAMEO
 * code), and the cues of modality ("will", "is expected to" → planned; "could", "might" → hypothetical).
 */
import { EVENT_TYPES, type EventType, type Modality } from '../../src/domain/taxonomy.ts';

export interface Trigger {
  type: EventType;
  /** Offset of the words in the sentence. */
  index: number;
  /** The words in the sentence that triggered it, verbatim. */
  words: string;
  cameo: string;
}

/** Ordered most specific first: the first rule that matches a sentence gives its type. */
const LEXICON: [EventType, RegExp][] = [
  [
    'call',
    /\b((tele)?phone (call|conversation|talks?)|phoned|phones|phoning|telephoned|video[- ]?(call|conference)s?|videoconference talks|(spoke|talked|speak|talk)( (to|with) [^.;]{1,60}?)? (by|over the|on the) (tele)?phone|(discuss(?:ed|es)?|conferred|consulted) [^.;]{1,50}? (by|over the|on the) (tele)?phone)\b/i,
  ],
  ['ceasefire', /\b(cease-?fire|truce|armistice)\b/i],
  [
    'humanitarian_warning',
    /\b(humanitarian (catastrophe|crisis|tragedy|aid)|displaced|displacement|to flee|fled (?:their|the|from)|fleeing|refugees)\b/i,
  ],
  [
    'sanction',
    /\b(sanctions?|sanctioned|sanctioning|embargo(es)?|imposed (\w+ ){0,2}(restrictions|penalties|a ban))\b/i,
  ],
  [
    'arms_deal',
    /\b(bought|buy|buys|purchased?|purchasing|buying|sold|sale|sales|deliver(?:ed|ing|s)?|delivery|deliveries|suppl(?:y|ying|ied|ies)|shipments?|received|procured|procurement|acquisition|acquired?) (of )?(\w+ ){0,4}?(s-400s?|drones?|missiles?|jets?|weapons|arms|air defen[cs]es?( systems?)?|missile defen[cs]e( systems?)?|batch|components)\b|\b(drone|arms|weapons) sales?\b/i,
  ],
  // Not "summoned the ambassador to protest the bombing", "in protest at": a diplomatic complaint, no demonstration;
  // not "a clear demonstration of partnership", which shows something.
  [
    'protest',
    /\b((?<!\b(?:to|in) )protest(s|ed|ers)?(?! (?:note|against the|at the)\b)|demonstrat(ion|ions|ors|ed)(?! of\b)|took to the streets|sit-ins?|rall(y|ies|ied))\b/i,
  ],
  ['summit', /\bsummit\b/i],
  [
    'offensive',
    /\b(offensive|(military|air|ground|aerial|bombing)( and (air|ground))? campaign|campaign of|incursion|launch(?:ed|es|ing)? (?:an? |the |its )?(?:[\w-]+ ){0,3}?(?:operation|assault|push)|(?:captured|seized|recaptured|retook|overran|took control of|took over|fell to|advance on|advanced on|advancing on)(?= (?:the )?(?:[A-Z]|town|city|village|area|province|region|key|strategic|highway)))\b/i,
  ],
  [
    'attack',
    /\b(air ?strikes?|air raids?|raids?|shell(ed|ing)|bomb(ed|ing|ardment)|attacks?|attacked|targeting|targeted|killed|warplanes|struck(?! (?:a|an|the) (?:[\w-]+ ){0,2}(?:tone|note|chord|balance|deal|agreement|bargain|compromise|pose)\b)|(shot|shoots?|shooting) ([\w-]+ ){0,3}?(down|dead)|shot and killed|shot (both|the|two|three|several|an?|his|its|their) ([\w-]+ )?(pilots?|crew|soldiers?|troops|civilians|ambassador|diplomats?|officers?|policem[ae]n|protesters|people)|downed|downing of|gunned down|opened fire|fired (on|at)|hit (?:back|(?:\d+|dozens of|hundreds of|several|some|an?|the|its|their)? ?(?:[\w-]+ ){0,2}(?:targets|positions|bases?|convoys?|camps?|posts?|vehicles))|counter-?fire|counter-?attacks?|retaliat(ed|ion|ory strikes?)|assassinat(ed|ion))\b/i,
  ],
  [
    'clash',
    /\b(clash(es|ed)?|fighting(?! (?:jets?|planes?|aircraft|vehicles?|forces?|units?|men)\b)|fought|battle|hostilities|skirmish(es)?|exchange of fire|flare-?ups?|flared up)\b/i,
  ],
  [
    'deployment',
    /\b(deployed|deployment|observation posts?|troops are|set up|intervention|joined .{0,20}conflict|to monitor|monitoring (mission|cent(re|er)|force)|to observe|open(ed|s)? (a|an|the|its|their) ([\w-]+ ){0,3}(cent(re|er)|base|post)s?|(joint|combined|land|ground|air) ([\w-]+ ){0,2}?patrol(s|ling)?|patrolling|(?:first|second|third|next|latest|[\w-]+th) patrol|patrols? (?:covered|took place|set off|began|started)|patrol(s|led|ling)? (the|a|its|along|on) |will patrol|peacekeep(ers|ing (force|forces|contingent|mission|troops))|withdr(?:ew|awn|awing|aw|aws) (?:(?:its|their|the|all|some) )?(?:[\w-]+ ){0,2}?(?:troops|forces|soldiers|military police|units|from)|pull(?:ed|ing|s)? (?:out|back)|dismantl(?:ed|ing|es)|(troops|forces|soldiers|units|convoys?) (have |had )?(moved|entered|crossed|poured|pushed) into|(sent|sends|sending) (\w+ ){0,6}?(troops|reinforcements|soldiers|forces|convoys)|reinforcements|reinforced (its |their )?(troops|forces|positions)|stationed)\b/i,
  ],
  [
    'agreement',
    // "Agreed to meet" is a planned meeting; "agreed to create a buffer zone" is an agreement.
    // "Agreed that the attack should not harm ties" is a view shared, not a deal; "signed a decree" is a decision.
    /\b(agree[ds]?(?! (?:to (?:meet|hold|have|talk|discuss|visit|speak|a meeting|further talks)|that)\b)|agreements?|deal|memorand(um|a)( of understanding)?|protocol|signed(?! (?:a|an|the|into) (?:[\w-]+ ){0,2}(?:decree|law|order|bill|letter|condolence book)s?\b)|joint statement|accord)\b/i,
  ],
  ['visit', /\b(visit(s|ed|ing)?|trip|travel(s|led)? to|arrive[sd]?)\b/i],
  [
    'meeting',
    // Not "to meet their basic needs", "meets the demands".
    // A ceremony of leaders ("inaugurated the pipeline") is where they meet: the taxonomy has no type of its own for it.
    /\b(met|meet(s|ing|ings)?(?! ([\w’'-]+ ){0,5}?(needs?|demands?|requirements?|expectations?|obligations?|conditions|targets?|criteria|deadlines?)\b)|talks|consultations|discuss(ed|es)?|held talks|host(?:ed|s|ing) (?=[A-Z]|his |her |their |the (?:leaders?|presidents?|ministers?|delegations?)\b)|negotiat(ed|ions?)|inaugurat(ed|es|ion)|(at|attended) an? [\w ]{0,20}ceremony)\b/i,
  ],
  [
    'statement',
    /\b(said|says|saying|stated|announced|told|warned|warns|warning that|noted|stressed|stressing|added|declared|pointed out|blasted|urged|explained|indicated|confirmed|vowed|threatened|issued an ultimatum|emphasi[sz]ed|underlined|underscored|critici[sz]ed|condemned|denounced|accused|accuses|blamed|blames|declined to (?:blame|comment|say|confirm)|wrote (?:to|in a letter|a letter|that)|rejected|denied|appealed|called on|demanded|express(?:ed|ing) (support|concern|hope|regret|condolences)|welcomed|praised|insisted|argued|claimed|reiterated|highlighted|acknowledged|tweeted|elaborated|outlined|briefed|called (it|(the|this|that) [\w’'-]+( [\w’'-]+){0,2}) (an?\b|["“])|summon(ed|s)|(?<!was |were |been )reported(?! (killed|dead|wounded|missing)))\b/i,
  ],
];

/** Weapons a contract may be for: "the contract worth $2.5 billion" after a sentence on S-400s is their purchase. */
const ARMS_WORDS =
  /\b(s-400s?|s-300s?|patriots?|f-35s?|f-16s?|drones?|missiles?|fighter jets?|warplanes|weapons|arms|air defen[cs]es?|missile defen[cs]es?|air defen[cs]e systems?)\b/i;

/** Words of weapons arriving, an arms deal's delivery when weapons are what the sentence (or the one before) is of. */
const DELIVERY_WORDS =
  /\b(?:deliver(?:y|ies|ed|ing)(?! (?:by|a|an|his|her|its|their|on|to)\b)|shipments?|cargo (?:planes?|aircraft|flights?)|consignments?|first batch|second batch)\b/i;
/** Words of a purchase: the weapons of the sentences before are being bought, not fought with. */
const PURCHASE_WORDS = /\b(?:s-400s?|purchas\w*|contracts?|bought|buy(?:ing|s)?|procur\w*|deliver(?:y|ies)|batch)\b/i;

/**
 * A contract for weapons is an arms deal, not an agreement: "the contract had been signed" in a sentence on the
 * S-400s, or the one after it.
 */
export function asArmsContract(triggers: Trigger[], sentence: string, previous: string): Trigger[] {
  const arms = ARMS_WORDS.test(sentence) || ARMS_WORDS.test(previous);
  // "Agreed to buy the S-400s": the agreement is the purchase.
  const deal = triggers.find((t) => t.type === 'arms_deal');
  if (deal)
    triggers = triggers.filter((t) => !(t.type === 'agreement' && t.index < deal.index && deal.index - t.index <= 30));
  // "Cargo planes began landing … deliveries had started", after a sentence on the S-400s: the weapons arrive.
  const arrival =
    !deal && arms && PURCHASE_WORDS.test(`${previous} ${sentence}`) ? DELIVERY_WORDS.exec(sentence) : null;
  if (arrival)
    triggers = [
      ...triggers,
      { type: 'arms_deal' as const, index: arrival.index, words: arrival[0], cameo: EVENT_TYPES.arms_deal.cameo },
    ];
  if (!/\bcontracts?\b/i.test(sentence) || !arms) return triggers;
  if (triggers.some((t) => t.type === 'arms_deal')) return triggers.filter((t) => t.type !== 'agreement');
  return triggers.map((t) =>
    t.type === 'agreement' ? { ...t, type: 'arms_deal' as const, cameo: EVENT_TYPES.arms_deal.cameo } : t,
  );
}

/** Words just before a trigger that say the happening did not (or not yet) take place: "any attack", "no deal". */
const NEGATED =
  /\b(any|no|without|whether|failed to produce|potential|possible|possibly|would|prevent(ing)?|avoid|wants?|wanted|call(s|ed)? for|demand(s|ed)?|about|against|regarding|concerning|propos(e|es|ed|ing|als?)|sought|seek(s|ing)?|push(es|ed|ing)? for|urg(e|es|ed|ing)|offer(s|ed|ing)?)\b(\s+\S+){0,3}\s*$/i;

/**
 * Whether the words before a trigger negate it. A negator's reach ends at a preposition that opens a phrase of its
 * own: "sanctions against Turkey over the shooting down of a jet" — the shooting is the cause, not what is opposed.
 */
function negated(before: string): boolean {
  const m = NEGATED.exec(before);
  if (!m) return false;
  return !/\b(?:over|after|following|since|because|amid|during)\b/i.test(before.slice(m.index + m[1]!.length));
}

/** A thing as the subject of "arrives": aircraft, shipments, parts, convoys, with no clause boundary between. */
const CARGO_BEFORE =
  /\b(?:aircraft|planes?|cargo|shipments?|batch(?:es)?|parts|components|deliver(?:y|ies)|convoys?|systems?|missiles?|ships?|vessels?|trucks?)\b[^,.;:]{0,60}$/i;

/** A news outlet just before a verb of saying: it reports, it does not speak. */
const REPORTER =
  /\b(?:Reuters|AFP|AP|Associated Press|Agence France-Presse|TASS|Tass|RIA Novosti|Interfax|Anadolu(?: Agency)?|Sputnik|Xinhua|Bloomberg|Haberturk|Habertürk|Hurriyet|Hürriyet|Milliyet|NTV|TRT|CNN T[uü]rk|Kommersant|Izvestia|(?:state|local|Russian|Turkish) media|(?:the )?news agency)\s+(?:has |have |had |also )?$/;

/** Views without a speaker: "Critics called it a betrayal", "some analysts say". */
const GENERIC_VOICE =
  /\b(?:[Cc]ritics|[Aa]nalysts|[Oo]bservers|[Ee]xperts|[Cc]ommentators|[Ss]ceptics|[Ss]keptics|[Oo]thers|[Mm]any|[Ss]ome)\s+(?:\w+\s+)?$/;
/** People counted: "4 million Russians", "thousands of tourists". */
const COUNTED_PEOPLE =
  /\b(?:\d[\d,.]*(?: million| thousand)?|millions|thousands|hundreds|dozens)(?: of)? (?:[\w-]+ ){0,2}$/i;

/** The lexicon compiled once for matchAll (which copies the regex, so sharing one is safe). */
const GLOBAL_LEXICON = LEXICON.map(([type, pattern]) => [type, new RegExp(pattern.source, 'gi')] as const);

/** Every trigger in the sentence that is not negated, one per type, most specific first. */
export function findTriggers(sentence: string): Trigger[] {
  const out: Trigger[] = [];
  for (const [type, global] of GLOBAL_LEXICON) {
    for (const m of sentence.matchAll(global)) {
      if (negated(sentence.slice(Math.max(0, m.index - 40), m.index))) continue;
      // "…, Reuters reported": the agency tells the news; it is no statement of an actor. Nor are "critics" or
      // "analysts" one: a view reported without a speaker.
      if (
        type === 'statement' &&
        (REPORTER.test(sentence.slice(Math.max(0, m.index - 40), m.index)) ||
          GENERIC_VOICE.test(sentence.slice(Math.max(0, m.index - 30), m.index)))
      )
        continue;
      // "More than 4 million Russians visited Turkey": tourists counted, no official visit.
      if (type === 'visit' && COUNTED_PEOPLE.test(sentence.slice(Math.max(0, m.index - 40), m.index))) continue;
      // "Eighth aircraft with S-400 parts arrives in Turkey": a thing that arrives is delivered, it pays no visit.
      if (
        type === 'visit' &&
        /^arrive/i.test(m[0]) &&
        CARGO_BEFORE.test(sentence.slice(Math.max(0, m.index - 80), m.index))
      )
        continue;
      out.push({ type, index: m.index, words: m[0], cameo: EVENT_TYPES[type].cameo });
      break;
    }
  }
  return out;
}

/** Types whose words name the happening itself wherever they stand ("during a phone call", "warns of a catastrophe"). */
const DOMINANT: EventType[] = ['call', 'humanitarian_warning', 'protest', 'summit'];

/**
 * The triggers in the order they are likely to name the sentence's main happening: a dominant type first, then
 * the others in text order (the main verb tends to come before the nouns of its object), a bare statement last.
 */
export function rankTriggers(triggers: Trigger[]): Trigger[] {
  const warned = triggers.some((t) => t.type === 'statement');
  const dominant = (t: Trigger) => DOMINANT.includes(t.type) && (t.type !== 'humanitarian_warning' || warned);
  const rank = (t: Trigger) => (dominant(t) ? 0 : t.type === 'statement' ? 2 : 1);
  return [...triggers].sort((a, b) => rank(a) - rank(b) || a.index - b.index);
}

/** The type a sentence reports (the most specific trigger that is not negated), or null when none matches. */
export function findTrigger(sentence: string): Trigger | null {
  return rankTriggers(findTriggers(sentence))[0] ?? null;
}

export interface ModalityCue {
  modality: Modality;
  cue: string | null;
}

/** The modality the sentence reports the happening with, and the words that say so. */
export function findModality(sentence: string): ModalityCue {
  const first = modalityCues(sentence)[0];
  return first ? { modality: first.modality, cue: first.cue } : { modality: 'occurred', cue: null };
}

/**
 * The modality of the happening named at `index`: the nearest cue before it ("Turkey has bought S-400s and is in
 * talks to possibly buy more": "possibly" is not the purchase's); a cue after it only for a noun that is the
 * subject of its clause ("the meeting, which is due to start"), within a few words; else it occurred.
 */
export function findModalityAt(sentence: string, index: number, isVerb: boolean): ModalityCue {
  const cues = modalityCues(sentence);
  const before = cues.filter((c) => c.index < index).at(-1);
  if (before) return { modality: before.modality, cue: before.cue };
  // A noun's own predicate may stand further on, past its modifiers ("a next meeting on the Syrian settlement in the
  // capital of Kazakhstan will be held"), when no comma or relative word opens another clause between.
  const after = cues.find(
    (c) =>
      c.index > index &&
      (c.index - index <= 40 ||
        (c.index - index <= 100 &&
          !isVerb &&
          !/[,;:()–—]|\b(?:that|which|who|and)\b/i.test(sentence.slice(index, c.index)))),
  );
  // Not across a verb of saying ("after talks in Moscow, said the truce will…": the cue is what was said), nor a
  // relative clause of what the happening may bring about ("agreements that could end the fighting").
  if (
    after &&
    !isVerb &&
    !/\b(?:said|says|told|added|announced|stated|noted|stressed)\b/i.test(sentence.slice(index, after.index)) &&
    !(
      /\b(?:that|which)\s+$/i.test(sentence.slice(index, after.index)) &&
      CONSEQUENCE.test(sentence.slice(after.index + after.cue.length))
    )
  )
    return { modality: after.modality, cue: after.cue };
  return { modality: 'occurred', cue: null };
}

/** Verbs of what a happening may lead to, after a modal: "could end the fighting", "will help stability". */
const CONSEQUENCE =
  /^\s+(?:\w+ly\s+)?(?:end|stop|halt|prevent|bring|lead to|help|ensure|allow|pave|open the way|undermine|threaten)\b/i;

/** The cues of modality, global for matchAll and compiled once. */
const HYPOTHETICAL = /\b(could|might|may|would (lead|have|be)|if there is|possibly|potential(ly)?|in case)\b/gi;
const PLANNED =
  /\b(will|would (meet|visit|hold|discuss|travel|go|host|sign|attend)|(?:is|are|was|were) to (?:meet|hold|visit|travel|sign|discuss|attend|host|begin|start|resume|launch|be held)|(?:hopes?|hoped|intends?|intended|expects?) to|(?:had been|was|were) (?:due|scheduled|expected) (?:to|in|at|for)|is expected to|are expected to|expected to be|plans? to|planned|is set to|are set to|is due to|due to (start|be|begin)|scheduled|upcoming|forthcoming|next (?:round|meeting|summit|session)|to launch|announced plans|(is|are) being prepared|preparations for)\b/gi;
const ONGOING = /\b(continues?|continuing|ongoing|since|have been|has been|are deployed|is working)\b/gi;

function modalityCues(sentence: string): { modality: Modality; cue: string; index: number }[] {
  const out: { modality: Modality; cue: string; index: number }[] = [];
  for (const [modality, pattern] of [
    ['planned', PLANNED],
    ['hypothetical', HYPOTHETICAL],
    ['ongoing', ONGOING],
  ] as const)
    for (const m of sentence.matchAll(pattern)) {
      // "On May 4" is the month, not the modal: a capital "May" past the sentence's start, or before a day.
      if (/^may$/i.test(m[0]) && ((m[0] === 'May' && m.index > 0) || /^\s+\d/.test(sentence.slice(m.index + 3))))
        continue;
      out.push({ modality, cue: m[0], index: m.index });
    }
  return out.sort((a, b) => a.index - b.index);
}
