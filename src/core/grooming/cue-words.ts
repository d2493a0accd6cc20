/**
 * Cue words of the short-chat model: broad word classes (a picture, the camera, a parent, being alone, an
 * audience, payment, …) that coercive short chats combine and ordinary ones combine differently. Single
 * words, not phrases, so that a new phrasing of the same request still shares its cues with the chats the
 * model was fitted on. English after the gloss (German, Dutch, French and Spanish are glossed first); a few
 * common foreign and slang forms that the gloss maps leave alone are listed directly.
 */
export const cueWords = {
  picture:
    'pic pics picture pictures photo photos selfie selfies image images snaps nude nudes pix piccy piccies p1c pik foto fotos fotootje fotootjes fotoos bild bilder bildchen bildje kiekje plaatje plaatjes photo photos tof imagen imagenes fotito fotitos selfi',
  recording:
    'video videos vid vids clip clips recording recordings recorded record screenshot screenshots screenshotted screenrecord screenrecorded footage saved kept copy copies capture captured aufnahme aufnahmen aufgenommen gespeichert screenshots opname opnames opgenomen opgeslagen bewaard enregistrement enregistre enregistree capture captures grabacion grabado grabe guardado captura capturas filmpje filmpjes film gefilmd gefilmt filme',
  camera: 'cam camera webcam facetime videocall livestream stream live kamera camara cámara camera videochat videogesprek appel visio llamada',
  send: 'send sent show take upload snap stuur stuurt sturen opsturen laat zien schick schicken schickst zeig zeigen envoie envoyer envoi montre montrer manda mandame mándame pasame pásame enseñame enseña',
  secret:
    'secret secrets nobody anyone between private tell delete deleted erase vanish disappearing hide hidden geheim geheimnis niemand niemandem keinem verstecken loschen löschen lösch wis wissen verwijder verwijderen stiekem secreto nadie borra borrar borres supprime supprimer efface cache entre nous nuestro',
  parent:
    'mom mum dad parents parent mother father mama papa ma pa mam mutter vater eltern ouders moeder vader madre padre mere pere maman mami papi family familie famille familia mutti vati',
  alone:
    'alone home room door lock locked bedroom asleep sleep sleeping sleeps bed night allein alleine zuhause zimmer tur tür abschliessen alleen thuis kamer deur slot slapen seul seule maison chambre porte dors solo sola casa cuarto habitacion puerta duermen',
  audience:
    'everyone everybody school class followers friends teachers teacher group groupchat contacts internet online facebook whole schule klasse klassenchat lehrer freunde alle iedereen klas leraar vrienden volgers ecole classe profs prof amis tout tous colegio clase profe amigos todos seguidores',
  payment:
    'money cash card cards codes code paypal bitcoin crypto robux vbucks coins gems diamonds skins paysafe paysafecard pass giftcard giftcards geld gutschein bon tegoed euros dollars argent carte cartes dinero tarjeta pavos',
  condition: 'or unless else otherwise sonst anders sinon sino si',
  exposure: 'leak post expose ruin regret drop publish spread forward goes everywhere verbreiten verschicken posten veröffentlichen verspreiden delen doorsturen publier partager balancer publicar compartir subir',
  platform:
    'snapchat telegram discord whatsapp instagram insta kik signal app number facetime dm dms tiktok skype element session ghost nummer handynummer numero numéro teléfono',
  meet: 'meet meeting mall park station pick address visit treffen treff ontmoeten afspreken rencontrer retrouver quedar quedamos vernos',
  age: 'old age grade years yo mature young kid child teen alt jahre klasse oud jaar groep ans age âge años edad',
  flattery: 'special cute beautiful pretty gorgeous hot perfect mature hübsch süß mooi lief knap belle jolie mignonne guapa linda preciosa',
  understanding: 'understand understands get only nobody jealous strict trust verstehe versteht begrijp begrijpt comprend comprends entiende entiendo',
  urgency: 'now tonight rn first quick hurry immediately sofort jetzt heute nu vanavond meteen maintenant ce soir ahora esta noche ya',
  stream_reward: 'dare dares likes gift gifts gifter rose roses lion galaxy spin follower mutprobe pflicht durf uitdaging defi défi reto',
  clothing: 'hoodie shirt top clothes pajamas pjs bikini underwear angles towel swimsuit kleidung pyjama badeanzug handtuch kleren badpak handdoek vetements maillot serviette ropa bañador toalla',
  ordinary_thing:
    'homework dog puppy cat kitten cake food game match score trampoline remote test essay project answers recipe book bus party present birthday surprise training practice hausaufgaben hund katze kuchen geburtstag huiswerk hond kat taart verjaardag devoirs chien chat gateau anniversaire deberes perro gato pastel cumpleaños',
  laughter: 'lol haha lmao lmaooo xd hahaha jk rofl hihi mdr jaja jajaja xD',
} as const;

export type Cue = keyof typeof cueWords;
export const cues = Object.keys(cueWords) as Cue[];
