/** Spanish signal lexicon (see en.ts). Accents are folded: "años" is written "anos". */
import type { LexiconData } from '../lexicon.ts';

export const es: LexiconData = {
  language: 'es',
  abbreviations: { q: 'que', xq: 'porque', tb: 'tambien', tmb: 'tambien', xfa: 'por favor', tqm: 'te quiero mucho', ntp: 'no te preocupes', dnd: 'donde' },
  numberWords: {
    cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, doce: 12, trece: 13, catorce: 14, quince: 15,
    dieciseis: 16, diecisiete: 17, dieciocho: 18, diecinueve: 19, veinte: 20,
  },
  macros: {
    PADRES: 'padres|madre|mama|padre|papa|hermano|hermana|familia',
    PLATFORM: 'snapchat|whatsapp|telegram|discord|instagram|kik|signal|skype|tiktok|facetime|numero|telefono|insta|snap|wsp|wasap',
    FOTO: 'foto|fotos|pic|pics|selfie|selfies|video|videos|fotito',
  },
  patterns: {
    age_probe: [[0.75, 'cuantos anos tienes', 'que edad tienes', 'cuantos anos', 'tu edad'], [0.6, '@minor en que (curso|grado) (estas|vas)', '@minor en que (curso|grado)']],
    age_disclosure: [[0.7, 'tengo # (anos)?', '# anos', 'cumplo #', 'voy a cumplir #', 'solo tengo #']],
    personal_info: [[0.6, 'donde vives', 'tu direccion', 'a que (escuela|colegio|instituto) vas', 'que (escuela|colegio|instituto)', 'tu (numero|telefono|cel)', 'tu nombre real'], [0.35, 'de donde eres', 'que ciudad']],
    supervision_check: [[0.85, 'tus ({PADRES}) estan (en casa)?', 'esta tu ({PADRES}) (en casa)?', 'estas (sol|sola)', 'estas solo', '(sol|sola) en casa', 'hay alguien (contigo|en casa)', 'cuando (vuelven|vuelve) (tu|tus) ({PADRES})', 'tus ({PADRES}) (revisan|miran|leen) tu (celular|movil|telefono|mensajes)', 'cierra (la|tu) puerta', 'estas en tu (cuarto|habitacion)']],
    secrecy: [[0.9, 'no le digas a nadie', 'no se lo digas a (nadie|tus padres|tu mama|tu papa)', 'nuestro (pequeno )?secreto', 'nadie tiene que (saber|saberlo)', 'borra (el chat|los mensajes|todo|la conversacion)', '(tus )?padres no lo entenderian'], [0.5, 'entre nosotros', 'secreto']],
    platform_move: [[0.65, 'tienes {PLATFORM}', 'agregame (en|a) {PLATFORM}', 'hablemos (por|en) {PLATFORM}', 'pasame tu {PLATFORM}', 'dame tu {PLATFORM}'], [0.6, 'por privado', 'en privado', 'al privado']],
    image_request: [[0.8, '(mandame|enviame|pasame) (una |unas )?({FOTO}) (tuya|tuyas|de ti)?', 'ensename', 'muestrame', 'prende (tu|la) (camara|cam)', 'videollamada', 'que llevas puesto', 'tienes (camara|cam)']],
    body_compliment: [[0.85, '@minor (muy |tan )?(maduro|madura) para tu edad', '@minor no eres como (las otras chicas|los otros chicos)'], [0.6, 'eres (muy |tan )?(guapa|guapo|linda|lindo|hermosa|sexy|bonita|preciosa)', 'que (guapa|linda|hermosa|sexy)', 'tu cuerpo']],
    trust_building: [[0.85, 'la edad es solo un numero', 'nadie te entiende como yo', '(tus )?padres no te entienden'], [0.6, 'puedes confiar en mi', 'confia en mi', 'eres especial'], [0.4, 'te quiero', 'te amo', 'te extrano']],
    sexual_talk: [[0.8, 'eres virgen', 'has tenido sexo', 'alguna vez has (tenido sexo|besado)'], [0.5, 'sexo', 'desnuda', 'desnudo', 'excitada', 'excitado']],
    meeting: [[0.75, 'paso a (buscarte|recogerte)', 'te recojo', 'ven a mi casa', 'dile a tus padres que (estas|vas|duermes) (en|a) casa de una amiga', 'escapate'], [0.6, 'quedamos', 'podemos vernos', 'cuando nos vemos', 'nos vemos (en persona|a solas)'], [0.35, 'nos vemos']],
    gifts: [[0.75, 'te compro', 'te regalo', 'te doy (dinero|robux|pavos|vbucks)', 'quieres (robux|pavos|vbucks|dinero)', '(robux|pavos|vbucks) gratis', 'te pago']],
    threat: [[0.95, 'voy a (mandar|enviar|publicar|ensenar) tus ({FOTO}) ~2 (a )?(todos|tus padres|tu escuela|tus amigos)?', 'las publico', 'todos van a ver', 'se donde vives'], [0.8, 'si no (mandas|pagas|envias)']],
    stream_pressure: [[0.8, 'por # (likes|seguidores|monedas)', 've al bano', 'quitate (la |el |los |tu )?(camiseta|playera|calcetines|sueter|ropa|pantalon)', 'quitatelo', '(ensename|muestrame|ensena|muestra) (tus )?(pies|piernas|barriga)', 'baja la camara'], [0.7, 'te reto'], [0.5, 'date la vuelta', 'levantate']],
  },
};
