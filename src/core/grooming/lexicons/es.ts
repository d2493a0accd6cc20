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
    supervision_check: [[0.85, 'estan tus ({PADRES}) en casa', 'estas (sola|solo) en casa', 'tus ({PADRES}) estan (en casa)?', 'esta tu ({PADRES}) (en casa)?', 'estas (sol|sola)', 'estas solo', '(sol|sola) en casa', 'hay alguien (contigo|en casa)', 'cuando (vuelven|vuelve) (tu|tus) ({PADRES})', 'tus ({PADRES}) (revisan|miran|leen) tu (celular|movil|telefono|mensajes)', 'cierra (la|tu) puerta', 'estas en tu (cuarto|habitacion)']],
    secrecy: [[0.9, 'es nuestro secreto', 'no le digas a tu (madre|padre|mama|papa)', 'no se lo digas a nadie', 'no le digas a nadie', 'no se lo digas a (nadie|tus padres|tu mama|tu papa)', 'nuestro (pequeno )?secreto', 'nadie tiene que (saber|saberlo)', 'borra (el chat|los mensajes|todo|la conversacion)', '(tus )?padres no lo entenderian'], [0.5, 'entre nosotros', 'secreto']],
    platform_move: [[0.65, 'agregame en {PLATFORM}', 'tienes {PLATFORM}', 'agregame (en|a) {PLATFORM}', 'hablemos (por|en) {PLATFORM}', 'pasame tu {PLATFORM}', 'dame tu {PLATFORM}'], [0.6, 'por privado', 'en privado', 'al privado']],
    image_request: [[0.8, '(manda|envia|pasa) (una |unas |solo una )?({FOTO})', '(enciende|prende|pon) (tu|la) (camara|cam|webcam)', 'ensename tu (cuarto|habitacion)', 'fotos de prueba', 'en (banador|bikini|pijama|ropa interior)', '(mandame|enviame|pasame) (una |unas )?({FOTO}) (tuya|tuyas|de ti)?', 'ensename', 'muestrame', 'prende (tu|la) (camara|cam)', 'videollamada', 'que llevas puesto', 'tienes (camara|cam)']],
    body_compliment: [[0.85, '@minor (muy |tan )?(maduro|madura) para tu edad', '@minor no eres como (las otras chicas|los otros chicos)'], [0.6, 'eres (muy |tan )?(guapa|guapo|linda|lindo|hermosa|sexy|bonita|preciosa)', 'que (guapa|linda|hermosa|sexy)', 'tu cuerpo']],
    trust_building: [[0.85, 'la edad es solo un numero', 'nadie te entiende como yo', '(tus )?padres no te entienden'], [0.6, 'puedes confiar en mi', 'confia en mi', 'eres especial'], [0.4, 'te quiero', 'te amo', 'te extrano']],
    sexual_talk: [[0.8, 'eres virgen', 'has tenido sexo', 'alguna vez has (tenido sexo|besado)'], [0.5, 'sexo', 'desnuda', 'desnudo', 'excitada', 'excitado']],
    meeting: [[0.75, 'puedo ir a (buscarte|recogerte)', 'voy a buscarte'], [0.75, 'paso a (buscarte|recogerte)', 'te recojo', 'ven a mi casa', 'dile a tus padres que (estas|vas|duermes) (en|a) casa de una amiga', 'escapate'], [0.6, 'quedamos', 'podemos vernos', 'cuando nos vemos', 'nos vemos (en persona|a solas)'], [0.35, 'nos vemos']],
    gifts: [[0.6, 'agencia de modelos', 'fotos de prueba', 'puedes ser modelo', 'trabajo para una agencia'], [0.75, 'te (puedo dar|doy) (robux|pavos|vbucks|dinero)', 'te compro', 'te regalo', 'te doy (dinero|robux|pavos|vbucks)', 'quieres (robux|pavos|vbucks|dinero)', '(robux|pavos|vbucks) gratis', 'te pago']],
    sextortion: [
      [0.95, 'o (lo|los|la|las) (mando|envio|publico|subo|comparto|ensenio)', 'o (mando|envio|publico|subo|comparto) (tus|tu|el|la|los|las|todo)', 'voy a (mandar|enviar|publicar|ensenar|subir|compartir) (tus|tu|el|la|los|las) ~2 (a |en )?(todos|todo el mundo|tus padres|tu familia|tu escuela|tu colegio|tus amigos|tus seguidores|internet)?', '(lo|los|la|las) (mando|envio|publico|subo) a (todo|todos|tu|tus) ~2', 'o (todos|tu familia|tus padres|tus amigos|tus seguidores|todo tu colegio) (las|los|lo|la) (vera|veran|ven)', 'las publico', 'todos van a ver', 'publico tus ({FOTO})'],
      [0.7, '(hackee|hackie|hackeé|entre en) tu (cuenta|insta|instagram|movil|telefono)', 'tengo tus ({FOTO})', 'grabe tu (directo|video|stream|llamada)'],
      [0.6, '(paga|manda dinero|transfiere) ~3 (o|si no)', '(en|con) (tarjetas regalo|tarjetas de regalo|bitcoin|cripto|paysafe)', 'tienes # (horas|minutos|dias)', 'haz lo que (te digo|digo|quiero)', 'manda dinero'],
    ],
    threat: [[0.95, 'se donde vives'], [0.8, 'si no (mandas|pagas|envias)']],
    stream_pressure: [[0.8, 'por # (likes|seguidores|monedas)', 've al bano', 'quitate (la |el |los |tu )?(camiseta|playera|calcetines|sueter|ropa|pantalon)', 'quitatelo', '(ensename|muestrame|ensena|muestra) (tus )?(pies|piernas|barriga)', 'baja la camara'], [0.7, 'te reto'], [0.5, 'date la vuelta', 'levantate']],
  },
};
