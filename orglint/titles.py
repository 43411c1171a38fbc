"""The job-title reader: which roles a title gives, and which functions it marks its holder as a leader of.

The format's vocabulary (functions, roles, unit types, strategies) is in orglint.vocabulary.

``read_title("Sr. Director of Product Management, EMEA")`` gives the canonical
roles the title implies (``product-manager``) and the functions it marks its
holder as a leader of (``product``). ``function_of_name`` reads a function from
a unit or department name ("R&D", "Customer Success").

How a title is read, loosely::

    title    := main-segment { ("," | ";" | ":" | " - " | "(...)" | " at " | " for ") tail-segment }
    segment  := part { ("&" | "and" | "/" | "+") part }
    part     := rank ["of"] body          "VP of Sales", "Director, FP&A", "General Manager, Payments"
              | "chief" area "officer"    "Chief Revenue Officer"
              | explicit title            "Scrum Master", "CEO", "Paralegal"
              | [area words] job-noun     "Support Engineer", "Brand Manager"
              | area words                "Sales", "FP&A", "Revenue Operations"

An *area* is a phrase naming (part of) a function: "sales", "product marketing",
"talent acquisition". In English compounds the head comes last, so the area of
"Sales Operations Analyst" is found by the longest known phrase *ending* the
words before the job noun ("sales operations" -> operations work), and only
then anywhere in them. Seniority words are dropped. The main segment names the
job; tail segments usually name a region, segment or team ("EMEA",
"Create:Source Code") and count only when they are a real title on their own
("Co-founder, CEO"): a bare area there ("..., Product Management") is a team,
and so is a phrase opened by a builder noun ("..., Developer Tools").

A few titles mean different things in different units ("Solution Architect": pre-sales
in sales, an engineer in a delivery team). ``read_title`` reads the title alone and
keeps such readings in ``TitleReading.by_unit``; ``roles_in_unit`` is the second step,
given the function of the person's unit (``Org.settle_roles_by_unit`` applies it to
every person, with their home unit or its nearest ancestor that has a function).

Judgment calls (``orglint roles FILE`` shows every reading; ``roles:`` fixes one):

- VP / SVP / EVP / Head / Chief of exactly a function's core words holds its
  C-level seat, as FORMAT's table says ("VP Finance" -> cfo, "Head of
  Engineering" -> cto). With a narrower area ("VP of Infrastructure", "VP of
  Commercial Sales") or a sub-seat rank (AVP, Regional VP, Deputy Head) it is
  a leader of the function below the seat: the function's manager role plus
  ``leads``. Directors, Group Managers and MDs are such leaders ("Director of
  Engineering" -> engineering-manager, leads engineering); "Manager, X" leads nothing.
- A General Manager ("GM", "VP & GM") runs a business unit, whatever the words
  after it: they name the unit, not a function ("General Manager, Commerce Cloud"
  leads no engineering, "GM, Analytics" no data). A Managing Director of a
  function leads it ("Managing Director, Sales"); alone or of a region they run a unit.
- "President" alone gives no role; of exactly a core area it holds the seat
  ("President, Go-to-Market" -> cro); of a region or a unit, or as "Division /
  Group / Regional President", it runs a business unit.
- Go-to-market chiefs hold the revenue seat, cro: Chief Commercial / Business /
  Growth Officer, Head of Go-to-Market (GTM). Growth spans marketing and sales,
  but a Chief Growth Officer owns the revenue number, and product under them is
  product under go-to-market (L003) whichever half they came from; "Head of
  Growth" stays unread (growth marketing? growth product?).
- Group product managers ("Group Product Manager", "GPM", "Group PM", "Group
  Manager, Product Management") manage product managers: product-manager plus
  leads product, like a Director of Product Management.
- Leaders of functions with no C-level id get the function's practitioner role
  ("VP of UX" -> designer), so that their function is right.
- Postfix leader nouns lead only a core area named exactly: "Sales Director"
  leads sales, "Account Director" and "Regional Sales Director" do not.
- "Head of <X>" where X is no function ("Head of Remote", "Head of EMEA",
  "Head of Growth") gives no role: guessing a business unit would be wild.
  business-unit-head needs a unit word, a GM or a unit's president: "General
  Manager", a bare "Managing Director", "Division President", "Head of Payments
  Business Unit/Division", "BU Lead", "Country Manager".
- "Customer experience" / "CX" is customer success ("Head of CX" leads it), but
  a "CX Designer" is a designer. "CSE" is a customer success engineer, in a
  support unit too: that is where article 001 wants them ("Support should have
  customer success engineers"). "<Anyone> Success Manager" (Studio, Merchant,
  Partner) is customer success. A "Solution(s) Architect / Engineer" is
  pre-sales alone, an engineer in an engineering, delivery or product unit, and
  customer success or support in theirs. "EM" is an engineering manager,
  "MTS" (member of technical staff, and SMTS, LMTS, PMTS) an engineer. The
  short ones (EM, PO, CSE, RTE) count only as a whole part of the main
  segment: "Account Executive, EM" sells in emerging markets.
- "Data Engineer" is data-scientist (the data function), like Analytics and ML
  Engineers. "Product Analyst" too (analytics, not product management).
- "Founder", "Co-founder", "President" alone give no role; "Chief of Staff"
  and "Instructional Designer" explicitly give none.
- "and" / "&" / "/" join titles, except inside compounds that are one thing
  (R&D, L&D, DEI, FP&A, M&A, P&L, "Trust & Safety"). Joined parts share a head
  word only into a known area ("Sales and Marketing Operations" -> operations
  twice, "Product & Solutions Marketing" -> product marketing twice), a
  qualifier ("Product Manager & Owner"), or a rank ("VP Marketing & Product" ->
  cmo, cpo). Product and growth are one leadership scope: "Head of Product &
  Growth Marketing" holds the product seat and leads growth marketing. "PO" is a
  product owner, so "PM/PO" and "PM & Scrum PO" hold both roles.
- "X Operations" is operations work (RevOps) for go-to-market X; people, legal,
  finance, security, data and design operations stay in their function, and
  product operations is operations work too (not product management).
  Compliance stays with the function that names it, except "Product Compliance",
  which is regulatory (legal) work.
- Security is engineering; IT, executive assistants and office roles are
  operations; payroll, procurement and corporate development are finance;
  professional services, implementation and customer education are customer
  success; partnerships, alliances and channels are sales; developer relations
  is marketing; "Revenue" alone is no role (sales or finance?) but "Chief
  Revenue Officer" / "Head of Revenue" is the CRO; "Field CTO" is pre-sales.
- Any "Program/Project Manager" is program-manager (the craft), except
  "Marketing Program(s) Manager" (campaigns). "PM" is a product manager,
  "TPM" a technical program manager. A SAFe "Release Train Engineer" (RTE) is
  program management (the release train's chief scrum master), not an engineer.
- A C-level acronym naming someone else is no role: "Assistant to the CEO",
  "Office of the CTO", "Engineer (CTO office)".

Pure standard library and memoised: org charts repeat titles a lot.
"""

from __future__ import annotations

