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
    r"souhaite|souhaiterais|souhaitait|"
    r"envie de|envie d'|prefere|prefererais|besoin de|prie pour|prie de|"
    r"pret a|prete a|pense a|laissez moi|laisse moi|laisser|merite de|"
    r"vaut mieux|mieux vaut|autant|ferais mieux de|ferait mieux de|plutot|"
    r"parle de|"
    r"parlait de|parle souvent de|songe a|envisage de|reve de|dit vouloir|hate de|"
    r"devrais|devrait|dois|doit)"
)
_MEDS = (
    r"(?:medicaments?|medocs?|cachets?|comprimes?|pilules?|gelules?|sirops?|"
    r"doliprane|paracetamol|dafalgan|efferalgan|ibuprofene|advil|nurofen|"
    r"aspirine|kardegic|somniferes?|anxiolytiques?|xanax|lexomil|stilnox|"
    r"zolpidem|antidepresseurs?|neuroleptiques?|morphine|oxycodone|tramadol|"
    r"codeine|lamaline|methadone|subutex|buprenorphine|levothyrox|"
    r"anticoagulants?|previscan|xarelto|eliquis|lithium|insuline|digoxine|"
    r"antibiotiques?|antihistaminiques?|traitement|pilulier|doses?|fer)"
)
_MEDS_STRONG = (
    r"(?:medicaments|medocs|cachets|comprimes|pilules|gelules|doliprane|"
    r"paracetamol|morphine|somniferes|anxiolytiques|insuline|"
    r"anticoagulants?|"
    r"xanax|lexomil|tramadol|codeine|lithium|digoxine|sirop|"
    r"antidepresseurs?|"
    r"neuroleptiques?|antiepileptiques?|betabloquants?|benzodiazepines?|"
    r"opioides?|"
    r"antipsychotiques?|antihypertenseurs?|somnifere|calmants?|"
    r"tranquillisants?)"
)
_MEDS_PILLS = (
    r"(?:medicaments|medocs|cachets|comprimes|pilules|gelules|somniferes|"
    r"boites?|plaquettes?|flacons?)"
)
_PRODUCTS = (
    r"(?:javel|chlore|deboucheur|destop|soude|acide|ammoniaque|"
    r"produits?(?!\s+(?:laitiers?|bio|frais|naturels?|de saison|locaux|local|"
    r"alimentaires?|"
    r"de beaute))|liquide vaisselle|(?:liquide|truc|produit) pour (?:deboucher|"
    r"nettoyer|laver|"
    r"les toilettes|le four|les vitres|les sols|la vaisselle)|deboucher|lessive|"
    r"capsules?|dosettes?|pastilles?|"
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
    r"des pieds))|"
    r"feuilles? (?:de (?:la |sa |ma )?plante|d'une plante)|laurier rose|laurier|"
    r"digitale|muguet|dieffenbachia|ricin|"
    r"cigue|datura|belladone|houx|gui|if|eponge|bloc wc|desodorisant|camphre|"
    r"anti moustiques?|anti puces?|antiparasitaire|arsenic|cyanure|toxique|savon|"
    r"shampo\w*|"
    r"gel douche|dentifrice|lotion|cosmetiques?|plomb|vermifuge|perles? d'eau|"
    r"billes? d'eau|"
    r"orbeez|menagers?|alcool a (?:90|70|95|bruler|friction)|alcool modifie|"
    r"huile (?:de|pour) (?:lampe|moteur|paraffine)|paraffine|allume feu|"
    r"allume barbecue)"
)
_INGEST = (
    r"(?:avale|avalee?s?|bu|bue|boit|mange|mangee?s?|croque|croquee?|"
    r"goute|goutee?|leche|lechee?|mache|machee?|machouill\w*|suce|sucee?|"
    r"mordille|ingere|"
    r"ingeree?|ingurgite|siphonne|porte a (?:la|sa) bouche|pris une gorgee)"
)
_CHILD = (
    r"(?:bebe|nourrisson|enfants?|fils|fille|fillette|garcon|petit|petite|"
    r"gamin|gamine|neveu|niece|bambin|ado|gosse|mome|jumeaux|jumelles|"
    r"petit fils|petite fille|\d+ ans)"
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
    r"\b(?:que faire (?:si|en cas|quand|lorsque|face|pour)|"
    r"comment (?:reagir|agir|"
    r"faire|on fait|aider|soigner|savoir)\s+(?:si|en cas|quand|lorsque|"
    r"face)\b|"
    r"comment (?:reconnaitre|eviter|prevenir)|en cas d'|bons gestes|"
    r"(?:apprendre|connaitre|savoir) les gestes|"
    r"gestes (?:de premiers secours|qui "
    r"sauvent|d'urgence)|c'est quoi|qu'est ce qu|si jamais|"
    r"si (?:quelqu'un|une "
    r"personne|on)\b)"
)
_CORROSIVE = (
    r"(?:javel|chlore|deboucheur|destop|soude|acide|ammoniaque|chaux|ciment|"
    r"decapant|produits? (?:chimiques?|corrosifs?|caustiques?|"
    r"pour (?:le )?four|"
    r"pour deboucher)|white spirit|essence|insecticide|pesticide)"
)

# "expres" (on purpose), but not "sans faire expres" / "pas fait expres".
_EXPRES = (
    r"(?<!sans faire )(?<!sans le faire )(?<!sans la faire )(?<!pas fait )"
    r"(?<!pas le faire )(?<!pas )(?<!sans )\bexpres\b"
)

