/** The live-stream guardian's part of the policy file: thresholds and context weights, with documented defaults. */
import { z } from 'zod';
import { signalCategories, type SignalCategory } from '../grooming/types.ts';
import { streamAskKinds, type StreamAskKind } from './stream-asks.ts';

const unit = z.number().min(0).max(1);

/** Documented defaults of `categoryFloors`. */
export const defaultCategoryFloors: Readonly<Record<SignalCategory, number>> = {
  age_probe: 0.15,
  age_disclosure: 0,
  personal_info: 0.2,
  supervision_check: 0.3,
  secrecy: 0.45,
  platform_move: 0.35,
  image_request: 0.55,
  body_compliment: 0.3,
  trust_building: 0.1,
  sexual_talk: 0.75,
  meeting: 0.7,
  gifts: 0.25,
  threat: 0.9,
  stream_pressure: 0.4,
  sextortion: 0.95,
  learned_phrase: 0,
};
const factor = z.number().min(0).max(10);

/** Documented defaults of `coordination.askWeights`: how much one ask of each kind adds to a pile. */
export const defaultAskWeights: Readonly<Record<StreamAskKind, number>> = {
  age: 0.6,
  school: 0.8,
  location: 1,
  name: 0.8,
  alone: 1,
  room: 1,
  door: 1,
  picture: 1,
  contact: 0.8,
  appearance: 0.6,
  secret: 1,
  meeting: 1,
  gifts: 0.6,
  pressure: 0.8,
  dare: 1,
};