import re
from collections import namedtuple  # already loaded by re; typing would cost more than this module
from dataclasses import dataclass, field

from orglint.vocabulary import CHIEF_ROLE, ROLE_FUNCTION

__all__ = [
    "TitleReading",
    "function_of_name",
    "read_title",
    "roles_in_unit",
]


@dataclass(frozen=True, slots=True)
class TitleReading:
    """How one job title was read."""

    title: str  # the cleaned title (HTML stripped, whitespace collapsed); "" for None
    roles: tuple[str, ...]  # canonical role ids, deduplicated, in the order the title names them
    leads: tuple[str, ...]  # functions the title marks its holder as a leader of
    parts: tuple[str, ...]  # the normalised title parts that were read, for display
    # Roles that the person's unit may settle otherwise: (role, ((unit function, role), ...)),
    # e.g. a "Solution Architect" in an engineering unit is an engineer (see roles_in_unit).
    by_unit: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    # The same roles and leads as sets, built once per distinct title: every person
    # holding this title shares them (a 100,000-person chart has a few thousand titles).
    role_set: frozenset[str] = field(init=False, repr=False, compare=False)
    lead_set: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "role_set", frozenset(self.roles))
        object.__setattr__(self, "lead_set", frozenset(self.leads))


# --------------------------------------------------------------------------
# Areas: phrases naming (part of) a function.

# Role of someone working in a function, and of someone managing or leading it
# below the C-level seat. None: the function word alone says too little
# ("Product Specialist" may be sales, support or product work).
_FUNCTION_ROLES: dict[str, tuple[str | None, str | None]] = {
    "executive": (None, None),
    "product": (None, "product-manager"),
    "engineering": ("engineer", "engineering-manager"),
    "design": ("designer", "designer"),
    "data": ("data-scientist", "data-scientist"),
    "marketing": ("marketer", "marketer"),
    "sales": ("sales", "sales"),
    "support": ("support-engineer", "support-engineer"),
    "customer-success": ("customer-success", "customer-success"),
    "finance": ("finance", "finance"),
    "legal": ("legal", "legal"),
    "people": ("people", "people"),
    "operations": ("operations", "operations"),
    "program-management": ("program-manager", "program-manager"),
    "documentation": ("technical-writer", "technical-writer"),
}


# An area of a function:
#   member   role of a practitioner ("Brand Specialist"; the bare title "Brand"), or None
#   manager  role of a manager or leader below the C-level ("Director, Brand"), or None
#   core     VP / Head / Chief of exactly this phrase holds the function's C-level seat
#   titled   the phrase alone is a title ("Sales", "FP&A"); not "Partner" or "Revenue"
#   unit     names a business unit, not a function ("Head of X Division")
_Area = namedtuple("_Area", "function member manager core titled unit", defaults=(False,))


# Mini-syntax, one entry per phrase, separated by "|":
#   "*phrase"       core phrase: "VP Sales" / "Head of Sales" is the CRO
#   "~phrase"       not a title on its own (only with a job noun or rank)
#   "phrase=role"   practitioners and managers of this area hold `role`
#   "phrase=none"   the area alone gives no role (its leaders still lead the function)
# Phrases are written in normalised form (see _SYNONYMS and _TOKEN_ALIASES):
# "ops" is read as "operations", "pre-sales" as "presales", ...
_AREA_TABLE: dict[str, str] = {
    "executive": (
        "*~executive | ~leadership | ~executive office | ~executive team | ~office of the ceo | ~office of ceo | ~ceo office"
    ),
    "product": "*~product | *~products | *product management",
    "engineering": (
        "*engineering | *r&d | *~technology | *~tech | software engineering | ~software | software development"
        " | ~development | product development | ~platform | platform engineering | infrastructure | infra"
        " | ~quality | quality engineering | quality assurance | qa | ~test | ~testing | test automation"
        " | reliability | site reliability | site reliability engineering | sre | devops | security"
        " | security engineering | application security | appsec | product security | information security"
        " | infosec | cybersecurity | cyber security | backend | frontend | fullstack | ~mobile | ~web | ~cloud"
        " | ~architecture | ~database | ~databases | embedded | firmware | hardware | systems engineering"
    ),
    "design": (
        "*design | *ux | *user experience | ui | user interface | product design | ux design | ui design"
        " | ux research | user research | design research | visual design | graphic design | interaction design"
        " | service design | content design | ux writing | design systems"
    ),
    "data": (
        "*data | *analytics | data analytics | data science | data engineering | data platform"
        " | business intelligence | bi | machine learning | ml | ai | artificial intelligence | mlops"
    ),
    "marketing": (
        "*marketing | brand | branding | content | content marketing | communications | comms"
        " | corporate communications | marketing communications | marcom | pr | public relations"
        " | analyst relations | media relations | demand generation | leadgen | growth marketing | field marketing"
        " | digital marketing | product marketing=product-marketing-manager | solutions marketing"
        " | partner marketing | channel marketing | account based marketing | abm | customer marketing"
        " | lifecycle marketing | performance marketing | events | event | campaign | campaigns | ~social"
        " | social media | seo | sem | community | developer relations | devrel | developer advocacy"
        " | developer evangelism | evangelism | editorial | creative | copywriting | market research"
        " | market development | web marketing"
    ),
    "sales": (
        "*sales | *~revenue=none | *~go to market=none | *~gtm=none | sales development | business development | bizdev | inside sales | field sales"
        " | enterprise sales | ~commercial | channel | channels | channel sales | ~alliance | alliances | ~partner"
        " | ~partners | partnership | partnerships | ~account | ~accounts | account management | key account"
        " | key accounts | renewal | renewals | presales=pre-sales-engineer | sales engineering=pre-sales-engineer"
        " | solutions architecture=pre-sales-engineer | solutions engineering=pre-sales-engineer"
        " | solutions consulting=pre-sales-engineer | sales enablement | field enablement | partner enablement"
        " | channel enablement | channel development | partner development"
    ),
    "support": (
        "*support | *customer support | technical support | customer care | customer service | customer services"
        " | helpdesk | service desk | support engineering | support readiness"
    ),
    "customer-success": (
        "*customer success | customer success management | client success | success | ~technical account"
        " | technical account management | professional services | ~ps | customer education | education services"
        " | implementation | implementations | customer onboarding | *customer experience | *cx"
    ),
    "finance": (
        "*finance | *~financial | accounting | fp&a | financial planning | tax | treasury | procurement | purchasing"
        " | payroll | audit | internal audit | sox | controllership | billing | revenue accounting | accounts payable"
        " | accounts receivable | investor relations | corporate development | corporate finance | record to report"
        " | order to cash | procure to pay | general ledger | ~stock | pricing | m&a"
    ),
    "legal": (
        "*legal | contract | contracts | commercial legal | privacy | data protection | ip | intellectual property"
        " | compliance | regulatory | corporate secretary | employment law"
    ),
    "people": (
        "*people | *hr | *human resources | talent | talent acquisition | recruiting | recruitment | l&d | learning"
        " | compensation | total rewards | rewards | benefits | dei | diversity | inclusion | culture"
        " | employee experience | people experience | employee relations | absence management | employment | hris"
        " | talent management | organizational development | organisational development | workforce planning"
    ),
    "operations": (
        "*operations | *~operating | business operations | bizops | revenue operations | revops | it"
        " | information technology | business systems | business system | business technology"
        " | enterprise applications | ~office | workplace | facilities | deal desk | it helpdesk | it support"
        " | it service desk"
    ),
    "program-management": (
        "*program management | *programme management | project management | pmo | ~delivery"
        " | new product introduction | npi"
        " | delivery management | ~project | ~projects | program office"
    ),
    "documentation": "*documentation | docs | technical writing | technical documentation | tech writing",
}

