/**
 * The shared, lazily built detector parts: the compiled lexicons and the loaded model. Built once per
 * process on first use (compiling the lexicons takes a fraction of a second).
 */
import { compileLexicons, type LexiconMatcher } from './lexicon.ts';
import { lexicons } from './lexicons/index.ts';
import { loadModel, type LoadedModel } from './learned-model.ts';
import { groomingModel } from './model/grooming-model.ts';
import { shortChatModel } from './model/short-chat-model.ts';
import { CueIndex, type ShortChatModel } from './short-chat-model.ts';

let matcher: LexiconMatcher | undefined;
let model: LoadedModel | undefined;

/** The compiled lexicons of every shipped language. */
export function defaultMatcher(): LexiconMatcher {
  matcher ??= compileLexicons(lexicons);
  return matcher;
}

/** The committed learned model. */
export function defaultModel(): LoadedModel {
  model ??= loadModel(groomingModel);
  return model;
}

let shortModel: ShortChatModel | undefined;
let cueIndex: CueIndex | undefined;

/** The committed short-chat model (model/short-chat-model.ts). */
export function defaultShortChatModel(): ShortChatModel {
  shortModel ??= shortChatModel;
  return shortModel;
}

/** Cue words over the shipped normaliser. */
export function defaultCueIndex(): CueIndex {
  if (!cueIndex) {
    const n = defaultMatcher().normaliser;
    cueIndex = new CueIndex((t) => n.normalise(t).words);
  }
  return cueIndex;
}