# --- crisis_suicidal ---------------------------------------------------------
SUICIDAL: tuple[Rule, ...] = (
    ("suicide_word", r"\bs+u?i?(?:c|s|ss|sc|cs)i+d|\bsuicidal\b", None),
    (
        "suicide_attempt",
        r"(?:\b(?:fait|refait|faire|fais) une (?:nouvelle )?tentative\b(?!\s+(?:de|"
        r"d')\s?(?!suicide))|\b(?:une|des|ma|sa|son|mon|la|fait|refait|derniere|"
        r"premiere|"
        r"deux|2|3|"
        r"plusieurs)\s+ts\b|^\W*ts\W*$)",
        None,
    ),
    (
        "kill_self",
        r"\b(?:me|se) tuer\b(?! a la tache| au travail| au boulot| a petit feu)",
        None,
    ),
    (
        "kill_self_typo",
        r"\b(?:vais|veux|veut|va|voudrais|voudrait|envie de|pense a|peur de|essaye de|"
        r"essaie de|tente de|tenter de|menace de|aller|allait|allais|vouloir|parle de)"
        r"\s+(?:me|se)\s+tu(?:e|ee|es|ez|er)?\b",
        None,
    ),
    (
        "want_die",
        rf"\b{_WANT}\s+(?:(?!pas\b|jamais\b)\w+\s+)?(?:mourir|crever)\b"
        r"(?!\s+(?:de|d'|du|des|avant|a la tache)\b)",
        None,
    ),
    (
        "want_dead",
        r"\b(?:voudrais|voudrait|aimerais|aimerait|prefererais|prefere|souhaite|"
        r"souhaiterais|veux|veut|mieux|plus simple|plutot|serait mieux)\s+(?:d'\s?)?"
        r"etre\s+morte?s?\b(?!\s+de\b)",
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
        r"pars)\b.{0,60}"
        r"(?:mieux|soulag|personne|tranquille|remarqu|regrett|simple|heureux|manque)",
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
        r"debarrasse\w*)"
        r"(?:\s+[\w']+){0,4}\s+sans moi\b|\bsans moi\b.{0,40}(?:mieux|plus simple|"
        r"plus heureux|plus facile|soulag|tranquille)",
        None,
    ),
    (
        "no_will_to_live",
        r"\b(?:plus|pas|aucune?|perdu|sans|de)\s+(?:\w+\s+)?(?:envie|force|raison|"
        r"raisons|"
        r"gout|courage|but|sens|interet)\s+(?:de|d'|a)\s?(?:vivre|continuer a vivre|"
        r"exister|rester en vie|survivre)\b",
        None,
    ),
    (
        "dont_want_live",
        r"\b(?:veux|veut|voudrais|voudrait|peux|peut|supporte|arrive|sais|souhaite)\s+"
        r"(?:plus|pas|vraiment plus|meme plus)\s+(?:(?:de|a|continuer a|continuer de|"
        r"rester a)\s+|d')?"
        r"(?:vivre|exister)\b"
        r"(?!\s+(?:sans|a|au|en|avec|chez|dans|seule?|loin|ici|la bas)\b)",
        None,
    ),
    (
        "no_strength",
        r"\b(?:plus|aucune?)\s+(?:la |le |l')?(?:force|envie|"
        r"courage)\s+de\s+(?:me battre|"
        r"lutter|"
        r"tenir|me lever le matin)\b|"
        r"\b(?:plus|aucune?|pas)\s+(?:la |le |l')?(?:force|envie|courage|"
        r"raisons?)\s+de\s+"
        r"continuer\b"
        r"(?!\s+(?:le|la|les|l'|ce|cette|ces|mon|ma|mes|son|sa|ses|a|au|de|d')\b)|"
        r"\b(?:pas|plus|jamais)\s+(?:envie de\s+)?(?:voir|"
        r"connaitre)\s+(?:le jour de\s+)?"
        r"demain\b|\bverr(?:ai|a|ais) (?:pas|plus|jamais) (?:demain|le jour)\b|"
        r"\b(?:veux|veut|voudrais|aimerais|envie de|prefererais)\s+(?:ne\s+)?plus etre "
        r"(?:la|ici|en vie|vivante?|de ce monde)\b(?!\s+(?:demain|pour|a|au|quand|"
        r"lundi|"
        r"mardi|mercredi|jeudi|vendredi|samedi|dimanche|ce|cet|cette|le|la|les)\b)",
        None,
    ),
    (
        "tired_of_life",
        r"\bsupporte (?:plus|pas) (?:la|ma|cette) vie\b|"
        r"\b(?:marre|assez|fatiguee?|lasse?|degoutee?|ras le bol|peux plus|epuisee?|"
        r"usee?)\s+"
        r"(?:de\s+|d'\s?)(?:vivre|la vie|ma vie|cette vie|exister|cette existence|"
        r"mon existence)\b",
        None,
    ),
    (
        "end_it",
        r"\ben (?:finir|terminer)\b(?!\s+(?:\w+ment\s+)?avec\s+(?!(?:la vie|ma vie|"
        r"cette vie|tout|toute|moi|"
        r"la souffrance|cette souffrance|ma souffrance|l'existence|ce monde|"
        r"mon existence)))",
        None,
    ),
    (
        "wish_death",
        r"\b(?:envie|besoin|hate|desir)\b.{0,30}\bde (?:mourir|crever|disparaitre|"
        r"en finir)\b"
        r"(?!\s+(?:de|d')\b)|\b(?:la mort|mourir|le suicide|en finir|"
        r"crever)\b.{0,30}\b(?:seule|"
        r"derniere|unique|meilleure) (?:solution|issue|option)\b|\b(?:mieux|soulag\w*|"
        r"heureux|"
        r"heureuse|tranquilles?|simple|debarrasse\w*)\b.{0,30}\bsi je (?:meurs|mourais|"
        r"disparais|"
        r"disparaissais|partais|n'etais plus la|etais plus la|n'existais (?:plus|"
        r"pas))\b|"
        r"\b(?:plus|pas|aucun|perdu)\s+(?:le |de |du )?gout (?:a la vie|de (?:la )?vie|"
        r"de vivre|"
        r"a vivre)\b|\bterminer avec (?:la|ma) vie\b",
        None,
    ),
    (
        "end_everything",
        r"\b(?:vais|veux|va|veut|voudrais|envie de|pret a|prete a)\s+tout (?:finir|"
        r"arreter|terminer|"
        r"stopper|lacher)\b.{0,25}\b(?:ce soir|cette nuit|aujourd'hui|maintenant|"
        r"demain|"
        r"bientot|"
        r"definitivement|pour de bon|pour toujours|medicaments|cachets|mourir|"
        r"la vie)\b|"
        r"\bpourquoi (?:continuer a |rester en )?vivre\b|\b(?:suis|sens) (?:de trop|"
        r"en trop|"
        r"inutile) (?:sur cette terre|dans ce monde|sur terre|ici bas)\b|\b(?:suis|"
        r"sens) de trop\b"
        r"(?=\s*(?:[.!?,]|$|pour tout le monde|partout|ici))|"
        r"\b(?:ecrit|prepare|fini|termine|laisse)\w* (?:ma|"
        r"mes) lettres?\b(?! de (?:motivation|"
        r"resiliation|reclamation|demission|candidature))|\b(?:me|se|s') ?(?:fais|fait|"
        r"faire|suis fait|"
        r"est fait|est faite|suis faite) saigner\b(?!\s+(?:les|des|la|le|"
        r"du) (?:gencives?|"
        r"nez|dents?))|\bs'est faite? des (?:coupures|entailles|"
        r"marques|brulures)\b",
        None,
    ),
    (
        "death_wish_more",
        r"\bpourquoi (?:je suis|suis je|je reste) (?:encore |toujours )?(?:en vie|"
        r"vivante?)\b|"
        r"\bregrett\w* (?:d'\s?etre|de vivre|d'exister) ?(?:encore )?(?:en vie|"
        r"vivante?|"
        r"nee?|\b)|"
        r"\bmerite (?:pas|plus) (?:d'\s?etre|de rester) (?:en vie|vivante?)\b|"
        r"\bque la mort (?:vienne|arrive|me prenne|m'emporte)\b|"
        r"\bdebarrass\w* de moi\b|"
        r"\b(?:la vie|vivre|exister) ne m'interesse (?:plus|pas)\b|\b(?:me|se) (?:mets|"
        r"met|mettre|"
        r"donne|donner|fous|fout|foutre) des (?:coups|claques|gifles)\b|"
        r"\bje me (?:frappe|"
        r"tape)\b"
        r"(?!\s+(?:la|le|les|sur|dessus|des|un|une|le bras|la jambe))|"
        r"\bpour me punir\b.{0,10}$|"
        r"\b(?:coups?|coupe\w*|brule\w*|frappe\w*|mal)\b.{0,30}\bpour me punir\b",
        None,
    ),
    (
        "leave_world",
        r"\b(?:quitter|partir de|disparaitre de|sortir de)\s+(?:ce monde|cette terre|"
        r"cette vie|"
        r"la vie|ce bas monde)\b|\bpartir et ne (?:jamais|plus) revenir\b|\b(?:laisse|"
        r"ecrit|"
        r"depose)\w* (?:une|un) (?:lettre|mot)\b.{0,40}\b(?:repond (?:plus|pas)|"
        r"disparu|"
        r"parti|"
        rf"introuvable|injoignable)|\b{_MEDS_PILLS}\b.{{0,15}}\bdans (?:ma|"
        r"mes) mains?\b|"
        rf"\bj'ai (?:les|des|mes|tous mes|toutes mes) {_MEDS_PILLS} (?:dans la main|"
        r"en main)\b|"
        r"\b(?:mieux|prefer\w*|plutot|souhaite\w*|voudrais|aimerais|vaut mieux|"
        r"vaudrait mieux)"
        r" que je (?:sois morte?|meure|disparaisse|creve|sois plus la|"
        r"ne sois plus la)\b",
        None,
    ),
    (
        "end_life",
        r"\b(?:mettre|mis|mets|met)\s+(?:fin|un terme)\s+a\s+(?:mes|ses|tes|leurs|ma|"
        r"sa|"
        r"ta|mon|son)\s+(?:jours|vie|existence)\b|\bpasser a l'?acte\b|"
        r"\bpassage a l'?acte\b|"
        r"\bfoutre en l'?air\b",
        None,
    ),
    (
        "method",
        r"\b(?:me|se|te)\s+(?:pendre|flinguer|supprimer|defenestrer|noyer|jeter sous|"
        r"tirer une balle|mettre une balle|faire sauter la cervelle|immoler|"
        r"empoisonner|"
        r"laisser mourir|laisser crever|trancher la gorge)\b"
        r"(?!\s+dans (?:un verre|le travail|le boulot|les papiers|les dettes))|"
        r"\bs'est pendue?\b|\b(?:ouvert|ouvre|ouvrir|taillade\w*|tailler|taille|"
        r"trancher|"
        r"tranche|coupe|couper|coupee|entaille\w*)\s+(?:les|ses|mes|le|son|mon|sa|"
        r"ma)\s+"
        r"(?:veines?|poignets)\b",
        None,
    ),
    (
        "method_object",
        r"\bpersonne ne (?:viendra|viendrait|pleurera|pleurerait) a mon enterrement\b|"
        r"\b(?:cordes?|lames?|rasoirs?|armes?|fusils?|pistolets?|"
        r"revolvers?)\b.{0,40}\b(?:pour (?:me|en|se)"
        r"|en finir|me pendre|mourir|me tuer|prete?|contre moi|m'en servir)\b|"
        r"\b(?:achete|"
        r"prepare|accroche|noue)"
        r"\w*\s+(?:une|la|ma)\s+corde\b(?! a linge| a sauter)",
        None,
    ),
    (
        "jump",
        r"\b(?:sauter|jeter|lancer|balancer)\s+(?:du|de la|de l'|d'un|d'une|des|par la|"
        r"par une|par le|dans le vide|sous|du haut|depuis|de mon|de son|de ma|de sa)"
        r"[\w' ]{0,25}?\b(?:pont|fenetre|balcon|toit|immeuble|tour|falaise|vide|train|"
        r"metro|rer|tram|voiture|camion|bus|haut|viaduc|etage|parking|rocher|precipice|"
        r"quai|voie|rails)\b",
        None,
    ),
    (
        "jump_plain",
        r"\b(?:vais|veux|va|veut|pense a|envie de|prete? a|voudrais|menace de|peur de|"
        r"pourrais|"
        r"pourrait|devrais|"
        r"allait|allais)\s+(?:me |se )?(?:sauter|jeter)\b(?!\s+(?:le|la|les|un|une|des|"
        r"du|"
        r"de|"
        r"dans|sur|au|aux|a|en|par dessus|l'|d'|partout|haut|pour|dessus|ce|cette|mon|"
        r"ma|"
        r"mes|son|sa|ses|sur)\b)",
        None,
    ),
    (
        "crash",
        r"\b(?:foncer|m'ecraser|me crasher|me jeter|se jeter)\s+(?:dans|contre|sous)\s+"
        r"(?:un|une)\s+(?:arbre|mur|platane|camion|pile de pont|poteau|voiture|"
        r"train)\b",
        None,
    ),
    (
        "never_wake",
        r"\b(?:veux|veut|voudrais|voudrait|aimerais|aimerait|espere|prie|souhaite|"
        r"souhaiterais|prefererais|envie de|pour|de|et|pouvais|pourrais|"
        r"pouvoir)\s+(?:ne\s+)?"
        r"(?:plus jamais|plus|"
        r"jamais|pas)\s+(?:me|se)\s+reveill\w*\b(?!\s+(?:tot|trop tot|avant|a \d|"
        r"la nuit|"
        r"pendant|en pleine nuit|toutes les))",
        None,
    ),
    (
        "forever",
        r"\b(?:dormir|endormir|partir|disparaitre|fermer les yeux|en aller|"
        r"eteindre)\b.{0,25}?"
        r"\b(?:pour toujours|pour de bon|a jamais|pour l'eternite)\b|"
        r"\bsommeil eternel\b",
        None,
    ),
    (
        "disappear",
        r"\b(?:veux|veut|voudrais|voudrait|aimerais|aimerait|envie de|souhaite|vais|"
        r"devrais|"
        r"devrait|dois|prefererais|besoin de|autant que je|que je|mieux de|vaut mieux|"
        r"vaudrait mieux que je)"
        r"\s+(?:\w+\s+)?disparai?(?:tre|sse|s)\b"
        r"(?!\s+(?:sous|quelques|en vacances|du cabinet|de la liste|de vos|"
        r"des fichiers)\b)|"
        r"\bdisparaitre (?:de ce monde|de la surface|de cette terre|de la planete)",
        None,
    ),
    (
        "burden",
        r"\b(?:suis|sens|serai|etre|reste|sommes)\s+(?:[\w']+\s+){0,2}?(?:un|une)\s+"
        r"(?:poids|fardeau|charge|boulet)\b(?!\s+(?:lourd|plume|moyen)\b)",
        None,
    ),
    (
        "no_point",
        r"\ba quoi bon\b(?:\s+(?:continuer|vivre|exister|se battre|me battre|lutter|"
        r"rester|"
        r"tout ca|tout|la vie|insister|essayer|se lever|me lever|avancer|tenir)\b|"
        r"\W*$)|"
        r"\ba quoi (?:ca )?sert\s+(?:de |d')?(?:vivre|continuer|exister|la vie|ma vie|"
        r"me battre|se battre)\b|\bpourquoi (?:je )?(?:continuerais|vivrais)\b",
        None,
    ),
    (
        "life_meaningless",
        r"\bvie\s+(?:n'a|na|a)\s+(?:plus|pas|aucun|plus aucun)\s+(?:de\s+)?sens\b|"
        r"\bvie ne vaut (?:pas|plus|rien)|\bvau[tx] (?:pas|plus) la peine (?:de |d')?"
        r"(?:vivre|continuer|exister)|\brien ne me (?:retient|retiens|rattache)\b|"
        r"\bma vie est (?:finie|fini|terminee|foutue)\b|\bc'est (?:fini|termine|la fin)"
        r" pour moi\b|\b(?:plus|pas|aucune?) (?:ma |de )?place (?:dans ce monde|"
        r"sur terre|"
        r"ici bas|sur cette terre)",
        None,
    ),
    (
        "no_way_out",
        r"\b(?:plus|pas|aucune?)\s+(?:d'|d )?(?:autre )?issue\b|\b(?:seule|derniere|"
        r"meilleure|unique)\s+(?:solution|issue|option|sortie)\b.{0,25}\b(?:mourir|"
        r"la mort|"
        r"en finir|partir|disparaitre|me tuer|crever|suicid)|\b(?:mourir|la mort|"
        r"crever|"
        r"en finir|disparaitre)\s+(?:serait|est|c'est|ce serait|"
        r"sera)\s+(?:\w+\s+){0,2}?"
        r"(?:soulagement|delivrance|liberation|solution|mieux|repos)",
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
        r"de vivre|"
        r"ma vie)\b|\btout s'arrete\b(?!\s+(?:a|au|le|en|vers|pendant|quand|apres|"
        r"avant|"
        r"des|ce|cet|la|les)\b)|\bs'arrete\s*,?\s*pour (?:toujours|de bon)\b",
        None,
    ),
    (
        "dark_thoughts",
        r"\b(?:idees?|pensees?)\s+(?:de mort|noires?|morbides?|de suicid\w*)\b|"
        r"\bpens\w*\s+"
        r"(?:a la mort|a mourir|a ma mort|a me tuer)\b(?!\s+(?:de|d'|du|des)\b)",
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
        r"\b(?:lettres?|messages?|mots?|mail|video)\s+d'\s?adieux?\b|\b(?:dire|dis|dit|"
        r"fais|faire|fait)\s+(?:\w+\s+)?adieux?\b|\badieu (?:a tous|a toutes|"
        r"tout le monde|"
        r"la vie|le monde|les amis|monde cruel)\b|\bmes adieux\b|\b(?:mon|son) dernier "
        r"(?:message|mot|sms|texto)\b|\b(?:donne|donner|distribue\w*|offre|offrir|"
        r"legue\w*)"
        r"\s+(?:toutes\s+)?(?:mes|ses|toutes mes)\s+(?:affaires|biens|objets|"
        r"possessions)\b",
        r"demenag\w*|emmaus|secours populaire|croix rouge|ressourcerie|vide grenier|"
        r"bon coin",
    ),
    (
        "pills_ready",
        rf"\b{_MEDS_PILLS}\s+(?:sont\s+)?(?:devant moi|prets|pretes)\b|"
        r"\b(?:prepare|stocke|garde|accumule|cache|mis de cote|economise)\w*\s+"
        r"(?:tous|toutes|toute|des|plein de|boites? de|stock de)\s+(?:mes\s+|les\s+|"
        r"de\s+)?"
        rf"{_MEDS_PILLS}.{{0,30}}(?:de cote|pour (?:le jour|en finir|mourir|plus tard)|"
        r"au cas ou|ce soir|cette nuit)|\b(?:vais|va) le faire\b.{0,40}(?:cachets|"
        r"corde|"
        r"medicaments|pont|lame|arme)",
        None,
    ),
    (
        "overdose_plan",
        r"\b(?:vais|veux|va|veut|pense a|envie d'|envie de|pret a|prete a|(?:plan|"
        r"projet|"
        r"idee) "
        r"(?:c'est|est) de|intention de)\s+(?:\w+\s+)?(?:avaler|gober)\s+(?:tous|"
        r"toutes)\s+"
        rf"(?:mes|les|ses)\s+(?:\w+\s+)?{_MEDS_PILLS}\b|"
        r"\b(?:vais|veux|va|veut|pense a|envie d'|envie de|pret a|prete a|(?:plan|"
        r"projet|"
        r"idee) "
        r"(?:c'est|est) de|intention de)\s+(?:\w+\s+)?(?:avaler|prendre|"
        r"gober)\s+(?:(?:tous|toutes)\s+(?:mes|les|ses)\s+[\w ]{0,20}?"
        r"(?:d'un coup|d'un seul coup|en une fois|en meme temps|ensemble|pour|ce soir|"
        r"cette nuit)|"
        r"toute?\s+(?:la|ma|une|les|sa)\s+(?:boite|plaquette|flacon|reserve)|"
        r"(?:la|une) boite entiere|tout (?:le|mon|son) (?:flacon|tube|stock|pilulier))",
        None,
    ),
    (
        "overdose_intent",
        r"\b(?:avale|pris|prendre|avaler|gobe|bu|boire|bois|empoisonn|intoxiqu|injecte|"
        r"mange)"
        r"\w*\b.{0,40}(?:pour (?:mourir|en finir|me tuer|se tuer|partir|"
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
        "self_harm",
        r"\bscarifi\w*|\bautomutil\w*|\bmutil(?:e|er|ation|es)\b|"
        r"\bje me fai[st]? du mal\b|"
        r"\bme (?:fais|faire) du mal\b|\bse (?:fait|fais|faire|font) du mal\b|"
        r"\bme suis faite? du mal\b|\b(?:me|se) (?:fais|fait|suis fait|suis faite|"
        r"est fait|est faite)"
        r" des (?:entailles|coupures|marques|griffures|brulures|bleus) (?:sur|aux|a|"
        r"au)\b|"
        r"\b(?:envie de|besoin de|veux|vais)\s+(?:me|se)\s+"
        r"(?:faire\s+(?:du\s+)?mal|blesser|mutiler)\b|\b(?:envie de|besoin de)\s+(?:me|"
        r"se)"
        r"\s+(?:couper|bruler|frapper|taillader|tailler)\b",
        None,
    ),
    (
        "self_harm_act",
        r"\b(?:me|se|m'|s')\s?(?:suis |est )?(?:coupe|coupes|couper|coupee|brule|"
        r"bruler|"
        r"brulee|frappe|tape|taper|griffe|griffer|cogne|cogner|mords|mordre|"
        r"arrache)\w*\b"
        rf".{{0,40}}?(?:{_EXPRES}|volontairement|pour me punir|"
        r"jusqu'au sang|jusqu'a saigner|contre les murs|contre le mur)|\b(?:me|se|m'|"
        r"s')\s?"
        r"(?:coupe|coupes|couper|coupee|taillade|entaille)\w*\s+(?:les|mes|ses)\s+"
        r"(?:bras|poignets|cuisses|jambes|veines|avant bras)\b|\b(?:me|se) (?:suis|"
        r"est) "
        r"(?:encore|de nouveau|a nouveau) (?:coupee?|scarifiee?|brulee?|fait du mal)",
        None,
    ),
    (
        "warning_signs",
        r"\b(?:ma vie|vivre|que je vive)\s+(?:ne\s+)?sert (?:a rien|plus a rien)\b|"
        r"\bsert a rien "
        r"(?:que je vive|de vivre)\b|\b(?:vivre|la vie|"
        r"exister)\s+(?:me\s+)?fait (?:trop |"
        r"tellement )?"
        r"mal\b|\battend\w* (?:la mort|de mourir|que la mort|ma mort)\b|\benvie (?:de |"
        r"d')(?:la )?"
        r"mort\b(?!\s+(?:de|d')\b)|\b(?:que|jusqu'a ce que) tout (?:se termine|finisse|"
        r"se finisse|soit fini|s'acheve)\b|"
        r"\bme (?:reverrez|reverras|reverront|reverra) (?:plus|jamais)\b|"
        r"\bderniere fois que (?:je "
        r"vous|je t'|je te|vous me|tu me) (?:ecri|parl|voi|vo)\w*|\b(?:dire|dis|"
        r"dit) (?:un dernier )?"
        r"au revoir a (?:la vie|tout le monde|mes proches|ma famille|mes enfants)\b|"
        r"\bserai plus la "
        r"(?:demain|ce soir|bientot)\b|\bsi je me (?:tue|suicide)\b|\bj'ai (?:la|"
        r"une) corde\b"
        r"(?! a linge| a sauter)|\b(?:stocke|accumule|amasse)\w* (?:des|plein de|"
        r"beaucoup de) "
        r"(?:medicaments|medocs|cachets|comprimes|somniferes)\b|\bmettre sous (?:un|"
        r"le) (?:train|"
        r"metro|camion|bus|voiture|tram)\b|\bje me (?:coupe|scarifie|mutile|"
        r"griffe)\b(?!\s+(?:les "
        r"cheveux|les ongles|la frange|la barbe|en|souvent|un|une|du|des|le doigt))|"
        r"\b(?:il|elle) se "
        r"(?:coupe|scarifie|mutile)\b(?!\s+(?:les cheveux|les ongles|la frange|"
        r"la barbe|"
        r"en|souvent|un|"
        r"une|du|des|le doigt))",
        None,
    ),
    ("english", r"\b(?:want to die|wanna die|kill myself|end my life)\b", None),
    ("hotline", r"\b3114\b", None),
)