# Words that name a business unit rather than a function: "Head of Payments
# Division", "BU Lead", "Country Manager".
_UNIT_PHRASES = ("business unit", "bu", "division", "line of business", "country")

# Words that only make sense inside "Chief ... Officer" (elsewhere they would
# misread titles: "Technical Writer", "Commercial" segment, "Customer Advocate").
_CHIEF_ONLY_PHRASES: dict[str, str] = {
    "technical": "*engineering",
    "commercial": "*sales",
    # Go-to-market chiefs hold the revenue seat: Chief Business Officer, and Chief
    # Growth Officer (growth spans marketing and sales, but the chief of it owns the
    # revenue number, and product under them is product under go-to-market).
    "business": "*sales",
    "growth": "*sales",
    "customer": "customer-success",
    "information": "operations",  # Chief Information Officer: IT
}


def _parse_area_table() -> dict[tuple[str, ...], _Area]:
    areas: dict[tuple[str, ...], _Area] = {}
    for function, spec in _AREA_TABLE.items():
        for entry in spec.split("|"):
            marks, phrase = re.fullmatch(r"\s*([*~]*)(.*?)\s*", entry).groups()  # type: ignore[union-attr] # matches any text
            phrase, _, role = phrase.partition("=")
            if role:
                member = manager = None if role == "none" else role
            else:
                member, manager = _FUNCTION_ROLES[function]
            areas[tuple(phrase.split())] = _Area(function, member, manager, core="*" in marks, titled="~" not in marks)
    bu = "business-unit-head"
    for phrase in _UNIT_PHRASES:
        areas[tuple(phrase.split())] = _Area("executive", bu, bu, core=False, titled=False, unit=True)
    return areas


_AREAS = _parse_area_table()
_CHIEF_AREAS = {
    (word,): _Area(
        target.lstrip("*"),
        *_FUNCTION_ROLES[target.lstrip("*")],
        core=target.startswith("*"),
        titled=False,
    )
    for word, target in _CHIEF_ONLY_PHRASES.items()
}
_MAX_AREA_LEN = max(len(phrase) for phrase in _AREAS)

# "X operations" / "X compliance": for go-to-market X (sales, marketing, customer
# success, support, IT, ...) it is operations work (RevOps, BizOps); for these
# functions it stays theirs ("People Operations" is HR, "Legal Operations" is
# legal, "Security Operations" is security engineering, "Accounting Operations"
# is finance). Compliance stays with any function that names it.
_KEEPS_OWN_OPERATIONS = frozenset({"people", "legal", "finance", "engineering", "data", "design"})
_OPERATIONS = _AREAS[("operations",)]
_OPERATIONS_WORK = _OPERATIONS._replace(core=False)  # "VP Sales Operations" is not the COO
_COMPLIANCE = _AREAS[("compliance",)]

# Words after an area that do not change it ("Sales Team", "Order Management").
_TRAILING_NOISE = frozenset(
    [
        "team",
        "teams",
        "department",
        "departments",
        "dept",
        "function",
        "org",
        "organization",
        "organisation",
        "group",
        "management",
        "practice",
        "section",
        "subdepartment",
        "sub",
    ]
)
# Words before an area that keep it the whole function ("VP Global Sales" is the CRO).
_CORE_QUALIFIERS = frozenset({"global", "worldwide", "the", "overall", "company"})


# --------------------------------------------------------------------------
# Job nouns: the word a title ends on ("... Engineer", "... Manager").

_MANAGER_NOUNS = frozenset({"manager", "lead", "leader", "supervisor", "head", "director", "vp", "svp", "evp"})
# "Sales Director" leads sales; "Account Director" (a sales IC title) does not:
# postfix leader nouns lead only a core area named exactly.
_LEADER_NOUNS = frozenset({"head", "director", "vp", "svp", "evp"})
# Builders of things: engineers unless their area says otherwise.
_BUILDER_NOUNS = frozenset({"engineer", "developer", "programmer", "architect"})
_BUILDER_ROLE: dict[str, str] = {
    "sales": "pre-sales-engineer",  # Sales Engineer, Channel Sales Architect
    "support": "support-engineer",
    "customer-success": "customer-success",  # Customer Success / Professional Services Engineer
    "data": "data-scientist",  # Data Engineer, Analytics Engineer, ML Engineer, Data Architect
    "documentation": "technical-writer",
    "operations": "operations",  # IT / Business Systems Engineer
}
# Nouns that name the craft whatever the area ("Marketing Designer" is a designer).
_CRAFT_NOUNS: dict[str, str] = {
    "designer": "designer",
    "scientist": "data-scientist",
    "statistician": "data-scientist",
    "recruiter": "people",
    "sourcer": "people",
    "accountant": "finance",
    "bookkeeper": "finance",
    "controller": "finance",
    "comptroller": "finance",
    "treasurer": "finance",
    "auditor": "finance",
    "marketer": "marketer",
    "copywriter": "marketer",
    "paralegal": "legal",
    "counsel": "legal",
    "attorney": "legal",
    "lawyer": "legal",
    "solicitor": "legal",
    "tester": "engineer",
}
# Nouns whose role comes from their area; the value is the role without one.
_MEMBER_NOUNS: dict[str, str | None] = {
    **dict.fromkeys(
        [
            "analyst",
            "specialist",
            "coordinator",
            "associate",
            "administrator",
            "representative",
            "consultant",
            "partner",
            "officer",
            "agent",
            "generalist",
            "assistant",
            "advisor",
            "adviser",
            "strategist",
            "executive",
            "instructor",
            "trainer",
            "technician",
            "expert",
            "researcher",
            "writer",
            "planner",
            "buyer",
            "clerk",
        ]
    ),
    "editor": "marketer",
    "evangelist": "marketer",
}
_NOUNS = _MANAGER_NOUNS | _BUILDER_NOUNS | set(_CRAFT_NOUNS) | set(_MEMBER_NOUNS)

