/**
 * Coordinated strangers, read at conversation level: several new people on a stream each ask one thing that
 * looks harmless alone (age, school, town, whether adults are home, the room or the camera, another app, a
 * dare). Each viewer's risk stays low — one short ask — so the per-author rules miss them; added up over the
 * viewers they are the pattern of a pile-on aimed at a child. The look-alikes are fans asking an adult
 * streamer her city or age (the streamer said she is an adult), and classmates asking each other's school
 * (platform-known minors asking, or people who talk at length rather than drop one ask).
 */
import type { AuthorTier, SignalCategory } from './types.ts';

/** One author as the conversation-level reading needs them. */
export interface StrangerAsker {
  author: string;
  /** Strongest ask of the author (a signal of askCategories, flag-rules.ts), 0 for none. */
  askWeight: number;
  /** The category of that ask. */
  askCategory: SignalCategory | undefined;
  /** Messages the author wrote. */
  messages: number;
  /** Own tier: platform-given (`known`) or as stated in the chat. */
  tier: AuthorTier;
  tierKnown: boolean;
}

/** Weakest ask that counts (a city, a state: 0.35) and what the askers must add up to. */
export const STRANGER_ASK_MIN = 0.3;
export const STRANGERS_MIN = 3;
export const STRANGERS_SUM = 1.5;
/** A drive-by viewer drops a comment or two; someone who talks at length is part of the conversation. */
export const STRANGER_MAX_MESSAGES = 2;
/** Risk of the rule `coordinated_strangers` (as `coordinated_asks`). */
export const COORDINATED_STRANGERS_RISK = 0.75;

const isMinor = (t: AuthorTier) => t === 'child' || t === 'teen';

/**
 * The askers that together make the pattern, earliest first, or null: at least three drive-by authors whose
 * asks weigh 1.5 together and are of at least two kinds, while nobody they ask is a stated or known adult.
 * `counterpart` is the tier of a side that is not in `authors` (a streamer when only comments are fed).
 */
export function coordinatedStrangers(authors: Iterable<StrangerAsker>, counterpart?: AuthorTier): StrangerAsker[] | null {
  if (counterpart === 'adult') return null;
  const askers: StrangerAsker[] = [];
  let sum = 0;
  let firstCategory: SignalCategory | undefined;
  let kinds = 0;
  for (const a of authors) {
    const asks = a.askWeight >= STRANGER_ASK_MIN && a.messages <= STRANGER_MAX_MESSAGES && !(a.tierKnown && isMinor(a.tier));
    if (asks) {
      askers.push(a);
      sum += a.askWeight;
      if (firstCategory === undefined) {
        firstCategory = a.askCategory;
        kinds = 1;
      } else if (kinds === 1 && a.askCategory !== firstCategory) kinds = 2;
    } else if (a.tier === 'adult') return null; // asked of an adult: fans and a grown-up streamer
  }
  return askers.length >= STRANGERS_MIN && kinds >= 2 && sum >= STRANGERS_SUM ? askers : null;
}

/** The rule's description, naming each viewer and what they asked. */
export function describeStrangers(askers: readonly StrangerAsker[]): string {
  const list = askers.map((a) => `${a.author} (${(a.askCategory ?? 'ask').replace(/_/g, ' ')})`).join(', ');
  return `${askers.length} people who each wrote once or twice asked one thing that looks harmless alone, together the pattern of strangers piling onto a young person: ${list}`;
}