# --- emergency_poisoning -----------------------------------------------------
POISONING: tuple[Rule, ...] = (
    (
        "poison_word",
        r"\bintox\w*|\bempoison\w*|\banti ?poisons?\b|\bcentre poison",
        r"intoxication alimentaire|intox alimentaire",
    ),
    ("overdose", r"\boverdose\b|\bsurdos\w*|\bsur (?:dosage|dose)\b", None),
    (
        "carbon_monoxide",
        r"\bmonoxyde\b|\bdetecteur (?:de |d')?(?:co|monoxyde)\b|\bintox\w* (?:au|a l'|"
        r"par le|"
        r"de) (?:co|gaz|monoxyde)\b",
        None,
    ),
    (
        "co_symptoms",
        r"^(?=.*\b(?:chaudiere|chauffage|poele|cheminee|chauffe eau|chauffe bain|"
        r"brasero|"
        r"barbecue|groupe electrogene|insert|radiateur|fuite de gaz|odeur de gaz|a gaz|"
        r"au gaz|gaz de ville|bouteille de gaz|moteur)\b)(?=.*\b(?:mal a la tete|"
        r"maux de "
        r"tete|mal au crane|mal de tete|migraines?|nausees?|vomi\w*|envie de vomir|"
        r"vertiges?|etourdi\w*|malaise|somnolen\w*|tete qui tourne)\b)",
        None,
    ),
    ("product_ingested", rf"\b{_INGEST}\b.{{0,50}}?\b{_PRODUCTS}\b", None),
    (
        "product_then_verb",
        rf"\b{_PRODUCTS}\b.{{0,40}}\b(?:en a|en ont|en ai|en avons|l'a|l'ai|les a|"
        r"en aurait)\s+(?:\w+\s+)?"
        rf"(?:bu|avale|mange|croque|goute|leche|mache|suce)\b|\b{_PRODUCTS}\b.{{0,30}}"
        rf"\bdans (?:la|sa|ta|ma|leur) bouche\b|\b{_MEDS_STRONG}\b.{{0,40}}\b(?:en a|"
        r"en ont|en ai|"
        r"l'a|les a|en aurait)\s+(?:\w+\s+)?(?:bu|avale|mange|croque|pris|gobe)\b",
        None,
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
        r"^(?=.*\b(?:bebe|bb|nourrisson|petit|petite|bambin|[1-9] ans|(?:un|deux|trois|"
        r"quatre|cinq|"
        r"six) ans|\d+ mois)\b).*\b(?:bu|avale|goute|leche)\b.{0,40}\b(?:alcool|vodka|"
        r"whisky|rhum|"
        r"pastis|vin|biere|champagne|liqueur|apero)",
        None,
    ),
    (
        "someone_took_pills",
        r"\b(?:il|elle|ils|elles|on|j'ai|quelqu'un)\s+(?:a|ont|ai|aurait|auraient)\s+"
        r"(?:peut etre\s+)?(?:avale|bu|mange|croque|gobe)\s+(?:des|les|plusieurs|"
        r"plein de|"
        r"de mes|de ses|une poignee de|un tas de|"
        rf"beaucoup de)\s+(?:\w+\s+)?{_MEDS_PILLS}\b",
        None,
    ),
    (
        "child_took_meds",
        rf"\b{_CHILD}\b.{{0,60}}?\b(?:a|ont)\s+pris\s+(?!(?:son|sa|"
        r"ses)\b)(?:[\w']+\s+){0,3}?"
        rf"{_MEDS_STRONG}\b.{{0,40}}\b(?:dans (?:l'armoire|la pharmacie|le placard|"
        r"le tiroir|mon sac|"
        r"son sac|le sac|la boite)|en cachette|tout seule?|sans (?:le |la |"
        r"me )?(?:demander|savoir|"
        r"permission)|de (?:sa|son|ma|mon) (?:grand mere|grand pere|mamie|papi|mere|"
        r"pere|"
        r"frere|soeur)"
        r"|qui trainai\w*|par terre)",
        None,
    ),
    (
        "unknown_liquid",
        r"\b(?:bu|avale|ingere|goute)\w*\b.{0,40}\b(?:flacon|bidon)\b|\b(?:bu|avale|"
        r"ingere|goute)\w*"
        r"\b.{0,50}\b(?:bouteille|verre|canette|gobelet)\b.{0,60}\b(?:contenait|"
        r"ce que c'est|inconnu\w*|"
        r"bizarre|pas de l'eau|etiquette|sous l'evier|garage|cave|produit)|\b(?:bu|"
        r"avale|"
        r"ingere|goute)"
        r"\w*\b.{0,20}\bliquide (?:bleu|vert|rose|jaune|violet|inconnu|bizarre|"
        r"transparent)",
        None,
    ),
    (
        "found_empty",
        r"(?:trouve|retrouve|vu|surpris)\w*.{0,60}\b(?:boite|plaquette|flacon|tube|"
        r"bouteille)"
        r"\b.{0,40}\b(?:vide|videe|ouverte|entamee|a la bouche|dans la bouche)\b",
        None,
    ),
    (
        "double_dose",
        rf"^(?=.*\b{_MEDS}\b)(?=.*\b(?:erreur|oubli\w*|en trop|au lieu|deja|expres|"
        r"megarde|"
        r"intervalle|d'?ecart|rapproche\w*|d'affilee|coup sur coup|a la suite|trop|"
        r"inquiet\w*|grave|danger\w*|"
        r"risque\w*|(?:mon|ma|mes|son|sa|ses|leur) (?:traitement|dose|comprimes|"
        r"cachets|"
        r"medicaments|pilule|insuline|gelules|sirop)|(?:sa|ma|la) dose)\b).*\b(?:pris|"
        r"prendre|prend|avale|donne|administre|mis|injecte|"
        r"fait)\w*\s+(?:[\w']+\s+){0,5}?(?:deux|2|trois|3|double|plusieurs|10|"
        r"dix)\s+"
        r"(?:fois|doses)\b(?!\s+par\s+(?:jour|semaine|mois|an))",
        None,
    ),
    (
        "excess_dose",
        r"\b(?:double|triple)\s+dose\b|\bdose\s+(?:double|en trop|de trop|doublee)\b|"
        r"\bdeux doses\b|\ben double\b|\bdoublee?s? (?:sa|ma|la|leur|son|mon) (?:dose|"
        r"traitement|"
        r"posologie)\b|\b(?:le |la )?(?:double|triple) (?:de (?:la|ma|sa|leur|"
        r"sa) )?(?:dose|posologie)\b|\b(?:pris|avale|donne)\w*\s+(?:les|des|ses|"
        r"mes)\s+"
        rf"{_MEDS_STRONG}\s+(?:de|d')\s?(?:ma|sa|mon|son|leur|ta|ton|la voisine|"
        r"le voisin)\s+\w+|\bdeux fois plus\b|\b(?:doses?|comprimes?|cachets?|"
        r"gelules?|"
        r"medicaments?)\s+en trop\b|"
        rf"\b(?:fois|dose|doses) trop\b|\btrop de\s+(?:\w+\s+)?{_MEDS_STRONG}\b|"
        r"\b(?:pris|avale|donne)\w*.{0,40}\bau lieu d'?\s?(?:un|une|1|la moitie|"
        r"demi)\b|"
        r"\bdepasse\w* (?:la|sa|ma|les|leur) (?:dose|doses|posologie)\b|"
        r"\b(?:[5-9]|\d{2}) ?(?:g|grammes)\b.{0,20}\b(?:paracetamol|doliprane|"
        r"dafalgan|"
        r"efferalgan)|\b(?:paracetamol|doliprane|dafalgan|"
        r"efferalgan)\b.{0,20}\b(?:[5-9]|\d{2})"
        r" ?(?:g|grammes)\b|\b(?:pris|avale|donne)\w* (?:[3-9]|\d{2}|trois|quatre|"
        r"cinq|"
        r"six|"
        rf"sept|huit|neuf|dix) (?:\w+ )?{_MEDS_STRONG} en (?:[1-9]|une|deux|trois|"
        r"quatre|"
        r"cinq|six)"
        r" ?(?:h|heures?|minutes?|min)\b|\bdeja (?:pris|avale|"
        r"donne)\b.{0,60}\b(?:repris|redonne|reprend|encore pris|deux "
        r"fois|une deuxieme|une seconde|a nouveau)|\b(?:repris|"
        r"redonne)\b.{0,40}\b(?:dose|"
        r"comprimes?|cachets?|medicaments?|traitement|sirop|insuline)|"
        r"\boubli\w*\s+(?:qu'\s?"
        r"(?:il|elle|ils|elles)|que j'|que je)\s*(?:avai[st]|a|ai|"
        r"avait)\s+deja\s+(?:pris|avale)",
        None,
    ),
    (
        "dose_error",
        r"\b(?:erreur|trompe|trompee|confondu)\w*\s+(?:[\w']+\s+){0,3}?(?:de\s+)?"
        r"(?:medicaments?|dose|dosage|cachets?|comprimes?|traitement|pilulier|seringue|"
        r"pilule|"
        r"pipette|sirop|posologie)\b",
        None,
    ),
    (
        "by_mistake",
        rf"^(?=.*\bpar (?:erreur|megarde|accident)\b)(?=.*\b(?:{_MEDS}|{_PRODUCTS})\b)"
        r".*\b(?:pris|prend|avale|bu|donne|mange|mis|injecte)\b",
        None,
    ),
    (
        "whole_tube",
        r"\b(?:avale|mange|bu|pris)\w*\b.{0,40}\btout (?:le|son|un) (?:tube|"
        r"flacon|"
        r"pot)\b",
        None,
    ),
    (
        "whole_box",
        r"\b(?:avale|pris|bu|gobe|mange)\w*\s+(?:\w+\s+){0,2}?(?:toute?\s+(?:la|sa|ma|"
        r"une|"
        r"les)\s+(?:boite|plaquette|flacon|tube)|toute?\s+(?:la|sa|ma|"
        r"une)\s+bouteille\s+"
        r"(?:de |d')?(?:sirop|medicament|produit|javel|whisky|vodka|alcool|rhum|"
        r"pastis)\w*|"
        r"tout (?:le|son|un) (?:tube|flacon|pot)\b|(?:un|le) flacon (?:entier|"
        r"de sirop)|"
        r"(?:la|une) boite entiere|"
        r"plusieurs (?:boites|plaquettes)|"
        r"\d{2,} (?:cachets|comprimes|gelules|pilules))",
        None,
    ),
    (
        "mushrooms",
        r"^(?=.*\b(?:champignons?|cepes?|girolles?|morilles?)\b)(?=.*\b(?:cueilli\w*|"
        r"ramass\w*|foret|bois|sauvages?|trouve\w*|jardin|pre|balade|cueillette|"
        r"vomi\w*|"
        r"diarrh\w*|mal au ventre|malade|nausee\w*)\b)|\bamanites?\b",
        None,
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
        r"fumees?|"
        r"emanations?|gaz|chlore|javel|ammoniaque|solvant|colle|ether|protoxyde|"
        r"produit)\b|\bmelange\w*\s+(?:\w+\s+){0,2}?(?:javel|chlore|produits? "
        r"(?:menagers?|d'entretien|de nettoyage|chimiques?)|ammoniaque|acide)|"
        r"\bvapeurs? (?:de |d')\s?(?:javel|chlore|ammoniaque|produit|solvant|essence|"
        r"peinture|acide)",
        r"fumee (?:de |d')?(?:cigarette|tabac|clope|chicha)|tabagisme",
    ),
    ("ingestion_word", r"\bingestion\b", None),
)