# Whole titles that the area + noun grammar cannot read, and their roles.
# An empty tuple blocks a misreading: the title is known and gives no role.
_EXPLICIT_SPEC: dict[str, tuple[str, ...]] = {
    "ceo": ("ceo",),
    "chief executive": ("ceo",),
    "coo": ("coo",),
    "cfo": ("cfo",),
    "cto": ("cto",),
    "cpo": ("cpo",),
    "cmo": ("cmo",),
    "cro": ("cro",),
    "clo": ("clo",),
    "chro": ("chro",),
    "cdo": ("cdo",),
    "cpto": ("cpo", "cto"),
    "general counsel": ("clo",),
    "fieldcto": ("pre-sales-engineer",),  # Field CTO: a technical evangelist in the sales team
    "chiefofstaff": (),  # runs the CEO's office; not the CEO, not a function
    "instructional designer": (),  # designs training courses, not products (L&D or education)
    "product owner": ("product-owner",),
    "po": ("product-owner",),  # "PM/PO", "PM & Scrum PO" (see _ALONE_ONLY)
    "scrum po": ("product-owner",),
    "pm": ("product-manager",),
    "apm": ("product-manager",),
    # Group product managers manage product managers: they lead product (see _EXPLICIT_LEADS).
    "gpm": ("product-manager",),
    "group pm": ("product-manager",),
    "group product manager": ("product-manager",),
    "pmm": ("product-marketing-manager",),
    "product marketer": ("product-marketing-manager",),
    "product analyst": ("data-scientist",),  # product analytics, not product management
    "program manager": ("program-manager",),
    "programme manager": ("program-manager",),
    "project manager": ("program-manager",),
    "tpm": ("program-manager",),  # the usual reading: technical program manager
    "scrum master": ("program-manager",),
    "release train engineer": ("program-manager",),  # SAFe's chief scrum master of a release train
    "rte": ("program-manager",),
    "agile coach": ("program-manager",),
    "marketing program manager": ("marketer",),  # "marketing programs" are campaigns
    "solutions architect": ("pre-sales-engineer",),
    "solution architect": ("pre-sales-engineer",),
    "solutions engineer": ("pre-sales-engineer",),
    "solution engineer": ("pre-sales-engineer",),
    "solutions consultant": ("pre-sales-engineer",),
    "solution consultant": ("pre-sales-engineer",),
    "tam": ("customer-success",),
    "cse": ("customer-success",),  # customer success engineer, in a support unit too (article 001)
    "csm": ("customer-success",),
    "sdr": ("sales",),
    "bdr": ("sales",),
    "isr": ("sales",),
    "ae": ("sales",),
    "business developer": ("sales",),
    "sdet": ("engineer",),
    "swe": ("engineer",),
    "tech lead": ("engineer",),
    "em": ("engineering-manager",),
    "member of technical staff": ("engineer",),
    "mts": ("engineer",),
    "smts": ("engineer",),  # senior / lead / principal MTS
    "lmts": ("engineer",),
    "pmts": ("engineer",),
    "technical writer": ("technical-writer",),
    "tech writer": ("technical-writer",),
    "technical editor": ("technical-writer",),
    "ux writer": ("designer",),
    "developer advocate": ("marketer",),
    "hrbp": ("people",),
    "executive assistant": ("operations",),  # administrative support is operations work
    "executive business administrator": ("operations",),
    "administrative assistant": ("operations",),
    "office administrator": ("operations",),
    "receptionist": ("operations",),
}
# Chiefs whose function has no C-level role id lead it all the same
# (Chief Information Security Officer: security, read as engineering; Chief
# Information Officer: IT, read as operations).
_EXPLICIT_LEADS: dict[str, tuple[str, ...]] = {
    "ciso": ("engineering",),
    "cio": ("operations",),
    "gpm": ("product",),
    "group pm": ("product",),
    "group product manager": ("product",),
}
_EXPLICIT_SPEC |= {"ciso": ("engineering-manager",), "cio": ("operations",)}
# (roles, leads) by phrase
_EXPLICIT: dict[tuple[str, ...], tuple[tuple[str, ...], tuple[str, ...]]] = {
    tuple(phrase.split()): (roles, _EXPLICIT_LEADS.get(phrase, ())) for phrase, roles in _EXPLICIT_SPEC.items()
}
_MAX_EXPLICIT_LEN = max(len(phrase) for phrase in _EXPLICIT)
# Short abbreviations that are a title only as a whole part of the main segment
# ("PM / PO", "EM, Payments"); after a comma or a rank they are as likely a team or a
# region ("Account Executive, EM": emerging markets; "Buyer, PO": purchase orders).
_ALONE_ONLY = frozenset({("em",), ("po",), ("scrum", "po"), ("cse",), ("rte",)})


# --------------------------------------------------------------------------
# Ranks: "VP of", "Director,", "Chief ... Officer".

_SEAT_RANKS = frozenset({"vp", "svp", "evp", "head"})  # may hold the C-level seat
_LEADER_RANKS = frozenset({"avp", "rvp", "director"})  # lead a function, below the seat
# Words before a rank. The first set keeps the C-level reading ("Global Head of
# Sales"); the second marks a sub-seat ("Regional VP Sales", "Deputy Head").
_SEAT_QUALIFIERS = frozenset({"global", "worldwide", "group", "executive", "co", "corporate"})
_SUB_QUALIFIERS = frozenset({"area", "regional", "region", "deputy", "assistant", "field", "divisional", "district"})
# A president of a part of the company runs a business unit: "Division President",
# "Group President", "Regional President".
_UNIT_PRESIDENT_WORDS = frozenset(
    {"division", "divisional", "segment", "sector", "group", "business", "unit", "bu", "country", "regional", "region"}
)


# kind: "chief", "seat" (VP/Head), "leader" (Director, AVP, Group Manager), "gm" (GM,
# unit presidents), "md" (Managing Director), "president" or "manager";
# prefix: the rank's own words, to share with joined parts ("VP Sales & Marketing").
_Rank = namedtuple("_Rank", "kind prefix")


def _parse_rank(tokens: list[str]) -> tuple[_Rank, list[str]] | None:
    """Split a leading rank off the tokens: (rank, the rest), or None."""
    i, seat_ok = 0, True
    while i < len(tokens) - 1 and (tokens[i] in _SEAT_QUALIFIERS or tokens[i] in _SUB_QUALIFIERS):
        seat_ok = seat_ok and tokens[i] not in _SUB_QUALIFIERS
        i += 1
    word, pair = tokens[i], tuple(tokens[i : i + 2])
    if word == "chief" and "officer" in tokens[i + 1 :]:
        end = tokens.index("officer", i + 1)
        return _Rank("chief", ()), tokens[i + 1 : end]
    if pair == ("general", "manager"):
        kind, width = "gm", 2
    elif pair == ("managing", "director"):
        kind, width = "md", 2
    elif word == "gm":
        kind, width = "gm", 1
    elif word == "president":
        kind, width = ("gm" if i and tokens[i - 1] in _UNIT_PRESIDENT_WORDS else "president"), 1
    elif word in _UNIT_PRESIDENT_WORDS and pair[1:] == ("president",):
        kind, width = "gm", 2  # "Division President"
    elif word in _SEAT_RANKS:
        kind, width = ("seat" if seat_ok else "leader"), 1
    elif word in _LEADER_RANKS:
        kind, width = "leader", 1
    elif word == "manager":
        # A group manager manages managers: "Group Manager, Product Management" leads product.
        kind, width = ("leader" if i and tokens[i - 1] == "group" else "manager"), 1
    else:
        return None
    j = i + width
    while j < len(tokens) and tokens[j] in {"of", "for", "the"}:
        j += 1
    return _Rank(kind, tuple(tokens[:j])), tokens[j:]