export const guardianPolicySchema = z.strictObject({
  /** Risk levels (0..1) at which each intervention is asked for. */
  thresholds: z
    .strictObject({
      /** Viewer or stream risk at which the streamer gets a supportive nudge. */
      nudge: unit.default(0.35),
      /** Viewer risk at which that viewer's comments are held for review. */
      holdComments: unit.default(0.5),
      /** Viewer risk at which the viewer is removed and blocked (needs a serious signal category too). */
      removeViewer: unit.default(0.75),
      /** Stream risk at which the stream is restricted to connections. */
      restrictStream: unit.default(0.6),
      /** Stream risk at which the stream is paused. */
      pauseStream: unit.default(0.85),
      /** Viewers below this risk do not add to the stream's risk (many mild viewers are not one risky one). */
      viewerFloor: unit.default(0.3),
      /** Score of the optional frame classifier at which the stream is paused for review. */
      frameClassifier: unit.default(0.9),
    })
    .prefault({}),
  /**
   * Risk a single kind of signal carries on its own in a live stream (the detector scores whole conversations
   * and rises slowly; one stranger asking a child for a picture should already hold their comments). A
   * viewer's evidence risk combines the categories seen (1 - Π(1 - w)), where the k-th repeat of a category
   * weighs floor/2^(k-1) (up to four); the viewer's risk is the larger of that and the detector's, times the
   * context weights.
   */
  categoryFloors: z
    .strictObject(
      Object.fromEntries(signalCategories.map((c) => [c, unit.default(defaultCategoryFloors[c])])) as {
        [C in SignalCategory]: z.ZodDefault<z.ZodNumber>;
      },
    )
    .prefault({}),
  /**
   * Comments from a viewer before the detector's score counts in full (it scores whole conversations, and its
   * score on one or two short comments runs high); until then it is scaled by comments/detectorWarmup.
   */
  detectorWarmup: z.number().int().min(1).max(50).default(3),
  /** Categories that count as serious enough to remove a viewer from a child's stream. */
  removeCategories: z
    .array(z.enum(signalCategories))
    .default(['image_request', 'sexual_talk', 'meeting', 'threat', 'platform_move', 'secrecy', 'body_compliment']),
  /** Categories that signal imminent risk: the stream ends and the case is escalated. */
  imminentCategories: z.array(z.enum(signalCategories)).default(['threat']),
  /** How much a viewer's comments weigh given who they are to the streamer (multiplies detector risk). */
  context: z
    .strictObject({
      stranger: factor.default(1),
      follower: factor.default(0.9),
      friend: factor.default(0.5),
      /** Family, guardian or teacher: people the platform vouches for. */
      trusted: factor.default(0.25),
      /** A child or teen viewer on a child's stream: peers tease each other. */
      peer: factor.default(0.6),
      /** Accounts younger than `newAccountDays`. */
      newAccount: factor.default(1.2),
      newAccountDays: z.number().min(0).max(365).default(7),
      /** Added per earlier moderation flag, up to four flags. */
      perPriorFlag: factor.default(0.15),
      /** Weight of the whole stream's risk by the streamer's tier: adults are not the guardian's charge. */
      streamerUnknown: factor.default(0.8),
      streamerAdult: factor.default(0.3),
    })
    .prefault({}),
  /** Many strangers joining a child's stream in a short time restricts it to connections. */
  strangerFlood: z
    .strictObject({ count: z.number().int().min(1).default(8), windowSeconds: z.number().positive().default(120) })
    .prefault({}),
  /** Repeated gifts from non-connections to a child's stream disable gifts. */
  giftPressure: z
    .strictObject({ count: z.number().int().min(1).default(3), windowSeconds: z.number().positive().default(600) })
    .prefault({}),
  /** Distinct viewers reporting a stream: the stream goes to review at `review`, is restricted at `restrict`. */
  reports: z
    .strictObject({
      review: z.number().int().min(1).default(1),
      /** Risk each distinct reporter adds to the reported viewer (combined as 1 - Π(1 - w)). */
      perReporter: unit.default(0.3),
      restrict: z.number().int().min(1).default(3),
      /** Report reasons treated as imminent risk (end and escalate). */
      imminentReasons: z.array(z.string().min(1)).default(['imminent_danger', 'threat', 'self_harm', 'child_in_danger']),
    })
    .prefault({}),
  /**
   * Threat signals at or above this weight are imminent risk ("I will send your pictures to your school", "do it
   * or I post it", "I recorded you"); weaker threat phrases ("or else", "you have to show") count as pressure.
   */
  imminentMinWeight: unit.default(0.8),
  /**
   * Coordinated viewers on a young or unverified streamer's stream: several viewers with no connection to the
   * streamer, each asking one harmless-looking thing (age, school, where they live, are they alone, show the
   * room, lock the door, a dare for likes or gifts), add up to stream risk. Each distinct viewer contributes
   * `perViewer × min(1, context weight × ask weight)` (combined as 1 - Π(1 - c)) for `windowSeconds`; with at
   * least `minViewers` of them the pile counts. At the hold level every contributor's comments are held, and
   * those whose ask is in `removeAsks` are removed; at the stream levels the stream is restricted and paused.
   * Viewers the platform knows as minors count only with an ask in `removeAsks` (peers ask each other's age
   * and school all the time).
   */
  coordination: z
    .strictObject({
      windowSeconds: z.number().positive().default(600),
      minViewers: z.number().int().min(2).default(3),
      perViewer: unit.default(0.3),
      askWeights: z
        .strictObject(
          Object.fromEntries(streamAskKinds.map((k) => [k, unit.default(defaultAskWeights[k])])) as {
            [K in StreamAskKind]: z.ZodDefault<z.ZodNumber>;
          },
        )
        .prefault({}),
      removeAsks: z.array(z.enum(streamAskKinds)).default(['alone', 'room', 'door', 'picture', 'contact', 'secret', 'meeting', 'dare']),
      /** Risk one dare for likes or gifts carries on its own for the viewer who made it (before context weights). */
      dareFloor: unit.default(0.35),
    })
    .prefault({}),
  /** Memory bounds: viewers tracked per stream (low-risk viewers are forgotten first). */
  maxViewersPerStream: z.number().int().min(10).max(1_000_000).default(5000),
});
export type GuardianPolicy = z.infer<typeof guardianPolicySchema>;
