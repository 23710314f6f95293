"""Lexicon of the safety net: regular-expression sources for risk detection.

Every pattern is written against the output of
:func:`connectors.safety_patterns.normalize`: lowercase, no accents, a single
apostrophe ``'``, hyphens turned into spaces, SMS forms expanded ("jveux" ->
"je veux", "g" -> "j'ai", "pa" -> "pas"...) and every form of the verb
"respirer" written ``respire``.

Rules are ``(name, pattern, unless)`` triples. ``unless`` is an optional
pattern searched in the whole normalised message that cancels *that rule only*
(it is used for idioms such as "intoxication alimentaire" and never for
negation: "je ne veux plus vivre" must always match). Keep the lists HIGH
RECALL: a false alarm shows help numbers, a miss can cost a life.

This module only holds strings; compilation happens once in
``connectors.safety_patterns``.
"""

Rule = tuple[str, str, str | None]

# --- shared fragments --------------------------------------------------------
_WANT = (
    r"(?:veux|veut|voudrais|voudrait|voulait|voulais|veulent|aimerais|aimerait|"
    r"souhaite|souhaiterais|souhaitait|envie de|envie d'|prefere|prefererais|"
    r"besoin de|prie pour|prie de|pret a|prete a|pense a|laissez moi|laisse moi|"
    r"laisser|merite de|vaut mieux|mieux vaut|autant|ferais mieux de|ferait mieux de|"
    r"plutot|parle de|parlait de|parle souvent de|songe a|envisage de|reve de|"
    r"dit vouloir|hate de|devrais|devrait|dois|doit)"
)
_MEDS = (
    r"(?:medicaments?|medocs?|cachets?|comprimes?|pilules?|gelules?|sirops?|doliprane|"
    r"paracetamol|dafalgan|efferalgan|ibuprofene|advil|nurofen|aspirine|kardegic|"
    r"somniferes?|anxiolytiques?|xanax|lexomil|stilnox|zolpidem|antidepresseurs?|"
    r"neuroleptiques?|morphine|oxycodone|tramadol|codeine|lamaline|methadone|subutex|"
    r"buprenorphine|levothyrox|anticoagulants?|previscan|xarelto|eliquis|lithium|"
    r"insuline|digoxine|antibiotiques?|antihistaminiques?|traitement|pilulier|doses?|"
    r"fer)"
)
_MEDS_STRONG = (
    r"(?:medicaments|medocs|cachets|comprimes|pilules|gelules|doliprane|paracetamol|"
    r"morphine|somniferes|anxiolytiques|insuline|anticoagulants?|xanax|lexomil|"
    r"tramadol|codeine|lithium|digoxine|sirop|antidepresseurs?|neuroleptiques?|"
    r"antiepileptiques?|betabloquants?|benzodiazepines?|opioides?|antipsychotiques?|"
    r"antihypertenseurs?|somnifere|calmants?|tranquillisants?)"
)
_MEDS_PILLS = (
    r"(?:medicaments|medocs|cachets|comprimes|pilules|gelules|somniferes|boites?|"
    r"plaquettes?|flacons?)"
)
_PRODUCTS = (
    r"(?:javel|chlore|deboucheur|destop|soude|acide|ammoniaque|"
    r"produits?(?!\s+(?:laitiers?|bio|frais|naturels?|de saison|locaux|local|"
    r"alimentaires?|de beaute))|liquide vaisselle|(?:liquide|truc|"
    r"produit) pour (?:deboucher|nettoyer|laver|les toilettes|le four|les vitres|"
    r"les sols|la vaisselle)|deboucher|lessive|capsules?|dosettes?|pastilles?|"
    r"tablettes? (?:de )?lave|lave vaisselle|adoucissant|detachant|detartrant|"
    r"degraissant|decapant|nettoyant|detergent|white spirit|essence|petrole|gasoil|"
    r"gazole|fioul|kerosene|antigel|anti gel|liquide de refroidissement|lave glace|"
    r"liquide de frein|alcool a bruler|alcool menager|methanol|insecticide|pesticide|"
    r"herbicide|desherbant|fongicide|roundup|glyphosate|mort aux rats|raticide|"
    r"anti limaces?|granules|poisons?|vernis|dissolvant|acetone|solvant|diluant|"
    r"peinture|colle|parfum|eau de toilette|eau de cologne|bain de bouche|"
    r"huiles? essentielles?|gel hydro\w*|solution hydro\w*|piles?|batterie|aimants?|"
    r"e liquide|liquide (?:de|pour) (?:cigarette|vapoteuse|vape)|cigarettes?|megots?|"
    r"nicotine|patch|cannabis|shit|drogues?|cocaine|ecstasy|mercure|thermometre|"
    r"engrais|baies|(?:une|des|la|les|sa|ma|cette|de la) plantes?\b(?! (?:du pied|"
    r"des pieds))|feuilles? (?:de (?:la |sa |ma )?plante|d'une plante)|laurier rose|"
    r"laurier|digitale|muguet|dieffenbachia|ricin|cigue|datura|belladone|houx|gui|if|"
    r"eponge|bloc wc|desodorisant|camphre|anti moustiques?|anti puces?|"
    r"antiparasitaire|arsenic|cyanure|toxique|savon|shampo\w*|gel douche|dentifrice|"
    r"lotion|cosmetiques?|plomb|vermifuge|perles? d'eau|billes? d'eau|orbeez|"
    r"menagers?|alcool a (?:90|70|95|bruler|friction)|alcool modifie|huile (?:de|"
    r"pour) (?:lampe|moteur|paraffine)|paraffine|allume feu|allume barbecue|bougies?|"
    r"cire|batons? lumineux|bracelets? lumineux|naphtaline|boules? (?:a|anti) mites|"
    r"antimites|gel de silice|sachets? (?:de )?(?:silice|dessicants?)|encens)"
)
_INGEST = (
    r"(?:avale|avalee?s?|bu|bue|boit|mange|mangee?s?|croque|croquee?|goute|goutee?|"
    r"leche|lechee?|mache|machee?|machouill\w*|suce|sucee?|mordille|ingere|ingeree?|"
    r"ingurgite|siphonne|gobee?s?|boire|porte a (?:la|sa) bouche|pris une gorgee)"
)
# Films, books, games and laughter: "il meurt dans le dernier épisode", "MDR je meurs".
_FICTION = (
    r"\b(?:episodes?|series?|films?|romans?|livres?|polars?|jeux? video|personnages?|"
    r"saisons?|mdr|ptdr|lol|spoil\w*)\b|\U0001F602|\U0001F923"
)
_CHILD = (
    r"(?:bebe|nourrisson|enfants?|fils|fille|fillette|garcon|petit|petite|gamin|"
    r"gamine|neveu|niece|bambin|ado|gosse|mome|jumeaux|jumelles|petit fils|"
    r"petite fille|\d+ ans)"
)
_SUDDEN = (
    r"(?:d'un coup|d'un seul coup|tout a coup|soudain\w*|brutal\w*|brusque\w*|"
    r"subit\w*|depuis \d+ ?(?:min|minutes|mn)|il y a \d+ ?(?:min|minutes|mn)|"
    r"depuis (?:une|\d+) ?(?:h|heures?)\b|ce matin|cette nuit|tout a l'heure|"
    r"cote (?:droit|gauche)|bouche|visage|parle|bafouill\w*|avc)"
)

# A question asked "in advance" ("que faire si quelqu'un s'etouffe ?"). It only
# cancels the few rules whose topic also has a first-aid answer with its own
# "call the 15" advice; it never cancels breathing, cardiac or suicidal rules.
_HYPOTHETICAL = (
    r"\b(?:que faire (?:si|en cas|quand|lorsque|face|pour)|comment (?:reagir|agir|"
    r"faire|on fait|aider|soigner|savoir)\s+(?:si|en cas|quand|lorsque|face)\b|"
    r"comment (?:reconnaitre|eviter|prevenir)|en cas d'|bons gestes|(?:apprendre|"
    r"connaitre|savoir) les gestes|gestes (?:de premiers secours|qui sauvent|"
    r"d'urgence)|c'est quoi|qu'est ce qu|si jamais|si (?:quelqu'un|une personne|on)\b)"
)
# A calm question asked to learn ("quels sont les signes d'un AVC ? pour ma culture"),
# with no sign that something is happening now. Cancels only the generic word rules.
# Not built on _HYPOTHETICAL on purpose: that one accepts "qu'est ce qu..." and "si
# jamais", which would silence "qu'est ce qu'il a, il fait un AVC ?"; this one also
# refuses any message with a sign of something happening now.
# Someone who HAS the signs ("il a tous les signes d'un AVC") is never a question;
# a bare search ("symptomes infarctus", "signes avc") always is.
_INFORMATIONAL = (
    r"^(?!.*\b(?:maintenant|d'un coup|vient de|viens de|en ce moment|depuis|aidez|vite|"
    r"urgent|urgence|secours|respire|tombe\w*|mal|douleur|vomi\w*|malade)\b)"
    r"(?!.*\b(?:a|ai|as|ont|avons|presente|presentent|montre|fait)\s+(?:les|des|"
    r"tous les|toutes les|plusieurs|certains|de nombreux)\s+(?:signes|symptomes)\b)"
    r"(?:\W*(?:les\s+)?(?:premiers\s+)?(?:signes?|symptomes?)\b|"
    r".*\b(?:pour (?:ma|mon) (?:culture|information|info|savoir)|pour info|au cas ou|"
    r"(?:veux|voudrais|aimerais|souhaiterais) (?:juste )?(?:savoir|apprendre|connaitre|"
    r"m'inscrire|me former)|par (?:curiosite|precaution|simple precaution)|formation|"
    r"comment (?:on )?(?:reconnait\w*|repere\w*|apprend\w*|savoir si|eviter|prevenir|"
    r"(?:la |le |les |se )?proteg\w*)|quels? sont les (?:signes|symptomes)|(?:signes|"
    r"symptomes) (?:d'|de l'|des|du)|reconnaitre|reperer|c'est quoi|ca veut dire|"
    r"ressemble a quoi|difference|ca sert a quoi|ou mettre|d'ou vient|en general|"
    r"en theorie|c'est vrai que|precautions?|prudence|regles|comestibles?|"
    r"faire verifier|verifier (?:la|ma|mes|les))\b)"
)
# "Cet exercice va me tuer", "elle va me tuer si j'oublie": a thing, or a trivial slip.
_THING_KILLS = (
    r"\b(?:exercice|examen|exam|boulot|travail|taf|cours|devoirs?|reunion|bruit|"
    r"chaleur|maths|film|serie|jeu|truc)s?\b[^.!?]{0,25}\bva me tuer\b|\bva me tuer si "
    r"(?:j'oublie|je (?:rentre|suis en retard|casse|rate|perds|oublie|mange))\b"
)
# A taste of a low-toxicity product (toothpaste, soap) is not a poisoning.
_SMALL_HARMLESS = (
    r"^(?!.*\b(?:tousse|vomi\w*|respire|endormi|somnol\w*|mal|pleure|rouge|brul\w*)\b)"
    r"(?=.*\b(?:dentifrice|savon|shampo\w*|gel douche)\b)(?=.*\b(?:un peu|une noisette|"
    r"une goutte|un petit peu)\b)"
)
_CORROSIVE = (
    r"(?:javel|chlore|deboucheur|destop|soude|acide|ammoniaque|chaux|ciment|decapant|"
    r"produits? (?:chimiques?|corrosifs?|caustiques?|pour (?:le )?four|"
    r"pour deboucher|(?:pour|de) (?:la )?piscine)|white spirit|essence|insecticide|"
    r"pesticide|galets? de chlore)"
)

# "expres" (on purpose), but not "sans faire expres" / "pas fait expres".
_EXPRES = (
    r"(?<!sans faire )(?<!sans le faire )(?<!sans la faire )(?<!pas fait )"
    r"(?<!pas le faire )(?<!pas )(?<!sans )\bexpres\b"
)

# Medicine names, generic words and frequent brands (someone else's medicine,
# "trop d'ibuprofène"...). Unlike _MEDS it holds no vague word ("doses", "fer").
_MED_NAMES = (
    r"(?:medicaments?|medocs?|cachets?|comprimes?|pilules?|gelules?|sirops?|"
    r"traitements?|pilulier|doliprane|paracetamol|dafalgan|efferalgan|ibuprofene|"
    r"advil|nurofen|antadys|aspirine|kardegic|levothyrox|thyroxine|xanax|lexomil|"
    r"stilnox|zolpidem|imovane|zopiclone|lysanxia|seresta|valium|temesta|atarax|"
    r"tercian|deroxat|seroplex|prozac|effexor|laroxyl|lithium|depakine|tegretol|"
    r"lamictal|keppra|morphine|skenan|actiskenan|oxycodone|oxycontin|tramadol|"
    r"topalgic|contramal|ixprim|codeine|lamaline|izalgi|methadone|subutex|"
    r"buprenorphine|fentanyl|durogesic|previscan|coumadine|sintrom|xarelto|"
    r"eliquis|pradaxa|digoxine|insuline|metformine|glucophage|diamicron|"
    r"amlodipine|bisoprolol|colchicine|somniferes?|anxiolytiques?|"
    r"antidepresseurs?|neuroleptiques?|anticoagulants?|antibiotiques?|"
    r"antihistaminiques?|betabloquants?|calmants?|patchs?)"
)
_OPIOIDS = (
    r"(?:morphine|skenan|actiskenan|oxycodone|oxycontin|oxynorm|tramadol|topalgic|"
    r"contramal|ixprim|codeine|lamaline|izalgi|fentanyl|durogesic|methadone|subutex|"
    r"buprenorphine|opioides?|opiaces?|heroine)"
)
# Whose medicine it was: "le sirop de sa soeur", "les cachets de mamie".
_RELATIVE = (
    r"(?:mamie|mamy|mami|papi|papy|grand mere|grand pere|grands parents|"
    r"arriere grand (?:mere|pere)|mere|pere|maman|papa|parents|soeur|frere|"
    r"grande soeur|grand frere|petite soeur|petit frere|voisine?|"
    r"voisine? de (?:chambre|lit)|tante|tata|tonton|oncle|cousine?|copain|copine|"
    r"ami|amie|mari|femme|epoux|epouse|colocataire|coloc|compagne?|compagnon|"
    r"beau pere|belle mere|nounou|baby sitter|autre patient\w*|autre residente?)"
)
# Something that burns inside: CO comes from these.
_COMBUSTION = (
    r"(?:chaudiere|chauffage|poele|cheminee|chauffe eau|chauffe bain|brasero|"
    r"barbecue|groupe electrogene|insert|radiateur (?:a|au) (?:petrole|gaz)|"
    r"chauffage d'appoint|braises?|charbon|moteur)"
)
# Wild mushrooms nobody has eaten yet ("cèpes ramassés, je peux les manger ?"): a
# prevention question. Any intake, mouth, symptom or worry word keeps the alarm.
_NOTHING_EATEN = (
    rf"^(?!.*\b{_INGEST}\b)(?!.*\b(?:consommee?s?|bouffee?s?|pris|bouche|cuisinee?s?|"
    r"vomi\w*|diarrh\w*|mal|malade\w*|nausee\w*|intox\w*|empoison\w*|malaise\w*|"
    r"douleurs?|tremble\w*|vite|urgence|aide\w*|secours|inquiet\w*|peur)\b)"
)
# Carbon monoxide as a topic ("détecteur monoxyde", "le monoxyde a une odeur ?", "faut il
# un détecteur ?"), with no alarm, symptom, leak or "there is" anywhere in the message.
_CO_TOPIC = (
    r"^(?!.*\b(?:sonne\w*|bip\w*|alarme|declench\w*|bruit|siffle\w*|clignot\w*|"
    r"detecte|detectent|allume\w*|rouge|mal|malaise\w*|vomi\w*|nause\w*|vertige\w*|"
    r"endormi\w*|somnol\w*|evanoui\w*|inconscient\w*|respire|tete|tourne|fatigue\w*|"
    r"intox\w*|empoison\w*|y a|fuite|urgence|aide\w*|secours|vite|maintenant|crois|"
    r"pense|peur|inquiet\w*|malade\w*|sens|sent|sentons)\b)"
    r"(?=.*\b(?:detecteurs?|odeur|couleur|invisible|chauffage|d'ou vient|c'est quoi|"
    r"qu'est ce|danger\w*|reconnait\w*|remarque\w*|repere\w*|risques?|faut il|"
    r"obligatoire|install\w*|achet\w*|choisir|prevenir|prevention|eviter|conseil\w*)\b)"
)
# Symptoms of an intoxication shared by a household or a person.
_UNWELL = (
    r"(?:se sent\w* (?:tous |toutes )?mal|sentis? mal|sentons (?:tous )?mal|"
    r"senti\w* (?:tous )?mal|(?:tous|toutes) (?:mal|malades?)|malades?|malaise\w*|"
    r"vomi\w*|nausee\w*|mal a la tete|maux de tete|mal au crane|vertiges?|"
    r"etourdi\w*|tete qui tourne|endormi\w*|somnol\w*|evanoui\w*|confus\w*|"
    r"perdu connaissance|inconscient\w*)"
)
# Recreational drugs (only with an intake verb and a sign of danger).
_DRUGS = (
    r"(?:protoxyde(?: d'azote)?|proto|gaz hilarant|ballons? de (?:proto|protoxyde|gaz)|"
    r"cartouches? de (?:proto|protoxyde|gaz)|ecstasy|ecsta|extasy|mdma|ghb|gbl|"
    r"cocaine|coke|heroine|crack|lsd|buvards?|champignons? hallucinogenes|"
    r"space cakes?|cannabis|shit|beuh|joints?|ketamine|keta|poppers|3 ?mmc|"
    r"cathinones?|amphet\w*|methamphet\w*|drogues?|purple drank|lean)"
)
# A moment that is close: "ce soir", "demain"...
_SOON = (
    r"(?:ce soir|cette nuit|demain|bientot|d'ici demain|d'ici ce soir|avant demain|"
    r"tout a l'heure|dans (?:quelques|\d+) (?:heures?|minutes?))"
)
# Departures that are only trips or moves (cancels the "I won't be here" rules).
_ORDINARY_LEAVING = (
    r"\b(?:vacances|voyage|conges?|deplacement|demenag\w*|week ?end|train|avion|"
    r"vol|mission|stage|boulot|travail|bureau|rdv|rendez vous|regime|traitement|"
    r"antibio\w*|cure|chimio|seance|reeducation|kine|etranger|expatri\w*|retraite|"
    r"hopital|clinique|maternite|absent\w*|region|ville|pays|quartier|poste)\b|\b(?:a|a"
    r"pres|avant|vers|de) \d+ ?h"
)

# --- crisis_overdose ---------------------------------------------------------
# An intentional overdose: a medicine or product taken (just now, or being taken) ON
# PURPOSE, to die or not wake up. Checked before everything else: the answer gives the
# 15 first (the intake needs a doctor now) and then the 3114. A plan ("je vais avaler",
# "si j'avale...") stays a suicidal crisis; a mistake ("par erreur") stays a poisoning.

