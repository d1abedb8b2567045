import type { Role } from "@ketenportaal/api";
import type {
  CasePriority,
  DeclineReasonCode,
  HandoverStatus,
  MailStatus,
  OutcomeCode,
  PersonRole,
} from "../lib/api-types";

/**
 * Every Dutch text of the portal. Components read from here, never from string literals, so wording stays
 * consistent and a later translation or copy review touches one file.
 */
export const nl = {
  app: {
    name: "Ketenportaal",
    tagline: "Samenwerken in de keten rond huiselijk geweld en kindermishandeling",
  },

  layout: {
    skipLink: "Direct naar de inhoud",
    homeLink: "Ketenportaal, naar de startpagina",
    mainNavLabel: "Hoofdmenu",
    footerNavLabel: "Over dit portaal",
    signedInAs: "Ingelogd als",
    logoutButton: "Uitloggen",
    accessibilityLink: "Toegankelijkheid",
    footerText: "Ketenportaal — Veilig Thuis en ketenpartners",
    notificationsLink: "Meldingen",
    unreadNotifications: (count: number) => `${count} ongelezen`,
  },

  roles: {
    functional_admin: "functioneel beheerder",
    vt_worker: "VT-medewerker",
    team_coordinator: "teamcoördinator",
    partner_worker: "medewerker ketenpartner",
    partner_coordinator: "coördinator ketenpartner",
    policy_officer: "beleidsmedewerker gemeente",
  } satisfies Record<Role, string>,

  sections: {
    handovers: {
      label: "Overdrachten",
      description: "Overdrachten aanbieden, accepteren of afwijzen en het eerste contact bevestigen.",
    },
    handoverTables: {
      label: "Overdrachtstafels",
      description: "Casussen inbrengen en bespreken in het regionale overleg.",
    },
    vvTrajectories: {
      label: "Voorwaarden & Vervolg",
      description: "Veiligheidsvoorwaarden samen vastleggen en volgen.",
    },
    reports: {
      label: "Werkvoorraad en rapportages",
      description: "Geanonimiseerde cijfers over werkvoorraad, doorlooptijden en knelpunten.",
    },
    admin: {
      label: "Beheer",
      description: "Organisaties, teams, gebruikers, regio's en termijnen beheren.",
    },
  },

  home: {
    title: "Startpagina",
    welcome: (name: string) => `Welkom, ${name}`,
    today: (date: string) => `Vandaag is het ${date}.`,
    accountHeading: "Uw gegevens",
    organisation: "Organisatie",
    role: "Rol",
    roles: "Rollen",
    team: "Team",
    sectionsHeading: "Waar wilt u naartoe?",
    noSections: "Er zijn voor uw rol nog geen onderdelen beschikbaar. Neem contact op met uw functioneel beheerder.",
  },

  forms: {
    errorSummaryHeading: "Er is een probleem",
    checkFields: "Controleer de gemarkeerde velden.",
    yes: "Ja",
    no: "Nee",
  },

  login: {
    title: "Inloggen",
    heading: "Inloggen",
    intro: "Log in met het e-mailadres en wachtwoord van uw account bij het Ketenportaal.",
    emailLabel: "E-mailadres",
    passwordLabel: "Wachtwoord",
    submit: "Inloggen",
    submitting: "Bezig met inloggen…",
    loggedOut: "U bent uitgelogd.",
    invalidCredentials: "E-mailadres of wachtwoord is onjuist.",
    tooManyAttempts: "Te veel pogingen. Wacht een paar minuten en probeer het dan opnieuw.",
    emailRequired: "Vul uw e-mailadres in.",
    emailTooLong: "Dit e-mailadres is te lang.",
    emailInvalid: "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
    passwordRequired: "Vul uw wachtwoord in.",
    passwordTooLong: "Dit wachtwoord is te lang.",
  },

  logout: {
    title: "Uitloggen",
    heading: "Uitloggen",
    confirm: "Wilt u uitloggen uit het Ketenportaal?",
    submit: "Uitloggen",
    cancel: "Terug naar de startpagina",
  },

  accessibility: {
    title: "Toegankelijkheidsverklaring",
    heading: "Toegankelijkheidsverklaring",
    intro:
      "Het Ketenportaal wil voor iedereen toegankelijk zijn. Wij streven ernaar dat het portaal voldoet aan de " +
      "Web Content Accessibility Guidelines (WCAG) 2.2 op niveau A en AA, zoals opgenomen in de Europese norm " +
      "EN 301 549. Overheidsinstanties zijn daartoe verplicht op grond van het Besluit digitale toegankelijkheid " +
      "overheid.",
    statusHeading: "Status",
    status: "Het Ketenportaal voldoet gedeeltelijk aan de eisen.",
    statusExplanation:
      "Het portaal is gebouwd en getest met toegankelijkheid als uitgangspunt, maar er is nog geen volledig " +
      "onderzoek door een onafhankelijke deskundige gedaan. Hieronder staat wat wij wel hebben onderzocht en " +
      "welke beperkingen wij kennen.",
    dateHeading: "Datum",
    date: (date: string) => `Deze verklaring is opgesteld op ${date} en wordt bij elke grote wijziging bijgewerkt.`,
    scopeHeading: "Waarop heeft deze verklaring betrekking?",
    scope:
      "Deze verklaring geldt voor de webapplicatie Ketenportaal: de inlogpagina, de startpagina, de overdrachten, " +
      "de meldingen, de beheerpagina's Gebeurtenissen en Verzonden e-mail, deze verklaring en de andere onderdelen " +
      "die al in gebruik zijn. De koppeling (API) voor systemen van ketenpartners en de " +
      "e-mailberichten die het portaal verstuurt, vallen er niet onder.",
    methodHeading: "Hoe is de toegankelijkheid onderzocht?",
    methods: [
      "Bij elke wijziging controleren geautomatiseerde tests de pagina's met axe-core op de succescriteria van " +
        "WCAG 2.0, 2.1 en 2.2 op niveau A en AA.",
      "De pagina's zijn getest met alleen het toetsenbord: alle functies zijn bereikbaar, de focus is steeds " +
        "zichtbaar en er is een link om direct naar de inhoud te gaan.",
      "Inloggen, uitloggen en alle stappen van een overdracht (opstellen, aanbieden, accepteren, afwijzen, eerste " +
        "contact, afronden, terugmelden) werken ook zonder JavaScript.",
      "De kleuren zijn gekozen met voldoende contrast (minimaal 4,5:1 voor tekst).",
    ],
    limitationsHeading: "Bekende beperkingen",
    limitations: [
      "Er is nog geen handmatig onderzoek (audit) uitgevoerd tegen alle succescriteria. Geautomatiseerde tests " +
        "vinden maar een deel van de mogelijke problemen.",
      "Het portaal is nog niet systematisch getest met schermlezers, vergrootsoftware en spraakbesturing.",
      "Na een uur zonder activiteit wordt u om veiligheidsredenen uitgelogd, zonder waarschuwing vooraf " +
        "(succescriterium 2.2.1 Timing aanpasbaar). Ingevulde gegevens die nog niet zijn opgeslagen, gaan dan verloren.",
      "Onderdelen die nog in ontwikkeling zijn, zoals overdrachtstafels, Voorwaarden & Vervolg, rapportages en " +
        "het beheer van organisaties en gebruikers, zijn nog niet onderzocht. Wij nemen ze op in deze verklaring zodra ze beschikbaar zijn.",
    ],
    contactHeading: "Problemen met toegankelijkheid melden",
    contact:
      "Loopt u tegen een toegankelijkheidsprobleem aan, of hebt u een vraag of opmerking? Neem dan contact op met " +
      "de functioneel beheerder van uw eigen organisatie. Die zorgt dat uw melding bij het beheerteam van het " +
      "Ketenportaal komt. U krijgt binnen 5 werkdagen een reactie.",
    ombudsman:
      "Bent u niet tevreden met de manier waarop uw melding is behandeld? Dan kunt u contact opnemen met de " +
      "Nationale ombudsman.",
    ombudsmanLink: "Website van de Nationale ombudsman",
  },

  /** Labels of the API's codes; the keys follow the API, the order is the one shown in forms and filters. */
  handoverStatus: {
    draft: "Concept",
    offered: "Aangeboden",
    accepted: "Geaccepteerd",
    started: "Gestart",
    completed: "Afgerond",
    declined: "Afgewezen",
    withdrawn: "Ingetrokken",
    returned: "Teruggemeld",
  } satisfies Record<HandoverStatus, string>,

  priorities: {
    acute: "Acuut",
    high: "Hoog",
    normal: "Normaal",
    low: "Laag",
  } satisfies Record<CasePriority, string>,

  personRoles: {
    child: "Kind",
    parent: "Ouder",
    partner: "Partner",
    elder: "Oudere",
    other: "Anders",
  } satisfies Record<PersonRole, string>,

  declineReasons: {
    no_capacity: "Geen capaciteit",
    outside_area: "Buiten ons werkgebied",
    needs_specialised_care: "Specialistische hulp nodig",
    already_involved: "Er is al hulpverlening betrokken",
    incomplete_information: "Onvoldoende informatie",
    other: "Anders",
  } satisfies Record<DeclineReasonCode, string>,

  outcomes: {
    help_started: "Hulp is gestart",
    no_help_needed: "Geen hulp nodig",
    referred_on: "Doorverwezen",
    household_unreachable: "Huishouden niet bereikbaar",
  } satisfies Record<OutcomeCode, string>,

  deadlines: {
    acceptance: (date: string) => `Reactie uiterlijk ${date}`,
    first_contact: (date: string) => `Eerste contact uiterlijk ${date}`,
    today: "vandaag",
    left: (days: number) => (days === 1 ? "nog 1 werkdag" : `nog ${days} werkdagen`),
    late: (days: number) => (days === 1 ? "1 werkdag te laat" : `${days} werkdagen te laat`),
    lateToday: "te laat",
    withDaysLeft: (deadline: string, daysLeft: string) => `${deadline} (${daysLeft})`,
    overdue: "Termijn verlopen",
    none: "Geen lopende termijn",
  },

  handovers: {
    title: "Overdrachten",
    heading: "Overdrachten",
    newHandover: "Nieuwe overdracht",
    vtIntro: "Alle overdrachten van uw organisatie. Overdrachten met een verlopen termijn staan bovenaan.",
    filtersHeading: "Filteren",
    statusLabel: "Status",
    allStatuses: "Alle statussen",
    municipalityLabel: "Gemeente",
    allMunicipalities: "Alle gemeenten",
    regionLabel: "Regio",
    allRegions: "Alle regio's",
    overdueLabel: "Alleen verlopen termijnen",
    myRegionsLabel: "Alleen mijn regio's (waar ik aanspreekpunt ben)",
    applyFilters: "Filters toepassen",
    clearFilters: "Alle filters wissen",
    resultsCaption: "Overdrachten van uw organisatie",
    myRegionsCaption: "Overdrachten in mijn regio's",
    noResults: "Er zijn geen overdrachten die bij deze filters passen.",
    nextPage: "Volgende pagina",
    firstPage: "Naar de eerste pagina",
    pagerLabel: "Pagina's van de overdrachten",
    inboxPagerLabel: "Pagina's van de inbox",
    ongoingPagerLabel: "Pagina's van de lopende overdrachten",
    inboxHeading: "Inbox",
    inboxIntro: "Overdrachten die aan uw team zijn aangeboden, de kortste termijn eerst.",
    inboxCaption: "Aangeboden overdrachten",
    inboxEmpty: "Er staan geen aangeboden overdrachten in uw inbox.",
    inboxNextPage: "Volgende pagina van de inbox",
    ongoingHeading: "Lopende overdrachten",
    ongoingIntro: "Overdrachten die uw organisatie heeft geaccepteerd of waarin het eerste contact is gelegd.",
    ongoingCaption: "Lopende overdrachten",
    ongoingEmpty: "Uw organisatie heeft geen lopende overdrachten.",
    columns: {
      reference: "Registratienummer",
      status: "Status",
      municipality: "Gemeente",
      priority: "Prioriteit",
      targetTeam: "Ontvangend team",
      offeredBy: "Aangeboden door",
      deadline: "Termijn",
    },
    referenceLink: (reference: string) => `Overdracht ${reference}`,
  },

  handoverForm: {
    newTitle: "Nieuwe overdracht",
    newHeading: "Nieuwe overdracht",
    newIntro:
      "Registreer de casus en stel het overdrachtspakket samen. U slaat de overdracht eerst op als concept; " +
      "aanbieden doet u daarna vanaf de pagina van de overdracht.",
    draftHint:
      "Voor een concept zijn alleen het registratienummer, de gemeente, de meldingsdatum en het ontvangende team " +
      "nodig. Aanbieden kan pas als het pakket compleet is.",
    editTitle: "Overdracht bewerken",
    editHeading: (reference: string) => `Overdracht ${reference} bewerken`,
    editIntro: "Vul het pakket aan. Aanbieden doet u daarna vanaf de pagina van de overdracht.",
    caseSection: "Casus",
    referenceLabel: "VT-registratienummer",
    municipalityLabel: "Gemeente",
    chooseMunicipality: "Kies een gemeente",
    municipalityOption: (name: string, region: string) => `${name} (regio ${region})`,
    priorityLabel: "Prioriteit",
    reportedAtLabel: "Meldingsdatum",
    safetyAssessmentLabel: "Veiligheidsbeoordeling afgerond",
    conclusionLabel: "Conclusie van de veiligheidsbeoordeling",
    caseSavedNotice:
      "De casus is opgeslagen, de overdracht nog niet. Herstel wat hieronder staat en sla opnieuw op. " +
      "Registratienummer, gemeente en meldingsdatum liggen nu vast.",
    personsSection: "Directbetrokkenen",
    personsIntro:
      "Vul per persoon ten minste de rol en de naam in. Lege regels worden overgeslagen. Geef aan of u de persoon " +
      "heeft gesproken, en zo niet, waarom niet.",
    personLegend: (position: number) => `Directbetrokkene ${position}`,
    personRoleLabel: "Rol",
    chooseRole: "Kies een rol",
    personNameLabel: "Naam",
    personBirthYearLabel: "Geboortejaar",
    spokenLegend: "Gesproken?",
    notSpokenReasonLabel: "Reden als niet gesproken",
    addPerson: "Persoon toevoegen",
    packageSection: "Overdrachtspakket",
    targetTeamLabel: "Ontvangend team",
    chooseTeam: "Kies een team",
    concernsLabel: "Zorgen",
    safetyConditionsLabel: "Veiligheidsvoorwaarden",
    householdViewLabel: "Visie van het huishouden",
    vtContactLabel: "Aanspreekpunt Veilig Thuis",
    noVtContact: "Nog niet gekozen",
    vtContactOption: (name: string, regions: readonly string[]) =>
      regions.length > 0 ? `${name} (${regions.join(", ")})` : name,
    vtJoinsLegend: "Gaat Veilig Thuis mee op het eerste huisbezoek?",
    save: "Opslaan als concept",
    saveChanges: "Wijzigingen opslaan",
    cancel: "Annuleren",
    referenceRequired: "Vul het VT-registratienummer in.",
    referenceTooLong: "Het registratienummer is te lang (maximaal 50 tekens).",
    municipalityRequired: "Kies een gemeente.",
    priorityInvalid: "Kies een prioriteit.",
    reportedAtRequired: "Vul de meldingsdatum in.",
    reportedAtInvalid: "Vul een geldige meldingsdatum in.",
    reportedAtFuture: "De meldingsdatum kan niet in de toekomst liggen.",
    conclusionTooLong: "De conclusie is te lang (maximaal 10.000 tekens).",
    concernsTooLong: "De zorgen zijn te lang (maximaal 10.000 tekens).",
    safetyConditionsTooLong: "De veiligheidsvoorwaarden zijn te lang (maximaal 10.000 tekens).",
    householdViewTooLong: "De visie van het huishouden is te lang (maximaal 10.000 tekens).",
    teamRequired: "Kies het ontvangende team.",
    teamUnknown: "Kies een team uit de lijst.",
    vtContactUnknown: "Kies een aanspreekpunt uit de lijst.",
    choiceUnknown: "Kies een van de mogelijkheden.",
    personRoleRequired: "Kies de rol van deze persoon.",
    personNameRequired: "Vul de naam in.",
    personNameTooLong: "De naam is te lang (maximaal 200 tekens).",
    personBirthYearInvalid: "Vul een geldig geboortejaar in, zoals 2015.",
    personReasonRequired: "Geef aan waarom deze persoon niet gesproken is.",
    personReasonTooLong: "De reden is te lang (maximaal 2.000 tekens).",
    tooManyPersons: "U kunt maximaal 30 directbetrokkenen vastleggen.",
    personError: (position: number, message: string) => `Directbetrokkene ${position}: ${message}`,
  },

  handoverDetail: {
    title: (reference: string) => `Overdracht ${reference}`,
    heading: (reference: string) => `Overdracht ${reference}`,
    backToList: "Terug naar overdrachten",
    status: "Status",
    priority: "Prioriteit",
    municipality: "Gemeente",
    municipalityValue: (municipality: string, region: string) => `${municipality} (regio ${region})`,
    offeredBy: "Opgesteld door",
    offeredByValue: (user: string, organisation: string) => `${user}, ${organisation}`,
    targetTeam: "Ontvangend team",
    targetTeamValue: (team: string, organisation: string) => `${team} (${organisation})`,
    assignedTo: "Toegewezen aan",
    notAssigned: "Nog niet toegewezen",
    offeredAt: "Aangeboden op",
    acceptedAt: "Geaccepteerd op",
    firstContactOn: "Eerste contact op",
    closedAt: "Afgesloten op",
    deadline: "Termijn",
    missingHeading: "Wat ontbreekt nog",
    missingIntro: "De overdracht kan pas worden aangeboden als het pakket compleet is. Nog nodig:",
    packageComplete: "Het pakket is compleet. U kunt de overdracht aanbieden.",
    editLink: "Overdracht bewerken",
    packageHeading: "Overdrachtspakket",
    concerns: "Zorgen",
    conclusion: "Conclusie van de veiligheidsbeoordeling",
    safetyConditions: "Veiligheidsvoorwaarden",
    householdView: "Visie van het huishouden",
    vtContact: "Aanspreekpunt Veilig Thuis",
    vtJoinsFirstVisit: "Veilig Thuis gaat mee op het eerste huisbezoek",
    notFilledIn: "Nog niet ingevuld",
    caseHeading: "Casus",
    reference: "VT-registratienummer",
    reportedAt: "Meldingsdatum",
    safetyAssessment: "Veiligheidsbeoordeling",
    safetyAssessmentCompleted: (date: string) => `Afgerond op ${date}`,
    safetyAssessmentOpen: (dueOn: string) => `Nog niet afgerond (uiterlijk ${dueOn})`,
    personsHeading: "Directbetrokkenen",
    personsCaption: "Directbetrokkenen van deze casus",
    personsEmpty: "Er zijn nog geen directbetrokkenen vastgelegd.",
    personColumns: { name: "Naam", role: "Rol", birthYear: "Geboortejaar", spoken: "Gesproken" },
    spoken: "Ja",
    notSpoken: "Nee",
    notSpokenWithReason: (reason: string) => `Nee: ${reason}`,
    spokenUnknown: "Nog niet vastgelegd",
    unknown: "Onbekend",
    declineHeading: "Afwijzing",
    declineReason: "Reden",
    declineText: "Toelichting",
    returnHeading: "Terugmelding aan Veilig Thuis",
    returnReason: "Waarom de veiligheid in het geding is",
    outcomeHeading: "Uitkomst",
    outcome: "Uitkomst",
    referredTo: "Doorverwezen naar",
    actionsHeading: "Wat kunt u doen?",
    historyHeading: "Geschiedenis",
    historyEntry: (what: string, who: string, when: string) => `${what} door ${who} op ${when}`,
    historyActor: (name: string, organisation: string | null) =>
      organisation === null || name === organisation ? name : `${name} (${organisation})`,
    historyReason: (reason: string) => `Toelichting: ${reason}`,
    historyActions: {
      create: "Concept aangemaakt",
      update: "Bewerkt",
      offer: "Aangeboden",
      withdraw: "Ingetrokken",
      accept: "Geaccepteerd",
      decline: "Afgewezen",
      assign: "Toegewezen",
      start: "Eerste contact vastgelegd",
      complete: "Afgerond",
      return: "Teruggemeld aan Veilig Thuis",
      escalate: "Termijn verlopen en geëscaleerd",
    } as Record<string, string>,
    historyUnknownAction: "Gewijzigd",
    notEditable: "Deze overdracht kan niet meer worden bewerkt: ze is geen concept meer.",
    offer: {
      heading: "Aanbieden",
      intro: "Het ontvangende team krijgt bericht en moet binnen de afgesproken termijn reageren.",
      button: "Aanbieden",
    },
    withdraw: {
      heading: "Intrekken",
      reasonLabel: "Toelichting bij intrekken (optioneel)",
      button: "Intrekken",
    },
    accept: {
      heading: "Accepteren",
      intro:
        "Als u accepteert, neemt uw organisatie de overdracht aan en loopt de termijn voor het eerste contact met " +
        "het huishouden.",
      button: "Accepteren",
    },
    decline: {
      heading: "Afwijzen",
      reasonLegend: "Reden van afwijzen",
      textLabel: "Toelichting bij afwijzen",
      textDescription: "Verplicht als u 'Anders' kiest.",
      button: "Afwijzen",
    },
    assign: {
      heading: "Toewijzen",
      userLabel: "Medewerker",
      chooseUser: "Kies een medewerker",
      button: "Toewijzen",
    },
    start: {
      heading: "Eerste contact vastleggen",
      dateLabel: "Datum eerste contact",
      button: "Eerste contact vastleggen",
    },
    complete: {
      heading: "Afronden",
      outcomeLegend: "Uitkomst",
      referredToLabel: "Doorverwezen naar",
      referredToDescription: "Verplicht als u 'Doorverwezen' kiest: naar welke organisatie?",
      button: "Afronden",
    },
    return: {
      heading: "Terugmelden aan Veilig Thuis",
      intro:
        "Meld de overdracht terug als de veiligheid van het huishouden in het geding is. Veilig Thuis neemt de " +
        "casus dan weer op.",
      reasonLabel: "Waarom is de veiligheid in het geding?",
      button: "Terugmelden aan Veilig Thuis",
    },
    versionMissing: "Deze pagina was verouderd. Bekijk de nieuwe stand en probeer het opnieuw.",
    unknownIntent: "Deze actie kent het portaal niet. Laad de pagina opnieuw en probeer het nog eens.",
    declineReasonRequired: "Kies een reden om de overdracht af te wijzen.",
    declineTextRequired: "Licht toe waarom u de overdracht afwijst.",
    reasonTooLong: "De toelichting is te lang (maximaal 2.000 tekens).",
    assigneeRequired: "Kies een medewerker.",
    firstContactRequired: "Vul de datum van het eerste contact in.",
    firstContactInvalid: "Vul een geldige datum in.",
    firstContactFuture: "De datum van het eerste contact kan niet in de toekomst liggen.",
    outcomeRequired: "Kies de uitkomst van de overdracht.",
    referredToRequired: "Vul in naar welke organisatie het huishouden is doorverwezen.",
    referredToTooLong: "Dit is te lang (maximaal 200 tekens).",
    returnReasonRequired: "Beschrijf waarom de veiligheid in het geding is.",
    offerIncomplete: "De overdracht kan nog niet worden aangeboden: vul eerst aan wat ontbreekt.",
  },

  /** Success notices after a change, keyed by the value of `?gelukt=` in the address. */
  notices: {
    opgeslagen: "De overdracht is opgeslagen als concept.",
    bewerkt: "De wijzigingen zijn opgeslagen.",
    aangeboden: "De overdracht is aangeboden aan het ontvangende team.",
    ingetrokken: "De overdracht is ingetrokken.",
    geaccepteerd: "U heeft de overdracht geaccepteerd.",
    afgewezen: "U heeft de overdracht afgewezen. Veilig Thuis krijgt hiervan bericht.",
    toegewezen: "De overdracht is toegewezen.",
    "eerste-contact": "Het eerste contact met het huishouden is vastgelegd.",
    afgerond: "De overdracht is afgerond.",
    teruggemeld: "De overdracht is teruggemeld aan Veilig Thuis.",
    gelezen: "Alle meldingen zijn als gelezen gemarkeerd.",
    "opnieuw-verstuurd": "Het bericht staat weer klaar om te versturen. Het gaat zo snel mogelijk opnieuw weg.",
  },

  notifications: {
    title: "Meldingen",
    heading: "Meldingen",
    intro: "Berichten over de overdrachten waarbij u betrokken bent. De nieuwste staan bovenaan.",
    empty: "U heeft geen meldingen.",
    unread: "Nieuw",
    markAllRead: "Alles als gelezen markeren",
    receivedAt: (date: string) => `Ontvangen op ${date}`,
    nextPage: "Volgende pagina",
    firstPage: "Naar de nieuwste meldingen",
    pagerLabel: "Pagina's van de meldingen",
  },

  admin: {
    title: "Beheer",
    heading: "Beheer",
    intro: "Hier ziet u wat het portaal op de achtergrond doet en kunt u ingrijpen als iets blijft hangen.",
    pagesHeading: "Beheeronderdelen",
    noPages: "Voor uw rol zijn er nog geen beheeronderdelen beschikbaar.",
    backToAdmin: "Terug naar Beheer",
    pages: {
      events: {
        label: "Gebeurtenissen",
        description: "Berichten over overdrachten voor de systemen van ketenpartners, en of ze al zijn gepubliceerd.",
      },
      mail: {
        label: "Verzonden e-mail",
        description:
          "E-mail die het portaal verstuurt of wil versturen, met de status; mislukte berichten opnieuw versturen.",
      },
    },
  },

  adminEvents: {
    title: "Gebeurtenissen",
    heading: "Gebeurtenissen",
    intro:
      "Elke wijziging in een overdracht levert een gebeurtenis op die het portaal via Kafka doorgeeft aan de " +
      "systemen van ketenpartners. Zonder Kafka-koppeling blijven de gebeurtenissen hier staan als nog niet " +
      "gepubliceerd. Een gebeurtenis bevat alleen verwijzingen en statussen, geen persoonsgegevens.",
    unpublishedCount: (count: number) =>
      count === 0
        ? "Alle gebeurtenissen zijn gepubliceerd."
        : count === 1
          ? "1 gebeurtenis is nog niet gepubliceerd."
          : `${count} gebeurtenissen zijn nog niet gepubliceerd.`,
    filtersHeading: "Filteren",
    publishedLabel: "Publicatie",
    allEvents: "Alle gebeurtenissen",
    publishedOnly: "Gepubliceerd",
    unpublishedOnly: "Nog niet gepubliceerd",
    aggregateLabel: "Id van het onderwerp",
    aggregateDescription: "Bijvoorbeeld het id van een overdracht, zoals in het adres van de overdracht.",
    aggregateInvalid: "Dit is geen geldig id. Het filter is niet toegepast.",
    applyFilters: "Filters toepassen",
    clearFilters: "Alle filters wissen",
    caption: "Gebeurtenissen, de nieuwste eerst",
    noResults: "Er zijn geen gebeurtenissen die bij deze filters passen.",
    columns: {
      eventType: "Soort gebeurtenis",
      aggregate: "Onderwerp",
      sequence: "Volgnummer",
      topic: "Topic",
      createdAt: "Aangemaakt",
      published: "Gepubliceerd",
      attempts: "Pogingen",
      payload: "Inhoud",
    },
    /** The API's aggregate types in words; an unknown type is shown as the API names it. */
    aggregateTypes: { handover: "Overdracht", table: "Overdrachtstafel", vv: "V&V-traject" } as Record<string, string>,
    aggregateLinkHint: "toon alleen de gebeurtenissen hiervan",
    publishedAt: (date: string) => `Ja, op ${date}`,
    notPublished: "Nog niet",
    showPayload: "Inhoud tonen",
    payloadOf: (eventType: string, sequence: number) => `van ${eventType} (volgnummer ${sequence})`,
    nextPage: "Volgende pagina",
    firstPage: "Naar de nieuwste gebeurtenissen",
    pagerLabel: "Pagina's van de gebeurtenissen",
  },

  adminMail: {
    title: "Verzonden e-mail",
    heading: "Verzonden e-mail",
    intro:
      "E-mail die het portaal verstuurt bij wijzigingen in overdrachten. Zonder mailserver schrijft het portaal " +
      "elk bericht als .eml-bestand in de map mail van de gegevensmap, met het Message-ID als bestandsnaam. " +
      "Een bericht dat na acht pogingen niet is verstuurd, krijgt de status mislukt; u kunt het opnieuw versturen.",
    countsLabel: "Aantallen per status",
    filtersHeading: "Filteren",
    statusLabel: "Status",
    allStatuses: "Alle statussen",
    applyFilters: "Filter toepassen",
    clearFilters: "Filter wissen",
    caption: "E-mailberichten, de nieuwste eerst",
    noResults: "Er zijn geen berichten met deze status.",
    columns: {
      subject: "Onderwerp",
      recipient: "Ontvanger",
      status: "Status",
      createdAt: "Aangemaakt",
      sentAt: "Verzonden op",
      attempts: "Pogingen",
      lastError: "Laatste foutcode",
      messageId: "Message-ID",
      action: "Actie",
    },
    notSent: "Nog niet",
    noError: "Geen",
    retry: "Opnieuw versturen",
    /** Read after "Opnieuw versturen" by screen readers, so each row's button says which message it sends. */
    retryTarget: (subject: string, recipient: string, createdAt: string) =>
      `(bericht "${subject}" aan ${recipient}, aangemaakt ${createdAt})`,
    noAction: "Geen",
    invalidRequest: "Dit bericht kon niet worden gevonden. Laad de pagina opnieuw en probeer het nog eens.",
    nextPage: "Volgende pagina",
    firstPage: "Naar de nieuwste berichten",
    pagerLabel: "Pagina's van de e-mailberichten",
  },

  mailStatus: {
    pending: "Wachtend",
    sent: "Verzonden",
    failed: "Mislukt",
  } satisfies Record<MailStatus, string>,

  errors: {
    notFoundTitle: "Pagina niet gevonden",
    notFoundText: "Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina.",
    forbiddenTitle: "Geen toegang",
    forbiddenText:
      "U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? Neem contact op met uw beheerder.",
    genericTitle: "Er ging iets mis",
    genericText: "Door een fout kunnen wij deze pagina nu niet tonen. Probeer het later opnieuw.",
    requestId: "Foutcode voor de beheerder:",
    homeLink: "Naar de startpagina",
  },
} as const;

/** "Inloggen — Ketenportaal": the page name first, so screen reader users and tabs show what differs. */
export function pageTitle(page: string): string {
  return `${page} — ${nl.app.name}`;
}
