/**
 * Short-chat rules: combinations of signal categories that are enough to flag a conversation on their own,
 * even in two messages with no age known (a threat; secrecy with a picture request; a supervision check with
 * a move to another app; an age question with a camera request; an offer of currency for pictures). Each
 * rule reads one author's category evidence after context (a peer's or a parent's words weigh less, see
 * lexicon-score.ts), so a rule is explainable: its id, its description and the signals of its categories.
 */
import type { AuthorContext, Strengths } from './lexicon-score.ts';
import { signalCategories, type SignalCategory } from './types.ts';

const idx = Object.fromEntries(signalCategories.map((c, i) => [c, i])) as Record<SignalCategory, number>;

export interface FlagRule {
  id: string;
  description: string;
  /** Risk the rule gives the author when it fires. */
  risk: number;
  /**
   * Strong rules flag whatever the length of the conversation. The others are for short chats: once there is
   * enough text for the learned model to speak (see ConversationState), they need its agreement.
   */
  strong: boolean;
  /** The categories that fired it, or null. */
  test(s: (c: SignalCategory) => number, ctx: AuthorContext): SignalCategory[] | null;
}

/** The strongest of `cats` at or above `min`, or undefined. */
function strongest(s: (c: SignalCategory) => number, cats: readonly SignalCategory[], min: number): SignalCategory | undefined {
  let best: SignalCategory | undefined;
  for (const c of cats) if (s(c) >= min && (best === undefined || s(c) > s(best))) best = c;
  return best;
}

const contact: SignalCategory[] = ['image_request', 'platform_move', 'meeting'];

/**
 * What strangers each ask of one person when they pile up (age, school, where they live, whether adults are
 * around, a picture or the camera, a dare, another app, a meeting): the categories of `coordinated_asks`, and
 * what makes an author one of the askers (conversation-state.ts).
 */
export const askCategories: readonly SignalCategory[] = ['age_probe', 'personal_info', 'supervision_check', 'image_request', 'stream_pressure', 'platform_move', 'meeting'];