# --------------------------------------------------------------------------
# Normalisation: text -> segments -> parts -> tokens.

_TAG = re.compile(r"<[^>]*>")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:)\]])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[])\s+")

# Phrase rewrites on the lower-cased title, before it is cut into segments:
# spelling variants, and "and"-phrases that are one thing, not two joined titles
# ("Research and Development" is R&D, not research + development; "Diversity,
# Equity and Inclusion" must not be cut at its comma).
_SYNONYMS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"[’`]", "'"),
        (r"\.", ""),  # Sr. -> sr, U.S. -> us, V.P. -> vp
        (r"\bvice[\s-]+president\b", "vp"),
        (r"\b(?:associate|assistant)[\s-]+vp\b", "avp"),
        (r"\b(?:associate|assistant|deputy)[\s-]+head\b", "deputy head"),
        (r"\b(?:deputy|associate|assistant|vice)[\s-]+general[\s-]+counsel\b", "counsel"),
        (r"\b(?:field|federal|public[\s-]+sector)[\s-]+(?:cto|chief[\s-]+technology[\s-]+officer)\b", "fieldcto"),
        (r"\bchief[\s-]+of[\s-]+staff\b", "chiefofstaff"),
        (r"\bresearch\s*(?:and|&)\s*development\b", "r&d"),
        (r"\blearning\s*(?:and|&)\s*development\b", "l&d"),
        (r"\bdiversity,?\s*(?:equity,?\s*)?(?:and|&)?\s*inclusion\b", "dei"),
        (r"\bmergers\s*(?:and|&)\s*acquisitions\b", "m&a"),
        (r"\bfinancial\s+planning\s*(?:and|&)\s*analysis\b", "fp&a"),
        (r"\b(trust|health|safety)\s*(?:and|&)\s*(safety|security)\b", r"\1&\2"),
        (r"\bprofit\s*(?:and|&)\s*loss\b", "p&l"),
        (r"\blead[\s-]+gen(?:eration)?\b", "leadgen"),
        (r"\bdemand[\s-]+gen\b", "demand generation"),
        (r"\bpre[\s-]?sales?\b", "presales"),
        (r"\bfront[\s-]?end\b", "frontend"),
        (r"\bback[\s-]?end\b", "backend"),
        (r"\bfull[\s-]?stack\b", "fullstack"),
        (r"\bco[\s-]?founder\b", "cofounder"),
        (r"\bdev[\s-]?ops\b", "devops"),
        (r"\bdev[\s-]?rel\b", "devrel"),
        (r"\brev[\s-]?ops\b", "revops"),
        (r"\bbiz[\s-]?ops\b", "bizops"),
        (r"\bml[\s-]?ops\b", "mlops"),
        (r"\bhelp[\s-]?desk\b", "helpdesk"),
        (r"\bcyber[\s-]?security\b", "cybersecurity"),
        (r"\bchief\s+(?:technology|technical)\s*(?:and|&|/)\s*product\s+officer\b", "cpto"),
        # "Chief Marketing and Strategy Officer" holds two chief titles.
        (
            r"\bchief\s+((?:(?!\b(?:officer|chief)\b)[\w' ])+?)\s*(?:\band\b|&|/)\s*"
            r"((?:(?!\b(?:officer|chief)\b)[\w' ])+?)\s+officer\b",
            r"chief \1 officer & chief \2 officer",
        ),
        (r"(?<=\w)-(?=\w)", " "),  # mid-market -> mid market
    )
)
_PARENS = re.compile(r"\(([^()]*)\)")
# Hyphens inside words are gone by now ("mid market"); any left are separators.
_SEGMENT_SPLIT = re.compile(r"[,;:|\[\]{}()@–—]|-+|\bat\b|\bfor\b")
_TOKEN = re.compile(r"[\w&+#']+|/")
_JOINERS = frozenset({"&", "and", "/", "+"})

# Abbreviations and plurals, token by token.
_TOKEN_ALIASES: dict[str, str] = {
    "mgr": "manager",
    "mngr": "manager",
    "mgmt": "management",
    "dir": "director",
    "eng": "engineering",
    "engr": "engineer",
    "rep": "representative",
    "exec": "executive",
    "admin": "administrator",
    "asst": "assistant",
    "assoc": "associate",
    "coord": "coordinator",
    "mktg": "marketing",
    "mkt": "marketing",
    "ops": "operations",
    "biz": "business",
    "acct": "account",
    "acctg": "accounting",
    "intl": "international",
    "programme": "program",
}
for _noun in _NOUNS | {
    "csm",
    "sdr",
    "bdr",
    "ae",
    "tam",
    "pm",
    "pmm",
    "sre",
    "program",
    "project",
    "vp",
    "representative",
    "owner",
}:
    _TOKEN_ALIASES.setdefault(_noun + "s", _noun)
_TOKEN_ALIASES["reps"] = "representative"

# Seniority words: dropped when another word follows ("Senior Engineer"); kept
# when last, where they may be the job noun ("Business Development Associate",
# "BU Lead"). The second set is dropped anywhere ("Engineer II", "... Intern").
_SENIORITY = frozenset(
    [
        "senior",
        "sr",
        "snr",
        "staff",
        "principal",
        "lead",
        "associate",
        "junior",
        "jr",
        "distinguished",
        "intermediate",
        "entry",
        "founding",
        "experienced",
        "chief",
    ]
)
_SENIORITY_ANYWHERE = frozenset(
    [
        "acting",
        "interim",
        "intern",
        "internship",
        "trainee",
        "apprentice",
        "i",
        "ii",
        "iii",
        "iv",
        "1",
        "2",
        "3",
        "4",
        "l1",
        "l2",
        "l3",
        "l4",
        "l5",
        "level",
    ]
)


_ENTITY = re.compile(r"&[#A-Za-z]")  # where html.unescape could change anything


def _clean(title: str) -> str:
    text = _TAG.sub(" ", title)
    if _ENTITY.search(text):  # html (and its table of entities) is imported only for titles that need it
        from html import unescape

        text = unescape(text)
    text = " ".join(text.split())
    return _SPACE_AFTER_OPEN.sub(r"\1", _SPACE_BEFORE_PUNCT.sub(r"\1", text))


def _normalise(text: str) -> str:
    text = text.lower()
    for pattern, replacement in _SYNONYMS:
        text = pattern.sub(replacement, text)
    return text


def _tokens(segment: str) -> list[str]:
    return [_TOKEN_ALIASES.get(token, token) for token in _TOKEN.findall(segment)]


def _segments(text: str) -> tuple[list[list[str]], list[list[str]]]:
    """The title's segments in order, and the segments found in parentheses."""
    in_parens: list[str] = []

    def pull(match: re.Match[str]) -> str:
        in_parens.append(match.group(1))
        return " "

    previous = None
    while previous != text:  # nested parentheses, innermost first
        previous, text = text, _PARENS.sub(pull, text)
    outside = [_tokens(s) for s in _SEGMENT_SPLIT.split(text)]
    inside = [_tokens(s) for chunk in in_parens for s in _SEGMENT_SPLIT.split(chunk)]
    return [s for s in outside if s], [s for s in inside if s]