# An intake that has happened or is happening. Infinitives are left out on purpose
# ("je vais avaler", "j'ai pensé à prendre" are plans), except after "viens de" and "en
# train de"; "si j'avale" is a question.
_OD_TAKEN = (
    r"(?:(?<!si j')(?<!si )\b(?:pris|avalee?s?|gobee?s?|bu|bue|ingurgitee?s?|"
    r"ingeree?s?|englouti\w*|descendu|injectee?s?|melangee?s?|(?:me suis|s'est|"
    r"se sont) faite?s?)|\b(?:viens|vient|venons|venez|viennent|venais|venait) (?:de |"
    r"d')\s?(?:tout )?(?:prendre|avaler|boire|gober|ingurgiter|m'injecter|s'injecter)|"
    r"\ben train (?:de |d')\s?(?:prendre|avaler|boire|gober|m'injecter))\b"
)
# Pills, medicines and containers, with a few frequent misspellings ("medicamment").
_OD_PILLS = (
    rf"(?:{_MED_NAMES}s?|{_MEDS_PILLS}|{_OPIOIDS}|medic\w+|medoc\w*|cachet\w*|"
    r"comprim\w+|pill?ules?|cachetons?|somnif\w+|anxio\w*|antidep\w*|boites?|"
    r"plaquettes?|flacons?|stylos?|seringues?|ampoules?)"
)
# A quantity that is no ordinary dose: "tous mes cachets", "toute la boîte",
# "20 doliprane", "une poignée de lexomil", "tout le flacon", "ma boîte de somnifères".
_OD_LOT = (
    r"(?:(?:tous|toutes|tout) (?:(?:mes|ses|les|leurs|nos|ces|tes|"
    rf"vos) )?(?:\w+ )?{_OD_PILLS}|toute? (?:(?:la|ma|sa|une|leur|cette|ta|les|mes|ses|"
    r"mon|son|ton) |l')\s?(?:\w+ )?(?:boite|plaquette|flacon|tube|reserve|stock|"
    r"armoire|pharmacie|pilulier|bouteille|fiole|seringue|stylo|insuline|"
    rf"{_OD_PILLS})s?|tout (?:le|mon|son|ce|un|ton) (?:\w+ )?(?:flacon|tube|stock|"
    r"pilulier|traitement|stylo|tiroir|contenu|sirop)|(?:ma|sa|la|une|leur|"
    r"ta) (?:boite|plaquette|reserve|fiole|flacon)\b|(?:\d+|deux|trois|quatre|cinq|six|"
    r"sept|huit|neuf|dix|douze|quinze|vingt|trente|quarante|cinquante|cent|plusieurs|"
    r"plein|beaucoup|une poignee|des dizaines|un tas|une tonne|enormement|"
    r"une (?:grosse |enorme )?quantite|un max|trop) (?:de |"
    rf"d')?\s?(?:\w+ ){{0,2}}?{_OD_PILLS})"
)
# The intake told with a quantity, in any order: "j'ai pris tous mes cachets",
# "toute la boîte avalée", "je les ai toutes prises", "j'en ai pris 30", "j'ai tout
# avalé".
_OD_TAKEN_LOT = (
    rf"(?:{_OD_TAKEN}\s+(?:(?!prendre|avaler|boire|decision)\w+\s+){{0,3}}?{_OD_LOT}|"
    rf"{_OD_LOT}\b.{{0,30}}\b(?:avalee?s?|prises?|gobee?s?|bue?s?|ingurgitee?s?)\b|"
    r"\b(?:les|en) (?:ai|a|avons|ont) (?:tous |toutes |tout )?(?:pris|prises|avalee?s?|"
    r"gobee?s?|bue?s?)\b|\btout (?:pris|avale|gobe|ingurgite|englouti)\b|"
    r"\bpris tout (?:ce que|ce qu'|le |la |les )|\b(?:viens|vient|venons|venez|"
    r"viennent) de tout (?:prendre|avaler|boire|gober)|\bvide\w* (?:toute?s? )?(?:la|"
    r"ma|sa|une|les|mes|ses|leur) (?:boite|plaquette|flacon|tube|pilulier|"
    r"fiole)s?\b(?!\s+(?:(?:de|d')\s?\w+\s+)?(?:dans|sur|par|a la|au)\b)|"
    rf"{_OD_TAKEN}\s+(?:mes|ses|les|leurs|tes) (?:\w+ )?{_OD_PILLS}\b.{{0,20}}\b(?:tous"
    r"|toutes|d'un coup|d'un seul coup|en entier|en une fois|en meme temps|ensemble))\b"
)
# The intake of any medicine or household product (no quantity needed).
_OD_TAKEN_ANY = (
    rf"(?:{_OD_TAKEN_LOT}|{_OD_TAKEN}\s+(?:(?!prendre|avaler|boire|"
    rf"decision)[\w']+\s+){{0,4}}?(?:{_OD_PILLS}|{_PRODUCTS}|{_CORROSIVE}|overdose|"
    r"surdose)\b)"
)
# The present tense only counts when tied to a death purpose ("je prends tous mes
# cachets pour en finir"): alone it is a habit ("elle prend tous ses médicaments").
_OD_TAKING = (
    rf"\b(?:prends|prend|avale|gobe|bois|boit)\s+(?:[\w']+\s+){{0,4}}?{_OD_PILLS}\b"
)
# What the intake is for: dying, not waking up, ending it.
_OD_DEATH = (
    r"(?:mourir|crever|(?:me|se|te) tuer|(?:me|se) suicider|en (?:finir|"
    r"terminer)\b(?!\s+(?:\w+ment\s+)?avec\s+(?!(?:la vie|ma vie|cette vie|tout|moi|"
    r"ce monde)\b))|disparaitre\b(?!\s+(?:la|le|les|l'|ma|mon|mes|ce|cette|ces|des|du|"
    r"un|une)\b)|partir\b(?!\s+(?:en|a|au|aux|de|du|d'|chez|vers|demain|ce|cette|le|la|"
    r"les|dans|travailler|vivre|loin|sur|pour (?!toujours|de bon))\b)|"
    r"(?:ne\s+)?(?:plus jamais|plus|jamais|pas)\s+(?:me|se|"
    r"te)\s+reveill\w*\b(?!\s+(?:tot|trop tot|avant|a \d|la nuit|pendant|"
    r"en pleine nuit|toutes les|le matin))|(?:dormir|m'endormir|s'endormir|"
    r"partir) (?:pour toujours|a jamais|pour de bon|definitivement|pour l'eternite)|"
    r"mettre fin a (?:mes|ses|tes|leurs) jours|(?:que|qu') ?(?:ca|tout|tout ca|"
    r"la vie) s'arrete)"
)
# A wish to die said anywhere in the message, first person or someone else's.
_OD_WISH = (
    r"(?:\b(?:veux|veut|voulais|voulait|voudrais|voudrait|envie de|envie d'|hate de|"
    r"espere|esperant|prefere|besoin de|souhaite|aimerais|pour|pr|afin de|"
    rf"afin d')\s?(?:(?!pas\b|jamais\b)\w+\s+)?{_OD_DEATH}|\b(?:en finir|suicid\w*|"
    r"adieu)\b|\b(?:ne\s+)?(?:plus jamais|plus|jamais)\s+(?:me|"
    r"se)\s+reveill\w*\b(?!\s+(?:tot|trop tot|avant|a \d|la nuit|pendant|"
    r"en pleine nuit|toutes les|le matin))|\b(?:dormir|endormir|partir|"
    r"fermer les yeux)\b.{0,15}\b(?:pour toujours|a jamais|pour de bon|"
    r"pour l'eternite)\b|\b(?:plus|pas|aucune) envie de vivre\b|\b(?:veux|veut|voulais|"
    r"voulait) (?:plus|pas) vivre\b|\b(?:pardon|desolee?) pour tout\b|\b(?:c'est|"
    r"tout est|tout sera) (?:fini|la fin) pour moi\b|\bque (?:ca|tout|"
    r"tout ca) (?:s'arrete|soit fini|se termine)\b|\b(?:c'est|tout est|"
    r"tout sera) (?:fini|termine|la fin)\b(?!\s+(?:les?|la|l'|de|d'|du|des|mes|mon|ma|"
    r"avec|pour (?!moi))\b)|\b(?:pas|plus) qu'on me (?:sauve|reanime|soigne|trouve)|"
    r"\bne me (?:sauvez|reanimez) pas\b|\blaisse[zr]? moi (?:partir|mourir|crever|"
    r"dormir)\b|\b(?:laisse|ecrit)\w* (?:une|un|sa|son|ma|mon) (?:lettre|mot)\b|"
    r"\b(?:en peux plus|marre|assez|fatiguee?|lasse?) (?:de vivre|de la vie|"
    r"de cette vie)\b|\b(?:m'endors|pars|meurs|partir|mourir)\b.{0,20}\btant mieux\b)"
)
# Told as a mistake: that is a poisoning ("sans faire exprès", "je me suis trompée").
_OD_ACCIDENT = (
    r"\bpar (?:erreur|megarde|accident|inadvertance)\b|\baccidentel\w*|"
    r"\binvolontaire\w*|\bsans (?:le )?(?:vouloir|faire expres|faire attention|"
    r"faire gaffe|m'en rendre compte|s'en rendre compte)\b|\b(?:pas|"
    r"jamais) (?:fait )?expres\b|\btrompee?s?\b|\bconfondu\w*|\bpour (?:jouer|"
    r"rigoler)\b|\ben jouant\b|\bbonbons?\b"
)
# Told as the past ("il y a deux ans j'avais tout avalé"), with no sign of something
# happening now: that is a suicidal crisis, not an intake to treat now.
_OD_HISTORY = (
    r"^(?!.*\b(?:viens d|vient d|en train|maintenant|ce soir|cette nuit|aujourd'hui|"
    r"tout a l'heure|ce matin|il y a (?:\d+|une|deux|trois|quelques) ?(?:min|minutes|h|"
    r"heures?))\b)(?=.*\b(?:il y a (?:\d+|deux|trois|quelques|plusieurs|des) (?:ans|"
    r"annees|mois)|l'an (?:dernier|passe)|l'annee (?:derniere|passee)|en (?:19|20)\d\d|"
    r"a l'epoque|autrefois|quand j'(?:avais|etais)|dans le passe)\b)"
)
_OD_UNLESS = _OD_ACCIDENT + "|" + _OD_HISTORY
# On purpose: "exprès", "volontairement".
_OD_ON_PURPOSE = (
    rf"(?:{_EXPRES}|(?<!pas )(?<!non )\bvolontairement|\bintentionnellement|"
    r"\bdeliberement|\bsciemment|\bde (?:mon|son|leur) plein gre)\b"
)

OVERDOSE: tuple[Rule, ...] = (
    (
        # Named as such: "overdose volontaire", "TS aux médicaments", "IMV".
        "overdose_named",
        r"\b(?:overdose|surdose|surdosage|intoxication|intox)\s+(?:medicamenteuse\s+)"
        r"?(?:volontaire|intentionnelle|deliberee|expres)\b|\bimv\b|\b(?:ts|"
        r"tentative(?: de suicide)?|suicide)\s+(?:medicamenteuse|"
        r"par (?:les )?(?:medicaments|medocs|cachets|comprimes|somniferes|overdose|"
        r"intoxication)|aux? (?:medicaments|medocs|cachets|comprimes|somniferes)|"
        r"avec (?:mes|des|ses|les|tous mes|tous ses|mon|son) (?:\w+ )?(?:medicaments|"
        r"medocs|cachets|comprimes|somniferes|traitement|insuline))\b|\b(?:fait|fais|"
        r"faite) une (?:overdose|surdose) (?:expres|volontairement|pour (?:mourir|"
        r"en finir))\b|\b(?:me|se) (?:suis|est) (?:empoisonnee?|"
        r"intoxiquee?) (?:volontairement|expres|pour (?:mourir|en finir))\b",
        _OD_HISTORY,
    ),
    (
        # Taken for a death purpose: "avalé tous mes cachets pour en finir",
        # "je prends toute la boîte pour ne plus me réveiller" (timing unclear: high
        # recall). The purpose follows the intake in the same clause.
        "taken_to_die",
        r"^(?=.*\b(?:mourir|crever|tuer|suicider|finir|terminer|disparaitre|partir|"
        rf"reveill\w*|dormir|endormir|jours|s'arrete)\b).*?(?:{_OD_TAKEN_ANY}|"
        rf"{_OD_TAKING})[^.,;!?]{{0,40}}?\b(?:pour|pr|afin de|afin d'|histoire de|"
        r"dans le but de|en esperant|en voulant)\s?(?:(?!pas\b|"
        rf"jamais\b)\w+\s+)?{_OD_DEATH}",
        _OD_UNLESS,
    ),
    (
        # A large intake and a wish to die anywhere in the message: "j'ai tout avalé,
        # je veux plus me réveiller", "il a pris tous ses cachets, il veut mourir".
        "taken_and_wish",
        rf"^(?=.*{_OD_TAKEN_LOT})(?=.*{_OD_WISH})",
        _OD_UNLESS,
    ),
    (
        # A product swallowed and a wish to die: "j'ai bu de la javel, je veux mourir".
        "product_and_wish",
        rf"^(?=.*{_OD_TAKEN}\s+(?:[\w']+\s+){{0,4}}?(?:{_PRODUCTS}|"
        rf"{_CORROSIVE})\b)(?=.*{_OD_WISH})",
        _OD_UNLESS,
    ),
    (
        # Taken on purpose: "il a pris tous ses médicaments exprès", "j'ai
        # volontairement avalé la plaquette".
        "taken_on_purpose",
        # The first lookahead is a cheap filter: the long patterns run only when
        # a word of purpose is there.
        r"^(?=.*\b(?:expres|volontairement|intentionnellement|deliberement|sciemment|"
        rf"plein gre)\b).*?(?:{_OD_TAKEN_ANY}.{{0,60}}{_OD_ON_PURPOSE}|"
        rf"{_OD_ON_PURPOSE}.{{0,30}}{_OD_TAKEN_ANY})",
        _OD_UNLESS,
    ),
    (
        "english_overdose",
        r"\b(?:took|swallowed|have taken|just took|overdosed on)\b.{0,30}\b(?:pills|"
        r"tablets|meds|medication|bottle|box)\b.{0,40}\b(?:to die|want to die|"
        r"wanna die|end it|kill myself|not wake up|on purpose)\b|"
        r"\boverdosed? on purpose\b",
        None,
    ),
)

# A death word in a question about an amount ("on meurt", "ca tue", "mortel", "pour ne
# plus se reveiller"). "tuer" with an object is not one ("tuer les bacteries").
_LETHAL = (
    r"\b(?:on (?:en )?meurt|meurt on|(?:en )?meur(?:t|s|ent)|mourir|crever|(?:ca |"
    r"cela )?(?:peut |peuvent |pourrait )?tue(?:r|nt)?\b(?!\s+(?:la|les|le|l'|des|du|"
    r"un|une|ces|ce|cette|tous|toutes|mes|ses|vos|nos)\b)|tuer (?:un (?:homme|adulte|"
    r"humain)|une personne|quelqu'un)|mortel\w*|letal\w*|fatal\w*|y rester|y passer|"
    r"en finir|(?:me|se) tuer|(?:ne )?(?:plus|pas|jamais|plus jamais) (?:me |"
    r"se )?reveill\w*|(?:ne )?(?:me|se) reveill\w* (?:plus|pas|jamais)|(?:le |mon |"
    r"son )?coeur s'arrete)\b"
)
# End-of-life care: the question is for the palliative team, not the crisis line.
_PALLIATIVE = (
    r"\b(?:palliati\w*|fin de vie|sedation|phase terminale|stade terminal|en terminal|"
    r"mourante?s?|agoni\w*|hospice|soins de confort|jalmalv)\b"
)
# Dying, said with a self-directed verb form (infinitive): "mourir", "en finir",
# "s'endormir pour toujours", "ne plus se reveiller", "m'eteindre".
_DIE_SELF = (
    r"\b(?:mourir|crever|en finir|(?:me|se) tuer?|(?:me|se) suicider|suicide|(?:m'|"
    r"s')eteindre|quitter (?:ce monde|la vie|cette vie)|(?:m'|"
    r"s')endormir (?:pour toujours|a jamais|definitivement)|ne (?:plus|jamais|"
    r"plus jamais) (?:me |se )?reveill\w*|mettre fin a (?:mes|ses) jours)\b"
)
# "Partir", "m'en aller": also trips and moves, so they only count with a plainly
# painless word, and never as "va partir" (someone else's death told) or "faire
# partir" (a wart, a stain).
_LEAVE_SELF = (
    r"(?<!faire )(?<!fait )(?<!fais )(?<!va )(?<!vont )\b(?:partir\b(?!\s+(?:en "
    r"(?:vacances|voyage|week|retraite|conge)|a |au |aux |de |du |d'|chez|vers|"
    r"travailler|vivre|une?|le|la|les|des|ce|cette|mes|ses)\b)|m'en aller|s'en aller)\b"
)
# Plainly without pain: "sans souffrir", "en douceur", "le plus doux", "la moins
# douloureuse", "une facon douce".
_PAINLESS = (
    r"\b(?:sans (?:souffrir|souffrance|douleur|avoir mal|rien sentir|rien ressentir|"
    r"que (?:ca|cela) (?:fasse|me fasse) mal|me rendre compte|s'en rendre compte|"
    r"(?:me |se )?faire (?:de )?mal)|(?:qui )?(?:ne )?(?:fait|fasse) (?:pas|aucun) mal|"
    r"en dormant|en douceur|paisiblement|indolore|dans (?:mon|son) sommeil|(?:le|la|"
    r"les) (?:plus|\+|moins) ?(?:doux|douce|douces|douloureu\w*|paisible|tranquille)|"
    r"(?:facon|maniere|moyen|methode|solution)s? (?:\w+ )?(?:douces?|doux|paisibles?|"
    r"indolores?|tranquilles?))\b"
)
# With a plain death verb, softer words also count: "m'eteindre doucement", "le
# moyen le plus rapide de mourir".
_PAINLESS_OR_EASY = (
    rf"(?:{_PAINLESS}|\b(?:doucement|tout doucement|(?:doux|douce|paisible)s?|(?:le|"
    r"la) (?:plus|\+|moins) ?(?:facile|simple|rapide|efficace|sur|sure|radicale?|"
    r"compliquee?))\b)"
)

