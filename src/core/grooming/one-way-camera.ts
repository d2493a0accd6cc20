/**
 * One way only: "my cam is broken, but u turn urs on", "mi cámara no va pero enciende la tuya", "kann keine fotos
 * schicken, aber schick du mir eins". A fake peer keeps their own face hidden with an excuse and asks for the other's.
 * Either half alone is ordinary (a pupil telling the teacher their camera is broken; friends swapping selfies);
 * together, from one author, they are a request for pictures with the asker's face kept out of sight.
 */
import type { NormalisedText } from './normalise.ts';
import { someWordIn, WordTable } from './word-ids.ts';

const words = (parts: readonly string[]) => new RegExp(String.raw`(?<= )(?:${parts.join('|')})(?= )`);

/** The author's own camera or pictures are off, broken or not allowed. */
const OWN_HIDDEN = words([
  String.raw`my (cam|camera|webcam|front camera|phone camera)( is| s)? (still )?(broken|busted|not working|doesnt work|dont work|wont work|off)`,
  String.raw`(cams|cameras|mines) (broken|busted|off)|still broken`,
  String.raw`(i )?(cant|cannot|dont|wont) (send|show|do) (my )?(face|face pics|pics|pictures|photos|selfies|cam|camera|video)`,
  String.raw`(meine|mein|die) (cam|kamera|webcam|handykamera)( ist| is)? (kaputt|aus|geht nicht|funktioniert nicht)|cam (is|ist) kaputt`,
  String.raw`(mach|lass) (aber )?(die |meine )?(cam|kamera) aus|kann (grad |gerade )?(keine|kein) (bilder|fotos|selfies|foto|bild) (schicken|senden)`,
  String.raw`(mijn|mn) (cam|camera|webcam)( is| doet( het| t)?)? (kapot|stuk|niet|uit)|(ik )?(kan|mag) (nu )?geen (fotos|foto|selfies|selfie) (sturen|versturen)|laat de mijne uit`,
  String.raw`ma (cam|camera|webcam) (marche|fonctionne) (pas|plus)|ma (cam|camera) est (cassee|en panne)|(je )?(peux|peut) pas (envoyer|montrer) (de |des )?(photos|photo|selfies|mon visage)`,
  String.raw`mi (cam|camara|webcam) (no va|no funciona|esta rota|se rompio|no anda)|(la )?(cam|camara) rota|no (puedo|me dejan) (mandar|enviar|poner) (fotos|foto|selfies)`,
]);

/** A word every phrase of OWN_HIDDEN holds: a message with none is passed over without the long pattern. */
const OWN_HIDDEN_WORDS = new Set('cam camera webcam cams cameras mines broken face pics pictures photos photo selfies selfie video kamera handykamera bilder bild fotos foto mijne visage camara'.split(' '));
const OWN_HIDDEN_WORDS_BY_ID = new WordTable((w: string) => OWN_HIDDEN_WORDS.has(w));

/** The other's camera or pictures asked for: "turn yours on", "u first", "only urs", "send me ones of u". */
const THEIRS_ASKED = words([
  String.raw`(turn|put|switch) (yours|urs|your cam|ur cam|your camera|ur camera) on|(you|u) turn (yours|urs|your cam|ur cam|your camera|ur camera|it) on`,
  String.raw`only (yours|urs)|(you|u) (go |send )?first|ill (just )?(listen|watch)|(you|u) (can |could |should )?send (me )?(ones|one|pics|a pic|a selfie|a photo) of (you|u)`,
  String.raw`mach du (ruhig |doch |mal )?(an|deine)|deine (ja |doch |mal |ruhig )?(cam |kamera )?(an|anmachen|anschalten)|du (zuerst|erst)|schick du`,
  String.raw`(zet|doe) (jij|jouw|je) (de jouwe |jouw cam |je cam |je camera |jouw camera )?aan|de jouwe (aan|aanzetten|aandoen)|(kan|wil|mag) jij (je cam|je camera|jouw cam|jouw camera) (aanzetten|aandoen)|jij (eerst|als eerste)|alleen (de jouwe|jij)|stuur jij`,
  String.raw`(allume|mets|active|allumer|mettre|activer) (la tienne|ta cam|ta camera)|toi d abord|toi dabord|toi en premier`,
  String.raw`(enciende|pon|activa|encender|poner|activar|prende|prender) (la tuya|tu cam|tu camara)|tu primero|solo la tuya|(mandame|enviame|pasame) una tuya`,
]);

/** Whether the message keeps the author's own camera or pictures out of sight. */
export const hidesOwnCamera = (nt: NormalisedText): boolean => someWordIn(OWN_HIDDEN_WORDS_BY_ID, nt.words, nt.ids) && OWN_HIDDEN.test(nt.text);

/** Where the message asks for the other's camera or pictures instead: the first and last word, or undefined. */
export function asksTheirsInstead(nt: NormalisedText): { first: number; last: number } | undefined {
  const m = THEIRS_ASKED.exec(nt.text);
  if (!m) return undefined;
  const first = nt.wordStarts.findIndex((s) => s >= m.index);
  let last = first;
  while (last + 1 < nt.words.length && nt.wordStarts[last + 1]! < m.index + m[0].length) last++;
  return first < 0 ? undefined : { first, last };
}