def _strip_seniority(tokens: list[str]) -> list[str]:
    kept = [t for t in tokens if t not in _SENIORITY_ANYWHERE]
    out = []
    for i, token in enumerate(kept):
        last = i == len(kept) - 1
        if token == "chief" and "officer" in kept[i + 1 :]:
            out.append(token)  # "Chief Revenue Officer"; elsewhere "chief" is seniority ("Chief Architect")
        elif token not in _SENIORITY or last:
            out.append(token)
    if out and all(t in _SENIORITY for t in out):
        return []  # "Senior", "Staff": nothing left to read
    return out


def _split_joined(tokens: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for token in tokens:
        if token in _JOINERS:
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in parts if part]


# --------------------------------------------------------------------------
# Reading.


def _find_area(tokens: list[str] | tuple[str, ...], anywhere: bool = False) -> tuple[_Area | None, bool]:
    """The area the tokens name, and whether they name exactly it.

    The longest known phrase ending the tokens wins (trailing "team",
    "department", ... ignored); with ``anywhere``, else the right-most phrase
    anywhere in them. Exact: only core qualifiers ("global") precede the
    phrase and nothing follows it.
    """
    tokens = list(tokens)
    words = tokens
    while words:
        for start in range(max(0, len(words) - _MAX_AREA_LEN), len(words)):
            area = _AREAS.get(tuple(words[start:]))
            if area is not None:
                area, start = _refine(area, words, start)
                exact = len(words) == len(tokens) and all(t in _CORE_QUALIFIERS for t in words[:start])
                return area, exact
        if words[-1] not in _TRAILING_NOISE:
            break
        words = words[:-1]
    if anywhere:  # phrases ending the tokens were tried above
        for end in range(len(tokens) - 1, 0, -1):
            for start in range(max(0, end - _MAX_AREA_LEN), end):
                area = _AREAS.get(tuple(tokens[start:end]))
                if area is not None:
                    return _refine(area, tokens[:end], start)[0], False
    return None, False


def _refine(area: _Area, words: list[str], start: int) -> tuple[_Area, int]:
    """Apply the head-word rules to an area found at words[start:]."""
    if start == 0 or (area is not _OPERATIONS and area is not _COMPLIANCE and not area.unit):
        return area, start
    inner, inner_start = _suffix_area(words[:start])
    if inner is None or inner.unit:
        if area.unit:  # "Sales Division" is sales; "Payments Division" a business unit
            inner_anywhere, _ = _find_area(words[:start], anywhere=True)
            if inner_anywhere is not None and not inner_anywhere.unit:
                return inner_anywhere, start
        return area, start
    if area.unit:
        return inner, inner_start
    if area is _COMPLIANCE and inner.function == "product":
        return area, start  # "Product Compliance" is regulatory work, not product management
    if area is _COMPLIANCE or inner.function in _KEEPS_OWN_OPERATIONS:
        return inner._replace(core=False), inner_start
    return _OPERATIONS_WORK, inner_start  # "Sales Operations": RevOps


def _suffix_area(words: list[str]) -> tuple[_Area | None, int]:
    for start in range(max(0, len(words) - _MAX_AREA_LEN), len(words)):
        area = _AREAS.get(tuple(words[start:]))
        if area is not None:
            return _refine(area, words, start)
    return None, 0


class _Part(namedtuple("_Part", "roles leads bare rank_only", defaults=((), (), False, False))):
    """A part's reading. bare: read from area words alone ("Sales"), which in a
    tail segment is a team's name; rank_only: just a rank ("Director"), the
    next segment says of what."""

    __slots__ = ()

    def __bool__(self) -> bool:
        return bool(self.roles or self.leads)


_NOTHING = _Part()
_RANK_ONLY = _Part(rank_only=True)
# A manager of engineers is an engineering manager; of other crafts, their craft.
_MANAGER_OF = {"engineer": "engineering-manager"}
_CHIEF_ROLES = frozenset(CHIEF_ROLE.values())


# A C-level acronym after these words, or before the second set, names the
# person's boss or team, not their job: "Assistant to the CEO", "Office of the
# CTO", "Engineer (CTO office)".
_REFERENCE_BEFORE = frozenset({"to", "of", "the", "for", "from", "reporting"})
_REFERENCE_AFTER = frozenset({"office", "team", "staff", "org", "organization", "organisation"})


def _is_reference(tokens: list[str], start: int, end: int) -> bool:
    return (start > 0 and tokens[start - 1] in _REFERENCE_BEFORE) or (end < len(tokens) and tokens[end] in _REFERENCE_AFTER)


def _explicit_titles(tokens: list[str]) -> tuple[list[str], list[str], bool, bool]:
    """Explicit titles in the tokens, longest first: (roles, leads, found any, all of them
    abbreviations that are a title only standing alone, see _ALONE_ONLY)."""
    roles: list[str] = []
    leads: list[str] = []
    found, alone_only = False, True
    i = 0
    while i < len(tokens):
        for width in range(min(_MAX_EXPLICIT_LEN, len(tokens) - i), 0, -1):
            phrase = tuple(tokens[i : i + width])
            hit = _EXPLICIT.get(phrase)
            if hit is not None and width == 1 and _is_reference(tokens, i, i + 1):
                hit = None
            if hit is not None and phrase in _ALONE_ONLY and width != len(tokens):
                hit = None  # "Buyer PO", "Director of EM"
            if hit is not None:
                roles += hit[0]
                leads += hit[1]
                found = True
                alone_only = alone_only and phrase in _ALONE_ONLY
                i += width
                break
        else:
            i += 1
    return roles, leads, found, found and alone_only


def _noun_index(tokens: list[str]) -> int | None:
    """Index of the job noun: the right-most noun not opening an area ("Developer Relations")."""
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i] in _NOUNS and not any(
            tuple(tokens[i : i + width]) in _AREAS for width in range(2, min(_MAX_AREA_LEN, len(tokens) - i) + 1)
        ):
            return i
    return None


def _read_noun(tokens: list[str]) -> _Part:
    """Read '[area words] job-noun [ignored words]'."""
    i = _noun_index(tokens)
    if i is None:
        return _NOTHING
    noun = tokens[i]
    area, exact = _find_area(tokens[:i], anywhere=True)
    if noun in _CRAFT_NOUNS:
        return _Part((_CRAFT_NOUNS[noun],))
    if area is not None and area.unit:
        return _Part(("business-unit-head",)) if noun in _MANAGER_NOUNS else _NOTHING
    if noun in _BUILDER_NOUNS:
        role = _BUILDER_ROLE.get(area.function, "engineer") if area else "engineer"
        if area is not None and area.member == "pre-sales-engineer":
            role = "pre-sales-engineer"
        # A builder noun opening a phrase names a team, in a tail: "PMM, Developer Tools".
        return _Part((role,), bare=area is None and i < len(tokens) - 1)
    if noun in _MANAGER_NOUNS:
        if area is None:
            return _NOTHING
        leads = (area.function,) if noun in _LEADER_NOUNS and exact and area.core else ()
        return _Part(tuple(r for r in (area.manager,) if r), leads)
    if area is None:
        # "Editor" alone reads as a marketer in a main title, but in a tail it
        # is as likely a team's name ("Engineering Manager, Create:Editor").
        member = _MEMBER_NOUNS.get(noun)
        return _Part((member,), bare=True) if member else _NOTHING
    return _Part((area.member,)) if area.member else _NOTHING