# --- crisis_suicidal ---------------------------------------------------------
SUICIDAL: tuple[Rule, ...] = (
    ("suicide_word", r"\bs+u?i?(?:c|s|ss|sc|cs)i+d|\bsuicidal\b", None),
    (
        "suicide_attempt",
        r"(?:\b(?:fait|refait|faire|fais) une (?:nouvelle )?tentative\b(?!\s+(?:de|"
        r"d')\s?(?!suicide))|\b(?:une|des|ma|sa|son|mon|la|fait|refait|derniere|"
        r"premiere|deux|2|3|plusieurs)\s+ts\b|^\W*ts\W*$)",
        None,
    ),
    (
        "kill_self",
        r"\b(?:me|se) tuer\b(?! a la tache| au travail| au boulot| a petit feu)",
        _THING_KILLS,
    ),
    (
        "kill_self_typo",
        r"\b(?:vais|veux|veut|va|voudrais|voudrait|envie de|pense a|peur de|essaye de|"
        r"essaie de|tente de|tenter de|menace de|aller|allait|allais|vouloir|"
        r"parle de)\s+(?:me|se)\s+tu(?:e|ee|es|ez|er)?\b",
        _THING_KILLS,
    ),
    (
        "want_die",
        rf"\b{_WANT}\s+(?:(?!pas\b|jamais\b)\w+\s+)?(?:mourir|crever)\b"
        r"(?!\s+(?:de|d'|du|des|avant|a la tache)\b)|^\W*(?:mourir|crever|me tuer|"
        r"en finir)\W*$|\b(?:mourir|crever|en finir)\W+(?:je|j') ?(?:veux|voudrais|"
        r"aimerais|vais)\b",
        None,
    ),
    (
        "want_dead",
        r"\b(?:voudrais|voudrait|aimerais|aimerait|prefererais|prefere|souhaite|"
        r"souhaiterais|veux|veut|mieux|plus simple|plutot|"
        r"serait mieux)\s+(?:d'\s?)?etre\s+morte?s?\b(?!\s+de\b)",
        None,
    ),
    (
        "when_gone",
        r"\b(?:quand|lorsque|une fois que|si)\s+(?:je serai|je suis|j'etais|je serais|"
        r"je ne serai|je serai plus|je ne suis)\s+(?:plus\s+)?(?:morte?|la|partie?|"
        r"de ce monde)\b(?!\s+(?:en|a|au|aux|pour|de|du|chez|demain)\b)",
        None,
    ),
    (
        "if_i_die",
        r"\bsi je (?:meurs|mourais|disparais|disparaissais|n'existais|partais|"
        r"pars)\b.{0,60}(?:mieux|soulag|personne|tranquille|remarqu|regrett|simple|"
        r"heureux|manque)",
        None,
    ),
    (
        "nobody_miss",
        r"\bpersonne ne (?:me |m')?(?:regrett|pleur)\w*|\bpersonne ne (?:remarquer|"
        r"verr|s'en rendr|se rendr)\w*.{0,20}\b(?:si|que|quand) je\b|"
        r"\bmanquer\w* a personne\b",
        None,
    ),
    (
        "better_without_me",
        r"\b(?:mieux|heureux|heureuse|simple|facile|soulage\w*|tranquilles?|"
        r"debarrasse\w*)(?:\s+[\w']+){0,4}\s+sans moi\b|\bsans moi\b.{0,40}(?:mieux|"
        r"plus simple|plus heureux|plus facile|soulag|tranquille)",
        None,
    ),
    (
        "no_will_to_live",
        r"\b(?:plus|pas|aucune?|perdu|sans|de)\s+(?:\w+\s+)?(?:envie|force|raison|"
        r"raisons|gout|courage|but|sens|interet)\s+(?:de|d'|a)\s?(?:vivre|"
        r"continuer a vivre|exister|rester en vie|survivre)\b",
        None,
    ),
    (
        "dont_want_live",
        r"\b(?:veux|veut|voudrais|voudrait|peux|peut|supporte|arrive|sais|"
        r"souhaite)\s+(?:plus|pas|vraiment plus|meme plus)\s+(?:(?:de|a|continuer a|"
        r"continuer de|rester a)\s+|d')?(?:vivre|exister)\b(?!\s+(?:sans|a|au|en|avec|"
        r"chez|dans|seule?|loin|ici|la bas)\b)",
        None,
    ),
    (
        "no_strength",
        r"\b(?:plus|aucune?)\s+(?:la |le |l')?(?:force|envie|"
        r"courage)\s+de\s+(?:me battre|lutter|tenir|me lever le matin)\b(?!\s+(?:avec|"
        r"contre)\s+(?:l'|la |les |le |mon |ma |mes |ce |cette )?\s?(?:administration|"
        r"secu|caf|mutuelle|banque|assurance|proprio|voisins?|employeur|patron|ex)\b)|"
        r"\b(?:plus|aucune?|pas)\s+(?:la |le |l')?(?:force|envie|courage|"
        r"raisons?)\s+de\s+continuer\b(?!\s+(?:le|la|les|l'|ce|cette|ces|mon|ma|mes|"
        r"son|sa|ses|a|au|de|d')\b)|\b(?:pas|plus|jamais)\s+(?:envie de\s+)?(?:voir|"
        r"connaitre)\s+(?:le jour de\s+)?demain\b|\bverr(?:ai|a|ais) (?:pas|plus|"
        r"jamais) (?:demain|le jour)\b|\b(?:veux|veut|voudrais|aimerais|envie de|"
        r"prefererais)\s+(?:ne\s+)?plus etre (?:la|ici|en vie|vivante?|"
        r"de ce monde)\b(?!\s+(?:demain|pour|a|au|quand|lundi|mardi|mercredi|jeudi|"
        r"vendredi|samedi|dimanche|ce|cet|cette|le|la|les)\b)",
        None,
    ),
    (
        "tired_of_life",
        r"\bsupporte (?:plus|pas) (?:la|ma|cette) vie\b|\b(?:marre|assez|fatiguee?|"
        r"lasse?|degoutee?|ras le bol|peux plus|epuisee?|usee?)\s+(?:de\s+|"
        r"d'\s?)(?:vivre|la vie|ma vie|cette vie|exister|cette existence|"
        r"mon existence)\b",
        None,
    ),
    (
        "end_it",
        r"\ben (?:finir|terminer)\b(?!\s+(?:\w+ment\s+)?avec\s+(?!(?:la vie|ma vie|"
        r"cette vie|tout|toute|moi|la souffrance|cette souffrance|ma souffrance|"
        r"l'existence|ce monde|mon existence)))",
        None,
    ),
    (
        "wish_death",
        r"\b(?:envie|besoin|hate|desir)\b.{0,30}\bde (?:mourir|crever|disparaitre|"
        r"en finir)\b(?!\s+(?:de|d')\b)|\b(?:la mort|mourir|le suicide|en finir|"
        r"crever)\b.{0,30}\b(?:seule|derniere|unique|meilleure) (?:solution|issue|"
        r"option)\b|\b(?:mieux|soulag\w*|heureux|heureuse|tranquilles?|simple|"
        r"debarrasse\w*)\b.{0,30}\bsi je (?:meurs|mourais|disparais|disparaissais|"
        r"partais|n'etais plus la|etais plus la|n'existais (?:plus|pas))\b|\b(?:plus|"
        r"pas|aucun|perdu)\s+(?:le |de |du )?gout (?:a la vie|de (?:la )?vie|de vivre|"
        r"a vivre)\b|\bterminer avec (?:la|ma) vie\b",
        None,
    ),
    (
        "end_everything",
        r"\b(?:vais|veux|va|veut|voudrais|envie de|pret a|prete a)\s+tout (?:finir|"
        r"arreter|terminer|stopper|lacher)\b.{0,25}\b(?:ce soir|cette nuit|"
        r"aujourd'hui|maintenant|demain|bientot|definitivement|pour de bon|"
        r"pour toujours|medicaments|cachets|mourir|la vie)\b|"
        r"\bpourquoi (?:continuer a |rester en )?vivre\b(?!\s+(?:a|au|en|dans|avec|"
        r"chez|sans|ici|seule?|loin|pres)\b)|\b(?:suis|sens) (?:de trop|en trop|"
        r"inutile) (?:sur cette terre|dans ce monde|sur terre|ici bas)\b|\b(?:suis|"
        r"sens) de trop\b(?=\s*(?:[.!?,]|$|pour tout le monde|partout|ici))|"
        r"\b(?:ecrit|prepare|fini|termine|laisse)\w* (?:ma|"
        r"mes) lettres?\b(?! de (?:motivation|resiliation|reclamation|demission|"
        r"candidature))|\b(?:me|se|s') ?(?:fais|fait|faire|suis fait|est fait|"
        r"est faite|suis faite) saigner\b(?!\s+(?:les|des|la|le|du) (?:gencives?|nez|"
        r"dents?))|\bs'est faite? des (?:coupures|entailles|marques|brulures)\b",
        None,
    ),
    (
        "death_wish_more",
        r"\bpourquoi (?:je suis|suis je|je reste) (?:encore |toujours )?(?:en vie|"
        r"vivante?)\b|\bregrett\w* (?:d'\s?etre (?:encore )?(?:en vie|vivante?|nee?)|"
        r"de vivre|d'exister)\b|\bmerite (?:pas|plus) (?:d'\s?etre|"
        r"de rester) (?:en vie|vivante?)\b|\bque la mort (?:vienne|arrive|me prenne|"
        r"m'emporte)\b|\bdebarrass\w* de moi\b|\b(?:la vie|vivre|"
        r"exister) ne m'interesse (?:plus|pas)\b|\b(?:me|se) (?:mets|met|mettre|donne|"
        r"donner|fous|fout|foutre) des (?:coups|claques|gifles)\b|\bje me (?:frappe|"
        r"tape)\b(?!\s+(?:la|le|les|sur|dessus|des|un|une|le bras|la jambe))|"
        r"\bpour me punir\b.{0,10}$|\b(?:coups?|coupe\w*|brule\w*|frappe\w*|"
        r"mal)\b.{0,30}\bpour me punir\b",
        None,
    ),
    (
        "leave_world",
        r"\b(?:quitter|partir de|disparaitre de|sortir de)\s+(?:ce monde|cette terre|"
        r"cette vie|la vie|ce bas monde)\b|\bpartir et ne (?:jamais|plus) revenir\b|"
        r"\b(?:laisse|ecrit|depose)\w* (?:une|un) (?:lettre|"
        r"mot)\b.{0,40}\b(?:repond (?:plus|pas)|disparu|parti|"
        rf"introuvable|injoignable)|\b{_MEDS_PILLS}\b.{{0,15}}\bdans (?:ma|"
        r"mes) mains?\b|"
        rf"\bj'ai (?:les|des|mes|tous mes|toutes mes) {_MEDS_PILLS} (?:dans la main|"
        r"en main)\b|\b(?:mieux|prefer\w*|plutot|souhaite\w*|voudrais|aimerais|"
        r"vaut mieux|vaudrait mieux) que je (?:sois morte?|meure|disparaisse|creve|"
        r"sois plus la|ne sois plus la)\b",
        None,
    ),
    (
        "end_life",
        r"\b(?:mettre|mis|mets|met)\s+(?:fin|un terme)\s+a\s+(?:mes|ses|tes|leurs|ma|"
        r"sa|ta|mon|son)\s+(?:jours|vie|existence)\b|\bpasser a l'?acte\b|"
        r"\bpassage a l'?acte\b|\bfoutre en l'?air\b",
        None,
    ),
    (
        "method",
        r"\b(?:me|se|te)\s+(?:pendre|flinguer|supprimer|defenestrer|noyer|jeter sous|"
        r"tirer une balle|mettre une balle|faire sauter la cervelle|immoler|"
        r"empoisonner|laisser mourir|laisser crever|"
        r"trancher la gorge)\b(?!\s+dans (?:un verre|le travail|le boulot|les papiers|"
        r"les dettes))|\bs'est pendue?\b|\b(?:ouvert|ouvre|ouvrir|taillade\w*|tailler|"
        r"taille|trancher|tranche|coupe|couper|coupee|entaille\w*)\s+(?:les|ses|mes|"
        r"le|son|mon|sa|ma)\s+(?:veines?|poignets)\b",
        None,
    ),
    (
        "method_object",
        r"\bpersonne ne (?:viendra|viendrait|pleurera|pleurerait) a mon enterrement\b|"
        r"\b(?:cordes?|lames?|rasoirs?|armes?|fusils?|pistolets?|"
        r"revolvers?)\b.{0,40}\b(?:pour (?:me|en|se)|en finir|me pendre|mourir|"
        r"me tuer|prete?|contre moi|m'en servir)\b|\b(?:achete|prepare|accroche|"
        r"noue)\w*\s+(?:une|la|ma)\s+corde\b(?! a linge| a sauter)",
        None,
    ),
    (
        "jump",
        r"\b(?:sauter|jeter|lancer|balancer)\s+(?:du|de la|de l'|d'un|d'une|des|"
        r"par la|par une|par le|dans le vide|sous|du haut|depuis|de mon|de son|de ma|"
        r"de sa)[\w' ]{0,25}?\b(?:pont|fenetre|balcon|toit|immeuble|tour|falaise|vide|"
        r"train|metro|rer|tram|voiture|camion|bus|haut|viaduc|etage|parking|rocher|"
        r"precipice|quai|voie|rails)\b",
        None,
    ),
    (
        "jump_plain",
        r"\b(?:vais|veux|va|veut|pense a|envie de|prete? a|voudrais|menace de|peur de|"
        r"pourrais|pourrait|devrais|allait|allais)\s+(?:me |se )?(?:sauter|"
        r"jeter)\b(?!\s+(?:le|la|les|un|une|des|du|de|dans|sur|au|aux|a|en|par dessus|"
        r"l'|d'|partout|haut|pour|dessus|ce|cette|mon|ma|mes|son|sa|ses|sur)\b)",
        None,
    ),
    (
        "crash",
        r"\b(?:foncer|m'ecraser|me crasher|me jeter|se jeter)\s+(?:dans|contre|"
        r"sous)\s+(?:un|une)\s+(?:arbre|mur|platane|camion|pile de pont|poteau|"
        r"voiture|train)\b",
        None,
    ),
    (
        "never_wake",
        r"\b(?:veux|veut|voudrais|voudrait|aimerais|aimerait|espere|prie|souhaite|"
        r"souhaiterais|prefererais|envie de|pour|de|et|pouvais|pourrais|"
        r"pouvoir)\s+(?:ne\s+)?(?:plus jamais|plus|jamais|pas)\s+(?:me|"
        r"se)\s+reveill\w*\b(?!\s+(?:tot|trop tot|avant|a \d|la nuit|pendant|"
        r"en pleine nuit|toutes les))",
        None,
    ),
    (
        "forever",
        r"\b(?:dormir|endormir|partir|disparaitre|fermer les yeux|en aller|"
        r"eteindre)\b.{0,25}?\b(?:pour toujours|pour de bon|a jamais|"
        r"pour l'eternite)\b|\bsommeil eternel\b",
        r"\b(?:retraite|vacances|voyage|demenag\w*|etranger|expatri\w*)\b",
    ),
    (
        "disappear",
        r"\b(?:veux|veut|voudrais|voudrait|aimerais|aimerait|envie de|souhaite|vais|"
        r"devrais|devrait|dois|prefererais|besoin de|autant que je|que je|mieux de|"
        r"vaut mieux|vaudrait mieux que je)\s+(?:\w+\s+)?disparai?(?:tre|sse|"
        r"s)\b(?!\s+(?:sous|quelques|en vacances|du cabinet|de la liste|de vos|"
        r"des fichiers)\b)|\bdisparaitre (?:de ce monde|de la surface|de cette terre|"
        r"de la planete)",
        None,
    ),
    (
        "burden",
        r"\b(?:suis|sens|serai|etre|reste|sommes)\s+(?:[\w']+\s+){0,2}?(?:un|"
        r"une)\s+(?:poids|fardeau|charge|boulet)\b(?!\s+(?:lourd|plume|moyen)\b)",
        None,
    ),
    (
        "no_point",
        r"\ba quoi bon\b(?:\s+(?:continuer|vivre|exister|se battre|me battre|lutter|"
        r"rester|tout ca|tout|la vie|insister|essayer|se lever|me lever|avancer|"
        r"tenir)\b|\W*$)|\ba quoi (?:ca )?sert\s+(?:de |d')?(?:vivre|continuer|"
        r"exister|la vie|ma vie|me battre|se battre)\b|"
        r"\bpourquoi (?:je )?(?:continuerais|vivrais)\b",
        None,
    ),
    (
        "life_meaningless",
        r"\bvie\s+(?:n'a|na|a)\s+(?:plus|pas|aucun|plus aucun)\s+(?:de\s+)?sens\b|"
        r"\bvie ne vaut (?:pas|plus|rien)|\bvau[tx] (?:pas|plus) la peine (?:de |"
        r"d')?(?:vivre|continuer|exister)|\brien ne me (?:retient|retiens|rattache)\b|"
        r"\bma vie est (?:finie|fini|terminee|foutue)\b|\bc'est (?:fini|termine|"
        r"la fin) pour moi\b(?!\s+(?:les?|la|l'|de|d'|du|des|avec)\b)|\b(?:plus|pas|auc"
        r"une?) (?:ma |"
        r"de )?place (?:dans ce monde|sur terre|ici bas|sur cette terre)",
        None,
    ),
    (
        "no_way_out",
        r"\b(?:plus|pas|aucune?)\s+(?:d'|d )?(?:autre )?issue\b|\b(?:seule|derniere|"
        r"meilleure|unique)\s+(?:solution|issue|option|sortie)\b.{0,25}\b(?:mourir|"
        r"la mort|en finir|partir|disparaitre|me tuer|crever|suicid)|\b(?:mourir|"
        r"la mort|crever|en finir|disparaitre)\s+(?:serait|est|c'est|ce serait|"
        r"sera)\s+(?:\w+\s+){0,2}?(?:soulagement|delivrance|liberation|solution|mieux|"
        r"repos)",
        None,
    ),
    (
        "never_born",
        r"\b(?:jamais|pas)\s+(?:du\s+|voulu\s+|demande a\s+)?(?:etre nee?|naitre)\b",
        None,
    ),
    (
        "deserve_death",
        r"\bmerit\w*\s+(?:de mourir|la mort|pas de vivre|plus de vivre|pas d'exister|"
        r"de crever)",
        None,
    ),
    (
        "stop_existing",
        r"\b(?:plus|arreter d'|cesser d')\s?exister\b|\barreter\s*,?\s*(?:la vie|"
        r"de vivre|ma vie)\b|\btout s'arrete\b(?!\s+(?:a|au|le|en|vers|pendant|quand|"
        r"apres|avant|des|ce|cet|la|les)\b)|\bs'arrete\s*,?\s*pour (?:toujours|"
        r"de bon)\b",
        None,
    ),
    (
        "dark_thoughts",
        r"\b(?:idees?|pensees?)\s+(?:de mort|noires?|morbides?|de suicid\w*)\b|"
        r"\bpens\w*\s+(?:a la mort|a mourir|a ma mort|a me tuer)\b(?!\s+(?:de|d'|du|"
        r"des)\b)",
        None,
    ),
    (
        "join_dead",
        r"\brejoindre\b.{0,40}(?:au ciel|la haut|decede\w*|defunt\w*|mort|morte|"
        r"au paradis|de l'autre cote|dans la tombe|disparue?s?)",
        None,
    ),
    (
        "farewell",
        r"\b(?:lettres?|messages?|mots?|mail|video)\s+d'\s?adieux?\b|\b(?:dire|dis|"
        r"dit|fais|faire|fait)\s+(?:\w+\s+)?adieux?\b|\badieu (?:a tous|a toutes|"
        r"tout le monde|la vie|le monde|les amis|monde cruel)\b|\bmes adieux\b|"
        r"\b(?:mon|son) dernier (?:message|mot|sms|texto)\b|\b(?:donne|donner|"
        r"distribue\w*|offre|offrir|legue\w*)\s+(?:toutes\s+)?(?:mes|ses|"
        r"toutes mes)\s+(?:affaires|biens|objets|possessions)\b",
        r"demenag\w*|emmaus|secours populaire|croix rouge|ressourcerie|vide grenier|"
        r"bon coin",
    ),
    (
        "pills_ready",
        rf"\b{_MEDS_PILLS}\s+(?:sont\s+)?(?:devant moi|prets|pretes)\b|"
        r"\b(?:prepare|stocke|garde|accumule|cache|mis de cote|"
        r"economise)\w*\s+(?:tous|toutes|toute|des|plein de|boites? de|"
        r"stock de)\s+(?:mes\s+|les\s+|de\s+)?"
        rf"{_MEDS_PILLS}.{{0,30}}(?:de cote|pour (?:le jour|en finir|mourir|plus tard)|"
        r"au cas ou|ce soir|cette nuit)|\b(?:vais|va) le faire\b.{0,40}(?:cachets|"
        r"corde|medicaments|pont|lame|arme)",
        None,
    ),
    (
        "overdose_plan",
        r"\b(?:vais|veux|va|veut|pense a|envie d'|envie de|pret a|prete a|(?:plan|"
        r"projet|idee) (?:c'est|est) de|intention de)\s+(?:\w+\s+)?(?:avaler|"
        r"gober)\s+(?:tous|toutes)\s+"
        rf"(?:mes|les|ses)\s+(?:\w+\s+)?{_MEDS_PILLS}\b|"
        r"\b(?:vais|veux|va|veut|pense a|envie d'|envie de|pret a|prete a|(?:plan|"
        r"projet|idee) (?:c'est|est) de|intention de)\s+(?:\w+\s+)?(?:avaler|prendre|"
        r"gober)\s+(?:(?:tous|toutes)\s+(?:mes|les|ses)\s+[\w ]{0,20}?(?:d'un coup|"
        r"d'un seul coup|en une fois|en meme temps|ensemble|pour|ce soir|cette nuit)|"
        r"toute?\s+(?:la|ma|une|les|sa)\s+(?:boite|plaquette|flacon|reserve)|(?:la|"
        r"une) boite entiere|tout (?:le|mon|son) (?:flacon|tube|stock|pilulier))",
        None,
    ),
    (
        "overdose_intent",
        r"\b(?:avale|pris|prendre|avaler|gobe|bu|boire|bois|empoisonn|intoxiqu|"
        r"injecte|mange)\w*\b.{0,40}(?:pour (?:mourir|en finir|me tuer|se tuer|partir|"
        r"dormir pour toujours|crever)|"
        rf"{_EXPRES}|volontairement|intentionnellement)|\b(?:overdose|surdose|"
        r"intoxication|intox)\s+(?:medicamenteuse\s+)?(?:volontaire|intentionnelle|"
        r"expres)",
        None,
    ),
    (
        "lethal_dose",
        r"\b(?:doses?|quantite|combien)(?:\s+[\w']+){0,5}?\s+(?:mortelles?|letales?|"
        r"pour mourir|pour en finir)\b|\bcomment (?:mourir|me tuer|se tuer|me pendre|"
        r"mettre fin)\b|\bmourir sans (?:douleur|souffrir|souffrance)",
        None,
    ),
    (
        # How much of a medicine kills, asked as a question: "a partir de combien de
        # cachets de tramadol on meurt", "le paracetamol ca tue a partir de quelle
        # quantite". A death word is needed: "dose max de doliprane par jour" is a
        # safety question. Cancelled when an intake is told ("il a avale 3 doliprane,
        # c'est mortel ?": a poisoning), for a child's or a pet's dose, or in
        # end-of-life care.
        "lethal_amount",
        rf"^(?=.*\b(?:{_MED_NAMES}|{_MEDS_PILLS}|{_OPIOIDS}|doses?|dosage|quantite|mg|"
        r"grammes?)\b)(?:.*\b(?:combien(?! de temps| de jours| d'heures)|cb|cmb|"
        r"quelle (?:dose|quantite)|quel (?:nombre|dosage)|a partir de (?:combien|"
        rf"quelle|quel)|nombre de|suffi\w*|assez)\b.{{0,80}}{_LETHAL}|.*\b(?:doses?|"
        r"quantites?) (?:\w+ ){0,3}?(?:mortel|letal|fatal|qui tue)|.*\b(?:(?:ca |"
        r"cela )?(?:peut )?tue|mortel\w*|letal\w*|fatal\w*|on (?:en )?meurt|y passer|"
        r"y rester)\b.{0,60}\b(?:a partir de (?:combien|quelle|quel)|combien|cb|"
        r"quelle (?:dose|quantite))\b|(?=.*\b(?:boites?|plaquettes?|flacons?|\d+|"
        r"toute?s?|tous|plusieurs|trop|overdose|surdose)\b).*(?:\b(?:peut|peux|"
        r"pourrait|pourrais)(?: t)?(?: on| je)?|\bon (?:peut|"
        r"pourrait)) (?:en )?(?:mourir|crever|y rester)\b)",
        r"\b(?:a|ai|ont|aurait|auraient|avons)\s+(?:\w+\s+)?(?:pris|avale|bu|mange|"
        r"croque|gobe|ingere|donne)\b|\b(?:chiens?|chats?|chiots?|chatons?|animal|"
        r"animaux|veto|veterinaire)\b|\bpour (?:un|une|mon|ma|les|des|son|"
        r"sa) (?:enfant|bebe|nourrisson|petit|petite|fils|fille)\b|\bpar erreur\b|"
        r"\bcombien (?:de|d') ?(?:personnes|gens|morts|deces|cas)\b|"
        + _PALLIATIVE,
    ),
    (
        # Dying without pain: "comment mourir sans souffrir", "le moyen le plus doux
        # de partir", "une mort sans douleur ca existe". Not about someone else's
        # peaceful death already told ("il est mort sans souffrir"), not in
        # end-of-life care ("que mon père parte sans souffrir, il est en soins
        # palliatifs": a question for the palliative team), not for a pet.
        "painless_death",
        r"(?<!est )(?<!sont )(?<!etait )(?<!a pu )(?<!ont pu )"
        rf"{_DIE_SELF}.{{0,40}}{_PAINLESS_OR_EASY}|"
        rf"{_PAINLESS_OR_EASY}.{{0,30}}{_DIE_SELF}|{_LEAVE_SELF}.{{0,40}}{_PAINLESS}|"
        rf"{_PAINLESS}.{{0,30}}{_LEAVE_SELF}|\b(?:une|la) mort (?:(?:la )?(?:plus|"
        r"\+) ?|tres )?(?:douce|paisible|indolore|sans (?:douleur|souffrance|souffrir|"
        r"avoir mal))\b",
        _ORDINARY_LEAVING + r"|\b(?:chiens?|chats?|chiots?|chatons?|animal|animaux|"
        r"veto|veterinaire|de chez|parents|maison)\b|" + _PALLIATIVE,
    ),
    (
        "self_harm",
        r"\bscarifi\w*|\bautomutil\w*|\bmutil(?:e|er|ation|es)\b|"
        r"\bje me fai[st]? du mal\b|\bme (?:fais|faire) du mal\b|\bse (?:fait|fais|"
        r"faire|font) du mal\b|\bme suis faite? du mal\b|\b(?:me|se) (?:fais|fait|"
        r"suis fait|suis faite|est fait|est faite) des (?:entailles|coupures|marques|"
        r"griffures|brulures|bleus) (?:sur|aux|a|au)\b|\b(?:envie de|besoin de|veux|"
        r"vais)\s+(?:me|se)\s+(?:faire\s+(?:du\s+)?mal|blesser|mutiler)\b|"
        r"\b(?:envie de|besoin de)\s+(?:me|se)\s+(?:couper|bruler|frapper|taillader|"
        r"tailler)\b",
        None,
    ),
    (
        "self_harm_act",
        r"\b(?:me|se|m'|s')\s?(?:suis |est )?(?:coupe|coupes|couper|coupee|brule|"
        r"bruler|brulee|frappe|tape|taper|griffe|griffer|cogne|cogner|mords|mordre|"
        r"arrache)\w*\b"
        rf".{{0,40}}?(?:{_EXPRES}|volontairement|pour me punir|"
        r"jusqu'au sang|jusqu'a saigner|contre les murs|contre le mur)|\b(?:me|se|m'|"
        r"s')\s?(?:coupe|coupes|couper|coupee|taillade|entaille)\w*\s+(?:les|mes|"
        r"ses)\s+(?:bras|poignets|cuisses|jambes|veines|avant bras)\b|\b(?:me|"
        r"se) (?:suis|est) (?:encore|de nouveau|a nouveau) (?:coupee?|scarifiee?|"
        r"brulee?|fait du mal)",
        None,
    ),
    (
        "warning_signs",
        r"\b(?:ma vie|vivre|que je vive)\s+(?:ne\s+)?sert (?:a rien|plus a rien)\b|"
        r"\bsert a rien (?:que je vive|de vivre)\b|\b(?:vivre|la vie|"
        r"exister)\s+(?:me\s+)?fait (?:trop |tellement )?mal\b|\battend\w* (?:la mort|"
        r"de mourir|que la mort|ma mort)\b|\benvie (?:de |"
        r"d')(?:la )?mort\b(?!\s+(?:de|d')\b)|\b(?:que|"
        r"jusqu'a ce que) tout (?:se termine|finisse|se finisse|soit fini|s'acheve)\b|"
        r"\bme (?:reverrez|reverras|reverront|reverra) (?:plus|jamais)\b|"
        r"\bderniere fois que (?:je vous|je t'|je te|vous me|tu me) (?:ecri|parl|voi|"
        r"vo)\w*|\b(?:dire|dis|dit) (?:un dernier )?au revoir a (?:la vie|"
        r"tout le monde|mes proches|ma famille|mes enfants)\b|"
        r"\bserai plus la (?:demain|ce soir|bientot)\b|\bsi je me (?:tue|suicide)\b|"
        r"\bj'ai (?:la|une) corde\b(?! a linge| a sauter)|\b(?:stocke|accumule|"
        r"amasse)\w* (?:des|plein de|beaucoup de) (?:medicaments|medocs|cachets|"
        r"comprimes|somniferes)\b|\bmettre sous (?:un|le) (?:train|metro|camion|bus|"
        r"voiture|tram)\b|\bje me (?:coupe|scarifie|mutile|"
        r"griffe)\b(?!\s+(?:les cheveux|les ongles|la frange|la barbe|en|souvent|un|"
        r"une|du|des|le doigt))|\b(?:il|elle) se (?:coupe|scarifie|"
        r"mutile)\b(?!\s+(?:les cheveux|les ongles|la frange|la barbe|en|souvent|un|"
        r"une|du|des|le doigt))",
        None,
    ),
    (
        "self_harm_marks",
        r"\bje me brule\w* (?:avec|a) (?:des |une |un |la |le |mes |ma )?(?:cigarettes?"
        r"|"
        r"clopes?|briquet|allumettes?)\b|\b(?:entaill|taillad)\w* (?:les |mes |la |le |"
        r"ses |sa |son )?(?:cuisses?|bras|poignets?|jambes?|ventre|veines|peau)\b",
        None,
    ),
    (
        "edge_of_void",
        r"\bau bord (?:de la falaise|d'une falaise|du vide|du pont|d'un pont|du toit|"
        r"de la fenetre|du precipice|des rails|du quai)\b",
        None,
    ),
    (
        "waiting_with_gas",
        r"\b(?:ouvert|ouvre|allume|laisse) (?:le |tout le )?gaz\b.{0,40}\b(?:attend\w*|"
        r"dormir|partir|fin|fini|adieu)\b",
        None,
    ),
    (
        "plan_or_farewell",
        r"\bj'ai (?:choisi|fixe|prevu) (?:le jour|la date|le moment|l'heure)\b|"
        r"\bje sais (?:comment|quand) je vais (?:le faire|faire|m'y prendre|partir)\b|"
        r"\bderniere fois que j'(?:ecri|parl)\w*|\badieu\b.{0,40}\b(?:tout le monde|"
        r"a tous|la vie|pour toujours|pardon\w*)\b|\bpardon\w*.{0,40}\badieu\b",
        None,
    ),
    (
        "farewell_letters",
        r"\blettres? pour (?:mes|ma|mon|les|toute ma|chacun de mes) \w+(?: \w+)?\W{1,3}"
        r"(?:pour (?:apres|quand je serai (?:plus la|parti\w*))|au cas ou)\b|\bpour apr"
        r"es "
        r"(?:ma mort|mon depart|quand je serai (?:plus la|parti\w*))\b",
        None,
    ),
    (
        "hoarding_means",
        rf"\b(?:garde|gardais|mis|met|mets|stocke|cache|accumule|economise)\w* "
        rf"(?:de cote )?(?:mes|ses|des|ma|sa|mon|son|tous mes|toutes mes) "
        rf"(?:(?:boites|plaquettes|flacons) (?:de |d'))?{_MEDS_STRONG}\b.{{0,50}}\b"
        rf"(?:de cote|assez|suffisamment|le jour ou|pour (?:en finir|le jour|plus tard|"
        rf"la fin))|\bmis\w* de cote (?:tous |toutes )?(?:ma|mes|sa|ses|mon|son) "
        rf"(?:(?:boites|plaquettes|flacons) (?:de |d'))?{_MEDS_STRONG}\b",
        None,
    ),
    (
        "not_wanting_to_be_here",
        r"\b(?:plus|pas|aucune) envie d'etre (?:la|ici|en vie|sur terre|vivante?s?|de c"
        r"e monde)\b|"
        r"\bplus rien a perdre\b|\bj'ai trouve comment (?:faire|en finir|m'y prendre)\b"
        r"(?!\s+(?:pour|avec|le|la|les|un|une|des|du)\b)",
        None,
    ),
    (
        "leaving_for_good",
        r"\b(?:testament|dernieres volontes)\b.{0,60}\b(?:partir|pret\w*|fini\w*|adieu|"
        r"m'en (?:voulez|veux) pas|pardon\w*)\b|\bpartir\w* (?:pour de bon|pour toujour"
        r"s|"
        r"a jamais)\b(?!\s+(?:en|au|aux|a|de|vivre|habiter|travailler)\b)|\bserai (?:pl"
        r"us|"
        r"pas) la (?:demain|ce soir|bientot|la semaine prochaine|le mois prochain|pour "
        r"(?:noel|son anniversaire|longtemps)|dans (?:quelques|\d+) (?:jours|semaines))"
        r"\b",
        None,
    ),
    (
        "passive_death_wish",
        r"\b(?:si je (?:meurs|mourais|mourrais|disparais|disparaissais|partais)|mourir)"
        r"\b"
        r".{0,60}\b(?:derangerait|derange|generait|gene|ferait rien|m'en fiche|m'en fou"
        r"s|"
        r"tant mieux|soulagement|soulagerait)\b",
        None,
    ),
    (
        "joining_the_dead",
        r"\brejoindre\b.{0,40}\b(?:deces|mort|decede\w*|au ciel|la haut|au paradis)\b|"
        r"\b(?:deces|mort|decede\w*)\b.{0,60}\b(?:veu\w*|envie de|parle de|pense a) "
        r"(?:le |la |les )?rejoindre\b",
        None,
    ),
    (
        "weapon_or_blade",
        r"\b(?:fusil|carabine|arme|pistolet|revolver)\b.{0,60}\b(?:enferm\w*|me tuer|se"
        r" "
        r"tuer|tirer une balle|en finir|canon)\b|\benferm\w*\b.{0,60}\b(?:fusil|carabin"
        r"e|"
        r"arme a feu|pistolet|revolver)\b|\b(?:couteau|lame|rasoir|cutter)\b.{0,40}\b(?"
        r":"
        r"m'enfoncer|me l'enfoncer|me planter|me le planter|me tailler|m'ouvrir|me coup"
        r"er "
        r"les veines|me poignarder|me trancher)\b",
        None,
    ),
    (
        "car_in_closed_garage",
        r"\b(?:enferm\w*|ferme\w*)\b.{0,40}\bgarage\b.{0,60}\b(?:voiture|moteur)\b.{0,2"
        r"0}"
        r"\b(?:tourne|allume|en marche)\b|\b(?:voiture|moteur)\b.{0,20}\b(?:tourne\w*|"
        r"allume|en marche)\b.{0,40}\bgarage (?:ferme|clos)\b",
        None,
    ),
    (
        "pills_and_farewell",
        rf"\b{_MEDS_PILLS}\b.{{0,60}}\b(?:pardon|adieu|desolee? pour tout)\b|\b(?:pardo"
        rf"n|"
        rf"adieu)\b.{{0,60}}\b{_MEDS_PILLS}\b|\bpris\b.{{0,60}}\b{_MEDS_STRONG}\b."
        rf"{{0,60}}"
        rf"\bque (?:ca|tout) s'arrete\b",
        None,
    ),
    (
        "indirect_farewell",
        r"\bsix pieds sous terre\b|\b(?:reste plus qu'a|ne reste qu'a) dispara[i]?tre\b"
        r"|"
        r"\bpersonne (?:ne )?(?:me regrettera|remarquera mon absence)\b|\b(?:ce soir|"
        r"demain|cette nuit|aujourd'hui|bientot) (?:c'est|ce sera|tout sera) fini\b"
        r"(?!\s+(?:les?|la|l'|de|d'|du|des|mes|mon|ma|avec)\b)|"
        r"\bdites? a (?:ma|mon|mes) \w+ que je (?:l'|les )aime\b|\b(?:pas|plus) me "
        r"(?:louper|rater)\b|\bpense (?:a )?en finir\b",
        None,
    ),
    (
        "height_or_crash",
        r"\b(?:foncer|fonce|foncais|jeter|lancer|precipiter)\w* (?:dans|contre) (?:un|l"
        r"e|"
        r"les|une) (?:arbre|mur|camion|platane|pile de pont|poteau)\b|\bbalcon\b.{0,60}"
        r"\b"
        r"(?:sauter|facile|en finir|tomber)\b|\b(?:sur|au|vers) (?:le |la )?(?:pont|"
        r"falaise|viaduc|toit)\b.{0,40}\b(?:en peux plus|sauter|fini|adieu)\b",
        None,
    ),
    (
        "goodbyes_written",
        r"\b(?:ecrit|fait|dit|envoye|prepare)\w* (?:mes|ses|tous mes) (?:au revoir|adie"
        r"ux)\b|"
        r"\bla lettre est (?:sur|prete|ecrite|posee)\b|\bsi (?:jamais )?on me retrouve"
        r"\b|"
        r"\bque je (?:l'|les |t'|vous )aimais\b",
        None,
    ),
    (
        "not_alive_by",
        r"\b(?:compte|pense|serai|seras|sera) (?:pas|plus) (?:etre )?(?:encore )?en vie"
        r"\b|"
        r"\bcomme ca (?:ce sera|tout sera|c'est) fini\b|\b(?:toute? (?:la|le|les) "
        r"(?:plaquette|boite|flacon|tube)s?)\b.{0,60}\b(?:reveill\w*|mourir|mort|"
        r"dormir pour toujours)\b",
        None,
    ),
    (
        "emptied_the_medicines",
        r"\bvide\w* (?:l'armoire a pharmacie|la pharmacie|mes boites|toutes mes boites|"
        r"mon "
        r"pilulier|tous mes medicaments)\b|\b(?:vais|veux) tout (?:boire|avaler|prendre"
        r")\b"
        r".{0,40}\b(?:medicaments|medocs|cachets|comprimes|boites|pharmacie)\b",
        None,
    ),
    (
        # Self-harm verb + body parts: "je me suis coupée les cuisses", "il s'est
        # tailladé l'avant-bras", "je me suis recoupée". Weak verbs (couper,
        # griffer) need a plural or a wrist: "je me suis coupé le bras" is a wound.
        "self_harm_body",
        r"\b(?:me|se|m'|s')\s?(?:suis |est |etais |etait )?(?:encore |de nouveau |"
        r"a nouveau |re)?(?:taillade|entaille|scarifie|lacere|charcute|mutile)e?s?\s+"
        r"(?:les |mes |ses |le |la |l'|mon |ma |son |sa )?\s?(?:avant bras|bras|"
        r"poignets?|cuisses?|jambes?|veines?|hanches?|chevilles?|mollets?|ventre|"
        r"seins?|poitrine|peau|epaules?)\b|\b(?:me|se|m'|s')\s?(?:suis |est |etais |"
        r"etait )?(?:encore |de nouveau |a nouveau |re)?(?:coupe|lacere)e?s?\s+"
        r"(?:(?:les|mes|ses)\s+(?:avant bras|bras|poignets|cuisses|jambes|veines|"
        r"hanches|chevilles|mollets|epaules)|(?:le|mon|son|les|mes|ses) poignets?|"
        r"(?:les|mes|ses) veines?)\b|\b(?:me|se) (?:suis|est) re(?:coupe|scarifie|"
        r"taillade|mutile|entaille)e?s?\b(?!\s+(?:les cheveux|la frange|les ongles|"
        r"la barbe|le doigt|les pointes))|\bcoupe\w*\b.{0,40}\bplus profond\w* que "
        r"(?:d'habitude|la derniere fois|les autres fois)\b",
        r"\ben (?:me|se|te) rasant\b|\brasage\b|\bepil\w*|\bronces?\b|"
        r"\ben (?:jardinant|bricolant|tombant|cuisinant)\b",
    ),
    (
        # English, Spanish and Maghrebi core phrases.
        "foreign_core",
        r"\b(?:don't|do not|dont|no longer)\s+want to (?:live|be alive|be here|exist|"
        r"wake up)\b|\b(?:want|wanna|going|gonna|need|plan|planning|ready) to "
        r"(?:die|end it|end (?:it )?all|disappear forever)\b|\bend it (?:all|tonight|"
        r"today|now)\b|\b(?:cut|cutting|hurt|hurting|burn|burning|harm|harming|"
        r"killing|starve|starving) myself\b|\bself ?harm\w*|\bbetter off dead\b|"
        r"\b(?:no|any) reason to live\b|\bcan'?t go on\b|\b(?:quiero|quisiera|voy a|"
        r"me voy a|deseo|pienso en|ganas de)\s+(?:morir(?:me)?|matarme|suicidarme|"
        r"quitarme la vida|acabar con (?:mi vida|todo)|desaparecer)\b|\bme quiero "
        r"(?:morir|matar)\b|\bno quiero (?:vivir|seguir viviendo)\b|\bcortarme las "
        r"venas\b|\b(?:bghit|baghi|bghite) n?m(?:o|ou)t\b|\bn(?:9|q|k)(?:e|a)?tl? "
        r"(?:rasi|rassi|raci|rassy)\b",
        None,
    ),
    (
        # A close moment + an end: "ce soir tout sera terminé pour moi",
        # "demain je serai plus là", "demain je serai partie".
        "finality_soon",
        rf"\b{_SOON}\b,?\s+(?:je (?:ne )?serai (?:plus la|morte?|plus de ce monde|"
        r"plus en vie)|je serai (?:deja )?partie?\b(?=.*\b(?:plus la peine|"
        r"plus besoin|adieu|pardon|soign\w*|pour toujours|pour de bon|definitivement|"
        r"a jamais|fini|ma vie|en finir|la fin)\b)|(?:c'est|ce sera|tout sera|tout est)"
        r" "
        r"(?:fini|finie|termine|terminee|la fin)(?: pour moi)?)\b(?!\s+(?:les|le|la|"
        r"l'|de|d'|du|des|a|au|en|chez|pour (?!moi|de bon|toujours))\b)|\btout sera "
        rf"(?:fini|termine|regle)(?: pour moi)? {_SOON}\b|\bquand (?:vous|tu) "
        r"(?:lirez|liras|recevrez|recevras|verrez|verras|trouverez|trouveras)\b.{0,30}"
        r"\bje (?:ne )?serai (?:plus la|deja partie?|partie?|morte?|plus de ce monde)\b"
        r"",
        _ORDINARY_LEAVING,
    ),
    (
        # "je ne serai plus là" closing a sentence: a farewell, not an absence.
        "not_here_anymore",
        r"\b(?:ne )?serai (?:plus|bientot plus) la\b(?=\s*(?:[.!,;]|$|pour (?:vous|"
        r"personne|longtemps|vous embeter|vous deranger|les voir|eux|elle|lui)\b|"
        r"de toute facon))|\bplus (?:la peine|besoin) de me soigner\b",
        _ORDINARY_LEAVING,
    ),
    (
        "done_for_me",
        r"^(?=.*\b(?:tiens plus|tiens pas le coup|en peux plus|plus la force|adieu|"
        r"abandonne|lache tout|craque|trop dur|plus envie|plus de sens|a bout|"
        r"fatiguee? de tout)\b).*\b(?:pour moi,? (?:c'est|tout est) (?:fini|termine|"
        r"foutu)|(?:c'est|tout est) (?:fini|termine|foutu) pour moi)\b|\bma vie,? "
        r"c'est (?:fini|termine|foutu)\b",
        None,
    ),
    (
        # Leaving for good: "je m'en vais pour de bon", "je pars pour toujours",
        # "je m'en vais, je ne reviendrai pas".
        "gone_for_good",
        r"\b(?:je pars|je m'en vais|je m'en irai|je partirai|je vais partir|"
        r"je vais m'en aller)\b.{0,20}\b(?:pour de bon|pour toujours|a jamais|"
        r"definitivement|pour l'eternite)\b(?!\s+(?:en|au|aux|a|de|vivre|habiter|"
        r"travailler|d'ici|loin|chez|dans|vers|pour)\b)|\b(?:je pars|je m'en vais|"
        r"partir|m'en aller)\b.{0,20}\bje ne (?:reviendrai|rentrerai) (?:pas|plus|"
        r"jamais)\b",
        _ORDINARY_LEAVING + r"|\b(?:pays|ville|region|appart\w*|maison|mari|femme|"
        r"copain|copine|compagnon|compagne|job|entreprise|quitte (?:mon|ma|le|la))\b",
    ),
    (
        # Ready to die: "j'ai assez vécu", "je peux partir tranquille",
        # "mes papiers sont en ordre, je peux partir".
        "ready_to_go",
        r"\bj'ai (?:assez|trop|suffisamment) vecu\b|\b(?:peux|pourrai|vais pouvoir|"
        r"pourrais|peut|pouvoir) (?:enfin )?partir (?:en paix|tranquille|sereine?|"
        r"l'esprit tranquille|le coeur leger)\b(?!\s+(?:en|au|aux|a|de|pour|chez|"
        r"vers|dans)\b)(?![^.!]*\?)|^(?=.*\b(?:plus besoin de moi|tout regle|tout est r"
        r"egle|"
        r"(?:papiers|affaires) (?:sont )?en ordre|mis de l'ordre dans (?:mes|ses) "
        r"affaires|ma mission est (?:finie|terminee|accomplie))\b).*\b(?:partir|"
        r"m'en aller|mourir|adieu)\b",
        r"\b(?:vacances|voyage|retraite|demenag\w*|conges?|etranger)\b",
    ),
    (
        # Join the dead: "rejoindre les anges", "depuis que ma femme est partie
        # j'aimerais aller la rejoindre", "que le bon dieu vienne me chercher".
        "join_the_dead",
        r"\brejoindre (?:les anges|le ciel|le paradis|l'au dela|l'autre monde|"
        r"les etoiles|le bon dieu|dieu|mes (?:parents|defunts|morts))\b|"
        r"^(?=.*\b(?:depuis (?:sa|son|la|le) (?:mort|deces|depart)|(?:est|sont) "
        r"partie?s?(?=\s*(?:[.,;!]|$|je\b|j'|il y a|depuis|l'an|cette|trop tot))|"
        r"nous a quittes?|m'a quittee?|decede\w*|disparu\w*|veuf|veuve|mort|morte|"
        r"enterre\w*|perdu (?:ma|mon|mes) \w+)\b).*\b(?:aller|partir|envie de|veux|"
        r"voudrais|aimerais|vais|hate de|pret a|prete a|pense a)\s+(?:la|le|les) "
        r"rejoindre\b(?!\s+(?:a|au|en|chez|dans|pour|ce week|demain|lundi|apres))|"
        r"\b(?:dieu|le bon dieu|le seigneur|la mort|jesus|le ciel|la faucheuse)\b"
        r".{0,20}\b(?:vienne|viendra|vient|venir|viendrait)\s+me (?:chercher|prendre|"
        r"rappeler|emporter|faucher)\b|\b(?:que|qu')\s?(?:dieu|le bon dieu|"
        r"le seigneur) (?:me rappelle|me prenne|m'emporte)\b",
        r"\b(?:chez|vacances|voyage|vivre|habiter|travailler|etranger|demenag\w*|"
        r"week end)\b",
    ),
    (
        # Death no longer feared or waited for: "ça me ferait rien de mourir",
        # "la mort ne me fait plus peur, je l'attends", "plus rien à faire ici-bas".
        "death_welcome",
        r"\b(?:la mort|mourir|crever)\b.{0,10}\bne me fai[ts] (?:plus|meme plus) "
        r"(?:peur|rien)\b|\b(?:ferait|fait|ferais|fera) (?:rien|pas grand chose|"
        r"ni chaud ni froid|plus rien) (?:de |d')\s?(?:mourir|crever|disparaitre|"
        r"ne plus me reveiller|ne pas me reveiller)\b|\bmort\b.{0,30}\bje l'(?:attends|"
        r"espere|appelle|souhaite)\b|\bplus rien a faire (?:ici bas|sur (?:cette )?"
        r"terre|dans ce monde|en ce monde|sur cette planete)\b",
        None,
    ),
    (
        # A lethal means at hand: "j'ai le fusil de chasse à côté de moi".
        "means_at_hand",
        r"\b(?:fusil|carabine|arme|pistolet|revolver|flingue|corde(?! a (?:sauter|"
        r"linge))|lame|cutter|scalpel)s?\b(?:\s+[\w']+){0,4}?\s+(?:a cote de moi|"
        r"pres de moi|devant moi|sur moi|sur mes genoux|dans (?:ma|mes) mains?|"
        r"en main|a la main|sur la tempe|dans la bouche|sous (?:mon|l') ?oreiller|"
        r"chargee?s?)\b|^(?=.*\b(?:vais|va|vas) (?:le faire|passer a l'acte)\b)"
        r"(?=.*\b(?:j'ai tout ce qu'il (?:faut|me faut)|tout est pret|j'ai tout "
        r"prepare|j'ai ce qu'il faut|j'ai de quoi)\b)",
        r"\b(?:gateau|recette|cuisine|repas|diner|bricol\w*|travaux|peinture|"
        r"demarches?|dossier|papiers|formulaire|vaccin|prise de sang|test|analyse|"
        r"exercices?|seance|chasse (?:au|a la)|stand de tir|club|range\w*)\b",
    ),
    (
        # A place of danger: "au bord de la voie ferrée", "assise sur le parapet".
        "place_of_danger",
        r"\b(?:au bord|sur le bord) (?:de la |du |des |d'une |d'un )?(?:voie ferree|"
        r"voies? (?:ferrees?|du train|du metro|du rer)|chemin de fer|ligne de "
        r"(?:train|chemin de fer)|rails|quai du metro|ravin|gouffre|parapet|"
        r"rebord de la fenetre)\b|\b(?:assise?|debout|allongee?|couchee?|marche|"
        r"installee?)\s+(?:sur|entre)\s+les rails\b|\b(?:suis|assise?|debout|"
        r"allongee?|couchee?|marche|installee?)\s+(?:sur|entre)\s+(?:les |la |le )?"
        r"(?:voies? ferrees?|voie ferree|voie du (?:train|metro|rer)|rebord (?:de la|du"
        r") "
        r"(?:fenetre|balcon|toit|pont)|parapet|garde corps|rambarde)\b|"
        r"\b(?:en haut|au sommet|au dessus) (?:du|de la|d'un|d'une) (?:pont|viaduc|"
        r"falaise|immeuble|tour|parking|barrage)\b.{0,40}\b(?:en peux plus|adieu|"
        r"sauter|fini|vide|regarde en bas|pardon|personne)\b|\b(?:jeter|sauter|"
        r"lancer|precipiter)\s+(?:dans|au fond)\s+(?:le|la|un|une|du)\s+(?:ravin|"
        r"precipice|gouffre|vide|fleuve|riviere|canal|seine|loire|rhone)\b",
        None,
    ),
    (
        # Wishing to be run over: "en espérant qu'une voiture me renverse".
        "wish_run_over",
        r"\b(?:qu'|que )\s?(?:une?|le|la|les) (?:voiture|camion|train|bus|metro|"
        r"tram|moto|bagnole|poids lourd)s? (?:me|m') ?(?:renvers|percut|ecras|fauch|"
        r"tu|happ|passe dessus|roule dessus)\w*|\btraverse\w* sans regarder\b.{0,30}"
        rf"\b(?:en esperant|{_EXPRES}|volontairement|pour (?:en finir|mourir))",
        None,
    ),
    (
        # A ligature: "je me suis mis une ceinture autour du cou".
        "ligature",
        r"\b(?:ceinture|corde|cable|fil electrique|lacets?|cordelette|sangle|drap|"
        r"ficelle|rallonge)\b.{0,25}\b(?:autour (?:du|de mon|de son|de ton) cou|"
        r"au cou)\b|\b(?:me|se)\s+(?:suis |est )?(?:mis|mettre|mets|met)\w* (?:un|le) "
        r"sac (?:plastique |en plastique )?sur la tete\b",
        None,
    ),
    (
        # Ending it: "ma vie est un échec, je vais y mettre fin", "mettre fin à tout".
        "put_an_end",
        r"^(?=.*\b(?:vie|vivre|existence|souffr\w*|jours|echec|en peux plus|"
        r"tiens plus)\b).*\b(?:vais|veux|va|voudrais|dois|pret a|prete a|decide d'|"
        r"envie d'|compte|besoin d')\s?y mettre (?:fin|un terme)\b|\bmettre "
        r"(?:fin|un terme) a (?:tout|ma souffrance|mes souffrances|cette souffrance|"
        r"mon calvaire|mon existence)\b(?!\s+(?:ca|cela|ce|cette|ces|avec)\b)",
        None,
    ),
    (
        # "je veux que ça s'arrête définitivement", "prendre tous les médicaments
        # de l'armoire ... que ça s'arrête".
        "stop_for_good",
        r"\b(?:que|faire) (?:ca|tout ca|tout|la douleur|la souffrance|cette "
        r"souffrance|ma souffrance|cette vie)\s+s'arrete\b.{0,15}\b(?:definitivement|"
        r"pour toujours|pour de bon|a jamais|une (?:bonne )?fois pour toutes)\b|"
        r"\b(?:pris|prendre|avale\w*|avaler|gobe\w*|bu|vide\w*)\b.{0,20}\b(?:tous|"
        r"toutes|toute)\b.{0,15}\b(?:medicaments|medocs|cachets|comprimes|pilules|"
        r"gelules|somniferes|boites?|plaquettes?|flacons?|pharmacie|armoire)\b.{0,60}"
        r"\b(?:que (?:ca|tout|tout ca) s'arrete|en finir|ne plus me reveiller|"
        r"adieu|pardon)\b",
        None,
    ),
    (
        # Hoarding to take them all: "acheté des médicaments dans plusieurs
        # pharmacies pour tous les prendre".
        "bought_to_take_all",
        r"\b(?:achete|stocke|accumule|rassemble|amasse|economise|recupere|commande)"
        rf"\w*\b.{{0,60}}\b(?:{_MEDS_PILLS}|{_MED_NAMES})\b.{{0,60}}\b(?:pour (?:tous|"
        r"toutes) les (?:prendre|avaler)|pour les (?:prendre|avaler) (?:tous|toutes|"
        r"d'un coup|en meme temps|ensemble|en une fois))\b",
        None,
    ),
    (
        # Asking which medicines kill: "quels médicaments sont mortels".
        "lethal_question",
        r"\b(?:quels?|quelles?|lesquels|lesquelles)\s+(?:sont\s+les\s+)?(?:\w+\s+)?"
        r"(?:medicaments?|medocs?|cachets?|comprimes?|pilules?|somniferes?|produits?)"
        r"\b.{0,25}\b(?:mortels?|mortelles?|letales?|qui (?:peuvent )?tuer|"
        r"pour mourir|pour en finir)\b|\b(?:medicaments?|medocs?|cachets?|"
        r"comprimes?)\s+(?:les\s+)?plus\s+(?:mortels?|letaux)\b",
        r"\b(?:enfants?|bebes?|chiens?|chats?|animaux|chiots?|petits?|menagers?)\b",
    ),
    (
        # Reported: "ma grand-mère répète que tout le monde serait mieux sans elle".
        "better_without_them",
        r"\b(?:dit|dis|repete|pense|croit|trouve|raconte|ecrit|affirme|explique)\w*\s+"
        r"(?:que|qu')\s?(?:tout le monde|sa famille|ses enfants|les autres|"
        r"ses proches|on|nous|vous|ils|sa femme|son mari)\b.{0,25}\b(?:mieux|"
        r"plus heureux|plus heureuse|plus tranquilles?|soulage\w*|debarrasse\w*)\b"
        r".{0,15}\bsans (?:elle|lui)\b",
        None,
    ),
    (
        # No point in living: "je ne vois pas l'intérêt de continuer à vivre".
        "no_point_living",
        r"\b(?:vois|trouve|ai)\s+(?:plus|pas|aucun|aucune)\s+(?:l'|le |la |de |d'|"
        r"un |une )?\s?(?:interet|sens|raison|raisons|but|utilite)\s+(?:de |d'|a )?"
        r"\s?(?:continuer (?:a |de )?vivre|vivre|exister|rester en vie|"
        r"continuer\b(?!\s+(?:ce|cette|ces|le|la|les|l'|mon|ma|mes|son|sa|ses|a|au|"
        r"en|sans|avec|chez|dans|de|d')\b))",
        None,
    ),
    (
        # Last words to the care team: "je vous écris pour la dernière fois".
        "last_message",
        r"\b(?:vous|te|t')\s?(?:ecri\w*|parle\w*|contacte\w*)\s+pour la derniere "
        r"fois\b(?!\s+(?:concernant|au sujet|a propos|pour|avant|sinon|car|parce|"
        r"mais)\b)|^(?=.*\b(?:lettres?|mots?|messages?|courriers?)\b.{0,30}\bpour "
        r"(?:ma|mon|mes|les|toute ma|chacun de mes|chacune de mes) (?:famille|"
        r"enfants?|proches|femme|mari|filles?|fils|parents|mere|pere|soeur|frere|"
        r"petits enfants|amis|compagne?|compagnon|epoux|epouse)\b)(?=.*\b(?:c'est "
        r"pour (?:ce soir|cette nuit|demain|bientot|maintenant|tout a l'heure)|"
        r"ils (?:la |le |les )?(?:trouveront|liront)|(?:quand|apres que) je serai "
        r"(?:partie?|plus la)|adieu|pardon)\b)",
        r"\b(?:anniversaire|fete|noel|mariage|felicit\w*|remerci\w*|recommand\w*|"
        r"motivation|candidature|assurance|mutuelle|caf|secu|notaire)\b",
    ),
    ("make_it_all_stop", r"\b(?:que|faire) (?:tout|la vie|ma vie) s'arrete\b", None),
    ("english", r"\b(?:want to die|wanna die|kill myself|end my life)\b", None),
    ("hotline", r"\b3114\b", None),
    # A past attempt and the thought coming back ("j'ai deja essaye ... j'y repense").
    (
        "past_attempt_again",
        r"\b(?:j'ai|jai|j ai) deja (?:essaye|tente|fait une (?:tentative|ts))\b.{0,100}"
        r"\b(?:y (?:re)?pense\w*|recommence\w*|re-?envie|les idees? reviennent)\b",
        None,
    ),
)