/** The rule registry, strongest first. */
export const flagRules: readonly FlagRule[] = [
  {
    id: 'sextortion',
    description: 'threatens to share pictures or recordings, or demands payment or more pictures under threat',
    risk: 0.95,
    strong: true,
    test: (s) => (s('sextortion') >= 0.8 ? ['sextortion'] : null),
  },
  {
    id: 'explicit_threat',
    description: 'an explicit threat against the person (where they live, what will happen to them)',
    risk: 0.85,
    strong: true,
    test: (s) => (s('threat') >= 0.9 ? ['threat'] : null),
  },
  {
    id: 'secrecy_and_image',
    description: 'asks to keep it secret and asks for pictures or the camera',
    risk: 0.8,
    strong: false,
    test: (s) => (s('secrecy') >= 0.5 && s('image_request') >= 0.5 ? ['secrecy', 'image_request'] : null),
  },
  {
    id: 'secrecy_and_contact',
    description: 'asks to keep it secret and to meet or move to another app',
    risk: 0.8,
    strong: false,
    test: (s) => {
      const c = s('secrecy') >= 0.75 ? strongest(s, ['meeting', 'platform_move'], 0.5) : undefined;
      return c ? ['secrecy', c] : null;
    },
  },
  {
    id: 'supervision_and_contact',
    description: 'checks whether adults are around and asks for secrecy, pictures, a meeting or a move to another app',
    risk: 0.8,
    strong: false,
    test: (s) => {
      if (s('supervision_check') < 0.7) return null;
      const c = strongest(s, ['image_request', 'platform_move', 'secrecy'], 0.5) ?? strongest(s, ['meeting'], 0.7);
      return c ? ['supervision_check', c] : null;
    },
  },
  {
    id: 'confessed_age',
    description: 'owns up to being an adult after giving a child\'s age ("i lied, im not 15 im 24") and talks on',
    risk: 0.8,
    // A lie about age owned up to is not an ordinary chat's; the short-chat model has too few such chats to gate it.
    strong: true,
    test: (s, ctx) => (ctx.confessedAge && s('age_disclosure') > 0 ? ['age_disclosure'] : null),
  },
  {
    id: 'one_way_camera',
    description: 'keeps their own camera or pictures off with an excuse and asks for the other\'s ("my cam is broken, turn urs on")',
    risk: 0.75,
    strong: true,
    test: (s, ctx) => (ctx.oneWayCamera && s('image_request') > 0 ? ['image_request'] : null),
  },
  {
    id: 'everyone_does_it',
    description: 'asks for pictures, the camera or a dare and says everyone of their kind does it ("all the girls in my grade do it")',
    risk: 0.75,
    strong: true,
    test: (s, ctx) => {
      const c = ctx.everyoneDoesIt ? strongest(s, ['image_request', 'stream_pressure'], Number.MIN_VALUE) : undefined;
      return c ? [c] : null;
    },
  },
  {
    id: 'minor_and_image',
    description: 'asks the age or school year, or knows the other is a minor, and asks for pictures or the camera',
    risk: 0.75,
    strong: false,
    test: (s, ctx) => {
      if (s('image_request') < 0.7) return null;
      // An age asked and answered with an adult's ("32 last month") is no minor's.
      if (s('age_probe') >= 0.5 && !ctx.othersAdult) return ['age_probe', 'image_request'];
      return ctx.minorCounterpart !== 'none' ? ['image_request'] : null;
    },
  },
  {
    id: 'presumed_minor_and_contact',
    description: '"mature for your age", "age is just a number", with a request for pictures, a meeting or another app',
    risk: 0.8,
    strong: false,
    test: (s) => {
      const p = strongest(s, ['body_compliment', 'trust_building'], 0.85);
      const c = p ? strongest(s, [...contact, 'secrecy'], 0.5) : undefined;
      return p && c ? [p, c] : null;
    },
  },
  {
    id: 'offer_for_images',
    description: 'offers money, game currency, gifts or modelling work together with a request for pictures or the camera',
    risk: 0.8,
    strong: false,
    test: (s) => (s('gifts') >= 0.5 && s('image_request') >= 0.5 ? ['gifts', 'image_request'] : null),
  },
  {
    id: 'secret_offer',
    description: 'offers money, game currency, gifts or modelling work and asks to keep it secret',
    risk: 0.8,
    strong: false,
    test: (s) => (s('gifts') >= 0.6 && s('secrecy') >= 0.75 ? ['gifts', 'secrecy'] : null),
  },
  {
    id: 'gift_for_dare',
    description: 'offers gifts, likes or followers on a stream and pushes a dare (undressing, the bed, the camera closer)',
    risk: 0.8,
    strong: false,
    test: (s) => (s('gifts') >= 0.5 && s('stream_pressure') >= 0.7 ? ['gifts', 'stream_pressure'] : null),
  },
  {
    id: 'coordinated_asks',
    description: 'one of three or more people in the chat who each ask something that looks harmless alone (age, school, where they live, whether adults are around, the room or camera, a dare)',
    risk: 0.75,
    strong: false,
    test: (s, ctx) => {
      const c = ctx.coordinated ? strongest(s, askCategories, 0.5) : undefined;
      return c ? [c] : null;
    },
  },
  {
    id: 'sexual_talk_with_minor',
    description: 'sexual talk with someone known or presumed to be a minor',
    risk: 0.85,
    strong: true,
    test: (s, ctx) => (ctx.minorCounterpart !== 'none' && s('sexual_talk') >= 0.75 ? ['sexual_talk'] : null),
  },
];

/** The strengths being tested by fireRules (rules test synchronously): one reader, not a closure per call. */
let testing: Strengths = new Float64Array(0);
const strengthOf = (c: SignalCategory): number => testing[idx[c]]!;

/** Rules that fire on one author's contextual evidence. */
export function fireRules(strengths: Strengths, ctx: AuthorContext): { rule: FlagRule; categories: SignalCategory[] }[] {
  testing = strengths;
  const out: { rule: FlagRule; categories: SignalCategory[] }[] = [];
  for (const rule of flagRules) {
    const categories = rule.test(strengthOf, ctx);
    if (categories) out.push({ rule, categories });
  }
  return out;
}
