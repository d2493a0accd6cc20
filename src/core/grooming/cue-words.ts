/**
 * Cue words of the short-chat model: broad word classes (a picture, the camera, a parent, being alone, an
 * audience, payment, …) that coercive short chats combine and ordinary ones combine differently. Single
 * words, not phrases, so that a new phrasing of the same request still shares its cues with the chats the
 * model was fitted on. English after the gloss (German, Dutch, French and Spanish are glossed first); a few
 * common foreign and slang forms that the gloss maps leave alone are listed directly.
 */
export const cueWords = {
  picture:
    'pic pics picture pictures photo photos selfie selfies image images snaps nude nudes pix piccy p1c pik foto fotos bild bilder bildje fotootje fotos photos imagen imagenes',
  recording:
    'video videos vid vids clip clips recording recordings recorded record screenshot screenshots screenshotted footage saved kept copy copies aufnahme aufnahmen aufgenommen opname opnames opgenomen enregistrement enregistre grabacion grabado filmpje film gefilmd',
  camera: 'cam camera webcam facetime videocall livestream stream live kamera camara',
  send: 'send sent show take upload snap stuur stuurt schick schicken schickst envoie envoyer manda mandame pasame enseñame',
  secret: 'secret secrets nobody anyone between private tell delete erase vanish disappearing hide geheim niemand niemandem verstecken loschen supprime secreto nadie borra',
  parent:
    'mom mum dad parents parent mother father mama papa ma pa mam mutter vater eltern ouders madre padre mere pere maman family familie famille familia',
  alone: 'alone home room door lock locked bedroom asleep sleep sleeping bed allein alleen seul seule solo sola kamer zimmer tur deur porte puerta',
  audience:
    'everyone everybody school class followers friends teachers teacher group groupchat contacts internet online facebook whole schule klasse klas iedereen ecole classe colegio todos',
  payment:
    'money cash card cards codes code paypal bitcoin crypto robux vbucks coins gems diamonds skins paysafe paysafecard pass geld bon euros dollars argent dinero',
  condition: 'or unless else otherwise sonst anders sinon sino',
  exposure: 'leak post expose ruin regret drop publish spread forward goes',
  platform: 'snapchat telegram discord whatsapp instagram kik signal app number facetime dm dms tiktok skype element session ghost',
  meet: 'meet meeting mall park station pick address visit treffen ontmoeten afspreken rencontrer quedar',
  age: 'old age grade years yo mature young kid child teen alt oud jaar ans anos edad',
  flattery: 'special cute beautiful pretty gorgeous hot perfect mature',
  understanding: 'understand understands get only nobody jealous strict trust',
  urgency: 'now tonight rn first quick hurry immediately sofort nu maintenant ahora',
  stream_reward: 'dare dares likes gift gifts gifter rose roses lion galaxy spin follower',
  clothing: 'hoodie shirt top clothes pajamas pjs bikini underwear angles',
  ordinary_thing:
    'homework dog puppy cat kitten cake food game match score trampoline remote test essay project answers recipe book bus party present birthday surprise training practice',
  laughter: 'lol haha lmao lmaooo xd hahaha jk rofl hihi mdr jaja',
} as const;

export type Cue = keyof typeof cueWords;
export const cues = Object.keys(cueWords) as Cue[];