def _read_title_words(tokens: list[str]) -> _Part | None:
    """Explicit titles, else area + job noun. None when neither applies."""
    roles, leads, found, alone_only = _explicit_titles(tokens)
    if found:
        return _Part(tuple(roles), tuple(leads), bare=alone_only)
    part = _read_noun(tokens)
    return part if part else None


def _read_ranked(rank: _Rank, rest: list[str]) -> _Part:
    if rank.kind == "gm" or (not rest and rank.kind == "md"):
        # A general manager (or a division's president) runs a business unit whatever
        # it is called: "General Manager, Commerce Cloud" leads no engineering. A lone
        # one may still be followed by the unit's name ("General Manager, Payments").
        return _Part(("business-unit-head",), rank_only=not rest)
    if not rest:
        # A lone rank: the next segment may say of what ("Director, Brand", "President, Go-to-Market").
        return _RANK_ONLY
    leader = rank.kind != "manager"
    if rank.kind == "chief":
        area = _CHIEF_AREAS.get((rest[0],)) if len(rest) == 1 else None  # "Chief <one word> Officer"
        exact = area is not None
        if area is None:
            area, exact = _find_area(rest)
    else:
        # A rank over job titles: "Director, Solutions Architects", "Manager,
        # Senior Backend Engineer", "Manager, People Business Partner".
        titled = _read_title_words(rest) if _head_index(rest) is not None else None
        if titled and not titled.bare:
            roles = tuple(_MANAGER_OF.get(role, role) for role in titled.roles)
            functions = tuple(ROLE_FUNCTION[r] for r in roles if ROLE_FUNCTION[r] != "executive")
            return _Part(roles, functions if leader else titled.leads)
        # A rank over an area: "VP of Sales", "Director, Channel Sales AMER".
        area, exact = _find_area(rest)
        if area is None:
            area, exact = _find_area(rest, anywhere=True)
    if area is None:
        # "Managing Director, EMEA" and "President, Americas" run a business unit;
        # "Head of Remote" names no function.
        return _Part(("business-unit-head",)) if rank.kind in {"md", "president"} else _NOTHING
    if area.unit:
        return _Part(("business-unit-head",))
    chief = CHIEF_ROLE.get(area.function)
    if rank.kind in {"chief", "seat", "president"} and exact and area.core and chief:
        return _Part((chief,), (area.function,))  # "President, Go-to-Market" is the CRO
    leads = (area.function,) if leader and area.function != "executive" else ()
    return _Part(tuple(r for r in (area.manager,) if r), leads)


def _read_part(tokens: list[str]) -> _Part:
    """Read one part (no joiners in it; seniority already stripped)."""
    if not tokens:
        return _NOTHING
    ranked = _parse_rank(tokens)
    if ranked is not None:
        return _read_ranked(*ranked)
    titled = _read_title_words(tokens)
    if titled is not None:
        return titled
    area, _ = _find_area(tokens)
    if area is not None and area.titled and area.member:
        return _Part((area.member,), bare=True)
    return _NOTHING


def _head_index(tokens: list[str]) -> int | None:
    """Where the title proper starts in a part: its explicit title or job noun."""
    for i in range(len(tokens)):
        for width in range(min(_MAX_EXPLICIT_LEN, len(tokens) - i), 0, -1):
            if tuple(tokens[i : i + width]) in _EXPLICIT and i + width == len(tokens):
                return i
    return _noun_index(tokens)


_PRODUCT_CORE = frozenset({("product",), ("products",)})


def _expand_joined(parts: list[list[str]]) -> list[list[str]]:
    """Make each joined part stand on its own by sharing words with its neighbours.

    - a shared head word: "Sales and Marketing Operations" -> sales operations,
      marketing operations; "Product & Solutions Marketing" -> product marketing,
      solutions marketing; "Frontend / Backend Engineer" -> frontend engineer.
      Only when the joined phrase is a known area ("Product and Engineering"
      stays product + engineering: "product engineering" is not shared).
    - a shared qualifier: "Product Manager & Owner" -> product owner;
      "Customer Success Manager/Engineer" -> customer success engineer.
    - a shared rank: "VP Marketing & Product" -> VP product; "Director of
      Strategy and Operations" -> director of operations.
    "and" inside a known compound never splits: see _SYNONYMS ("R&D", "L&D").
    """
    if len(parts) < 2:
        return parts
    first, last = parts[0], parts[-1]
    first_rank = _parse_rank(first)
    first_is_chief = first_rank is not None and first_rank[0].kind == "chief"  # "Chief X Officer" shares nothing
    rank_prefix = list(first_rank[0].prefix) if first_rank and not first_is_chief else []
    last_head = _head_index(last)
    out = []
    for index, part in enumerate(parts):
        ranked = _parse_rank(part)
        body = ranked[1] if ranked else part
        own = _read_part(part)
        weak = not own or own.bare or own.rank_only
        area_words_only = bool(body) and _head_index(body) is None and not (ranked and ranked[0].kind == "chief")
        # "Product & Growth Marketing" is the product seat plus growth marketing ("product
        # and growth" is one leadership scope), unlike "Product & Solutions Marketing".
        keeps_own = tuple(body) in _PRODUCT_CORE and last[0] == "growth"
        if index < len(parts) - 1 and area_words_only and not keeps_own:
            for j in range(1, len(last)):
                area, exact = _find_area(body + last[j : j + 1])
                if area is not None and exact:
                    part = part + last[j:]
                    break
            else:
                if last_head is not None and last_head > 0:
                    part = part + last[last_head:]
        if index > 0:
            if len(part) == 1 and not first_is_chief and (not own or own.rank_only or part[0] in _NOUNS):
                head = _head_index(first)
                if head and _read_part(first[:head] + part):
                    part = first[:head] + part
            if rank_prefix and ranked is None and weak and part[: len(rank_prefix)] != rank_prefix:
                candidate = rank_prefix + part
                if _read_part(candidate):
                    part = candidate
        out.append(part)
    return out


def _read_segment(tokens: list[str], strict: bool) -> tuple[list[str], list[str], list[str], bool]:
    """Read a segment: (roles, leads, displayed parts, whether it is a lone rank)."""
    roles: list[str] = []
    leads: list[str] = []
    shown: list[str] = []
    parts = [_strip_seniority(part) for part in _split_joined(tokens)]
    parts = _expand_joined([part for part in parts if part])
    rank_only = len(parts) == 1
    for part in parts:
        reading = _read_part(part)
        rank_only = rank_only and reading.rank_only
        if not reading or (strict and reading.bare):
            continue
        roles += reading.roles
        leads += reading.leads
        leads += [ROLE_FUNCTION[role] for role in reading.roles if role in _CHIEF_ROLES]  # "CTO" leads engineering
        shown.append(" ".join(part))
    return roles, leads, shown, rank_only