# --- emergency_poisoning -----------------------------------------------------
POISONING: tuple[Rule, ...] = (
    (
        "insulin_twice",
        r"\binsuline\b.{0,50}\b(?:deux fois|2 fois|double|en trop)\b|\b(?:deux fois|"
        r"2 fois|double dose)\b.{0,50}\binsuline\b",
        None,
    ),
    (
        "corrosive_contact",
        rf"\b{_CORROSIVE}\b.{{0,60}}\b(?:dans la bouche|sur le visage|dans les yeux|"
        rf"dans l'oeil|sur la langue|sur les levres)\b",
        _HYPOTHETICAL,
    ),
    (
        "paracetamol_count",
        r"\b(?:pris|avale|prend|donne)\w*\s+(?:[5-9]|[1-9]\d+)\s+(?:doliprane|"
        r"paracetamol|dafalgan|efferalgan)\b",
        None,
    ),
    (
        "whole_container_taken",
        r"\b(?:pris|bu|avale|vide)\w* (?:toute la|tout le|toute une|tout un) (?:fiole|"
        r"boite|plaquette|flacon|tube|sirop|bouteille de sirop)\b",
        None,
    ),
    (
        "whole_treatment_taken",
        rf"\bpris (?:tous|toutes) (?:mes|ses|les|leurs) {_MEDS_STRONG}\b|\bpris "
        rf"(?:mes|ses|les) {_MEDS_STRONG}\b.{{0,20}}\b(?:tous|toutes|d'un coup|en entie"
        rf"r)\b",
        None,
    ),
    (
        "poison_word",
        r"\bintox\w*|\bempoison\w*|\banti ?poisons?\b|\bcentre poison",
        r"intoxication alimentaire|intox alimentaire|\b(?:eviter|prevenir|prevention|"
        r"securiser)\b|" + _FICTION + "|" + _INFORMATIONAL,
    ),
    (
        "overdose",
        r"\boverdose\b|\bsurdos\w*|\bsur (?:dosage|dose)\b",
        r"\boverdose (?:de|d') (?:series?|boulot|travail|taf|films?|jeux|reunions?|"
        r"chocolat|sucre|info\w*|netflix|tele|pub\w*|gens|stress)\b|" + _FICTION,
    ),
    (
        "carbon_monoxide",
        r"\bmonoxyde\b|\bdetecteur (?:de |d')?(?:co|monoxyde)\b|\bintox\w* (?:au|a l'|"
        r"par le|de) (?:co|gaz|monoxyde)\b",
        _INFORMATIONAL + "|" + _CO_TOPIC,
    ),
    (
        "co_symptoms",
        r"^(?=.*\b(?:chaudiere|chauffage|poele|cheminee|chauffe eau|chauffe bain|"
        r"brasero|barbecue|groupe electrogene|insert|radiateur|fuite de gaz|"
        r"odeur de gaz|a gaz|au gaz|gaz de ville|bouteille de gaz|"
        r"moteur)\b)(?=.*\b(?:mal a la tete|maux de tete|mal au crane|mal de tete|"
        r"migraines?|nausees?|vomi\w*|envie de vomir|vertiges?|etourdi\w*|malaise|"
        r"somnolen\w*|tete qui tourne)\b)",
        None,
    ),
    ("product_ingested", rf"\b{_INGEST}\b.{{0,50}}?\b{_PRODUCTS}\b", _SMALL_HARMLESS),
    (
        "product_then_verb",
        rf"\b{_PRODUCTS}\b.{{0,40}}\b(?:en a|en ont|en ai|en avons|l'a|l'ai|les a|"
        r"en aurait)\s+(?:\w+\s+)?"
        r"(?:bu|avale|mange|croque|goute|leche|mache|suce)\b|"
        rf"\b{_PRODUCTS}\b.{{0,30}}\bdans (?:la|sa|ta|ma|leur) bouche\b|"
        rf"\b{_MEDS_STRONG}\b.{{0,40}}\b(?:en a|"
        r"en ont|en ai|l'a|les a|en aurait)\s+(?:\w+\s+)?(?:bu|avale|mange|croque|"
        r"pris|gobe)\b",
        _SMALL_HARMLESS,
    ),
    (
        "child_meds",
        rf"\b{_CHILD}\b.{{0,60}}?\b(?:a|ont|aurait|avoir|as|"
        rf"ai)\s+(?:\w+\s+)?{_INGEST}\s+"
        r"(?!(?:son|sa|ses|leur|leurs)\b)(?:[\w']+\s+){0,5}?(?:l'|"
        rf"d')?(?:{_MEDS_STRONG}|medicament|"
        r"medoc|cachet|comprime|pilule|gelule|sirops|aspirine|boite|plaquette|"
        r"flacon)\b",
        None,
    ),
    (
        "toddler_alcohol",
        r"^(?=.*\b(?:bebe|bb|nourrisson|petit|petite|bambin|[1-9] ans|(?:un|deux|"
        r"trois|quatre|cinq|six) ans|\d+ mois)\b).*\b(?:bu|avale|goute|"
        r"leche)\b.{0,40}\b(?:alcool|vodka|whisky|rhum|pastis|vin|biere|champagne|"
        r"liqueur|apero)",
        None,
    ),
    (
        "someone_took_pills",
        r"\b(?:il|elle|ils|elles|on|j'ai|quelqu'un)\s+(?:a|ont|ai|aurait|"
        r"auraient)\s+(?:peut etre\s+)?(?:avale|bu|mange|croque|gobe)\s+(?:des|les|"
        r"plusieurs|plein de|de mes|de ses|une poignee de|un tas de|"
        rf"beaucoup de)\s+(?:\w+\s+)?{_MEDS_PILLS}\b",
        None,
    ),
    (
        "child_took_meds",
        rf"\b{_CHILD}\b.{{0,60}}?\b(?:a|ont)\s+pris\s+(?!(?:son|sa|"
        r"ses)\b)(?:[\w']+\s+){0,3}?"
        rf"{_MEDS_STRONG}\b.{{0,40}}\b(?:dans (?:l'armoire|la pharmacie|le placard|"
        r"le tiroir|mon sac|son sac|le sac|la boite)|en cachette|tout seule?|"
        r"sans (?:le |la |me )?(?:demander|savoir|permission)|de (?:sa|son|ma|"
        r"mon) (?:grand mere|grand pere|mamie|papi|mere|pere|frere|soeur)|"
        r"qui trainai\w*|par terre)",
        None,
    ),
    (
        "unknown_liquid",
        r"\b(?:bu|avale|ingere|goute)\w*\b.{0,40}\b(?:flacon|bidon)\b|\b(?:bu|avale|"
        r"ingere|goute)\w*\b.{0,50}\b(?:bouteille|verre|canette|"
        r"gobelet)\b.{0,60}\b(?:contenait|ce que c'est|inconnu\w*|bizarre|"
        r"pas de l'eau|etiquette|sous l'evier|garage|cave|produit)|\b(?:bu|avale|"
        r"ingere|goute)\w*\b.{0,20}\bliquide (?:bleu|vert|rose|jaune|violet|inconnu|"
        r"bizarre|transparent)",
        None,
    ),
    (
        "found_empty",
        r"(?:trouve|retrouve|vu|surpris)\w*.{0,60}\b(?:boite|plaquette|flacon|tube|"
        r"bouteille)\b.{0,40}\b(?:vide|videe|ouverte|entamee|a la bouche|"
        r"dans la bouche)\b",
        None,
    ),
    (
        "double_dose",
        rf"^(?=.*\b{_MEDS}\b)(?=.*\b(?:erreur|oubli\w*|en trop|au lieu|deja|expres|"
        r"megarde|intervalle|d'?ecart|rapproche\w*|d'affilee|coup sur coup|a la suite|"
        r"trop|inquiet\w*|grave|danger\w*|risque\w*|(?:mon|ma|mes|son|sa|ses|"
        r"leur) (?:traitement|dose|comprimes|cachets|medicaments|pilule|insuline|"
        r"gelules|sirop)|(?:sa|ma|la) dose)\b).*\b(?:pris|prendre|prend|avale|donne|"
        r"administre|mis|injecte|fait)\w*\s+(?:[\w']+\s+){0,5}?(?:deux|2|trois|3|"
        r"double|plusieurs|10|dix)\s+(?:fois|doses)\b(?!\s+par\s+(?:jour|semaine|mois|"
        r"an))",
        None,
    ),
    (
        "excess_dose",
        r"\b(?:double|triple)\s+dose\b|\bdose\s+(?:double|en trop|de trop|doublee)\b|"
        r"\bdeux doses\b(?!\s+par\b)|\ben double\b|\bdoublee?s? (?:sa|ma|la|leur|son|"
        r"mon) (?:dose|traitement|posologie)\b|\b(?:le |la )?(?:double|"
        r"triple) (?:de (?:la|ma|sa|leur|sa) )?(?:dose|posologie)\b|\b(?:pris|avale|"
        r"donne)\w*\s+(?:les|des|ses|mes)\s+"
        rf"{_MEDS_STRONG}\s+(?:de|d')\s?(?:ma|sa|mon|son|leur|ta|ton|la voisine|"
        r"le voisin)\s+\w+|\bdeux fois plus\b|\b(?:doses?|comprimes?|cachets?|"
        r"gelules?|medicaments?)\s+en trop\b|"
        rf"\b(?:fois|dose|doses) trop\b|(?<!prends )(?<!prend )(?<!prenons )\btrop de\s"
        rf"+(?:\w+\s+)?{_MEDS_STRONG}\b|"
        r"\b(?:pris|avale|donne|mis|colle|applique|pose|injecte|fait)\w*.{0,40}"
        r"\bau lieu d'?\s?(?:un|une|1|la moitie|"
        r"demi)\b|\bdepasse\w* (?:la|sa|ma|les|leur) (?:dose|doses|posologie)\b|"
        r"\b(?:[5-9]|\d{2}) ?(?:g|grammes)\b.{0,20}\b(?:paracetamol|doliprane|"
        r"dafalgan|efferalgan)|\b(?:paracetamol|doliprane|dafalgan|"
        r"efferalgan)\b.{0,20}\b(?:[5-9]|\d{2}) ?(?:g|grammes)\b|\b(?:pris|avale|"
        r"donne)\w* (?:[3-9]|\d{2}|trois|quatre|cinq|six|"
        rf"sept|huit|neuf|dix) (?:\w+ )?{_MEDS_STRONG} en (?:[1-9]|une|deux|trois|"
        r"quatre|cinq|six) ?(?:h|heures?|minutes?|min)\b|\bdeja (?:pris|avale|"
        r"donne)\b.{0,60}\b(?:repris|redonne|reprend|encore pris|deux fois|"
        r"une deuxieme|une seconde|a nouveau)|\b(?:repris|redonne)\b.{0,40}\b(?:dose|"
        r"comprimes?|cachets?|medicaments?|traitement|sirop|insuline)|"
        r"\boubli\w*\s+(?:qu'\s?(?:il|elle|ils|elles)|que j'|que je)\s*(?:avai[st]|a|"
        r"ai|avait)\s+deja\s+(?:pris|avale)",
        None,
    ),
    (
        "dose_error",
        r"\b(?:erreur|trompe|trompee|"
        r"confondu)\w*\s+(?:[\w']+\s+){0,3}?(?:de\s+)?(?:medicaments?|dose|dosage|"
        r"cachets?|comprimes?|traitement|pilulier|seringue|pilule|pipette|sirop|"
        r"posologie)\b",
        None,
    ),
    (
        "by_mistake",
        rf"^(?=.*\b(?:par (?:erreur|megarde|accident|inadvertance)|accidentellement|"
        rf"sans (?:le )?(?:vouloir|faire expres|faire gaffe))\b)"
        rf"(?=.*\b(?:{_MEDS}|{_MED_NAMES}|{_PRODUCTS})\b)"
        r".*\b(?:pris|prend|avale|bu|donne|mange|mis|injecte)\b",
        None,
    ),
    (
        "whole_tube",
        r"\b(?:avale|mange|bu|pris)\w*\b.{0,40}\btout (?:le|son|un) (?:tube|flacon|"
        r"pot)\b",
        None,
    ),
    (
        "whole_box",
        r"\b(?:avale|pris|bu|gobe|mange)\w*\s+(?:\w+\s+){0,2}?(?:toute?\s+(?:la|sa|ma|"
        r"une|les)\s+(?:boite|plaquette|flacon|tube)|toute?\s+(?:la|sa|ma|"
        r"une)\s+bouteille\s+(?:de |d')?(?:sirop|medicament|produit|javel|whisky|"
        r"vodka|alcool|rhum|pastis)\w*|tout (?:le|son|un) (?:tube|flacon|pot)\b|(?:un|"
        r"le) flacon (?:entier|de sirop)|(?:la|une) boite entiere|plusieurs (?:boites|"
        r"plaquettes)|\d{2,} (?:cachets|comprimes|gelules|pilules))",
        None,
    ),
    (
        "mushrooms",
        r"^(?=.*\b(?:champignons?|cepes?|girolles?|morilles?)\b)(?=.*\b(?:cueilli\w*|"
        r"ramass\w*|foret|bois|sauvages?|trouve\w*|jardin|pre|balade|cueillette|"
        r"vomi\w*|diarrh\w*|mal au ventre|malade|nausee\w*)\b)|\bamanites?\b",
        _INFORMATIONAL + "|" + _NOTHING_EATEN,
    ),
    (
        "eye_splash",
        r"^(?=.*\bdans (?:l'|les |son |mon |ses |mes |un |ton |tes |ces |sa |ma )?"
        rf"(?:oeil|yeux)\b)(?=.*\b{_CORROSIVE}\b)",
        _HYPOTHETICAL,
    ),
    (
        "fumes",
        r"\b(?:respire|inhale|sniffe|snife|aspire)\w*\s+(?:\w+\s+){0,4}?(?:vapeurs?|"
        r"fumees?|emanations?|gaz|chlore|javel|ammoniaque|solvant|colle|ether|"
        r"protoxyde|produit)\b|\bmelange\w*\s+(?:\w+\s+){0,2}?(?:javel|chlore|"
        r"produits? (?:menagers?|d'entretien|de nettoyage|chimiques?)|ammoniaque|"
        r"acide)|\bvapeurs? (?:de |d')\s?(?:javel|chlore|ammoniaque|produit|solvant|"
        r"essence|peinture|acide)",
        r"fumee (?:de |d')?(?:cigarette|tabac|clope|chicha)|tabagisme",
    ),
    (
        # Someone else's medicine: "a avalé le levothyrox de sa mamie", "donné à
        # ma mère les médicaments de sa voisine de chambre".
        "others_medicine",
        r"\b(?:pris|avale|bu|mange|gobe|croque|donne|administre|injecte|mis|colle)"
        r"\w*\b(?:\s+[\w']+){0,4}?\s+(?:le|la|les|l'|des|du|de la|un|une)\s?"
        rf"(?:\w+\s+)?{_MED_NAMES}\b.{{0,25}}\b(?:de|d'|du)\s?(?:sa|son|ses|ma|mon|"
        rf"mes|la|le|leur|l')\s?(?:\w+\s+)?{_RELATIVE}\b|\b{_CHILD}\b.{{0,40}}\b(?:a|"
        r"ont)\s+(?:pris|avale|bu|mange|croque|gobe|attrape)\s+(?:mon|ma|mes|notre|"
        rf"nos)\s+(?:\w+\s+)?{_MED_NAMES}\b",
        # The pharmacy handing over a relative's box is no intake.
        r"^(?=.*\bpharmac(?:ie|ien\w*)\b)(?!.*\b(?:pris|avale|bu|mange|gobe|croque)\b)",
    ),
    (
        # Part of a container: "bu la moitié de la bouteille de sirop".
        "part_of_container",
        r"\b(?:bu|avale|pris|mange|vide|gobe|croque)\w*\s+(?:la moitie|le reste|"
        r"un quart|les trois quarts|une bonne partie|une partie|un bon bout|"
        r"plus de la moitie|presque tout|un tiers)\s+(?:de la|du|d'une?|de|des)\s+"
        r"(?:(?:plaquette|pilulier|fiole|flacon)s?\b|(?:bouteille|boite|tube|pot|"
        rf"sachet|bidon)s?\s+(?:de |d')\s?(?:\w+\s+)?(?:{_MED_NAMES}|{_PRODUCTS})\b)",
        _SMALL_HARMLESS,
    ),
    (
        # Pills missing after a child opened the box: "il en manque plusieurs".
        "pills_missing",
        rf"^(?=.*\b(?:{_MED_NAMES}|boite|plaquette|pilulier|flacon)\b)(?=.*\b(?:ouvert|"
        r"trouve|joue|attrape|fouille|grimpe|ouvre)\w*\b).*\b(?:il en manque|"
        r"en manque (?:plusieurs|beaucoup|\d+|quelques|un|une|deux|trois)|manque "
        r"(?:des|plusieurs|\d+|quelques|deux|trois) (?:cachets|comprimes|gelules|"
        r"pilules|doses))\b",
        r"\b(?:pharmacien\w*|la pharmacie s'est|livraison|commande|rembours\w*|"
        r"rupture|notice)\b",
    ),
    (
        # Toxic plant taken for a food: "confondu de la ciguë avec du persil".
        "plant_mix_up",
        r"^(?=.*\b(?:confondu|confondue|confusion|pris pour|cru que c'etait|"
        r"pensait que c'etait)\b).*\b(?:cigue|colchique|datura|belladone|digitale|"
        r"aconit|muguet|laurier rose|morelle|arum|amanites?|champignons?|baies|if)\b",
        _INFORMATIONAL,
    ),
    (
        # CO: fire indoors with people unwell, or a household unwell near a
        # burning appliance, or symptoms at home that go away outside.
        "co_household",
        r"^(?=.*\b(?:barbecue|brasero|braises?|charbon|groupe electrogene|"
        r"chauffage d'appoint|poele a petrole|radiateur a petrole|moteur)\b.{0,50}"
        r"\b(?:dans (?:la|le|l'|une|un|notre|ma|mon)\s?(?:maison|appartement|appart|"
        r"garage|tente|caravane|piece|cuisine|salon|chambre|camping car|mobil home|"
        r"sous sol|cave)|a l'interieur|en interieur|pour (?:se|nous|me) chauffer|"
        rf"fenetres? fermees?))(?=.*\b{_UNWELL}\b)|^(?=.*\b{_COMBUSTION}\b)(?=.*\b(?:to"
        rf"us|"
        r"toutes|toute la famille|tout le monde|les enfants et moi|nous deux|"
        rf"tous les deux|les deux)\b)(?=.*\b{_UNWELL}\b)|^(?=.*\b(?:mal a la tete|"
        r"maux de tete|nausee\w*|vertiges?|vomi\w*|malaise\w*|somnolen\w*)\b)"
        r"(?=.*\b(?:chez moi|a la maison|chez nous|dans (?:la maison|l'appart\w*|"
        r"le logement))\b).*(?:\b(?:passe\w*|disparai\w*|va mieux|mieux|"
        r"s'ameliore\w*)\b.{0,15}\b(?:dehors|a l'exterieur|quand je sors|en sortant|"
        r"au travail|ailleurs)\b|\b(?:dehors|quand je sors|en sortant|"
        r"a l'exterieur)\b.{0,20}\b(?:passe|disparai\w*|mieux|ca va)\b)",
        None,
    ),
    (
        # Recreational drugs with a sign of danger: "pris plein de protoxyde",
        # "mangé un space cake, il est pas bien", "un truc en soirée, elle délire".
        "recreational_drug",
        r"^(?=.*\b(?:pas bien|malaise|delire\w*|hallucin\w*|coeur (?:qui )?bat|"
        r"palpitations?|tachycard\w*|vomi\w*|convuls\w*|tremble\w*|sent (?:plus|pas)|"
        r"inconscient\w*|respire|bizarre\w*|parano\w*|panique|agite\w*|somnol\w*|"
        r"endormi\w*|repond|reveill\w*|brulant\w*|bleu\w*|paralys\w*|plein de|"
        r"beaucoup|trop|enormement|\d+ (?:ballons|cartouches|bonbonnes))\b)"
        r"(?=.*\b(?:pris|prend|consomme|fume|sniffe|snife|inhale|avale|mange|bu|gobe|"
        r"tape|teste|essaye)\w*\b.{0,30}\b"
        rf"{_DRUGS}\b)|\b(?:mis|verse|glisse)\w* (?:quelque chose|un truc|une drogue|"
        r"du ghb|un produit)\b.{0,20}\bdans (?:mon|son|leur|ton|notre) verre\b|"
        r"\b(?:pris|avale|bu|gobe)\w* (?:un truc|quelque chose|une pilule|"
        r"un cachet|un produit)(?:\s+(?:hier|ce soir|cette nuit|samedi|vendredi))?\s+"
        r"(?:en soiree(?! pyjama)|en boite|a une fete|a la fete|en festival|"
        r"qu'on (?:lui|m') a (?:donne|file))\b",
        None,
    ),
    (
        # Chemicals sprayed or breathed with symptoms: "pulvérisé du désherbant
        # sans masque, la tête qui tourne".
        "chemical_exposure",
        r"^(?=.*\b(?:tete qui tourne|vertiges?|vomi\w*|nausee\w*|mal a la tete|"
        r"maux de tete|malaise|etourdi\w*|tousse\w*|brule\w*|respire|gorge|"
        r"evanoui\w*)\b).*\b(?:pulverise|vaporise|asperge|traite|epandu|manipule|"
        r"utilise|respire|inhale|nettoye|melange)\w*\b.{0,40}\b(?:desherbant|"
        r"herbicide|pesticide|insecticide|fongicide|roundup|glyphosate|raticide|"
        r"solvant|diluant|white spirit|acetone|javel|chlore|ammoniaque|decapant|"
        r"produits? (?:chimiques?|menagers?|d'entretien|de nettoyage|pour (?:la )?"
        r"piscine|phyto\w*))\b",
        _HYPOTHETICAL,
    ),
    (
        # A week of pills at once: "toute sa semaine de pilulier d'un coup".
        "days_of_pills",
        r"\b(?:toute?|tous|toutes) (?:la|sa|ma|une|leur) semaine (?:de |du |d')\s?"
        r"(?:pilulier|traitement|medicaments|medocs|cachets|comprimes)\b|"
        r"\b(?:plusieurs|\d+|deux|trois|quatre|cinq|six|sept) (?:jours|soirs|matins) "
        r"(?:de |du )(?:pilulier|traitement|medicaments|cachets|comprimes)\b.{0,20}"
        r"\b(?:d'un coup|en une fois|en meme temps|ensemble)\b|\b(?:comprimes|cachets|"
        r"medicaments|gelules|pilules|doses|cases)\s+(?:de|d'|du)\s?(?:toute la |la |"
        r"une |plusieurs |\d+ |deux |trois |quatre )?(?:semaine|jours|soirs|matins)\b"
        r".{0,20}\b(?:d'un coup|d'un seul coup|en une fois|en meme temps|ensemble)\b",
        None,
    ),
    (
        # Too much of a named medicine: "pris trop d'ibuprofène".
        "too_much_medicine",
        r"\b(?:pris|avale|donne|bu|mis|injecte|gobe)\w*\s+(?:beaucoup\s+|bien\s+|"
        rf"largement\s+)?trop (?:de |d')\s?(?:\w+\s+)?{_MED_NAMES}\b",
        None,
    ),
    (
        # Opioid overdose: a patch or dose too many, or a sleepy patient.
        "opioid_overdose",
        rf"^(?=.*\b{_OPIOIDS}\b)(?=.*\b(?:trop|en trop|au lieu|double|plusieurs|"
        r"(?:\d+|deux|trois|quatre) (?:patchs|doses|comprimes|gelules|cachets)|"
        r"oublie\w* (?:de )?(?:l'|les )?enlever|pas enleve|rajoute)\b)(?=.*\b(?:endormi"
        r"e?|"
        r"somnol\w*|dort|reveill\w*|respire|pupilles|confus\w*|ronfle|molle?|"
        r"repond)\b)|^(?=.*\b(?:{_OPIOIDS}|patchs?)\b).*\b(?:(?:impossible|dur|"
        r"difficile) a reveiller|pupilles (?:toutes )?(?:petites|minuscules|en tete "
        r"d'epingle)|respire (?:tres )?(?:lentement|a peine))\b",
        None,
    ),
    (
        # Swallowed battery or magnet, and a product named before its verb:
        # "pile bouton avalée", "capsule de lessive avalée".
        "battery_or_reversed",
        r"\b(?:piles? (?:bouton|plates?|rondes?|lithium|au lithium|de montre)|"
        r"aimants?)\b.{0,40}\b(?:avalee?s?|ingeree?s?|gobee?s?|dans (?:la|sa|son) "
        r"(?:bouche|nez|oreille|gorge|ventre)|trouve plus|manque)\b|"
        rf"\b{_PRODUCTS}\b\s+(?:\w+\s+)?(?:avalee?s?|ingeree?s?|bue?s?)\b",
        _SMALL_HARMLESS + "|" + _HYPOTHETICAL,
    ),
    (
        # An unknown liquid: "bu quelque chose dans le garage, ça sentait l'essence".
        "unknown_drink",
        r"\b(?:bu|avale|ingere|goute|lampe)\w*\s+(?:quelque chose|un truc|un liquide|"
        r"un produit|une substance|un machin)\b.{0,40}\b(?:garage|cave|atelier|abri|"
        r"cabanon|remise|sous l'evier|grenier|buanderie|placard|bidon|flacon)\b|"
        r"\b(?:bu|avale|ingere|goute|lampe)\w*\b.{0,80}\b(?:sentait|odeur|gout)\b"
        r".{0,15}\b(?:essence|javel|chlore|white spirit|solvant|produit|petrole|"
        r"gasoil|gazole|acetone|ammoniaque|pesticide|fioul|antigel|alcool a bruler)\b",
        None,
    ),
    (
        "english_poisoning",
        r"\b(?:swallowed|drank|ate|has eaten)\b.{0,30}\b(?:bleach|battery|batteries|"
        r"detergent|pods?|poison|chemicals?|magnets?|too many|(?:a|the) whole "
        r"(?:bottle|box|pack)|all (?:my|his|her|the|their) (?:pills|tablets|meds))\b|"
        r"(?<!food )\bpoison(?:ed|ing)\b",
        None,
    ),
    ("ingestion_word", r"\bingestion\b", None),
)

