/**
 * Spanish → English gloss of general chat vocabulary (written for this project from everyday Spanish). Keys
 * are normalised words (lowercase, accents folded, ñ → n); values are English words as the model knows them.
 * Inflected forms reach an entry through the Spanish stemmer. No labelled Spanish data exists here: this map
 * is checked only with the project's own synthetic sentences.
 * Format: "key english…" pairs separated by "|" or new lines.
 */
export const es = `
yo i | me me | mi my | mis my | tu you | ti you | te you | usted you | el he | ella she | nosotros we | nosotras we | vosotros you | ellos they
ellas they | le him | les them | lo it | su his | sus his | nuestro our | nadie nobody | alguien someone | todo all | todos all | la the | las the
los the | un a | una a | unos some | unas some | este this | esta this | esto this | eso that | ese that | esa that | que what | q what | quien who
cuando when | como how | donde where | por why | porque because | xq because | pq because | cual which | cuanto how much | cuantos how many
si yes | no no | quizas maybe | tal maybe | claro sure | bien good | mal bad | bueno good | genial great | guay cool | chido cool | muy very | demasiado too
tambien too | todavia still | ya already | solo only | siempre always | nunca never | pronto soon | luego later | despues after | antes before | hoy today
manana tomorrow | ayer yesterday | tarde afternoon | noche night | dia day | semana week | finde weekend | mes month | ano year
anos years | edad age | hora hour | horas hours | tiempo time | ahora now | aqui here | alli there | ahi there | casa home | fuera outside | hola hi
buenas hi | adios bye | chao bye | gracias thanks | porfa please | perdon sorry | soy am | eres are | es is | somos are | son are
estoy am | estas are | esta is | estamos are | estan are | era was | fue was | he have | has have | ha has | hemos have | han have | tengo have
tienes have | tiene has | hago do | haces do | hace does | hacer do | voy go | vas go | va goes | ir go | vamos lets go | vengo come | vienes come | venir come
digo say | dices say | dice says | decir say | cuenta tell | contar tell | sabes know | saber know | conozco know | pienso think | piensas think
creo believe | veo see | ves see | ver see | mira look | mirar look | muestra show | muestrame show me | ensena show | manda send | mandame send me
enviar send | envia send | escribe write | escribir write | llama call | llamar call | hablar talk | habla talk | hablamos talk | chatear chat | quedar meet
conocer meet | verte see you | espera wait | esperar wait | quiero want | quieres want | amo love | amor love | extrano miss | beso kiss
besos kisses | besar kiss | abrazo hug | tocar touch | sientes feel | dormir sleep | duermes sleep | jugar play | juego game | juegos games | comprar buy
dar give | doy give | pagar pay | dinero money | plata money | regalo gift | regalos gifts | tarjeta card | guardar keep | borrar delete | borra delete
esconder hide | desnudate undress | quitate take off | quitar take off | llevas wear | vives live | vivir live | ayuda help | necesito need | confianza trust
confia trust | prometo promise | prometes promise | mentir lie | publicar post | subir upload | compartir share | grabe recorded | grabado recorded
grabar record | hackeado hacked | denunciar report | bloquear block | viejo old | joven young | chico boy | chica girl | nino child | nina girl | ninos kids
mujer woman | hombre man | adulto adult | adolescente teen | alumno student | colegio school | escuela school | instituto school | clase class | profe teacher
profesor teacher | profesora teacher | deberes homework | tarea homework | vacaciones holidays | padres parents | madre mom | mama mom | padre dad | papa dad
hermano brother | hermana sister | abuela grandma | abuelo grandpa | familia family | amigo friend | amiga friend | amigos friends | novio boyfriend
novia girlfriend | cielo babe | carino babe | bebe baby | guapa pretty | guapo handsome | linda pretty | lindo cute | bonita pretty | hermosa beautiful | sexy sexy
caliente hot | madura mature | maduro mature | sola alone | solo alone | aburrido bored | aburrida bored | triste sad | feliz happy | especial special
privado private | secreto secret | nuestro our | juntos together | cuerpo body | cara face | pelo hair | ojos eyes | boca mouth | labios lips | pechos breasts
tetas boobs | piernas legs | culo butt | desnudo naked | desnuda naked | ropa clothes | bragas panties | sujetador bra | falda skirt
vestido dress | ducha shower | bano bathroom | cama bed | cuarto room | habitacion room | puerta door | coche car | carro car | parque park | cine cinema
hotel hotel | ciudad town | direccion address | numero number | movil phone | celular phone | telefono phone | foto photo | fotos photos | fotito pic
selfie selfie | video video | videos videos | camara cam | webcam webcam | cam cam | cuenta account | mensaje message | mensajes messages | sexo sex
enamorado in love | cita date | miedo afraid | problema problem | policia police | peligro danger | importante important | verdad true | pregunta question
preguntar ask | responde answer | nombre name | llamas called | llamo called | cerca near | lejos far | grande big | pequeno small | nuevo new | mucho much
poco little | mas more | menos less | bastante enough | ultimo last | proximo next | vez time | rapido quick | con with | sin without
para for | de of | del of the | al to the | en in | sobre on | bajo under | contra against | hasta until | nada nothing | algo something | jaja haha
jajaja haha | xd lol
a to | y and | e and | o or | u or | tus your | pero but | ni nor | vale ok | grupo group | mejor better | serio serious | asi like this
pues well | otra another | otro another | otros others | demas others | hay there is | oye hey | puedo can | puedes can | puede can | podemos can
reto dare | tuya yours | tuyo yours | perfecto perfect | sudadera hoodie | desde from | insti school | cole school | directo live | pasa pass | pasame pass me
pasas pass | igual same | primero first | vi saw | visto seen | sorpresa surprise | conmigo with me | contigo with you | nos us | perfil profile
cierra close | entonces then | pijama pajamas | cambio exchange | dale go on | dos two | sigue follow | pon put | ponte put on | pones put | poner put
agencia agency | cumple birthday | curso year | raro weird | gente people | seguidores followers | entre between | mayor older | recreo break
uniforme uniform | equipo team | diamantes diamonds | captura screenshot | capturas screenshots | dijiste said | dijo said | dije said | dicho said
ven come | vente come | trabajo work | hecho done | audio voice message | audios voice messages | veces times | camiseta shirt | playera shirt
fiesta party | momento moment | borralo delete it | borrala delete it | mismo same | vemos see | di say | dile tell | diles tell | contrasena password
llega arrives | llegan arrive | llegas arrive | llegar arrive | van go | pareces seem | persona person | tanto so much | primo cousin | prima cousin
disponible available | vea see | neta really | hazte take | haz do | hazlo do it | sale goes out | salgo go out | salimos go out | cada every
helado ice cream | modelo model | modelos models | gusta like | uno one | deja let | dejo let | dejan let | entenderian understand | entienden understand
entiendo understand | entiende understands | entero whole | entera whole | celu phone | cel phone | casi almost | pena shame | invito invite
banador swimsuit | hija daughter | hijo son | tipo guy | ventana window | cosa thing | cosas things | tio uncle | tia aunt | ahorita now
salon living room | coge take | revisa check | revisan check | recojo pick up | recoge pick up | queria wanted | control control | parental parental
tranqui calm | tranquila calm | permiso permission | palabra word | prende turn on | enciende turn on | activa turn on | seguro sure | tan so
confidencial confidential | anoche last night | estabas were | traer bring | trae bring | puesto wearing | lado side | ensename show me | ensenanos show us
piscina pool | temporales temporary | papelera trash | entra enter | fatal awful | bajate download | descargate download | dias days | lista list
trabajan work | ratito little while | voz voice | detras behind | pestillo lock | cambia change | agregame add me | escribeme write me | espejo mirror
campera jacket | galeria gallery | gira turn | minutos minutes | apetece feel like | obvio obviously | acuestate lie down | tumbate lie down
levantate stand up | parate stand up | cerquita close | acercate come closer | quitas take off | quites take off | corazones hearts | monedas coins
sabado saturday | domingo sunday | lunes monday | martes tuesday | miercoles wednesday | jueves thursday | viernes friday
`;