def _merge(main: list[str], tail: list[str]) -> list[list[str]]:
    """Ways to read a main segment that said nothing together with the next one.

    "Director, Brand" -> director of brand; "Senior Analyst, People Analytics"
    -> people analytics analyst; "Public Sector Manager - Customer Success" ->
    manager of customer success.
    """
    stripped = _strip_seniority(main)
    ranked = _parse_rank(stripped) if stripped else None
    candidates = [main + ["of"] + tail] if ranked and not ranked[1] else []
    if stripped and stripped[-1] in _NOUNS:
        candidates.append(tail + stripped[-1:])
        if stripped[-1] in _MANAGER_NOUNS:
            candidates.append(stripped[-1:] + ["of"] + tail)
    return candidates


def _read(title: str | None) -> TitleReading:
    if title is None:
        return TitleReading("", (), (), ())
    if not isinstance(title, str):
        title = str(title)
    cleaned = _clean(title)
    segments, in_parens = _segments(_normalise(cleaned[:1000]))  # no real title is longer
    roles: list[str] = []
    leads: list[str] = []
    shown: list[str] = []
    # The main segment is the first one with something left after seniority words.
    while segments and not _strip_seniority(segments[0]):
        segments.pop(0)
    if segments:
        main, tails = segments[0], segments[1:]
        main_roles, main_leads, main_shown, rank_only = _read_segment(main, strict=False)
        if tails and (rank_only or not (main_roles or main_leads)):
            for candidate in _merge(main, tails[0]):
                merged = _read_segment(candidate, strict=False)
                if merged[0] or merged[1]:
                    main_roles, main_leads, main_shown = merged[:3]
                    tails = tails[1:]
                    break
        roles += main_roles
        leads += main_leads
        shown += main_shown
    else:
        tails = []
    for tail in tails + in_parens:
        tail_roles, tail_leads, tail_shown, _ = _read_segment(tail, strict=True)
        roles += tail_roles
        leads += tail_leads
        shown += tail_shown
    return TitleReading(cleaned, _unique(roles), _unique(leads), tuple(shown), _unit_dependence(shown))


# Titles whose function the unit they sit in settles. Alone, a solution(s) architect or
# engineer is the pre-sales one (FORMAT's table); in a delivery (program-management),
# engineering or product unit they design what is built; in customer success or support
# they serve customers after the sale. A Chief Growth Officer holds the revenue seat, but
# one who runs a marketing unit is its chief marketer.
_SOLUTION_BY_UNIT = (
    ("engineering", "engineer"),
    ("program-management", "engineer"),
    ("product", "engineer"),
    ("customer-success", "customer-success"),
    ("support", "support-engineer"),
)
_BY_UNIT: dict[tuple[str, ...], tuple[str, tuple[tuple[str, str], ...]]] = {
    ("solution", "architect"): ("pre-sales-engineer", _SOLUTION_BY_UNIT),
    ("solutions", "architect"): ("pre-sales-engineer", _SOLUTION_BY_UNIT),
    ("solution", "engineer"): ("pre-sales-engineer", _SOLUTION_BY_UNIT),
    ("solutions", "engineer"): ("pre-sales-engineer", _SOLUTION_BY_UNIT),
    ("chief", "growth", "officer"): ("cro", (("marketing", "cmo"),)),
}
_BY_UNIT_WORDS = frozenset(phrase[0] for phrase in _BY_UNIT)


def _unit_dependence(shown: list[str]) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """The roles of a reading that only unit-dependent titles gave (see _BY_UNIT).

    "Sales Engineer / Solutions Architect" stays pre-sales anywhere: the first part
    says so on its own.
    """
    if not any(word in _BY_UNIT_WORDS for text in shown for word in text.split()):
        return ()
    dependent: dict[str, tuple[tuple[str, str], ...]] = {}
    firm: set[str] = set()
    for text in shown:
        tokens = text.split()
        found = {
            role: alternatives
            for phrase, (role, alternatives) in _BY_UNIT.items()
            if any(tuple(tokens[i : i + len(phrase)]) == phrase for i in range(len(tokens)))
        }
        ranked = _parse_rank(tokens) is not None
        for role in _read_part(tokens).roles:
            if role in found:
                # "Manager, Solutions Architects" in engineering manages engineers.
                alternatives = found[role]
                if ranked:
                    alternatives = tuple((function, _MANAGER_OF.get(r, r)) for function, r in alternatives)
                dependent[role] = alternatives
            else:
                firm.add(role)
    return tuple((role, alternatives) for role, alternatives in dependent.items() if role not in firm)


def roles_in_unit(reading: TitleReading, unit_function: str | None) -> frozenset[str]:
    """The roles of a title read inside a unit of ``unit_function`` (None: the title alone).

    The second step of title reading, for the few titles whose function the unit
    settles ("Solution Architect" in an engineering or delivery unit is an engineer).
    """
    if not reading.by_unit or unit_function is None:
        return reading.role_set
    roles = set(reading.role_set)
    for role, alternatives in reading.by_unit:
        for function, settled in alternatives:
            if function == unit_function:
                roles.discard(role)
                roles.add(settled)
    return frozenset(roles)


def leads_in_unit(reading: TitleReading, settled_roles: frozenset[str]) -> frozenset[str]:
    """The functions a title leads once its unit settled its roles: a C-level seat the unit
    changed takes its function with it (a Chief Growth Officer running marketing leads marketing)."""
    leads = set(reading.lead_set)
    for role in reading.role_set - settled_roles:
        if role in _CHIEF_ROLES:
            leads.discard(ROLE_FUNCTION[role])
    for role in settled_roles - reading.role_set:
        if role in _CHIEF_ROLES:
            leads.add(ROLE_FUNCTION[role])
    return frozenset(leads)


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


_CACHE: dict[str | None, TitleReading] = {}
_CACHE_LIMIT = 200_000  # distinct titles; far above any real org


def read_title(title: str | None) -> TitleReading:
    """Read a job title: its roles, the functions it leads, and its parts. Memoised."""
    try:
        return _CACHE[title]
    except KeyError:
        pass
    except TypeError:  # unhashable: read it, do not cache it
        return _read(title)
    reading = _read(title)
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[title] = reading
    return reading


def function_of_name(name: str | None) -> str | None:
    """The function a unit or department name names ("R&D" -> engineering), or None.

    Joined names ("Sales & Marketing") give the function of their first part;
    a business-unit word ("Payments Division") names no function.
    """
    if not name or not isinstance(name, str):
        return None
    segments, _ = _segments(_normalise(_clean(name)[:1000]))
    for segment in segments[:1]:
        for part in _expand_joined(_split_joined(segment)):
            area, _ = _find_area(part, anywhere=True)
            if area is not None:
                return None if area.unit else area.function
    return None