# --- emergency_medical -------------------------------------------------------
MEDICAL: tuple[Rule, ...] = (
    (
        "electric_shock",
        r"\belectrocut\w*|\belectrise\w*|\b(?:pris|prendre|prend)\w* (?:une |un )?(?:gr"
        r"osse |"
        r"forte |sacree )?(?:decharge|coup de jus)\b|\bjus de la prise\b|\b(?:pris|pren"
        r"dre|"
        r"prend)\w* (?:le|du) jus\b(?=.{0,25}\b(?:prise|courant|electri\w*|fil|cable|"
        r"secteur|220|230))|\b(?:doigts?|fourchette|couteau|clou|epingle|tournevis|"
        r"cle)\b.{0,20}\bdans (?:la|une) prise\b(?!.{0,30}\b(?:eviter|proteg\w*|"
        r"cache\w*))",
        None,
    ),
    (
        "severe_scald",
        r"\b(?:eau|huile|lait|soupe) bouillante?\b.{0,60}\b(?:visage|torse|ventre|dos|"
        r"poitrine|cou|tout le bras|toute la jambe|bebe)\b|\bpeau\b.{0,20}\b(?:en "
        r"lambeaux|part en|se decolle)\b",
        None,
    ),
    (
        "arm_and_jaw",
        r"\bbras gauche\b.{0,50}\bmachoire\b|\bmachoire\b.{0,50}\bbras gauche\b",
        None,
    ),
    (
        "limb_gave_way",
        r"\b(?:bras|jambe|main|pied)s?\b.{0,40}\b(?:repond\w*|bouge\w*) (?:plus|pas)\b",
        r"\b(?:depuis (?:des|plusieurs) (?:semaines|mois|annees))\b",
    ),
    (
        "bleeding_out",
        r"\b(?:me|se|te|nous|vous) vid\w* de (?:mon|son|ton|leur|notre|votre) sang\b",
        None,
    ),
    (
        "sudden_confusion",
        r"\b(?:sait|sais|savait) (?:plus|pas) (?:ou|qui) (?:il|elle|je) (?:est|suis|eta"
        r"it)\b|"
        r"\bcogn\w* la tete\b.{0,60}\b(?:confus\w*|vomi\w*|somnolent\w*|"
        r"reveill\w*|inconscient\w*|bizarre)",
        None,
    ),
    (
        "throat_closing",
        r"\bgorge (?:qui se (?:ferme|bloque|serre)|(?:se )?ferme|bloquee)\b",
        None,
    ),
    (
        "stab_or_gunshot",
        r"\bpoignard\w*|\bcoups? de couteau\b|\b(?:blesse|touche)\w* par (?:balle|"
        r"arme)\b|\bpris une balle\b|\bsaign\w* (?:du|de la|au|a la) (?:ventre|"
        r"thorax|poitrine|cou|gorge|tete)\b",
        None,
    ),
    (
        "chest_pain",
        r"\b(?:mal|douleurs?|serre\w*|serrement|oppress\w*|poids|barre|etau|brule\w*|"
        r"point|compression|comprim\w*|pression|ecrase\w*|gene|"
        r"pique)(?:\s+[\w']+){0,6}?\s+(?:poitrine|thorax|torse|sternum|"
        r"coeur)\b(?<!mal au coeur)(?<!mal o coeur)",
        None,
    ),
    (
        "chest_pain_rev",
        r"\b(?:poitrine|thorax|torse|sternum)\b(?:\s+[\w']+){0,4}?\s+(?:serre\w*|mal|"
        r"douleurs?|douloureu\w*|oppress\w*|brule\w*|ecrase\w*|comprim\w*|bloque\w*|"
        r"lourde?)|\b(?:douleur|oppression|gene|mal|douleurs)\s+thoraciques?\b",
        None,
    ),
    (
        "chest_hold",
        r"\b(?:tient|tiens|tenait|main sur|mains sur|agrippe|attrape)\w*\s+(?:la|sa|"
        r"ma|le|son)\s+(?:poitrine|coeur|thorax|torse)\b",
        None,
    ),
    (
        "chest_radiating",
        r"\b(?:poitrine|coeur|thorax|torse|sternum|thoracique)\b.{0,60}\b(?:irradi\w*|"
        r"descend\w*|part|partent|remonte\w*|monte\w*|file|lance\w*|propage\w*|jusque|"
        r"jusqu'?a|jusqu'au)\b.{0,25}\b(?:bras|machoires?|epaules?|cou|dos)\b|"
        r"\b(?:irradi\w*|descend\w*|part|remonte\w*|monte\w*|file|"
        r"propage\w*)(?:\s+[\w']+){0,5}?\s+(?:bras gauche|machoire|machoires)\b",
        None,
    ),
    (
        "heart_attack",
        r"\b(?:crise|attaque|malaise)\s+cardiaque\b|\binfar\w*",
        r"\b(?:prevenir|prevention|eviter|facteurs? de risque)\b|" + _INFORMATIONAL,
    ),
    (
        "cardiac_arrest",
        r"\barret cardiaque\b|\bmassage cardiaque\b|\bdefibrillateur\b|\b(?:plus|"
        r"pas) de pouls\b|\bcoeur (?:ne )?bat (?:plus|pas)\b",
        # Learning the gesture is not an emergency; a heart that stopped always is.
        _INFORMATIONAL
        + r"|^(?!.*\b(?:pouls|bat plus|bat pas|respire|repond|inconscient|tombe|vite|"
        r"maintenant)\b).*\b(?:apprendre|formation|cours|me former|stage|diplome)\b",
    ),
    (
        "stroke_word",
        r"\bavc\b|\baccident vasculaire\b|\battaque cerebrale\b|\b(?:fait|eu|fais|"
        r"faire)\s+une\s+attaque\b(?!\s+(?:de|d')\s?(?:panique|angoisse|chien|"
        r"requin))|\bhemipleg\w*",
        r"\b(?:prevenir|prevention|eviter|facteurs? de risque)\b|" + _INFORMATIONAL,
    ),
    (
        "stroke_face",
        r"\b(?:bouche|visage|levres?|figure|face|joue|"
        r"sourire)\b(?:\s+[\w']+){0,4}?\s+(?:de travers|tordue?|deformee?|tombe|"
        r"affaiss\w*|paralyse\w*|pend|devie\w*|asymetri\w*|tire d'un cote|"
        r"tire sur le cote|tire vers)|\bperdu l'usage (?:du|de son|de sa|de la|de ses|"
        r"de mon|de ma) (?:bras|jambe|main|cote)|\bmoitie (?:du|de (?:mon|son|sa|ma|"
        r"leur)) (?:corps|visage|figure|bouche)|\bun cote du (?:corps|visage)\b|"
        r"\bparalys\w*.{0,30}\b(?:droite?|gauche|d'un cote)\b|"
        rf"\b(?:droite?|gauche)\b.{{0,30}}\bparalys\w*|^(?=.*{_SUDDEN}).*\bparalys\w*",
        r"paralysie du sommeil",
    ),
    (
        "stroke_limb",
        rf"^(?=.*{_SUDDEN}).*(?:\b(?:peu[xt]?|arrive\w*|reussi\w*|"
        r"parvien\w*)\s+(?:plus|pas|presque plus)\s+(?:a\s+)?(?:bouger|lever|soulever|"
        r"sentir|tenir|serrer)|\b(?:sens|sent)\s+plus|\bplus de force|\bsans force|"
        r"\bengourdi\w*|\binsensible|\binerte).{0,30}\b(?:bras|jambes?|main|pied|cote|"
        r"doigts|visage)\b|"
        rf"^(?=.*{_SUDDEN}).*"
        r"\b(?:bras|jambes?|main|cote)\b(?:\s+[\w']+){0,3}?\s+(?:engourdi\w*|lache|"
        r"inerte|insensible|sans force|tout mou|toute molle)",
        None,
    ),
    (
        "stroke_speech",
        r"\b(?:parle|parler|parlait|articule|articuler|"
        r"prononce)\w*\s+(?:[\w']+\s+){0,3}?(?:bizarre\w*|difficilement|"
        r"avec difficulte|plus correctement|plus normalement|plus bien|de travers|"
        r"incomprehensible\w*|n'importe comment|confus\w*|saoule?|soule?|ivre|"
        r"bourree?)\b|"
        r"(?<!me )(?<!te )(?<!se )(?<!nous )(?<!vous )(?<!lui )(?<!leur )\b(?:parle|"
        r"parlait|articule)\s+plus\b(?!\s+(?:a|au|aux|avec|de|du|des|trop|fort)\b)|"
        r"\b(?:melange|cherche|trouve plus)\s+(?:les|ses|des|mes)\s+mots\b|"
        r"\bbafouill\w*|\baphasi\w*|\bparole (?:difficile|bizarre|confuse|pateuse|"
        r"hachee|incomprehensible)|\b(?:difficultes?|troubles?) (?:a parler|"
        r"de (?:la )?parole|d'elocution)|\bdit (?:n'importe quoi|des choses bizarres)|"
        r"\bpropos incoherents?|\bcomprend\w* (?:rien|plus rien|pas) (?:a |"
        r"de )?ce qu'?\s?(?:il|elle) (?:dit|raconte)|\b(?:peu[xt]?|"
        r"arrive\w*)\s+(?:plus|pas)\s+(?:a\s+)?(?:parler|articuler)\b|"
        r"^(?=.*\b(?:d'un coup|d'un seul coup|tout a coup|soudain\w*|brutal\w*|"
        r"brusque\w*|subit\w*|depuis \d+ ?(?:min|minutes|mn)|il y a \d+ ?(?:min|"
        r"minutes|mn)|depuis (?:une|\d+) ?(?:h|heures?)|ce matin|cette nuit|"
        r"tout a l'heure|s'est reveille\w*|depuis son reveil)\b)"
        r".*\b(?:repond\w* (?:n'importe quoi|a cote|des choses "
        r"bizarres)|comprend\w* (?:plus|pas|plus rien|rien) (?:a )?ce (?:que|qu'))",
        None,
    ),
    (
        "stroke_one_side",
        r"\b(?:cote|moitie (?:du corps|du visage)?)\s*(?:droit|"
        r"gauche)?\b.{0,30}\b(?:fourmis|fourmill\w*|engourdi\w*|paralys\w*|insensible|"
        r"sans force|plus de force|lourde?|inerte)|\b(?:fourmis|fourmill\w*|"
        r"engourdi\w*|paralys\w*|insensible|sans force|"
        r"plus de force)\b.{0,30}\b(?:tout le|toute la|la moitie|un) cote\b|"
        rf"^(?=.*{_SUDDEN}).*\bparle (?:\w+ )?mal\b|\b(?:trouve\w*|cherche\w*|"
        r"melange\w*|confond\w*|inverse\w*)\s+(?:pas\s+|plus\s+)?(?:les|ses|des|"
        r"mes)\s+mots\b",
        None,
    ),
    (
        "stroke_vision",
        r"\b(?:vois|voit|voyait)\s+plus rien\b(?! sans)|\b(?:vois|voit|"
        r"voyait)\s+(?:plus|pas|rien)\s+(?:rien\s+)?(?:d'un|de l'|de son|de mon|"
        r"de l'autre) oeil\b|\bperte (?:\w+ )?de (?:la )?(?:vue|vision)|\b(?:vue|"
        r"vision)\b.{0,20}\b(?:brutal\w*|soudain\w*|d'un coup|tout a coup)|"
        r"\bdevenue? aveugle\b|\bperdu (?:la|sa) (?:vue|vision)\b|\bvoile noir\b|"
        r"^(?=.*\b(?:d'un coup|soudain\w*|brutal\w*|tout a coup|brusque\w*|"
        r"mal a la tete)).*\b(?:voi[st] double|vision double|voi[st] (?:flou|trouble))",
        None,
    ),
    (
        "thunderclap_headache",
        r"\b(?:tete|crane) qui (?:va )?explos\w*|\b(?:mal de tete|mal a la tete|"
        r"migraine|cephalee|maux de tete|mal au crane|mal de crane)\b.{0,60}\b(?:pire|"
        r"jamais eu|coup de tonnerre|d'un coup|brutal\w*|soudain\w*|subit\w*|"
        r"explos\w*|tout a coup|comme jamais)|\b(?:pire|brutal\w*|soudain\w*|"
        r"violent\w*)\s+(?:mal de tete|migraine|cephalee)\b.{0,40}\b(?:vie|jamais|"
        r"d'un coup)|\bcoup de tonnerre\b",
        None,
    ),
    (
        "breathing",
        r"\b(?:peu[xt]?|arrive\w*|reussi\w*|parvien\w*)\s+(?:pas|plus|presque plus|"
        r"meme plus|vraiment plus|mal)\s+(?:a\s+)?respire\b|\brespire\s+(?:(?:super|"
        r"tres|vraiment|trop|hyper|tellement|de plus en plus|encore)\s+)?(?:pas|plus|"
        r"presque plus|mal|tres mal|difficilement|avec difficulte|a peine|bizarrement|"
        r"bizarre|lentement|tres lentement|doucement)\b(?!\s+(?:bien\s+)?par le nez)|\b"
        r"ne\s+respire\b|\b(?:problemes?|"
        r"souci|peine)\s+(?:\w+\s+){0,2}?(?:a|pour|de)\s+respire\b(?!\s+par le nez)|"
        r"\b(?:du mal|mal|difficultes?|gene)\s+(?:a|"
        r"pour)\s+respire\b(?!\s+par le nez)|\bsuffoqu\w*|\basphyxi\w*|"
        r"\bmanqu\w* d'air\b|\b(?:arrive\w*|peu[xt]?|reussi\w*)\s+(?:pas|"
        r"plus)\s+a\s+(?:reprendre|retrouver)\s+(?:son|mon|sa|leur)\s+(?:souffle|"
        r"respiration)|\bcherche (?:son|mon|leur|sa) (?:air|souffle|respiration)|"
        r"\bdetresse respiratoire|\barret respiratoire|\bpauses? (?:respiratoires?|"
        r"quand (?:il|elle) respire)|\bplus de respiration\b|"
        r"\bapnees?\b(?! du sommeil)",
        None,
    ),
    (
        "choking",
        r"(?:(?<=je m')|(?<!m'))(?<!on )\betouff(?:e|es|ent|er|ait|ais|ee|ees|ons|"
        r"ez)\b(?! de (?:chaleur|chaud|rire))|\b(?:fausses? routes?|"
        r"etouffement)\b.{0,50}(?:respire|bleue?|rouge|parle plus|peu[xt]? plus|"
        r"arrive plus|tousse plus|maintenant|en ce moment|vite|secours)|\b(?:coince|"
        r"bloque|reste)\w*\s+(?:dans|en travers de)\s+(?:la|sa|ma|leur)\s+gorge|"
        r"\bavale de travers\b.{0,40}(?:respire|bleu|parle plus|peut plus|arrive plus)",
        _HYPOTHETICAL,
    ),
    (
        "cyanosis",
        r"\b(?:bebe|nourrisson|enfant|fils|fille|petite?|il|elle|mari|femme|pere|mere|"
        r"papa|maman|papi|mamie|frere|soeur|lui)\s+(?:est|devient|a l'air|semble|"
        r"reste)\s+(?:tout\s+|toute\s+)?(?:bleue?|violette?|violace\w*|grise?)\b|"
        r"\b(?:levres?|visage|figure|teint|peau|doigts|ongles|"
        r"bouche)\s+(?:[\w']+\s+){0,2}?(?:bleue?s?|bleute\w*|bleuiss\w*|bleuit|"
        r"violette?s?|violace\w*|grise?s?|cyanose\w*)\b|\b(?:devien\w*|devenu\w*|"
        r"vire\w*|tout|toute|toutes|tous)\s+(?:\w+\s+)?(?:bleue?s?|bleute\w*|"
        r"violette?s?|violace\w*|grise?s?)\b|\bcyanos\w*",
        r"\b(?:cheveux|barbe|chat|chaton|chien|ciel|temps|pelage|poils|murs?|voiture|"
        r"cheville|genou|cuisse|hanche|coude|orteil|hematome|bosse|entorse|tordu\w*|"
        r"pull|robe|vetements?|t shirt|tee shirt|pantalon|chaussures?|peinture|stylo|"
        r"encre|feutre)\b",
    ),
    (
        "asthma_attack",
        r"\bcrise d'asthme\b.{0,60}(?:passe pas|passe plus|ventoline|inhalateur|spray|"
        r"pompe|marche pas|grave|forte|violente|arrive pas|arrete pas)|\b(?:fais|fait|"
        r"en train de faire)\s+une\s+(?:grosse\s+)?crise d'asthme\b|"
        r"\bessouffl\w*.{0,40}(?:repos|sans bouger|empire|de plus en plus|parler|"
        r"allonge\w*|rien fait|brutal\w*|d'un coup)",
        None,
    ),
    (
        "unconscious",
        r"\binconscient\w*\b(?!\s+(?:du|des|de|d')\b)|\binconscience\b|"
        r"\bperdu conscience\b|\bperte de conscience\b|\b(?:n'est|plus|"
        r"pas) conscient\w*\b(?!\s+(?:de|du|des|d')\b)|\best en arret\b\s*(?:[.!?]|$|"
        r"cardiaque|respiratoire)|(?<!a )(?<!ai )(?<!as )\b(?:fait|fais|"
        r"en train de faire|faire) un (?:gros |grave )?malaise\b|\binanime\w*|"
        r"\b(?:trouve|retrouve)\w*\s+(?:\w+\s+)?(?:par terre|au sol|sans vie|"
        r"sans connaissance)\b|\bfait un arret\s*(?:[.!?]|$|cardiaque|du coeur)|"
        r"\b(?:gris|grise|pale|livide|blanc|blanche)\b.{0,20}\b(?:transpire\w*|"
        r"sueurs?|en sueur|moite)\b|\bperdu connaissance\b|\bperte de connaissance\b|"
        r"\bsans connaissance\b|\bevanou\w*|\btombe\w* dans les pommes\b|"
        r"\bsans reaction\b|\bcoma\b|\bcomateu\w*|\breprend pas connaissance|"
        r"\brevien\w* pas a (?:lui|elle)|\bs'(?:est |e )?(?:effondre|"
        r"ecroule)e?\b(?! en (?:larmes|pleurs))",
        rf"{_HYPOTHETICAL}|\bfailli (?:m'|s'|t')?(?:evanou\w*|tomber dans les pommes)|"
        r"\b(?:sensation|impression) (?:de |d')\s?(?:m'|s')?evanou\w*",
    ),
    (
        "unresponsive",
        r"(?<!personne ne )\b(?:repond|reagit|bouge)\s+(?:plus|pas|a rien|"
        r"presque plus|quasiment plus|presque pas|quasiment pas)\b(?!\s*(?:au|aux|"
        r"du(?! tout)|de|d'|a mes|par|sur|quand je (?:l'|lui )?(?:appelle|telephone|"
        r"ecris)))",
        r"\b(?:cabinet|secretariat|medecin|docteur|dr|standard|telephone|tel|"
        r"pharmacie|pharmacien|numero|site|appli|application|mutuelle|secu|caf|ameli|"
        r"serveur|vous|tu|bot|hygie|mail|dent)\b[^.!?]{0,25}\b(?:repond|reagit|bouge)",
    ),
    (
        "wont_wake",
        r"\bse reveill?e?\s+(?:pas|plus)\b(?!\s+(?:le matin|a l'heure|pour|avant|tot|"
        r"la nuit))|\bse reveill?e?\s+(?:presque|quasiment|a peine)(?:\s+(?:pas|"
        r"plus))?\b(?!\s+(?:le matin|a l'heure|pour|avant|tot|la nuit))|"
        r"\bimpossible a reveiller\b|\b(?:arrive\w*|peu[xt]?|reussi\w*|parvien\w*)\s+(?"
        r":pas|"
        r"plus)\s+a\s+(?:le|la|les|l')\s?reveill\w*",
        None,
    ),
    (
        "collapse",
        r"^(?=.*\bmalaise\b)(?=.*\b(?:par terre|au sol|tombe\w*|s'est effondre|"
        r"ne (?:repond|bouge|reagit)|grave|vite|urgent|secours|sueurs?|transpire\w*|"
        r"poitrine)\b)",
        None,
    ),
    (
        "high_fever_signs",
        r"\b(?:4[0-2]|39[.,]\d|40[.,]\d)\s*(?:de fievre|°c?|"
        r"degres)?\b.{0,40}\b(?:delire\w*|confus\w*|convuls\w*|ne repond|somnolen\w*|"
        r"hallucin\w*)|\bfievre\b.{0,40}\b(?:delire\w*|convuls\w*|inconscient\w*|"
        r"hallucin\w*)|\b(?:sent|sens|trouve)\w* (?:plus|pas) (?:son|le|de|"
        r"mon) pouls\b|\bmanqu\w* d'oxygene\b|\bbave\w* d'un cote\b|"
        r"^(?=.*\b(?:bave\w*|repond|reagit|bouge|tombe\w*|malaise|"
        r"convuls\w*)\b).*\b(?:yeux dans le vide|regard (?:fixe|vide))\b|"
        r"\bchute de (?:\d+|plusieurs|deux|trois|quatre|cinq) (?:m|metres|etages?)\b|"
        r"\btombe\w* de (?:\d+|plusieurs) ?(?:m|metres|etages?)\b|^(?=.*\b(?:bebe|"
        r"nourrisson|enfant)\b).*\b(?:yeux creux|pleure sans larmes)\b",
        None,
    ),
    (
        "bleeding",
        r"\bhemorr?agi\w*|\bsaign\w*\s+(?:\w+\s+)?(?:beaucoup|enormement|abondamment|"
        r"partout|a flots?|fort|sans arret|trop)\b|\bsang (?:jaillit|gicle|"
        r"coule a flots?|pisse)\b|\bartere (?:coupee|sectionnee|touchee|ouverte)\b|"
        r"\bsang (?:coule|gicle|jaillit|pisse|sort)\w* (?:beaucoup|enormement|"
        r"a flots?|partout|fort|sans arret|de partout|abondamment)\b|"
        r"\bsang\b.{0,30}\b(?:arrete|s'arrete|cesse|stoppe)\w* (?:pas|plus)\b|"
        r"\b(?:arrete|s'arrete|cesse)\w* (?:pas|plus) de (?:couler|pisser|gicler|"
        r"pisser le sang)\b|\b(?:arrete|s'arrete|stoppe|cesse)\w*\s+(?:pas|"
        r"plus)\s+(?:de\s+)?saign|\bsaign\w*.{0,40}\b(?:s'arrete|arrete|"
        r"stoppe)\w*\s+(?:pas|plus)\b|\b(?:vomi\w*|crache\w*|"
        r"tousse\w*)\s+(?:du\s+)?sang\b|(?<!nez qui )\bpisse\w* le sang\b|"
        r"\bsang partout\b|\bmare de sang\b|\bperd\w*\s+(?:beaucoup|enormement|"
        r"trop)\s+de\s+sang\b|\b(?:coupure|plaie|entaille)\s+(?:tres\s+)?profonde\b|"
        r"\bfracture ouverte\b|\bl'os (?:qui )?sort\b",
        r"\bregles\b|menstru",
    ),
    (
        "anaphylaxis",
        r"\bchoc allergique\b|"
        r"\breaction allergique\s+(?:\w+\s+)?(?:grave|severe|forte|violente|"
        r"importante|generalisee)|\ballergie (?:grave|severe)\b|\b(?:langue|"
        r"glotte)\b(?:\s+[\w']+){0,2}?\s+(?:gonfl\w*|enfl\w*)|\b(?:gorge|levres?|"
        r"bouche)\b(?:\s+[\w']+){0,2}?\s+(?:gonfle|gonflent|enfle|enflent)\b|"
        r"\b(?:stylo|seringue|injection|piqure)\s+(?:d'|d\s)?adrenaline|\b(?:epipen|"
        r"anapen|jext|emerade)\b|\bgonflement (?:de la |des |du |de )?(?:gorge|langue|"
        r"glotte|levres?|bouche)\b|\bgorge (?:qui |se )(?:ferme|bloque)\b|"
        r"^(?=.*\ballerg\w*).*\b(?:du mal a avaler|(?:peut|peux|arrive) (?:plus|"
        r"pas) (?:a )?avaler|respire)\b|^(?=.*\b(?:allerg\w*|piqu\w*|guepe|abeille|"
        r"frelon|cacahu\w*|arachide|noix|crustace\w*|fruits de mer|antibio\w*|"
        r"urticaire|plaques|respire|avaler|etouff\w*|mange\w*)\b).*\b(?:visage|figure|"
        r"paupieres?|yeux|tete|cou|il|elle|gorge|levres?|"
        r"bouche)\b(?:\s+[\w']+){0,3}?\s+(?:gonfl\w*|enfl\w*)|"
        r"^(?=.*\ballerg\w*).*\bgorge (?:qui |se )?(?:serre|ferme|bloque)",
        None,
    ),
    (
        # Anaphylaxis named, with frequent misspellings ("oedeme de quinck").
        "anaphylaxis_word",
        r"\banaphyla\w*|\bana(?:f|ph)(?:i|y|e)la(?:x|k|c)\w*|\bquincke\b|\b(?:quinck|"
        r"quinke|quinkes|kinke|kincke|quinque|quink|quinqe|quincque)\b|\b(?:o?e?deme?|"
        r"oedem\w*|edem\w*) (?:de |du )?(?:q|k)u?(?:i|u)n(?:c?k|q|c)\w*",
        _INFORMATIONAL,
    ),
    (
        "seizure",
        r"\bconvuls\w*|\bcrise (?:d'|d |de )?epilep\w*|\bcrise epileptique\b|"
        r"\bcrise convulsive\b|\btonico\w*|\byeux revulses\b|"
        r"\byeux\b.{0,25}\b(?:en arriere|revulse\w*|retourne\w*)|"
        r"\bspasmes?\b.{0,40}\b(?:yeux|bave\w*|repond|tremble\w*|raidi\w*|par terre)|"
        r"\btremble\w*.{0,30}\bbave\w*|\bbave\w*.{0,30}\btremble\w*|\b(?:fait|fais|a|"
        r"en) une crise\b.{0,40}\b(?:tremble\w*|bave\w*|raide|rigide|secousses|"
        r"raidi\w*)",
        None,
    ),
    (
        "severe_burn",
        r"\bbrul\w* (?:gravement|serieusement|profondement|grievement)\b|"
        r"\bbrul\w*.{0,30}\b(?:essence|acide|soude|produit chimique|flammes?|"
        r"explosion)\b|\bdecharge electrique\b|\bbrulures?\s+(?:\w+\s+)?(?:grave|"
        r"profonde|etendue|du 3e|du troisieme|3eme degre|troisieme degre)\b|"
        r"\bbrule\w* (?:au|du) (?:3e|3eme|troisieme) degre|\b(?:grosse|grave|grande|"
        r"enorme)\s+brulure\b|\bbrul\w*.{0,40}(?:sur tout|partout|visage|figure|"
        r"(?:tout|toute) (?:le|la) (?:dos|corps|bras|ventre|torse|visage|jambe|"
        r"poitrine|figure|main|cuisse)|peau (?:est )?(?:toute )?(?:blanche|noire|"
        r"cartonnee)|carbonis\w*)|\bebouillant\w*|\b(?:huile|eau|friture|lait|soupe|"
        r"liquide)\s+bouillante?\b.{0,40}(?:renverse|dessus|sur (?:lui|elle|son|sa|"
        r"le visage|le corps|tout)|partout|visage)|\b(?:a|ont) pris feu\b|"
        r"\bvetements? en feu\b|\bimmol\w*|\belectrocut\w*|\belectrise\w*|\bfoudroy\w*|"
        r"\bbrulure\w*\b.{0,30}\b(?:plus grande?s?|plus larges?|aussi grande?s?|"
        r"grande?s? comme) (?:que |qu')?\s?(?:sa|la|ma|une|leur|ta) (?:main|paume)\b|"
        r"\bbrul\w*.{0,60}\bpeau (?:est )?(?:partie|arrachee|qui part|s'en va|"
        r"decollee)|\bpeau (?:est )?(?:partie|arrachee|decollee)\b.{0,60}\bbrul",
        _HYPOTHETICAL,
    ),
    (
        "head_injury",
        r"^(?=.*(?:\b(?:tombe\w*|chute|cogne\w*|tape\w*|choc|coup|accident|"
        r"renverse\w*|heurte\w*)\b.{0,50}\b(?:tete|crane)\b|\b(?:tete|"
        r"crane)\b.{0,30}\b(?:cogne\w*|chute|coup|accident|heurte\w*|choc|tombe\w*)|"
        r"\bsans casque\b))(?=.*\b(?:vomi\w*|confus\w*|n'importe quoi|connaissance|"
        r"saign\w*|somnolen\w*|sommeil|dort|reveill\w*|souvien\w*|desorient\w*|"
        r"bizarre\w*|convuls\w*|inconscient|s'endort|amnesi\w*)\b)|"
        r"\btraumatisme cranien\b(?! leger)|^(?=.*\b(?:tombe\w*|chute|accident|choc|"
        r"renverse\w*|percute\w*)\b)(?=.*\b(?:souvien\w*|confus\w*|desorient\w*|"
        r"amnesi\w*|perdu connaissance|inconscient\w*|somnolen\w*|convuls\w*|"
        r"dit n'importe quoi|ne se reveill\w*|reconnai\w* (?:plus|pas))\b)|"
        r"\bblesse\w* (?:gravement|grievement|serieusement)\b|\b(?:gravement|"
        r"grievement) blesse\w*|\b(?:grave|gros|terrible|violent|horrible) accident\b",
        r"fievre (?:est )?tombee|tombee? (?:malade|enceinte)|chute (?:de|des) cheveux|"
        r"coup de "
        rf"(?:soleil|fatigue|froid|blues)|{_HYPOTHETICAL}",
    ),
    (
        "serious_fall",
        r"\b(?:chute|accident)\s+(?:tres\s+)?(?:grave|violente?|serieuse?)\b|"
        r"\bgrosse chute\b|\btombe\w*\s+(?:du|d'un|de l'|de la|"
        r"d'une)\s+(?:\w+\s+)?(?:toit|echelle|balcon|fenetre|etage|arbre|mur|hauteur|"
        r"falaise)\b|\b(?:tombe\w*|chute)\b.{0,40}\b(?:peu[xt]?|arrive\w*|"
        r"arrivons)\s+(?:pas|plus)\s+(?:a\s+)?(?:se |me |la |le |l')?\s?(?:relever|"
        r"lever|bouger|marcher)\b(?!\s+(?:le|la|les|son|sa|ses|mon|ma|mes)\s+(?:bras|"
        r"jambes?|poignet|main|pied|cheville|doigts?|epaule|genou|cou))|"
        r"\btombe\w*\b.{0,40}\bse releve (?:pas|plus)\b|"
        r"\baccident\b.{0,40}\b(?:blesse\w*|victimes?|coince\w*|incarcere\w*)|"
        r"\b(?:renvers|percut|fauch|heurt|happ|ecras)\w* par (?:une|un|le|la|des) "
        r"(?:voiture|moto|camion|bus|scooter|velo|tram|train|vehicule|auto|tracteur|"
        r"chauffard|poids lourd|car|fourgon|camionnette|trottinette)\b|\b(?:une|la|un|"
        r"le) (?:voiture|moto|camion|bus|scooter|vehicule|auto|tracteur|chauffard) "
        r"(?:l'|m'|les |nous |vous )\s?(?:a|ont) (?:renverse|percute|fauche|heurte|"
        r"ecrase|happe|roule dessus)\w*|\baccident (?:de (?:la route|voiture|moto|"
        r"scooter|velo|trottinette|bus)|de la circulation)\b.{0,60}\b(?:blesse\w*|"
        r"saign\w*|inconscient\w*|bouge (?:plus|pas)|coince\w*|respire|secours|vite|"
        r"urgence|ne repond)\b|\b(?:tombe\w*|chute)\b.{0,90}\b(?:peu[xt]?|arrive\w*|"
        r"arrivons)\s+(?:pas|plus)\s+a\s+(?:se |me )relever\b",
        None,
    ),
    (
        "baby_danger",
        r"\b(?:tout mou|toute molle|tres mou|tres molle|tout flasque|toute flasque|"
        r"hypotoni\w*)\b|\bcouches?\s+(?:sont\s+)?seches\b|\bmouille plus (?:ses |"
        r"sa )?couches?\b|\bfontanelle\b|\byeux creuses?\b|^(?=.*\b(?:bebe|nourrisson|"
        r"enfant)\b).*\bdeshydratee?s?\b|\b(?:nourrisson|nouveau ne|bebe de (?:[0-2]|"
        r"un|deux|quelques)\s+(?:mois|semaines?|jours?)|bebe de \d+ (?:semaines?|"
        r"jours?))\b.{0,60}\b(?:fievre|3[89]|40|41|temperature)\b",
        None,
    ),
    (
        "meningitis",
        r"\bpurpura\b|\btaches?\b.{0,30}\b(?:ne s'effacent pas|ne s'efface pas|"
        r"ne disparai\w* pas|ne partent pas|ne part pas)|"
        r"^(?=.*\bfievre\b).*\btaches?\s+(?:\w+\s+){0,2}?(?:violette?s?|violace\w*|"
        r"pourpres?)\b|^(?=.*\b(?:fievre|mal (?:a la|de) tete|vomi\w*|"
        r"somnolen\w*)\b).*\b(?:nuque (?:raide|bloquee|dure|coincee)|raideur (?:de |"
        r"a )?(?:la )?nuque)\b|^(?=.*\bfievre\b).*\b(?:boutons?|points?|"
        r"plaques?)\s+(?:\w+\s+){0,2}?(?:violette?s?|violace\w*|pourpres?|violets?)\b|"
        r"\bmeningit\w*",
        r"\bvaccin\w*",
    ),
    (
        "pregnancy_emergency",
        r"^(?=.*\benceinte\b).*\b(?:saign\w*|sang|hemorr?agi\w*|perd\w* les eaux|"
        r"convuls\w*|ne bouge (?:plus|pas)|(?:tres|horriblement|atrocement) mal|"
        r"douleurs? (?:atroces?|insupportables?|violentes?|terribles?)|(?:violentes?|"
        r"atroces?|terribles?|fortes?|grosses?|enormes?|horribles?) douleurs?)\b|"
        r"\b(?:j'|je |elle )accouche\b|\ben train d'accouch(?:e|er)\b|\b(?:femme|copine"
        r"|compagne|"
        r"epouse|fille|soeur|voisine|belle fille|elle)\s+(?:est en train d'|commence a "
        r")?"
        r"accouche\b(?=\s*(?:[!.,]|$|aidez|vite|au secours|a la maison|chez nous|"
        r"dans la voiture|ici|maintenant|seule?|a domicile|sur place|sur le))|\b(?:le|m"
        r"on|son) bebe (?:arrive|"
        r"sort)\b(?!\s+(?:en|le|dans|pour|bientot|quand|a la fin|vers))|"
        r"\bpoche des eaux\b",
        None,
    ),
    (
        "swallowed_object",
        rf"\b{_CHILD}\b.{{0,60}}?\b(?:avale|avalee)\s+(?:une?|des|la|le|sa|"
        r"son)\s+(?:pieces?|billes?|objets?|jouets?|clous?|epingles?|vis|boutons?|"
        r"boucles? d'oreille|morceaux? de (?:verre|plastique|jouet))\b",
        None,
    ),
    (
        "poisonous_bite",
        r"\b(?:mordu\w*|morsure|pique\w*|piqure)\b.{0,20}\b(?:vipere|serpent|scorpion)",
        None,
    ),
    (
        "drowning_heat",
        r"\bnoy(?:e|ee|es|ade|er|ait|ent)\b(?!\s+(?:sous|dans (?:le travail|"
        r"les papiers|les dettes)))|\bse noie\b|"
        r"\bcoup de chaleur\b.{0,60}\b(?:delire\w*|confus\w*|inconscient|repond|"
        r"convuls\w*|brulant\w*|4[01])|\bhypothermie\b|\bhypo\w*\s+(?:severe|grave)|"
        r"\bhypo\w*.{0,40}\b(?:confus\w*|repond|inconscient|convuls\w*|malaise|"
        r"reveill\w*)",
        None,
    ),
    (
        # A deformed limb: "sa jambe fait un angle bizarre", "le pied à l'envers".
        "deformed_limb",
        r"\b(?:jambes?|bras|pied|cheville|poignet|genou|cuisse|epaule|hanche|main|"
        r"doigts?|coude|avant bras|tibia|femur)\b(?:\s+[\w']+){0,3}?\s+(?:fait|forme|"
        r"fait comme|avec) un (?:angle|coude|z)\b|\b(?:jambes?|bras|pied|cheville|"
        r"poignet|genou|cuisse|hanche|coude|avant bras)\b(?:\s+[\w']+){0,3}?\s+"
        r"(?:a l'envers|dans le mauvais sens|pas dans le bon sens|tournee? (?:vers "
        r"l'exterieur|vers l'interieur|a l'envers|sur le cote)|completement "
        r"(?:tordue?|deformee?|deboitee?)|deformee?|en baionnette)\b|"
        r"^(?=.*\b(?:tombe\w*|chute|accident|choc|renverse\w*)\b).*\b(?:jambe|pied|"
        r"hanche) (?:est |toute )?(?:tournee?|raccourcie?)\b",
        r"\bdeformee? (?:par|depuis) (?:l'arthrose|la polyarthrite|des annees|"
        r"longtemps)\b|\barthrose\b|\bdepuis (?:la naissance|toujours|tout petite?|"
        r"des annees|longtemps)\b|\b(?:congenital\w*|orthopedi\w*|semelles)\b",
    ),
    (
        # Crushing chest weight: "un éléphant assis sur la poitrine".
        "heavy_chest",
        r"\b(?:elephant|enclume|rocher|parpaing|tonne|camion|pierre|poids lourd|"
        r"poids enorme|sumo)s?\b(?:\s+(?:est|qui|etait|s'est|serait|me|m'))?\s+"
        r"(?:assis|posee?|couchee?|appuie|ecrase|sur|pese|comprime)\w*\b.{0,12}"
        r"\b(?:poitrine|thorax|torse|sternum|coeur)\b",
        None,
    ),
    (
        # Arm and leg of the same side: "il arrive plus à bouger la jambe et le bras
        # gauche".
        "one_side_weak",
        r"^(?=.*\b(?:bras|main)\b)(?=.*\bjambe\b)(?=.*\b(?:gauches?|droite?s?|"
        r"meme cote)\b).*(?:\b(?:peu[xt]?|arrive\w*|reussi\w*)\s+(?:plus|pas)\s+"
        r"(?:a\s+)?(?:bouger|lever|soulever|sentir)|\b(?:sens|sent)\s+plus\b|"
        r"\bengourdi\w*|\bparalys\w*|\binerte|\bsans force|\bplus de force)",
        r"\b(?:depuis (?:des|plusieurs) (?:semaines|mois|annees)|sciatique|"
        r"endormi sur)\b",
    ),
    (
        # Infant breathing distress: "creuse sous les côtes", "ailes du nez".
        "infant_breathing",
        r"\bcreuse\w* (?:sous|entre) (?:les|ses) cotes\b|\b(?:cotes|ventre) qui "
        r"(?:se )?creus\w*|\btirage (?:intercostal|sous costal|sus sternal|"
        r"respiratoire)\b|\bailes du nez qui (?:battent|bougent)\b|"
        r"\bbattements? des ailes du nez\b|\btire (?:sous|entre) les cotes\b|"
        r"\bcreuse (?:le|son) (?:ventre|cou) pour respire\b|\bgeint a chaque "
        r"respiration\b",
        _HYPOTHETICAL + "|" + _INFORMATIONAL,
    ),
    (
        # A severed part: "le bout du doigt est parti", "doigt sectionné".
        "amputation",
        r"\b(?:doigts?|bout du doigt|phalange|main|orteils?|pied|oreille)\b.{0,30}"
        r"\b(?:coupee? net|sectionnee?|arrachee?|tranchee? net|ne tient plus|"
        r"pendouill\w*)\b|\b(?:sectionne|arrache|ampute)\w*\s+(?:le|la|les|un|une|son|"
        r"sa|ses|mon|ma|mes|l')\s?(?:bout (?:du|de) )?(?:doigts?|phalange|main|"
        r"orteils?|pied|oreille)\b|^(?=.*\b(?:doigts?|orteils?|main|pied|phalange)\b)(?"
        r"=.*\b(?:"
        r"coupe\w*|tondeuse|scie|hache|machine|porte|ecrase\w*|tronconneuse|"
        r"disqueuse)\b).*\bbout\b.{0,20}\b(?:parti|tombe|saute|arrache|manque|pend)\b",
        r"\bongles?\b",
    ),
    (
        # Long lie after a fall: "restée par terre des heures", "toute froide".
        "long_lie",
        r"^(?=.*\b(?:tombe\w*|chute)\b).*\b(?:reste\w*|rester|passe\w* la nuit)\s+"
        r"(?:\w+\s+)?(?:par terre|au sol)\b.{0,30}\b(?:des heures|toute la nuit|"
        r"plusieurs heures|depuis hier|depuis cette nuit|longtemps|la nuit|"
        r"\d+ ?h(?:eures?)?)\b|^(?=.*\b(?:tombe\w*|chute|par terre|au sol)\b).*"
        r"\b(?:toute froide|tout froid|glacee?|en hypothermie)\b",
        None,
    ),
    (
        # Severe hypoglycaemia: a diabetic who is confused or cannot swallow.
        "hypoglycaemia",
        r"^(?=.*\b(?:diabet\w*|insuline|glycemie|hypo|hypoglycemi\w*)\b).*\b(?:"
        r"confus\w*|delire\w*|reconnai\w* (?:plus|pas)|repond (?:plus|pas)|"
        r"inconscient\w*|convuls\w*|n'importe quoi|(?:arrive|peut|peux) (?:pas|plus) "
        r"(?:a )?avaler|agressi\w*|comportement bizarre)\b",
        _INFORMATIONAL + r"|\b(?:que faire (?:si|en cas|quand)|comment reagir)\b",
    ),
    (
        # Board-like abdomen: "le ventre est dur comme du bois".
        "rigid_abdomen",
        r"\bventre\b.{0,25}\b(?:dur comme (?:du|de la|un|une) (?:bois|pierre|caillou|"
        r"planche|beton|roc)|de bois|en bois)\b",
        None,
    ),
    (
        "english_medical",
        r"\b(?:chest pain|heart attack|can'?t breathe|cannot breathe|not breathing|"
        r"isn'?t breathing|stopped breathing|unresponsive|having a stroke|"
        r"had a stroke|seizure|choking|bleeding (?:a lot|heavily|badly)|"
        r"passed out|collapsed|call (?:an )?ambulance|anaphylactic|"
        r"(?:he|she|i) (?:is|am) unconscious)\b",
        r"^\W*(?:what (?:are|is)|how (?:to|do you|can i|can you)|(?:the )?(?:signs|"
        r"symptoms) of)\b",
    ),
    (
        "dying",
        r"\b(?:en train de|va|vais|vas|allons|vont)\s+mourir\b(?!\s+(?:de|d'|du|des|"
        r"un jour|a petit feu)\b)|\b(?:je|il|elle)\s+(?:meurs|meurt)\b(?!\s*(?:de|d'|"
        r"du|des|pour|a|au|sur|quand|tellement)\b)|\bquestion de vie ou de mort\b",
        r"\bfin de vie\b|palliati\w*|\bcancer\b|un jour|" + _FICTION,
    ),
    (
        "call_for_help",
        r"\bau secours?\b|\bappel\w* (?:le |les )?(?:15|18|112)\b|\b(?:appele[rz]?|"
        r"appelle|envoye[rz]?|faut|besoin d'?|vite|"
        r"venez)\s+(?:\w+\s+){0,2}?(?:secours|ambulance|samu|pompiers|smur)\b|"
        r"\bsamu\b|^\W*(?:urgence|urgent|sos|a l'aide)\W*$|\burgences?\s+(?:vitale|"
        r"absolue)\b|\bc'est (?:une|un cas d') urgence\b|\burgence\s*!|!\s*urgence\b|"
        r"\bsos\b(?! medecin)|^\W*urgence\b\W+(?:mon|ma|mes|il|elle|au secours|aide|"
        r"vite|svp|quelqu'un)\b|\baide[zr]? moi\b.{0,15}\b(?:vite|urgent|grave)\b",
        # Asking for the number to keep it: the FAQ gives every number.
        r"\bnumeros? (?:du|de|des|d') ?(?:samu|urgences?|pompiers)\b.{0,60}\b(?:noter|"
        r"retenir|au cas ou|frigo|afficher)\b",
    ),
)

