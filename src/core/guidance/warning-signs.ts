/**
 * The signs of grooming and coercion in plain words, one per signal category of the grooming detector. Keyed
 * by the detector's own category list, so a category added there fails the type check until it is explained
 * here: the guidance pages can never drift from what the detector looks for.
 */
import { signalCategories, type SignalCategory } from '../grooming/types.ts';

export interface WarningSign {
  /** A short heading a parent or teacher understands. */
  title: string;
  /** What it looks like, soberly, without examples of abuse. */
  plain: string;
}

/** The detector's categories a person can recognise: all but `learned_phrase` (the model's own phrases). */
export type WarningSignCategory = Exclude<SignalCategory, 'learned_phrase'>;

/** The categories explained on the guidance pages, in the detector's order. */
export const warningSignCategories = signalCategories.filter((c): c is WarningSignCategory => c !== 'learned_phrase');

export const warningSigns: Readonly<Record<WarningSignCategory, WarningSign>> = {
  age_probe: { title: 'Asking how old they are', plain: 'Someone asks the child’s age early on, or keeps checking it.' },
  age_disclosure: { title: 'Carrying on after learning their age', plain: 'The child has said how young they are, and an adult keeps the conversation going as if that did not matter.' },
  personal_info: { title: 'Asking for personal details', plain: 'Questions about which school they go to, where they live, their phone number, or where they will be and when.' },
  supervision_check: { title: 'Checking whether anyone is watching', plain: 'Asking whether parents are home, whether anyone checks the child’s phone, or whether they are alone.' },
  secrecy: { title: 'Asking for secrets', plain: 'Asking the child to keep the conversation or the relationship to themselves, or to delete messages.' },
  platform_move: { title: 'Moving to another app', plain: 'Pushing to continue the chat somewhere else, often an app with private or disappearing messages.' },
  image_request: { title: 'Asking for pictures or the camera', plain: 'Asking for photos or videos, or asking the child to turn their camera on.' },
  body_compliment: { title: 'Comments on their body or maturity', plain: 'Remarks about how the child looks, or saying they seem “mature for their age”.' },
  trust_building: { title: 'Becoming their only friend', plain: 'A flood of attention and understanding that sets the person against family and friends: “only I really get you”.' },
  sexual_talk: { title: 'Steering talk towards sex', plain: 'Turning the conversation to relationships or sex, or saying things that make the child uncomfortable.' },
  meeting: { title: 'Suggesting a meeting', plain: 'Proposing to meet in person, or offering to collect the child or pay for travel.' },
  gifts: { title: 'Gifts and money', plain: 'Offering gifts, money, game credits or live-stream gifts, so the child feels they owe something back.' },
  threat: { title: 'Threats', plain: 'Threatening to hurt the child or people they love, or to get them into trouble, unless they do what is asked.' },
  sextortion: { title: 'Blackmail with pictures (sextortion)', plain: 'Saying they have recorded the child or have their pictures, and threatening to send them to their school, family or followers unless the child sends more, pays or does what is asked. It is a crime, and it is never the child’s fault.' },
  stream_pressure: { title: 'Pressure on a live stream', plain: 'Viewers asking a child who is streaming to do dares, change clothes or go somewhere private, often in return for gifts.' },
};