# --- emergency_medical -------------------------------------------------------
MEDICAL: tuple[Rule, ...] = (
    (
        "chest_pain",
        r"\b(?:mal|douleurs?|serre\w*|serrement|oppress\w*|poids|barre|etau|brule\w*|"
        r"point|compression|comprim\w*|pression|ecrase\w*|gene|"
        r"pique)(?:\s+[\w']+){0,6}?\s+(?:poitrine|thorax|"
        r"torse|sternum|coeur)\b(?<!mal au coeur)(?<!mal o coeur)",
        None,
    ),
    (
        "chest_pain_rev",
        r"\b(?:poitrine|thorax|torse|sternum)\b(?:\s+[\w']+){0,4}?\s+(?:serre\w*|mal|"
        r"douleurs?|douloureu\w*|oppress\w*|brule\w*|ecrase\w*|comprim\w*|bloque\w*|"
        r"lourde?)"
        r"|\b(?:douleur|oppression|gene|mal|douleurs)\s+thoraciques?\b",
        None,
    ),
    (
        "chest_hold",
        r"\b(?:tient|tiens|tenait|main sur|mains sur|agrippe|attrape)\w*\s+(?:la|sa|ma|"
        r"le|"
        r"son)"
        r"\s+(?:poitrine|coeur|thorax|torse)\b",
        None,
    ),
    (
        "chest_radiating",
        r"\b(?:poitrine|coeur|thorax|torse|sternum|thoracique)\b.{0,60}\b(?:irradi\w*|"
        r"descend\w*|part|partent|remonte\w*|monte\w*|file|lance\w*|propage\w*|jusque|"
        r"jusqu'?a|jusqu'au)\b.{0,25}\b(?:bras|machoires?|epaules?|cou|dos)\b|"
        r"\b(?:irradi\w*|descend\w*|part|remonte\w*|monte\w*|file|"
        r"propage\w*)(?:\s+[\w']+)"
        r"{0,5}?\s+(?:bras gauche|machoire|machoires)\b",
        None,
    ),
    (
        "heart_attack",
        r"\b(?:crise|attaque|malaise)\s+cardiaque\b|\binfar\w*",
        r"\b(?:prevenir|prevention|eviter|facteurs? de risque)\b",
    ),
    (
        "cardiac_arrest",
        r"\barret cardiaque\b|"
        r"\bmassage cardiaque\b|\bdefibrillateur\b|\b(?:plus|pas) de pouls\b|"
        r"\bcoeur (?:ne )?bat (?:plus|pas)\b",
        None,
    ),
    (
        "stroke_word",
        r"\bavc\b|\baccident vasculaire\b|\battaque cerebrale\b|\b(?:fait|eu|fais|"
        r"faire)"
        r"\s+une\s+attaque\b(?!\s+(?:de|d')\s?(?:panique|angoisse|chien|requin))|"
        r"\bhemipleg\w*",
        r"\b(?:prevenir|prevention|eviter|facteurs? de risque)\b",
    ),
    (
        "stroke_face",
        r"\b(?:bouche|visage|levres?|figure|face|joue|"
        r"sourire)\b(?:\s+[\w']+){0,4}?\s+"
        r"(?:de travers|tordue?|deformee?|tombe|affaiss\w*|paralyse\w*|pend|devie\w*|"
        r"asymetri\w*|tire d'un cote|tire sur le cote|tire vers)|"
        r"\bperdu l'usage (?:du|"
        r"de son|de sa|"
        r"de la|de ses|de mon|de ma) (?:bras|jambe|main|cote)|\bmoitie (?:du|"
        r"de (?:mon|"
        r"son|sa|ma|leur)) (?:corps|visage|figure|bouche)"
        r"|\bun cote du (?:corps|visage)\b|\bparalys\w*.{0,30}\b(?:droite?|gauche|"
        r"d'un cote)\b|"
        rf"\b(?:droite?|gauche)\b.{{0,30}}\bparalys\w*|^(?=.*{_SUDDEN}).*\bparalys\w*",
        r"paralysie du sommeil",
    ),
    (
        "stroke_limb",
        rf"^(?=.*{_SUDDEN}).*(?:\b(?:peu[xt]?|arrive\w*|reussi\w*|"
        r"parvien\w*)\s+(?:plus|"
        r"pas|"
        r"presque plus)\s+(?:a\s+)?(?:bouger|lever|soulever|sentir|tenir|serrer)|"
        r"\b(?:sens|"
        r"sent)\s+plus|\bplus de force|\bsans force|\bengourdi\w*|\binsensible|"
        r"\binerte)"
        r".{0,30}\b(?:bras|jambes?|main|pied|cote|doigts|visage)\b|"
        rf"^(?=.*{_SUDDEN}).*"
        r"\b(?:bras|jambes?|main|cote)\b(?:\s+[\w']+){0,3}?\s+(?:engourdi\w*|lache|"
        r"inerte|insensible|sans force|tout mou|toute molle)",
        None,
    ),
    (
        "stroke_speech",
        r"\b(?:parle|parler|parlait|articule|articuler|"
        r"prononce)\w*\s+(?:[\w']+\s+){0,3}?"
        r"(?:bizarre\w*|difficilement|avec difficulte|plus correctement|"
        r"plus normalement|"
        r"plus bien|de travers|incomprehensible\w*|n'importe comment|confus\w*|saoule?|"
        r"soule?|"
        r"ivre|bourree?)\b|"
        r"(?<!me )(?<!te )(?<!se )(?<!nous )(?<!vous )(?<!lui )(?<!leur )\b(?:parle|"
        r"parlait|"
        r"articule)\s+plus\b(?!\s+(?:a|au|aux|avec|de|du|des|trop|fort)\b)|"
        r"\b(?:melange|cherche|trouve plus)\s+(?:les|ses|des|mes)\s+mots\b|"
        r"\bbafouill\w*|"
        r"\baphasi\w*|\bparole (?:difficile|bizarre|confuse|pateuse|hachee|"
        r"incomprehensible)|"
        r"\b(?:difficultes?|troubles?) (?:a parler|de (?:la )?parole|d'elocution)|"
        r"\bdit (?:n'importe quoi|des choses bizarres)|\bpropos incoherents?|"
        r"\bcomprend\w* (?:rien|plus rien|pas) (?:a |de )?ce qu'?\s?(?:il|elle) (?:dit|"
        r"raconte)|\b(?:peu[xt]?|arrive\w*)\s+(?:plus|pas)\s+(?:a\s+)?(?:parler|"
        r"articuler)\b",
        None,
    ),
    (
        "stroke_one_side",
        r"\b(?:cote|moitie (?:du corps|du visage)?)\s*(?:droit|"
        r"gauche)?\b.{0,30}\b(?:fourmis|"
        r"fourmill\w*|engourdi\w*|paralys\w*|insensible|sans force|plus de force|"
        r"lourde?|"
        r"inerte)|\b(?:fourmis|fourmill\w*|engourdi\w*|paralys\w*|insensible|"
        r"sans force|"
        r"plus de force)\b.{0,30}\b(?:tout le|toute la|la moitie|un) cote\b|"
        rf"^(?=.*{_SUDDEN}).*\bparle (?:\w+ )?mal\b|\b(?:trouve\w*|cherche\w*|"
        r"melange\w*|"
        r"confond\w*|inverse\w*)\s+(?:pas\s+|plus\s+)?(?:les|ses|des|mes)\s+mots\b",
        None,
    ),
    (
        "stroke_vision",
        r"\b(?:vois|voit|voyait)\s+plus rien\b(?! sans)|\b(?:vois|voit|"
        r"voyait)\s+(?:plus|"
        r"pas|rien)"
        r"\s+(?:rien\s+)?(?:d'un|de l'|de son|de mon|de l'autre) oeil\b|"
        r"\bperte (?:\w+ )?de (?:la )?(?:vue|"
        r"vision)|\b(?:vue|vision)\b.{0,20}\b(?:brutal\w*|soudain\w*|d'un coup|"
        r"tout a coup)|"
        r"\bdevenue? aveugle\b|\bperdu (?:la|sa) (?:vue|vision)\b|\bvoile noir\b|"
        r"^(?=.*\b(?:d'un coup|soudain\w*|brutal\w*|"
        r"tout a coup|brusque\w*|mal a la tete)).*\b(?:voi[st] double|vision double|"
        r"voi[st] (?:flou|trouble))",
        None,
    ),
    (
        "thunderclap_headache",
        r"\b(?:tete|crane) qui (?:va )?explos\w*|"
        r"\b(?:mal de tete|mal a la tete|migraine|cephalee|maux de tete|mal au crane|"
        r"mal de crane)\b.{0,60}"
        r"\b(?:pire|jamais eu|coup de tonnerre|d'un coup|brutal\w*|soudain\w*|subit\w*|"
        r"explos\w*|tout a coup|comme jamais)|\b(?:pire|brutal\w*|soudain\w*|"
        r"violent\w*)\s+"
        r"(?:mal de tete|migraine|cephalee)\b.{0,40}\b(?:vie|jamais|d'un coup)|"
        r"\bcoup de tonnerre\b",
        None,
    ),
    (
        "breathing",
        r"\b(?:peu[xt]?|arrive\w*|reussi\w*|parvien\w*)\s+(?:pas|plus|presque plus|"
        r"meme plus|"
        r"vraiment plus|mal)\s+(?:a\s+)?respire\b|\brespire\s+(?:(?:super|tres|"
        r"vraiment|"
        r"trop|hyper|"
        r"tellement|de plus en plus|encore)\s+)?(?:pas|plus|presque plus|mal|"
        r"tres mal|difficilement|avec difficulte|a peine|bizarrement|bizarre)\b"
        r"(?!\s+(?:bien\s+)?par le nez)|\bne\s+respire\b|\b(?:problemes?|souci|"
        r"peine)\s+(?:\w+\s+){0,2}?(?:a|pour|de)\s+respire\b"
        r"(?!\s+par le nez)|\b(?:du mal|mal|difficultes?|gene)"
        r"\s+(?:a|pour)\s+respire\b(?!\s+par le nez)|\bsuffoqu\w*|\basphyxi\w*|"
        r"\bmanqu\w* d'air\b|\b(?:arrive\w*|peu[xt]?|reussi\w*)\s+(?:pas|"
        r"plus)\s+a\s+(?:reprendre|"
        r"retrouver)\s+(?:son|mon|sa|leur)\s+(?:souffle|respiration)|\bcherche (?:son|"
        r"mon|"
        r"leur|sa) (?:air|souffle|respiration)|"
        r"\bdetresse respiratoire|\barret respiratoire|\bpauses? (?:respiratoires?|"
        r"quand (?:il|elle) respire)|\bplus de respiration\b|"
        r"\bapnees?\b(?! du sommeil)",
        None,
    ),
    (
        "choking",
        r"(?:(?<=je m')|(?<!m'))(?<!on )\betouff(?:e|es|ent|er|ait|ais|ee|ees|ons|ez)\b"
        r"(?! de (?:chaleur|chaud|rire))|\b(?:fausses? routes?|"
        r"etouffement)\b.{0,50}(?:respire|"
        r"bleue?|rouge|parle plus|peu[xt]? plus|arrive plus|tousse plus|maintenant|"
        r"en ce moment|"
        r"vite|secours)|"
        r"\b(?:coince|bloque|reste)\w*\s+(?:dans|en travers de)\s+(?:la|sa|ma|"
        r"leur)\s+gorge|"
        r"\bavale de travers\b.{0,40}(?:respire|bleu|parle plus|peut plus|arrive plus)",
        _HYPOTHETICAL,
    ),
    (
        "cyanosis",
        r"\b(?:bebe|nourrisson|enfant|fils|fille|petite?|il|elle|mari|femme|pere|mere|"
        r"papa|maman|"
        r"papi|mamie|frere|soeur|lui)\s+(?:est|devient|a l'air|semble|"
        r"reste)\s+(?:tout\s+|"
        r"toute\s+)?"
        r"(?:bleue?|violette?|violace\w*|grise?)\b|"
        r"\b(?:levres?|visage|figure|teint|peau|doigts|ongles|"
        r"bouche)\s+(?:[\w']+\s+){0,2}?"
        r"(?:bleue?s?|bleute\w*|bleuiss\w*|bleuit|violette?s?|violace\w*|grise?s?|"
        r"cyanose\w*)\b|"
        r"\b(?:devien\w*|devenu\w*|vire\w*|tout|toute|toutes|"
        r"tous)\s+(?:\w+\s+)?(?:bleue?s?|"
        r"bleute\w*|violette?s?|violace\w*|grise?s?)\b|\bcyanos\w*",
        r"\b(?:cheveux|barbe|chat|chaton|chien|ciel|temps|pelage|poils|murs?|voiture|"
        r"cheville|"
        r"genou|cuisse|hanche|coude|orteil|hematome|bosse|entorse|tordu\w*|pull|robe|"
        r"vetements?|"
        r"t shirt|tee shirt|pantalon|chaussures?|peinture|stylo|encre|feutre)\b",
    ),
    (
        "asthma_attack",
        r"\bcrise d'asthme\b.{0,60}(?:passe pas|passe plus|ventoline|inhalateur|spray|"
        r"pompe|marche pas|grave|forte|violente|arrive pas|arrete pas)|\b(?:fais|fait|"
        r"en train de faire)\s+une\s+(?:grosse\s+)?crise d'asthme\b|"
        r"\bessouffl\w*.{0,40}"
        r"(?:repos|sans bouger|empire|de plus en plus|parler|allonge\w*|rien fait|"
        r"brutal\w*|d'un coup)",
        None,
    ),
    (
        "unconscious",
        r"\binconscient\w*\b(?!\s+(?:du|des|de|d')\b)|\binconscience\b|"
        r"\bperdu conscience\b|"
        r"\bperte de conscience\b|\b(?:est|plus|pas) conscient\w*\b|"
        r"\best en arret\b\s*(?:[.!?]|$|"
        r"cardiaque|respiratoire)|(?<!a )(?<!ai )(?<!as )\b(?:fait|fais|"
        r"en train de faire|"
        r"faire) un "
        r"(?:gros |grave )?malaise\b|\binanime\w*|\b(?:trouve|retrouve)\w*\s+"
        r"(?:\w+\s+)?(?:par terre|au sol|sans vie|sans connaissance)\b|"
        r"\bfait un arret\s*(?:[.!?]|$|"
        r"cardiaque|du coeur)|\b(?:gris|grise|pale|livide|blanc|"
        r"blanche)\b.{0,20}\b(?:transpire\w*|"
        r"sueurs?|en sueur|moite)\b|\bperdu connaissance\b|\bperte de "
        r"connaissance\b|\bsans connaissance\b|\bevanou\w*|"
        r"\btombe\w* dans les pommes\b|"
        r"\bsans reaction\b|\bcoma\b|\bcomateu\w*|\breprend pas connaissance|"
        r"\brevien\w* pas "
        r"a (?:lui|elle)|\bs'(?:est |e )?(?:effondre|ecroule)e?\b(?! en (?:larmes|"
        r"pleurs))",
        rf"{_HYPOTHETICAL}|\bfailli (?:m'|s'|t')?(?:evanou\w*|tomber dans les pommes)|"
        r"\b(?:sensation|impression) (?:de |d')\s?(?:m'|s')?evanou\w*",
    ),
    (
        "unresponsive",
        r"(?<!personne ne )\b(?:repond|reagit|bouge)\s+(?:plus|pas|a rien|presque plus|"
        r"quasiment plus|"
        r"presque pas|quasiment pas)\b(?!\s*(?:au|aux|du(?! tout)|de|d'|"
        r"a mes|par|sur|quand je (?:l'|lui )?(?:appelle|telephone|ecris)))",
        r"\b(?:cabinet|secretariat|medecin|docteur|dr|standard|telephone|tel|pharmacie|"
        r"pharmacien|numero|site|appli|application|mutuelle|secu|caf|ameli|serveur|"
        r"vous|"
        r"tu|bot|hygie|mail|dent)\b[^.!?]{0,25}\b(?:repond|reagit|bouge)",
    ),
    (
        "wont_wake",
        r"\bse reveill?e?\s+(?:pas|plus)\b(?!\s+(?:le matin|a l'heure|pour|avant|tot|"
        r"la nuit))|"
        r"\b(?:arrive\w*|peu[xt]?|reussi\w*|parvien\w*)\s+(?:pas|plus)\s+a\s+(?:le|la|"
        r"les|"
        r"l')"
        r"\s?reveill\w*",
        None,
    ),
    (
        "collapse",
        r"^(?=.*\bmalaise\b)(?=.*\b(?:par terre|au sol|tombe\w*|s'est effondre|"
        r"ne (?:repond|"
        r"bouge|reagit)|grave|vite|urgent|secours|sueurs?|transpire\w*|poitrine)\b)",
        None,
    ),
    (
        "high_fever_signs",
        r"\b(?:4[0-2]|39[.,]\d|40[.,]\d)\s*(?:de fievre|°c?|"
        r"degres)?\b.{0,40}\b(?:delire\w*|confus\w*|"
        r"convuls\w*|ne repond|somnolen\w*|hallucin\w*)|"
        r"\bfievre\b.{0,40}\b(?:delire\w*|"
        r"convuls\w*|"
        r"inconscient\w*|hallucin\w*)|\b(?:sent|sens|trouve)\w* (?:plus|pas) (?:son|le|"
        r"de|"
        r"mon) pouls\b|"
        r"\bmanqu\w* d'oxygene\b|\bbave\w* d'un cote\b|^(?=.*\b(?:bave\w*|repond|"
        r"reagit|"
        r"bouge|"
        r"tombe\w*|malaise|convuls\w*)\b).*\b(?:yeux dans le vide|regard (?:fixe|"
        r"vide))\b|"
        r"\bchute de (?:\d+|plusieurs|deux|trois|quatre|cinq) (?:m|metres|etages?)\b|"
        r"\btombe\w* de "
        r"(?:\d+|plusieurs) ?(?:m|metres|etages?)\b|^(?=.*\b(?:bebe|nourrisson|"
        r"enfant)\b).*\b(?:yeux "
        r"creux|ne pleure plus|pleure sans larmes)\b",
        None,
    ),
    (
        "bleeding",
        r"\bhemorr?agi\w*|\bsaign\w*\s+(?:\w+\s+)?(?:beaucoup|enormement|abondamment|"
        r"partout|a flots?|fort|sans arret|trop)\b|\bsang (?:jaillit|gicle|"
        r"coule a flots?|"
        r"pisse)\b|"
        r"\bartere (?:coupee|sectionnee|touchee|ouverte)\b|\bsang (?:coule|gicle|"
        r"jaillit|"
        r"pisse|sort)\w* "
        r"(?:beaucoup|enormement|a flots?|partout|fort|sans arret|de partout|"
        r"abondamment)\b|\bsang\b.{0,30}\b(?:arrete|s'arrete|cesse|"
        r"stoppe)\w* (?:pas|plus)\b|\b(?:arrete|s'arrete|cesse)\w* (?:pas|"
        r"plus) de (?:couler|pisser|"
        r"gicler|pisser le sang)\b|\b(?:arrete|s'arrete|stoppe|cesse)\w*\s+"
        r"(?:pas|plus)\s+(?:de\s+)?saign|\bsaign\w*.{0,40}\b(?:s'arrete|arrete|"
        r"stoppe)\w*\s+"
        r"(?:pas|plus)\b|\b(?:vomi\w*|crache\w*|tousse\w*)\s+(?:du\s+)?sang\b|"
        r"(?<!nez qui )\bpisse\w* le "
        r"sang\b|\bsang partout\b|\bmare de sang\b|\bperd\w*\s+(?:beaucoup|enormement|"
        r"trop)\s+"
        r"de\s+sang\b|\b(?:coupure|plaie|entaille)\s+(?:tres\s+)?profonde\b|\bfracture "
        r"ouverte\b|\bl'os (?:qui )?sort\b",
        r"\bregles\b|menstru",
    ),
    (
        "anaphylaxis",
        r"\banaphyla\w*|\bquincke\b|\bchoc allergique\b|"
        r"\breaction allergique\s+(?:\w+\s+)?(?:grave|"
        r"severe|forte|violente|importante|generalisee)|\ballergie (?:grave|severe)\b|"
        r"\b(?:langue|glotte)\b(?:\s+[\w']+){0,2}?\s+(?:gonfl\w*|enfl\w*)|\b(?:gorge|"
        r"levres?|"
        r"bouche)\b(?:\s+[\w']+){0,2}?\s+(?:gonfle|gonflent|enfle|enflent)\b"
        r"|\b(?:stylo|seringue|injection|piqure)\s+(?:d'|d\s)?adrenaline|\b(?:epipen|"
        r"anapen|"
        r"jext|emerade)\b|\bgonflement (?:de la |des |du |de )?(?:gorge|langue|glotte|"
        r"levres?|"
        r"bouche)\b|\bgorge (?:qui |se )(?:ferme|bloque)\b|"
        r"^(?=.*\ballerg\w*).*\b(?:du mal a "
        r"avaler|(?:peut|peux|arrive) (?:plus|pas) (?:a )?avaler|respire)\b|"
        r"^(?=.*\b(?:allerg\w*|piqu\w*|guepe|abeille|frelon|cacahu\w*|"
        r"arachide|noix|crustace\w*|fruits de mer|antibio\w*|urticaire|plaques|respire|"
        r"avaler|"
        r"etouff\w*|mange\w*)\b).*\b(?:visage|figure|paupieres?|yeux|tete|cou|il|elle|"
        r"gorge|levres?|"
        r"bouche)\b(?:\s+[\w']+){0,3}?\s+(?:gonfl\w*|"
        r"enfl\w*)|^(?=.*\ballerg\w*).*\bgorge (?:qui |se )?(?:serre|ferme|bloque)",
        None,
    ),
    (
        "seizure",
        r"\bconvuls\w*|\bcrise (?:d'|d |de )?epilep\w*|\bcrise epileptique\b|\bcrise "
        r"convulsive\b|\btonico\w*|\byeux revulses\b|\byeux\b.{0,25}\b(?:en arriere|"
        r"revulse\w*|"
        r"retourne\w*)|\bspasmes?\b.{0,40}\b(?:yeux|bave\w*|repond|tremble\w*|raidi\w*|"
        r"par terre)|\btremble\w*.{0,30}\bbave\w*|\bbave\w*"
        r".{0,30}\btremble\w*|\b(?:fait|fais|a|en) une crise\b.{0,40}\b(?:tremble\w*|"
        r"bave\w*|raide|rigide|"
        r"secousses|raidi\w*)",
        None,
    ),
    (
        "severe_burn",
        r"\bbrul\w* (?:gravement|serieusement|profondement|grievement)\b|"
        r"\bbrul\w*.{0,30}\b(?:essence|"
        r"acide|soude|produit chimique|flammes?|explosion)\b|\bdecharge electrique\b|"
        r"\bbrulures?\s+(?:\w+\s+)?(?:grave|profonde|etendue|du 3e|du troisieme|"
        r"3eme degre|troisieme degre)\b|\bbrule\w* (?:au|du) (?:3e|3eme|"
        r"troisieme) degre|"
        r"\b(?:grosse|grave|grande|enorme)\s+brulure\b|"
        r"\bbrul\w*.{0,40}(?:sur tout|partout|visage|figure|(?:tout|toute) (?:le|"
        r"la) (?:dos|corps|"
        r"bras|ventre|torse|visage|jambe|poitrine|figure|main|cuisse)|"
        r"peau (?:est )?(?:toute )?"
        r"(?:blanche|noire|cartonnee)|carbonis\w*)|\bebouillant\w*|\b(?:huile|eau|"
        r"friture|"
        r"lait|soupe|liquide)\s+bouillante?\b.{0,40}(?:renverse|dessus|sur (?:lui|elle|"
        r"son|sa|le visage|le corps|tout)|partout|visage)|\b(?:a|ont) pris feu\b|"
        r"\bvetements? en feu\b|\bimmol\w*|\belectrocut\w*|\belectrise\w*|\bfoudroy\w*",
        _HYPOTHETICAL,
    ),
    (
        "head_injury",
        r"^(?=.*(?:\b(?:tombe\w*|chute|cogne\w*|tape\w*|choc|coup|accident|renverse\w*|"
        r"heurte\w*)\b.{0,50}\b(?:tete|crane)\b|\b(?:tete|crane)\b.{0,30}\b(?:cogne\w*|"
        r"chute|coup|accident|"
        r"heurte\w*|choc|tombe\w*)|\bsans casque\b))(?=.*\b(?:vomi\w*|confus\w*|"
        r"n'importe quoi|"
        r"connaissance|saign\w*|somnolen\w*|sommeil|dort|reveill\w*|souvien\w*|"
        r"desorient\w*|"
        r"bizarre\w*|convuls\w*|inconscient|s'endort|amnesi\w*)\b)|"
        r"\btraumatisme cranien\b(?! leger)|"
        r"^(?=.*\b(?:tombe\w*|chute|accident|choc|renverse\w*|"
        r"percute\w*)\b)(?=.*\b(?:souvien\w*|"
        r"confus\w*|desorient\w*|amnesi\w*|perdu connaissance|inconscient\w*|"
        r"somnolen\w*|"
        r"convuls\w*|dit n'importe quoi|ne se reveill\w*|reconnai\w* (?:plus|pas))\b)|"
        r"\bblesse\w* "
        r"(?:gravement|grievement|serieusement)\b|\b(?:gravement|grievement) blesse\w*|"
        r"\b(?:grave|"
        r"gros|terrible|violent|horrible) accident\b",
        r"fievre (?:est )?tombee|tombee? (?:malade|enceinte)|chute (?:de|des) cheveux|"
        r"coup de "
        rf"(?:soleil|fatigue|froid|blues)|{_HYPOTHETICAL}",
    ),
    (
        "serious_fall",
        r"\b(?:chute|accident)\s+(?:tres\s+)?(?:grave|violente?|serieuse?)\b|"
        r"\bgrosse chute\b|"
        r"\btombe\w*\s+(?:du|d'un|de l'|de la|d'une)\s+(?:\w+\s+)?(?:toit|echelle|"
        r"balcon|"
        r"fenetre|etage|"
        r"arbre|mur|hauteur|falaise)\b|\b(?:tombe\w*|chute)\b.{0,40}\b(?:peu[xt]?|"
        r"arrive\w*|"
        r"arrivons)\s+(?:pas|plus)\s+(?:a\s+)?(?:se |me |la |le |l')?\s?(?:relever|"
        r"lever|"
        r"bouger|marcher)\b(?!\s+(?:le|la|les|son|sa|ses|mon|ma|mes)\s+(?:bras|jambes?|"
        r"poignet|main|"
        r"pied|cheville|doigts?|epaule|genou|cou))|"
        r"\btombe\w*\b.{0,40}\bse releve (?:pas|"
        r"plus)\b|\baccident\b.{0,40}\b(?:blesse\w*|victimes?|coince\w*|"
        r"incarcere\w*)|\b(?:renverse|percute|fauche|heurte)e?s? par (?:une|"
        r"un) (?:voiture|moto|camion|bus|scooter|"
        r"velo|tram)\b",
        None,
    ),
    (
        "baby_danger",
        r"\b(?:tout mou|toute molle|tres mou|tres molle|tout flasque|toute flasque|"
        r"hypotoni\w*)\b|\bcouches?\s+(?:sont\s+)?seches\b|\bmouille plus (?:ses |sa )?"
        r"couches?\b|\bfontanelle\b|\byeux creuses?\b|^(?=.*\b(?:bebe|nourrisson|"
        r"enfant)\b)"
        r".*\bdeshydratee?s?\b|\b(?:nourrisson|nouveau ne|bebe de (?:[0-2]|un|deux|"
        r"quelques)\s+"
        r"(?:mois|semaines?|jours?)|bebe de \d+ (?:semaines?|"
        r"jours?))\b.{0,60}\b(?:fievre|"
        r"3[89]|40|41|temperature)\b",
        None,
    ),
    (
        "meningitis",
        r"\bpurpura\b|\btaches?\b.{0,30}\b(?:ne s'effacent pas|ne s'efface pas|"
        r"ne disparai\w* pas|ne partent pas|ne part pas)|"
        r"^(?=.*\bfievre\b).*\btaches?\s+(?:\w+\s+){0,2}?(?:violette?s?|"
        r"violace\w*|pourpres?)\b|^(?=.*\b(?:fievre|mal (?:a la|de) tete|vomi\w*|"
        r"somnolen\w*)\b).*"
        r"\b(?:nuque (?:raide|bloquee|dure|coincee)|raideur (?:de |"
        r"a )?(?:la )?nuque)\b|"
        r"^(?=.*\bfievre\b).*\b(?:boutons?|points?|"
        r"plaques?)\s+(?:\w+\s+){0,2}?(?:violette?s?|"
        r"violace\w*|pourpres?|violets?)\b|\bmeningit\w*",
        r"\bvaccin\w*",
    ),
    (
        "pregnancy_emergency",
        r"^(?=.*\benceinte\b).*\b(?:saign\w*|sang|hemorr?agi\w*|perd\w* les eaux|"
        r"convuls\w*"
        r"|ne bouge (?:plus|pas)|(?:tres|horriblement|atrocement) mal|"
        r"douleurs? (?:atroces?|"
        r"insupportables?|violentes?|terribles?)|(?:violentes?|atroces?|terribles?|"
        r"fortes?|grosses?|"
        r"enormes?|horribles?) douleurs?)\b|\b(?:j'|je |elle |en train d')accouche\b|"
        r"\b(?:le|mon|son) bebe (?:arrive|sort)\b(?!\s+(?:en|le|dans|pour|bientot|"
        r"quand|a "
        r"la fin|vers))|\bpoche des eaux\b",
        None,
    ),
    (
        "swallowed_object",
        rf"\b{_CHILD}\b.{{0,60}}?\b(?:avale|avalee)\s+(?:une?|des|la|le|sa|"
        r"son)\s+(?:pieces?|"
        r"billes?|objets?|jouets?|clous?|epingles?|vis|boutons?|boucles? d'oreille|"
        r"morceaux? de "
        r"(?:verre|plastique|jouet))\b",
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
        r"les papiers|"
        r"les dettes)))|\bse noie\b|\bcoup de chaleur\b.{0,60}\b(?:delire\w*|confus\w*|"
        r"inconscient|repond|convuls\w*|brulant\w*|4[01])|\bhypothermie\b|\bhypo\w*\s+"
        r"(?:severe|grave)|\bhypo\w*.{0,40}\b(?:confus\w*|repond|inconscient|"
        r"convuls\w*|"
        r"malaise|reveill\w*)",
        None,
    ),
    (
        "dying",
        r"\b(?:en train de|va|vais|vas|allons|vont)\s+mourir\b(?!\s+(?:de|d'|du|des|"
        r"un jour|"
        r"a petit feu)\b)|\b(?:je|il|elle)\s+(?:meurs|meurt)\b(?!\s*(?:de|d'|du|des|"
        r"pour|"
        r"a|au|"
        r"sur|quand|tellement)\b)|\bquestion de vie ou de mort\b",
        r"\bfin de vie\b|palliati\w*|\bcancer\b|un jour",
    ),
    (
        "call_for_help",
        r"\bau secours?\b|\bappel\w* (?:le |les )?(?:15|18|112)\b|\b(?:appele[rz]?|"
        r"appelle|envoye[rz]?|faut|besoin d'?|vite|venez)"
        r"\s+(?:\w+\s+){0,2}?(?:secours|ambulance|samu|pompiers|smur)\b|\bsamu\b|"
        r"^\W*(?:urgence|urgent|sos|a l'aide)\W*$|\burgences?\s+(?:vitale|absolue)\b|"
        r"\bc'est (?:une|un cas d') urgence\b|\burgence\s*!|!\s*urgence\b|"
        r"\bsos\b(?! medecin)|^\W*urgence\b\W+(?:mon|ma|mes|il|elle|au secours|aide|"
        r"vite|"
        r"svp|"
        r"quelqu'un)\b|\baide[zr]? moi\b.{0,15}\b(?:vite|urgent|grave)\b",
        None,
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