# --- SMS and typo forms ------------------------------------------------------
# Whole words replaced by normalize() after accent removal (see safety_patterns).
# fmt: off
SMS_FORMS: dict[str, str] = {
    "jai": "j'ai", "jen": "j'en", "jarrive": "j'arrive", "jarrete": "j'arrete",
    "jaimerais": "j'aimerais", "jaimerai": "j'aimerais", "jetouffe": "j'etouffe",
    "javais": "j'avais", "javale": "j'avale", "jetais": "j'etais",
    "jespere": "j'espere", "jessaie": "j'essaie", "narrive": "n'arrive",
    "nai": "n'ai", "nen": "n'en", "narrete": "n'arrete", "nest": "n'est",
    "cest": "c'est", "lenvie": "l'envie", "lair": "l'air", "dair": "d'air",
    "jpp": "j'en peux plus", "jsp": "je sais pas", "jss": "je suis",
    "chui": "je suis", "chuis": "je suis", "jsui": "je suis", "jsuis": "je suis",
    "sui": "suis", "pa": "pas", "plu": "plus", "pluss": "plus", "veu": "veux",
    "vx": "veux", "vai": "vais", "envi": "envie", "mourrir": "mourir",
    "mourire": "mourir", "mourrire": "mourir", "mouri": "mourir", "tt": "tout",
    "bcp": "beaucoup", "koi": "quoi", "ke": "que", "qd": "quand", "kan": "quand",
    "ds": "dans", "pk": "pourquoi", "pq": "pourquoi", "pkoi": "pourquoi",
    "tjrs": "toujours", "tjs": "toujours", "tjr": "toujours", "o": "au",
    "ya": "il y a", "mtn": "maintenant", "dla": "de la", "rspire": "respire",
    "poitrinne": "poitrine", "poitine": "poitrine", "coeure": "coeur",
    "keur": "coeur", "infractus": "infarctus", "bebes": "bebe", "bb": "bebe",
}
# fmt: on

# --- figures of speech -------------------------------------------------------
# Idioms that use death or killing words for something harmless ("mort de rire",
# "ce boulot me tue", "on s'est tués à la tâche", "il ronfle à mort"). They never
# silence a pattern above: they only stop the *model* from raising an alarm on its own.
FIGURES_OF_SPEECH = (
    r"\b(?:mouri\w*|mort\w*|meur\w*|creve\w*|creva\w*)\s+(?:de|d')\s*(?:rire|honte|faim"
    r"|"
    r"soif|froid|chaud|chaleur|peur|trouille|fatigue|ennui|envie|impatience|jalousie|"
    r"stress|sommeil|curiosite|rigolade|beaute|amour)\b|\b(?:tue\w*|tuer) (?:a|au) "
    r"(?:la tache|travail|boulot|taf)\b|\btuer le temps\b|\ba mort\b|\bmort de rire\b|"
    r"\b(?:ca|ce \w+|cet \w+|cette \w+|ces \w+|il|elle|tu|vous) (?:va |vont )?(?:me|nou"
    r"s) "
    r"tue(?:nt|r)?\b(?!.*\b(?:je|j')\b.{0,20}\b(?:mourir|en finir|suicid))|"
    r"\b(?:va|vont|veut|vais) (?:me|le|la|les|te|vous) tuer\b.{0,40}(?:haha|mdr|lol|ptd"
    r"r|"
    r"\U0001F644|\U0001F605|\U0001F602|\U0001F923)|\bmdr\b|\bptdr\b"
    # "c'est pas la mort", "ça m'a tuer", "je tuerais pour un café".
    r"|\b(?:c'est|c'etait|ce n'est|c est) (?:pas|point) la mort\b|\bm'a tue[rz]?\b"
    r"|\btuerai[st]? pour (?:un|une|du|des|de la)\b"
    # A joke about someone else ("je vais tuer mon frère ... haha").
    r"|\b(?:tuer|buter|etrangler) (?:mon|ma|mes|le|la|ce|cette|son|sa) \w+.{0,60}"
    r"(?:haha|hihi|mdr|lol|ptdr|\U0001F602|\U0001F605|\U0001F923|\U0001F606)"
    # A pet's death, or a past death told by someone who says they are fine.
    r"|\b(?:mon|ma|notre) (?:chat|chien|chienne|chatte|lapin|hamster|cochon d'inde"
    r"|poisson|cheval|perroquet|oiseau|tortue)\b.{0,30}\b(?:est|sont) morte?s?\b"
    r"|\b(?:est|sont) (?:morte?s?|decedee?s?)\b.{0,80}\bje vais bien\b"
    # Killing an insect or a small pest.
    r"|\btue\w* (?:une?|des|les|la|le|cette|ce) (?:\w+ )?(?:araignees?|mouches?"
    r"|moustiques?|guepes?|frelons?|fourmis?|cafards?|blattes?|souris|insectes?|punaises?"
    r"|tiques?|poux|mites?)\b"
    # Stories: a novel, a film, a series.
    r"|\b(?:polar|roman|thriller|film|serie|feuilleton|bd|manga|jeu video)\b"
    # An episode told as over, the person fine now ("ça s'est arrêté tout seul", "il va
    # très bien"), unless the patient doubts it ("pour l'instant", "mais").
    r"|\b(?:s'est|se sont) arretee?s? (?:tout seul|toute seule|tous seuls|toutes seules"
    r"|de (?:lui|elle)-? ?meme)\b"
    r"|\b(?:il|elle|je|bebe) (?:va|vais) (?:tres |tout a fait |super |parfaitement )?bien\b"
    r"(?!.{0,25}\b(?:pour l'instant|pour le moment|pour l'heure|mais|apparemment|on dirait"
    r"|je crois|je pense))"
    # A dose question for a child's weight, with no intake told.
    r"|^(?:quelle|quel|combien de) (?:dose|quantite|ml|mg)\b.{0,60}\b(?:pour|a) "
    r"(?:un|une|mon|ma) (?:enfant|bebe|nourrisson|fils|fille)\b(?!.*\b(?:a pris|a bu|a avale))"
)


# Words without which the model alone never raises an alarm (normalised text): a message
# that names no body part, symptom, danger, product, death or distress ("mon grand-père
# entend de plus en plus mal") is not an emergency, whatever the model says. Patterns do
# not need them. Broad on purpose: it only filters the model's own alarms.
RISK_CUES = (
    r"\b(?:mour\w*|mort\w*|meur\w*|dece\w*|tu(?:e|er|ee|es|ez|ais|ait)\b|suicid\w*|vivre|vie\b"
    r"|finir|fin\b|partir|disparai\w*|adieu|dernier\w*|plus la force|craque\w*|bout\b"
    r"|sang\w*|saign\w*|hemorr\w*|respir\w*|souffl\w*|etouff\w*|asphyx\w*|poitrine|thorax"
    r"|coeur|cardia\w*|infarct\w*|avc|attaque|paralys\w*|visage|bouche|bras|jambes?|parl\w*"
    r"|malaise\w*|evanou\w*|inconscien\w*|connaissance|reveill?\w*|convuls\w*|crise\w*"
    r"|epilep\w*|tomb\w*|chute|fracture|casse\w*|bless\w*|accident\w*|brul\w*|coupe\w*"
    r"|plaie|douleur\w*|mal\s+(?:a|au|aux|de)\b|fievre|confus\w*|delire\w*|vomi\w*|paleu\w*|pale\b"
    r"|bleu\w*|froid\b|glace\w*|gonfl\w*|allerg\w*|piqu\w*|urticaire|oedeme|quinck?e?"
    r"|aval\w*|bu\b|boit|ingur\w*|mang\w*|pris\b|prend\w*|medic\w*|medoc\w*|cachets?"
    r"|comprim\w*|pilules?|gelules?|insuline|dose\w*|produit\w*|javel|poison\w*|empoison\w*"
    r"|intox\w*|toxique|champignon\w*|gaz|monoxyde|fumee\w*|chaudiere|acide|soude|lessive"
    r"|urgen\w*|secours|aide\w*|sos|samu|pompiers?|danger\w*|peur|seule?s?\b|mal\b.{0,20}\b(?:partout|horrible|atroce|enorme)"
    r"|bebe|nourrisson|enceinte|accouch\w*|diabet\w*|hypo\w*|couteau|corde|pont|fenetre"
    r"|sauter|noy\w*|arme|fusil|pendre|pendu|rails?|train|voiture|scarif\w*|lame\w*|rasoir"
    r"|insupportable|plus possible|n'en peux plus|envie de rien|personne|inutile|poids\b"
    r"|die|kill|hurt|help|suicide|morir|matar)"
)
