#!/usr/bin/env python3
"""Generate realistic synthetic org charts in orglint's native format, version 1.

    python benchmarks/generate.py 100000 -o org.yaml [--seed S] [--files K] [--clean]

or, from Python (this folder is not a package: load the file by path):

    generate_org(n, seed=0) -> dict      # the chart as the YAML would load
    write_org(n, path, seed=0, files=1)  # stream it to a file (or K files in a directory)

The chart looks like a product company of n people: a CEO and an executive
team; one department per function; engineering and product organised as
tribes of squads (each with an engineering manager, engineers and a product
manager or owner, often a designer), platform teams, chapters and guilds;
several products with an owner and metrics; sales, support and customer success
split by region; spans of control mostly 4-9 and depth growing with log(n)
(8 levels at 100k). Unless --clean is given, a handful of natural
imperfections that a real chart has are left in (an over-wide CEO span, one
"Product Manager / Product Owner", a person entered twice, a product without
metrics, a contractor without email).

The output is the same for the same (n, seed). YAML is emitted by hand
(yaml.dump is ~50x slower) and streamed: every string scalar is double-quoted,
either as-is when it has nothing to escape or through json.dumps, whose
ASCII-only output is a valid YAML double-quoted scalar.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

FORMAT_VERSION = 1
#: Below this, a company is a founding team rather than departments and tribes.
SMALL_ORG = 15

# --------------------------------------------------------------------------------------
# Vocabularies

FIRST_NAMES = [
    "Aaliyah",
    "Aarav",
    "Abigail",
    "Adaeze",
    "Adam",
    "Adebayo",
    "Adriana",
    "Agnieszka",
    "Ahmed",
    "Aiko",
    "Aisha",
    "Akira",
    "Alejandro",
    "Aleksander",
    "Alessandro",
    "Alexander",
    "Alexandra",
    "Ali",
    "Alice",
    "Alicia",
    "Amara",
    "Amelia",
    "Amir",
    "Ana",
    "Anders",
    "Andrea",
    "Andrei",
    "Andrew",
    "Angela",
    "Anika",
    "Anna",
    "Anthony",
    "Antonio",
    "Anya",
    "Aria",
    "Arjun",
    "Astrid",
    "Ayesha",
    "Beatriz",
    "Benjamin",
    "Bianca",
    "Bilal",
    "Bogdan",
    "Brandon",
    "Bruno",
    "Camila",
    "Carlos",
    "Carmen",
    "Caroline",
    "Catalina",
    "Chen",
    "Chiara",
    "Chidi",
    "Chinedu",
    "Chloe",
    "Christopher",
    "Clara",
    "Daniel",
    "Daniela",
    "Dario",
    "David",
    "Deepika",
    "Diana",
    "Diego",
    "Dmitri",
    "Elena",
    "Elif",
    "Elijah",
    "Elizabeth",
    "Emeka",
    "Emil",
    "Emily",
    "Emma",
    "Eric",
    "Erik",
    "Esther",
    "Ethan",
    "Eva",
    "Fatima",
    "Felipe",
    "Felix",
    "Fernando",
    "Finn",
    "Florian",
    "Francesca",
    "Gabriel",
    "Gabriela",
    "Giulia",
    "Grace",
    "Hana",
    "Hannah",
    "Harper",
    "Hassan",
    "Heidi",
    "Henrik",
    "Hiroshi",
    "Hugo",
    "Ibrahim",
    "Ines",
    "Ingrid",
    "Isabel",
    "Isabella",
    "Ivan",
    "Jack",
    "Jacob",
    "Jakub",
    "James",
    "Jana",
    "Jasmine",
    "Javier",
    "Jessica",
    "Jin",
    "Joanna",
    "Johan",
    "John",
    "Jonas",
    "Jorge",
    "José",
    "Joseph",
    "Joshua",
    "Juan",
    "Julia",
    "Julian",
    "Kai",
    "Karim",
    "Karin",
    "Kate",
    "Katarzyna",
    "Kenji",
    "Kevin",
    "Khadija",
    "Kofi",
    "Laila",
    "Lars",
    "Laura",
    "Leah",
    "Lena",
    "Leo",
    "Leon",
    "Liam",
    "Lily",
    "Lina",
    "Linnea",
    "Lucas",
    "Lucía",
    "Luis",
    "Luka",
    "Lukas",
    "Maja",
    "Malik",
    "Marco",
    "Maria",
    "Mariam",
    "Mark",
    "Marta",
    "Martin",
    "Mateo",
    "Mathilde",
    "Matteo",
    "Maya",
    "Mei",
    "Mia",
    "Michael",
    "Miguel",
    "Mohammed",
    "Nadia",
    "Naomi",
    "Natalia",
    "Nathan",
    "Neha",
    "Nia",
    "Nikhil",
    "Nikolai",
    "Nina",
    "Noah",
    "Nora",
    "Oliver",
    "Olivia",
    "Omar",
    "Oscar",
    "Pablo",
    "Patrick",
    "Paula",
    "Pedro",
    "Peter",
    "Pierre",
    "Priya",
    "Rafael",
    "Rahul",
    "Rania",
    "Ravi",
    "Rebecca",
    "Ricardo",
    "Rita",
    "Robert",
    "Rohan",
    "Rosa",
    "Ruth",
    "Ryan",
    "Sadia",
    "Samuel",
    "Sara",
    "Sebastian",
    "Selin",
    "Sergei",
    "Shreya",
    "Simone",
    "Sofia",
    "Sophie",
    "Stefan",
    "Sven",
    "Takeshi",
    "Tanvir",
    "Tariq",
    "Theo",
    "Thomas",
    "Tobias",
    "Tomás",
    "Uma",
    "Valentina",
    "Victor",
    "Vikram",
    "Wei",
    "William",
    "Xavier",
    "Yara",
    "Yasmin",
    "Yuki",
    "Yusuf",
    "Zainab",
    "Zara",
    "Zoë",
    "Ángel",
    "Łukasz",
    "Søren",
    "Björn",
    "Chioma",
    "Thandiwe",
    "Ngozi",
    "Tendai",
    "Sipho",
    "Kwame",
    "Abena",
    "Lerato",
    "Mehmet",
    "Emre",
    "Zeynep",
    "Hyun-woo",
    "Ji-ho",
    "Seo-yeon",
    "Min-jun",
    "Thao",
    "Minh",
    "Linh",
    "Quang",
    "Rizwan",
    "Farah",
    "Anil",
    "Kavya",
    "Ishaan",
    "Meera",
    "Sana",
    "Dong",
    "Xin",
    "Yan",
    "Hao",
]

# Underscores stand for spaces inside a surname ("van_der_Berg").
LAST_NAMES = [
    "Abara",
    "Acheampong",
    "Adeyemi",
    "Agarwal",
    "Ahmed",
    "Akhtar",
    "Alvarez",
    "Andersen",
    "Andersson",
    "Aoki",
    "Araújo",
    "Bakker",
    "Banerjee",
    "Barbieri",
    "Bauer",
    "Becker",
    "Bergström",
    "Bernard",
    "Bianchi",
    "Boateng",
    "Bondarenko",
    "Brown",
    "Bruno",
    "Campbell",
    "Carvalho",
    "Castillo",
    "Chatterjee",
    "Chen",
    "Cheng",
    "Choi",
    "Clarke",
    "Cohen",
    "Colombo",
    "Costa",
    "Cruz",
    "Da_Silva",
    "Dahl",
    "Das",
    "Davies",
    "Dias",
    "Dijkstra",
    "Dubois",
    "Dumont",
    "Eze",
    "Fernandes",
    "Fernández",
    "Ferrari",
    "Fischer",
    "Fitzgerald",
    "Fontaine",
    "Friedman",
    "Fujita",
    "Gallagher",
    "García",
    "Ghosh",
    "Gomez",
    "Gonçalves",
    "González",
    "Gupta",
    "Haas",
    "Hansen",
    "Hartmann",
    "Hashemi",
    "Hayashi",
    "Hernández",
    "Hoang",
    "Hoffmann",
    "Hughes",
    "Huang",
    "Hussain",
    "Ibrahim",
    "Ikeda",
    "Ivanova",
    "Iyer",
    "Jackson",
    "Jansen",
    "Jensen",
    "Johansson",
    "Johnson",
    "Jones",
    "Joshi",
    "Kamara",
    "Kang",
    "Kapoor",
    "Kaur",
    "Khan",
    "Kim",
    "Kowalczyk",
    "Kowalski",
    "Kozlov",
    "Kumar",
    "Kuznetsov",
    "Laine",
    "Lambert",
    "Larsen",
    "Laurent",
    "Le",
    "Lee",
    "Lehmann",
    "Leroy",
    "Li",
    "Lim",
    "Lindqvist",
    "Liu",
    "Lombardi",
    "Lopes",
    "López",
    "Lund",
    "Mahlangu",
    "Malik",
    "Mancini",
    "Martin",
    "Martínez",
    "Mazur",
    "Mehta",
    "Mensah",
    "Meyer",
    "Miller",
    "Mishra",
    "Molina",
    "Moreau",
    "Moreno",
    "Morris",
    "Müller",
    "Murphy",
    "Nakamura",
    "Navarro",
    "Ndlovu",
    "Nguyen",
    "Nielsen",
    "Novak",
    "Nowak",
    "Nunes",
    "O'Brien",
    "O'Connor",
    "Obi",
    "Odhiambo",
    "Okafor",
    "Okonkwo",
    "Oliveira",
    "Olsen",
    "Ortiz",
    "Owusu",
    "Ozturk",
    "Park",
    "Patel",
    "Pereira",
    "Perez",
    "Petrov",
    "Pham",
    "Popescu",
    "Rahman",
    "Ramírez",
    "Rao",
    "Reddy",
    "Reyes",
    "Ricci",
    "Richter",
    "Rivera",
    "Robinson",
    "Rodrigues",
    "Rodríguez",
    "Romano",
    "Rossi",
    "Ruiz",
    "Russo",
    "Saito",
    "Sánchez",
    "Santos",
    "Sato",
    "Schmidt",
    "Schneider",
    "Schulz",
    "Sharma",
    "Shevchenko",
    "Silva",
    "Singh",
    "Sokolov",
    "Sørensen",
    "Suzuki",
    "Svensson",
    "Takahashi",
    "Tanaka",
    "Taylor",
    "Thomas",
    "Tran",
    "Tremblay",
    "Turner",
    "Vargas",
    "Varga",
    "Vasquez",
    "Verma",
    "Virtanen",
    "Vogel",
    "Volkov",
    "Wagner",
    "Walker",
    "Wang",
    "Watanabe",
    "Weber",
    "Williams",
    "Wilson",
    "Wójcik",
    "Wong",
    "Wu",
    "Xu",
    "Yamamoto",
    "Yang",
    "Yilmaz",
    "Yoshida",
    "Young",
    "Zhang",
    "Zhao",
    "Zhou",
    "Zimmermann",
    "van_der_Berg",
    "de_Vries",
    "van_Dijk",
    "Nwosu",
    "Abubakar",
    "Dlamini",
    "Mokoena",
    "Asante",
    "Appiah",
    "Kariuki",
    "Wanjiru",
    "Chowdhury",
    "Siddiqui",
    "Qureshi",
    "Nair",
    "Pillai",
    "Menon",
    "Bose",
    "Sen",
    "Tan",
    "Ong",
    "Goh",
    "Ng",
    "Chua",
    "Lau",
    "Yeo",
    "Ito",
    "Kobayashi",
    "Matsumoto",
    "Inoue",
    "Kimura",
    "Shimizu",
    "Hashimoto",
    "Mori",
    "Ogawa",
    "Fujii",
    "Okada",
    "Hasegawa",
    "Murata",
    "Ferreira",
    "Ribeiro",
    "Almeida",
    "Barbosa",
    "Rocha",
    "Castro",
    "Mendes",
    "Cardoso",
    "Teixeira",
    "Correia",
    "Moura",
    "Kaya",
    "Demir",
    "Şahin",
    "Çelik",
    "Aydın",
    "Arslan",
    "Doğan",
    "Kılıç",
    "Aslan",
    "Koch",
    "Wolf",
    "Schröder",
    "Neumann",
    "Schwarz",
    "Braun",
    "Krüger",
    "Hofmann",
    "Lange",
    "Werner",
    "Krause",
]

# Letters that NFKD does not decompose, for ascii ids and e-mail addresses.
_ASCII_FOLD = str.maketrans(
    {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "ß": "ss", "Æ": "Ae", "æ": "ae", "Đ": "D", "đ": "d", "ı": "i", "Ş": "S", "ş": "s"}
)

COMPANY_NAMES = [
    "Acme Analytics",
    "Northwind Software",
    "Globex Cloud",
    "Initech Systems",
    "Umbrella Data",
    "Hooli",
    "Vandelay Software",
    "Soylent Labs",
    "Wonka Works",
    "Cyberdyne Cloud",
    "Tyrell Data",
    "Stark Digital",
]
PRODUCT_STRATEGIES = ["product-led", "product-led-growth", "product-operating-model", "product-centric"]

PRODUCT_NAMES = [
    "Insights",
    "Checkout",
    "Payments",
    "Billing",
    "Marketplace",
    "Messaging",
    "Search",
    "Identity",
    "Workflows",
    "Reporting",
    "Integrations",
    "Mobile App",
    "Notifications",
    "Admin Console",
    "Scheduler",
    "Storefront",
    "Analytics",
    "Connect",
    "Forms",
    "Docs",
    "Inbox",
    "Campaigns",
    "Loyalty",
    "Dispatch",
    "Ledger",
    "Catalog",
    "Studio",
    "Vault",
    "Pulse",
    "Atlas",
    "Beacon",
    "Compass",
    "Harbor",
    "Lumen",
    "Relay",
    "Sentinel",
]
PRODUCT_EDITIONS = ["Cloud", "Enterprise", "Pro", "Lite", "for Teams", "Go", "Plus", "Edge", "Hub", "Mobile"]
PRODUCT_METRICS = [
    "NPS",
    "MAU",
    "DAU",
    "WAU",
    "Activation rate",
    "D30 retention",
    "Trial-to-paid conversion",
    "ARR",
    "Net revenue retention",
    "Logo churn",
    "Time to value",
    "CSAT",
    "Gross margin",
    "Expansion revenue",
    "Feature adoption",
    "Checkout conversion",
    "Uptime",
]
SQUAD_AREAS = [
    "Onboarding",
    "Search",
    "Checkout",
    "Notifications",
    "Billing",
    "Reporting",
    "Integrations",
    "Growth",
    "Core",
    "Permissions",
    "Sync",
    "Import",
    "Editor",
    "Dashboards",
    "Alerts",
    "Pricing",
    "Recommendations",
    "Fraud",
    "Compliance",
    "Localization",
    "Performance",
    "Accounts",
    "Catalog",
    "Workflow",
    "Public API",
    "Mobile",
    "Web",
    "Collaboration",
    "Audit Log",
    "Data Export",
    "Experiments",
    "Trust & Safety",
    "Self-serve",
    "Enterprise Admin",
    "Activation",
    "Retention",
]
TRIBE_THEMES = [
    "Experience",
    "Core",
    "Growth",
    "Enterprise",
    "Foundations",
    "Acquisition",
    "Engagement",
    "Monetization",
    "Intelligence",
    "Ecosystem",
]
PLATFORM_TEAMS = [
    "Cloud Infrastructure",
    "Developer Experience",
    "CI/CD",
    "Observability",
    "Identity Platform",
    "Data Platform",
    "Security Engineering",
    "Edge & Networking",
    "Release Engineering",
    "Storage",
    "Service Mesh",
    "Internal Tools",
]
GUILDS = ["Security Guild", "Accessibility Guild", "Frontend Guild", "API Design Guild", "Testing Guild", "Observability Guild"]
REGIONS = ["North America", "EMEA", "APAC", "LATAM"]
REGION_WEIGHTS = [0.45, 0.32, 0.15, 0.08]

# Seniority prefixes and their weights, for individual contributors.
ENGINEERING_SENIORITY = [
    ("", 34),
    ("Senior ", 38),
    ("Staff ", 9),
    ("Principal ", 3),
    ("Junior ", 6),
    ("Associate ", 5),
    ("Lead ", 5),
]
BUSINESS_SENIORITY = [("", 56), ("Senior ", 30), ("Junior ", 5), ("Associate ", 6), ("Lead ", 3)]
NO_SENIORITY = [("", 1)]

# Squad engineers by discipline: (discipline, weight, titles).
SQUAD_DISCIPLINES = [
    ("backend", 40, ["Backend Engineer", "Software Engineer", "Backend Engineer", "Software Engineer, Backend"]),
    ("frontend", 28, ["Frontend Engineer", "Frontend Engineer", "Software Engineer, Frontend"]),
    ("fullstack", 12, ["Full Stack Engineer", "Software Engineer"]),
    ("mobile", 12, ["iOS Engineer", "Android Engineer", "Mobile Engineer"]),
    ("qa", 8, ["QA Engineer", "Test Automation Engineer", "Software Engineer in Test"]),
]
PLATFORM_TITLES = [
    "Site Reliability Engineer",
    "Platform Engineer",
    "DevOps Engineer",
    "Infrastructure Engineer",
    "Security Engineer",
    "Software Engineer",
    "Database Reliability Engineer",
    "Build Engineer",
]
PM_TITLES = [
    ("Product Manager", 34),
    ("Senior Product Manager", 24),
    ("Product Owner", 22),
    ("Senior Product Owner", 5),
    ("Technical Product Manager", 6),
    ("Associate Product Manager", 5),
    ("Principal Product Manager", 4),
]
DESIGNER_TITLES = ["Product Designer", "Product Designer", "UX Designer", "UI Designer", "Interaction Designer", "UX Researcher"]
TRIBE_COACH_TITLES = ["Agile Coach", "Technical Program Manager", "Delivery Manager", "Scrum Master"]

# Upper management titles by level (2 = manager of managers, 3, 4 and above).
ENGINEERING_UPPER = ["Director of Engineering", "Senior Director of Engineering", "VP of Engineering", "SVP Engineering"]
PLATFORM_UPPER = ["Director of Platform Engineering", "Senior Director of Infrastructure", "VP of Infrastructure"]
PRODUCT_UPPER = ["Group Product Manager", "Director of Product Management", "Senior Director of Product Management", "VP Product"]
DESIGN_UPPER = ["Design Manager", "Director of Design", "Senior Director of Design"]


class Kind:
    """A kind of leaf team in a department: its name, manager title, IC titles."""

    __slots__ = ("manager", "name", "seniority", "titles", "weight")

    def __init__(self, name, weight, manager, titles, seniority=BUSINESS_SENIORITY):
        self.name, self.weight, self.manager = name, weight, manager
        self.titles, self.seniority = titles, seniority


class DepartmentSpec:
    """A department built as a plain management tree of leaf teams."""

    __slots__ = ("function", "kinds", "name", "regional", "share", "upper")

    def __init__(self, function, name, share, kinds, upper, regional=False):
        self.function, self.name, self.share = function, name, share
        self.kinds, self.upper, self.regional = kinds, upper, regional


# Shares are of the headcount left after the executive team; the squad side
# (engineering + product + design in squads and platform teams) takes SQUAD_SIDE_SHARE.
SQUAD_SIDE_SHARE = 0.46
DEPARTMENTS = [
    DepartmentSpec(
        "design",
        "Design",
        0.01,
        [
            Kind("UX Research", 2, "UX Research Manager", ["UX Researcher"]),
            Kind("Design Systems", 2, "Design Manager", ["Product Designer", "UI Designer", "Design Technologist"]),
            Kind("Content Design", 1, "Content Design Manager", ["Content Designer", "UX Writer"]),
        ],
        ["Director of Design", "Senior Director of Design"],
    ),
    DepartmentSpec(
        "data",
        "Data & Analytics",
        0.045,
        [
            Kind(
                "Data Science",
                3,
                "Data Science Manager",
                ["Data Scientist", "Data Scientist", "Machine Learning Engineer", "Applied Scientist"],
                ENGINEERING_SENIORITY,
            ),
            Kind("Analytics", 3, "Analytics Manager", ["Data Analyst", "Analytics Engineer", "Product Analyst", "BI Analyst"]),
            Kind("Data Engineering", 2, "Data Engineering Manager", ["Data Engineer"], ENGINEERING_SENIORITY),
            Kind(
                "ML Platform",
                1,
                "Machine Learning Engineering Manager",
                ["Machine Learning Engineer", "MLOps Engineer"],
                ENGINEERING_SENIORITY,
            ),
        ],
        ["Director of Data Science", "Senior Director of Data", "VP Data"],
    ),
    DepartmentSpec(
        "marketing",
        "Marketing",
        0.08,
        [
            Kind("Product Marketing", 3, "Group Product Marketing Manager", ["Product Marketing Manager"]),
            Kind(
                "Demand Generation",
                3,
                "Demand Generation Lead",
                ["Demand Generation Manager", "Growth Marketer", "Performance Marketing Manager"],
            ),
            Kind("Content", 2, "Content Marketing Lead", ["Content Marketing Manager", "Content Strategist", "Copywriter"]),
            Kind(
                "Brand & Communications",
                1,
                "Communications Lead",
                ["Brand Manager", "Communications Manager", "Social Media Manager", "PR Manager"],
            ),
            Kind("Field Marketing", 2, "Field Marketing Lead", ["Field Marketing Manager", "Events Manager"]),
            Kind("Marketing Operations", 1, "Marketing Operations Lead", ["Marketing Operations Manager", "Marketing Analyst"]),
        ],
        ["Director of Marketing", "Senior Director of Marketing", "VP Marketing"],
    ),
    DepartmentSpec(
        "sales",
        "Sales",
        0.15,
        [
            Kind("Enterprise Sales", 3, "Sales Manager", ["Enterprise Account Executive"]),
            Kind("Mid-Market Sales", 3, "Sales Manager", ["Account Executive"]),
            Kind(
                "Sales Development",
                3,
                "Sales Development Manager",
                ["Sales Development Representative", "Business Development Representative"],
            ),
            Kind("Account Management", 2, "Account Management Lead", ["Account Manager"]),
            Kind(
                "Solutions Engineering",
                2,
                "Solutions Engineering Manager",
                ["Solutions Engineer", "Sales Engineer", "Solutions Architect"],
            ),
        ],
        ["Regional Sales Director", "Area Vice President of Sales", "VP Sales"],
        regional=True,
    ),
    DepartmentSpec(
        "support",
        "Customer Support",
        0.07,
        [
            Kind("Frontline Support", 4, "Support Team Lead", ["Customer Support Specialist", "Customer Support Representative"]),
            Kind("Technical Support", 3, "Support Manager", ["Technical Support Engineer", "Support Engineer"]),
            Kind("Support Operations", 1, "Support Operations Manager", ["Support Operations Analyst", "Technical Writer"]),
        ],
        ["Senior Support Manager", "Director of Customer Support", "VP Support"],
        regional=True,
    ),
    DepartmentSpec(
        "customer-success",
        "Customer Success",
        0.06,
        [
            Kind("Customer Success", 4, "Customer Success Lead", ["Customer Success Manager"]),
            Kind(
                "Technical Account Management",
                2,
                "Technical Account Management Lead",
                ["Technical Account Manager", "Customer Success Engineer"],
            ),
            Kind("Onboarding", 2, "Onboarding Lead", ["Onboarding Specialist", "Implementation Consultant"]),
            Kind("Renewals", 1, "Renewals Lead", ["Renewals Manager"]),
        ],
        ["Director of Customer Success", "Senior Director of Customer Success"],
        regional=True,
    ),
    DepartmentSpec(
        "finance",
        "Finance",
        0.03,
        [
            Kind(
                "Accounting",
                3,
                "Accounting Manager",
                [
                    "Accountant",
                    "Staff Accountant",
                    "Accounts Payable Specialist",
                    "Accounts Receivable Specialist",
                    "Payroll Specialist",
                ],
                NO_SENIORITY,
            ),
            Kind("FP&A", 2, "FP&A Manager", ["Financial Analyst", "FP&A Analyst", "Pricing Analyst"]),
            Kind("Tax & Treasury", 1, "Tax Manager", ["Tax Analyst", "Treasury Analyst"]),
        ],
        ["Controller", "Director of Finance", "Senior Director of Finance"],
    ),
    DepartmentSpec(
        "legal",
        "Legal",
        0.015,
        [
            Kind(
                "Commercial Legal",
                2,
                "Associate General Counsel",
                ["Commercial Counsel", "Corporate Counsel", "Contracts Manager"],
                NO_SENIORITY,
            ),
            Kind("Privacy & Compliance", 1, "Compliance Manager", ["Privacy Counsel", "Compliance Analyst"], NO_SENIORITY),
            Kind("Legal Operations", 1, "Legal Operations Manager", ["Paralegal", "Legal Operations Specialist"], NO_SENIORITY),
        ],
        ["Deputy General Counsel", "Deputy General Counsel"],
    ),
    DepartmentSpec(
        "people",
        "People",
        0.035,
        [
            Kind(
                "Talent Acquisition",
                4,
                "Recruiting Manager",
                ["Recruiter", "Technical Recruiter", "Sourcer", "Recruiting Coordinator"],
            ),
            Kind("People Partners", 2, "People Partner Manager", ["HR Business Partner", "People Partner"]),
            Kind(
                "People Operations",
                2,
                "People Operations Manager",
                ["People Operations Specialist", "HRIS Analyst", "Benefits Specialist"],
            ),
            Kind(
                "Learning & Development",
                1,
                "Learning & Development Manager",
                ["Learning & Development Partner", "Compensation Analyst"],
            ),
        ],
        ["Director of Talent Acquisition", "Senior Director of People", "VP People"],
    ),
    DepartmentSpec(
        "operations",
        "Operations",
        0.04,
        [
            Kind(
                "Business Operations",
                2,
                "Business Operations Manager",
                ["Business Operations Analyst", "Strategy & Operations Associate"],
            ),
            Kind(
                "Revenue Operations",
                2,
                "Revenue Operations Manager",
                ["Revenue Operations Analyst", "Sales Operations Analyst", "Deal Desk Specialist"],
            ),
            Kind("IT", 2, "IT Manager", ["IT Support Specialist", "Systems Administrator"]),
            Kind(
                "Workplace",
                1,
                "Workplace Manager",
                ["Office Manager", "Workplace Coordinator", "Facilities Coordinator"],
                NO_SENIORITY,
            ),
            Kind("Program Management", 1, "Program Management Lead", ["Program Manager", "Project Manager"]),
        ],
        ["Director of Business Operations", "Senior Director of Operations", "VP Operations"],
    ),
]
DEPARTMENT_BY_FUNCTION = {spec.function: spec for spec in DEPARTMENTS}

# The executive team: (key, title, department function or None, department name,
# smallest company size that has this seat). Order = order of the CEO's reports.
EXECUTIVES = [
    ("cto", "Chief Technology Officer", "engineering", "Engineering", 2),
    ("cpo", "Chief Product Officer", "product", "Product Management", 5),
    ("cro", "Chief Revenue Officer", "sales", "Sales", 15),
    ("cmo", "Chief Marketing Officer", "marketing", "Marketing", 20),
    ("cfo", "Chief Financial Officer", "finance", "Finance", 30),
    ("vpcs", "VP Customer Success", "customer-success", "Customer Success", 40),
    ("chro", "Chief People Officer", "people", "People", 50),
    ("cdo", "Head of Data", "data", "Data & Analytics", 60),
    ("clo", "General Counsel", "legal", "Legal", 80),
    ("coo", "Chief Operating Officer", "operations", "Operations", 1000),
]
# Smaller companies give some seats a VP title instead of a C-level one.
SMALL_COMPANY_TITLES = {
    "cpo": "VP Product",
    "cro": "VP Sales",
    "cmo": "VP Marketing",
    "cfo": "VP Finance",
    "chro": "Head of People",
}
SMALL_COMPANY = 500


# --------------------------------------------------------------------------------------
# The model being built: plain objects that reference each other (ids are read
# only when writing, so a person can be renamed late).


class Person:
    __slots__ = (
        "boss",
        "dotted_to",
        "has_email",
        "id",
        "name",
        "reports",
        "title",
        "unit",
        "units",
    )

    def __init__(self, pid, name, title, boss, unit):
        self.id, self.name, self.title = pid, name, title
        self.boss, self.unit = boss, unit
        self.units = self.dotted_to = self.reports = None
        self.has_email = True


class Unit:
    __slots__ = ("function", "id", "lead", "name", "parent", "products", "type")

    def __init__(self, uid, name, utype, function, lead, parent):
        self.id, self.name, self.type, self.function = uid, name, utype, function
        self.lead, self.parent = lead, parent
        self.products = None


class Product:
    __slots__ = ("id", "metrics", "name", "owner")

    def __init__(self, pid, name, metrics):
        self.id, self.name, self.metrics = pid, name, metrics
        self.owner = None


class LeafTeam:
    """A first-line team: its manager, home unit and how its ICs are made.

    ICs are created only once the headcount left for ICs is known, so the
    chart has exactly n people."""

    __slots__ = ("kind", "manager", "region", "size", "unit", "weight")

    def __init__(self, manager, unit, kind, weight, region=None):
        self.manager, self.unit, self.kind, self.weight = manager, unit, kind, weight
        self.region = region
        self.size = 0


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.translate(_ASCII_FOLD))
    out, dash = [], False
    for ch in folded.lower():
        if "a" <= ch <= "z" or "0" <= ch <= "9":
            out.append(ch)
            dash = False
        elif not unicodedata.combining(ch) and ch not in "'’" and not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def _weighted(pairs):
    """(values, cumulative weights) for rng.choices."""
    values, cum, total = [], [], 0
    for value, weight in pairs:
        total += weight
        values.append(value)
        cum.append(total)
    return values, cum


# --------------------------------------------------------------------------------------
# The builder


class OrgBuilder:
    def __init__(self, n: int, seed: int = 0, clean: bool = False):
        if n < 1:
            raise ValueError("an org chart needs at least one person")
        self.n, self.seed, self.clean = n, seed, clean
        self.rng = random.Random(seed)
        self.company = COMPANY_NAMES[seed % len(COMPANY_NAMES)]
        self.domain = _slug(self.company).replace("-", "") + ".example"
        self.strategy = PRODUCT_STRATEGIES[seed % len(PRODUCT_STRATEGIES)]
        self.people: list[Person] = []
        self.units: list[Unit] = []
        self.products: list[Product] = []
        self.teams: list[LeafTeam] = []
        self._unit_ids: dict[str, int] = {}
        self._person_ids: dict[str, int] = {}
        self._name_title_keys: set[int] = set()
        self._title_numbers: dict[str, int] = {}
        # Person names: parts, their ascii id forms, the initials used as middle names.
        self._first = [(name, _slug(name).replace("-", "")) for name in FIRST_NAMES]
        self._last = [(name.replace("_", " "), _slug(name).replace("-", "")) for name in LAST_NAMES]
        self._seniority = {id(s): _weighted(s) for s in (ENGINEERING_SENIORITY, BUSINESS_SENIORITY, NO_SENIORITY)}
        self.gpms: list[Person] = []  # targets of product marketing dotted lines
        self.tribe_leads: list[Person] = []  # targets of embedded data dotted lines
        self.executives: list[Person] = []
        self.guilds: list[Unit] = []
        self._designers: list[Person] = []
        self._chapters: dict[int, dict | bool] = {}  # tribe -> {discipline: chapter}
        self._chapter_members: dict[int, list[Person]] = {}
        self._region_of: dict[int, str | None] = {}  # manager -> region below them

    # ---- people and units ------------------------------------------------------------

    def person(self, title: str, boss: Person | None, unit: Unit) -> Person:
        """A new person with a fresh human-looking name; (name, title) is unique
        unless a duplicate is made on purpose (two "Wei Zhang, Senior Backend
        Engineer" would be a finding, S011)."""
        rng = self.rng
        n_first, n_last = len(self._first), len(self._last)
        title_no = self._title_numbers.setdefault(title, len(self._title_numbers))
        middle = 0
        for attempt in range(12):
            first, last = int(rng.random() * n_first), int(rng.random() * n_last)
            # A middle initial now and then; always once plain names keep colliding.
            middle = 1 + int(rng.random() * 26) if attempt >= 4 or rng.random() < 0.04 else 0
            key = (((first * n_last + last) * 27 + middle) << 24) | title_no
            if key not in self._name_title_keys:
                break
        self._name_title_keys.add(key)
        first_name, first_id = self._first[first]
        last_name, last_id = self._last[last]
        if middle:
            initial = chr(64 + middle)
            name = f"{first_name} {initial}. {last_name}"
            base = f"{first_id}.{initial.lower()}.{last_id}"
        else:
            name = f"{first_name} {last_name}"
            base = f"{first_id}.{last_id}"
        p = Person(self._person_id(base), name, title, boss, unit)
        self.people.append(p)
        return p

    def _person_id(self, base: str) -> str:
        # Bases end in a letter, so "base2", "base3"... never clash with another base.
        count = self._person_ids.get(base, 0) + 1
        self._person_ids[base] = count
        return base if count == 1 else f"{base}{count}"

    def unit(self, name, utype, function, lead, parent) -> Unit:
        base = _slug(name) or utype
        uid, count = base, self._unit_ids.get(base, 0)
        while uid in self._unit_ids:  # "ledger-core-2" may also be some unit's own slug
            count += 1
            uid = f"{base}-{count}"
        self._unit_ids[base] = count or 1
        self._unit_ids.setdefault(uid, 1)
        u = Unit(uid, name, utype, function, lead, parent)
        self.units.append(u)
        return u

    def seniority(self, table) -> str:
        values, cum = self._seniority[id(table)]
        return self.rng.choices(values, cum_weights=cum)[0]

    # ---- tree shapes -----------------------------------------------------------------

    def chunks(self, items: list, lo: int, hi: int) -> list[list]:
        """Split items, in order, into groups of lo..hi (as near as the count
        allows), with some variation so spans are not all equal."""
        n = len(items)
        if n == 0:
            return []
        k = max(1, round(n / ((lo + hi) / 2)))
        while k > 1 and n / k < lo:
            k -= 1
        while n / k > hi:
            k += 1
        base, extra = divmod(n, k)
        sizes = [base + (i < extra) for i in range(k)]
        rng = self.rng
        for _ in range(k):
            i, j = int(rng.random() * k), int(rng.random() * k)
            if i != j and sizes[i] > lo and sizes[j] < hi:
                sizes[i] -= 1
                sizes[j] += 1
        out, start = [], 0
        for size in sizes:
            out.append(items[start : start + size])
            start += size
        return out

    def group_up(self, nodes: list[Person], make_manager, max_top: int, lo: int = 4, hi: int = 8, level: int = 2) -> list[Person]:
        """Add management layers above nodes until at most max_top remain."""
        while len(nodes) > max_top:
            managers = []
            for group in self.chunks(nodes, lo, hi):
                manager = make_manager(group, level)
                for member in group:
                    member.boss = manager
                managers.append(manager)
            nodes = managers
            level += 1
        return nodes

    # ---- the whole org ---------------------------------------------------------------

    def build(self):
        if self.n < SMALL_ORG:
            self._build_founding_team()
        else:
            self._build_company()
        self._order_people()
        if not self.clean:
            self._add_imperfections()
        return self

    def _prune_practices(self):
        """Drop guilds nobody joined and chapters that do not cut across squads
        (fewer than 3 members, or all in one squad)."""
        dropped = set()
        for unit in self.units:
            if unit.type == "guild" and unit.lead is None:
                dropped.add(id(unit))
            elif unit.type == "chapter":
                members = self._chapter_members[id(unit)]
                if len(members) < 3 or len({id(m.unit) for m in members}) < 2:
                    dropped.add(id(unit))
                    for m in members:
                        m.units = [u for u in m.units if u is not unit] or None
        self.units = [u for u in self.units if id(u) not in dropped]
        self.guilds = [g for g in self.guilds if id(g) not in dropped]

    def _build_founding_team(self):
        """A handful of people: founders and first hires, everyone near the CEO."""
        company = self.unit(self.company, "company", None, None, None)
        ceo = self.person("CEO & Co-founder", None, company)
        company.lead = ceo
        if self.n == 1:
            return
        cto = self.person("CTO & Co-founder", ceo, company)
        first_hires = [
            "Software Engineer",
            "Product Manager",
            "Senior Software Engineer",
            "Product Designer",
            "Account Executive",
            "Full Stack Engineer",
            "Customer Success Manager",
            "Growth Marketer",
            "Software Engineer",
            "Operations Manager",
            "Frontend Engineer",
            "Sales Development Representative",
        ]
        for i in range(self.n - 2):
            title = first_hires[i % len(first_hires)]
            boss = cto if "Engineer" in title else ceo
            self.person(title, boss, company)

    def _build_company(self):
        n, _rng = self.n, self.rng
        company = self.unit(self.company, "company", None, None, None)
        leadership = self.unit("Executive Team", "team", "executive", None, company)
        ceo = self.person("Chief Executive Officer" if n >= SMALL_COMPANY else "CEO & Co-founder", None, leadership)
        company.lead = leadership.lead = ceo

        # Executive team and the departments they lead.
        seats: dict[str, Person] = {}
        departments: dict[str, Unit] = {}
        for key, title, function, dept_name, min_size in EXECUTIVES:
            if n < min_size:
                continue
            if n < SMALL_COMPANY:
                title = SMALL_COMPANY_TITLES.get(key, title)
            exec_ = self.person(title, ceo, leadership)
            seats[key] = exec_
            self.executives.append(exec_)
            departments[function] = self.unit(dept_name, "department", function, exec_, company)
        if not self.clean and n >= 2000:
            # One more report than the rule of thumb allows: a chief of staff (S005).
            self.person("Chief of Staff", ceo, leadership)

        # Departments led below the executive team, inside their boss's department.
        def department_led_by(person):
            return next((d for d in departments.values() if d.lead is person), company)

        def sub_department(function, title, boss):
            head = self.person(title, boss, None)
            dept = self.unit(DEPARTMENT_BY_FUNCTION[function].name, "department", function, head, department_led_by(boss))
            head.unit = dept
            departments[function] = dept
            return head

        if "cpo" in seats and n >= 40:
            seats["design"] = sub_department("design", "VP Design" if n >= 5000 else "Head of Design", seats["cpo"])
        if n >= 30:
            seats["support"] = sub_department(
                "support", "VP Support" if n >= 5000 else "Head of Support", seats.get("vpcs") or seats.get("cro") or ceo
            )
        if "coo" not in seats and n >= 100:
            seats["ops"] = sub_department("operations", "Head of Business Operations", seats.get("cfo") or ceo)

        # Headcount left for everyone below the department heads, by function.
        rest = n - len(self.people)
        shares = {"squads": SQUAD_SIDE_SHARE}
        for spec in DEPARTMENTS:
            if spec.function in departments:
                shares[spec.function] = spec.share
        total_share = sum(shares.values())
        budget = {f: rest * s / total_share for f, s in shares.items()}

        self._build_squad_side(budget["squads"], seats, departments)
        for spec in DEPARTMENTS:
            if spec.function in departments:
                # The head of design also leads the squads' designers: fewer direct teams.
                self._build_department(
                    spec, departments[spec.function], budget[spec.function], max_top=3 if spec.function == "design" else 7
                )

        # Everyone not yet created is an IC of some leaf team.
        ic_budget = n - len(self.people)
        if ic_budget < len(self.teams):
            raise _TooSmall
        self._allocate(ic_budget)
        for team in self.teams:
            self._staff(team)
        self._prune_practices()

    # ---- engineering, product and design, in squads ----------------------------------

    def _build_squad_side(self, budget: float, seats, departments):
        rng = self.rng
        cto, cpo = seats["cto"], seats.get("cpo")
        design_head = seats.get("design")
        engineering = departments["engineering"]
        product_dept = departments.get("product")
        design_dept = departments.get("design")

        # People per squad, counting its share of managers, platform teams and coaches.
        per_squad = 1 + 5.0 + 0.2 + 0.12 * 7.2 + 0.08
        if cpo:
            per_squad += 1 + 0.2
        if design_head:
            per_squad += 0.55 * 1.2
        squad_count = max(1, round(budget / per_squad))
        platform_count = round(squad_count * 0.12) if squad_count >= 3 else 0
        product_count = min(squad_count, max(1, round(math.sqrt(self.n) / 9) + 1))

        # Products, each worked on by a contiguous block of squads. Past the
        # plain names come editions ("Insights Pro"), then numbers (~13M people).
        names = list(PRODUCT_NAMES)
        rng.shuffle(names)
        product_ids = set()
        for i in range(product_count):
            name = names[i % len(names)]
            if i >= len(names):
                name = f"{name} {PRODUCT_EDITIONS[(i // len(names) - 1) % len(PRODUCT_EDITIONS)]}"
            pid = _slug(name)
            if pid in product_ids:
                pid = f"{pid}-{i}"
            product_ids.add(pid)
            metrics = rng.sample(PRODUCT_METRICS, 2 + int(rng.random() * 3))
            self.products.append(Product(pid, name, metrics))

        # Squads, each with an engineering manager and, if there is a product org, a PM.
        squads, squad_leads, squad_pms = [], [], []
        areas_left: dict[int, list[str]] = {}  # product -> feature areas not yet used
        for i in range(squad_count):
            product = self.products[i * product_count // squad_count]
            areas = areas_left.get(id(product))
            if not areas:
                areas = areas_left[id(product)] = rng.sample(SQUAD_AREAS, len(SQUAD_AREAS))
            squad = self.unit(f"{product.name} {areas.pop()}", "squad", "engineering", None, engineering)
            squad.products = [product]
            em = self.person("Senior Engineering Manager" if rng.random() < 0.1 else "Engineering Manager", cto, squad)
            squad.lead = em
            squads.append(squad)
            squad_leads.append(em)
            self.teams.append(LeafTeam(em, squad, "squad", 3.5 + 3 * rng.random()))
            if cpo:
                pm_title = rng.choices(_PM_TITLE_TABLE[0], cum_weights=_PM_TITLE_TABLE[1])[0]
                squad_pms.append(self.person(pm_title, cpo, squad))
            if design_head and rng.random() < 0.55:
                designer = self.person(
                    self.seniority(BUSINESS_SENIORITY) + DESIGNER_TITLES[int(rng.random() * len(DESIGNER_TITLES))],
                    design_head,
                    squad,
                )
                self._designers.append(designer)

        # Tribes: the first management layer above squads.
        def engineering_manager(group, level):
            if level == 2:
                squads_here = [m.unit for m in group]
                products = []
                for s in squads_here:
                    if s.products[0] not in products:
                        products.append(s.products[0])
                theme = TRIBE_THEMES[int(rng.random() * len(TRIBE_THEMES))]
                tribe = self.unit(f"{products[0].name} {theme}", "tribe", "engineering", None, engineering)
                tribe.products = products
                lead = self.person("Senior Engineering Manager" if rng.random() < 0.25 else ENGINEERING_UPPER[0], cto, tribe)
                tribe.lead = lead
                for s in squads_here:
                    s.parent = tribe
                self.tribe_leads.append(lead)
                if rng.random() < 0.5:
                    coach = TRIBE_COACH_TITLES[int(rng.random() * len(TRIBE_COACH_TITLES))]
                    self.person(coach, lead, tribe)
                return lead
            title = ENGINEERING_UPPER[min(level - 2, len(ENGINEERING_UPPER) - 1)]
            return self.person(title, cto, engineering)

        for top in self.group_up(squad_leads, engineering_manager, max_top=7, lo=3, hi=8):
            top.boss = cto

        # Platform teams: their own management line to the CTO.
        platform_leads = []
        for i in range(platform_count):
            name = PLATFORM_TEAMS[i % len(PLATFORM_TEAMS)]
            if i >= len(PLATFORM_TEAMS):
                name = f"{name} {i // len(PLATFORM_TEAMS) + 1}"
            team_unit = self.unit(name, "platform", "engineering", None, engineering)
            em = self.person("Engineering Manager", cto, team_unit)
            team_unit.lead = em
            platform_leads.append(em)
            self.teams.append(LeafTeam(em, team_unit, "platform", 4 + 4 * rng.random()))

        def platform_manager(group, level):
            return self.person(PLATFORM_UPPER[min(level - 2, len(PLATFORM_UPPER) - 1)], cto, engineering)

        for top in self.group_up(platform_leads, platform_manager, max_top=2):
            top.boss = cto

        # Product managers: group product managers, directors... up to the CPO.
        if cpo:

            def product_manager(group, level):
                title = PRODUCT_UPPER[min(level - 2, len(PRODUCT_UPPER) - 1)]
                manager = self.person(title, cpo, product_dept)
                if level == 2:
                    self.gpms.append(manager)
                return manager

            for top in self.group_up(squad_pms, product_manager, max_top=7, lo=4, hi=7):
                top.boss = cpo
            # A product's owner: the manager of the PMs of its first squad (a group
            # PM) or, in a small company, that squad's PM.
            for product in self.products:
                first_squad = next(i for i, s in enumerate(squads) if s.products[0] is product)
                pm = squad_pms[first_squad]
                product.owner = pm.boss if pm.boss is not cpo else pm

        if design_head:

            def design_manager(group, level):
                title = DESIGN_UPPER[min(level - 2, len(DESIGN_UPPER) - 1)]
                return self.person(title, design_head, design_dept)

            for top in self.group_up(self._designers, design_manager, max_top=4, lo=4, hi=7):
                top.boss = design_head

        # Guilds cut across the whole of engineering; more of them in bigger companies.
        guild_count = 1 if squad_count < 100 else 3 if squad_count < 10000 else len(GUILDS)
        for name in GUILDS[:guild_count]:
            self.guilds.append(self.unit(name, "guild", None, None, engineering.parent))

    # ---- the other departments -------------------------------------------------------

    def _build_department(self, spec: DepartmentSpec, dept: Unit, budget: float, max_top: int = 7):
        """Leaf teams of spec's kinds under layers of managers up to the head."""
        rng, head = self.rng, dept.lead
        kinds, cum = _weighted((kind, kind.weight) for kind in spec.kinds)
        if budget <= 9.5:
            # Too small for managers: the head's own team, one of each kind of job.
            mixed = Kind(spec.name, 1, head.title, [k.titles[0] for k in spec.kinds])
            self.teams.append(LeafTeam(head, dept, mixed, max(budget, 1.0)))
            return
        chosen = []
        for _ in range(max(2, round(budget / 7.6))):
            kind = rng.choices(kinds, cum_weights=cum)[0]
            region = rng.choices(REGIONS, cum_weights=_REGION_CUM)[0] if spec.regional else None
            chosen.append((REGIONS.index(region) if region else 0, kind.name, kind, region))
        # Teams of one region next to each other, so the layers above them are
        # regional, as in sales and support.
        if spec.regional:
            chosen.sort(key=lambda c: c[:2])
        counters: dict[tuple, int] = {}
        leads = []
        for _, _, kind, region in chosen:
            key = (kind.name, region)
            counters[key] = counters.get(key, 0) + 1
            label = f"{kind.name} {region}" if region else kind.name
            team_unit = self.unit(f"{label} {counters[key]}", "team", spec.function, None, dept)
            title = kind.manager
            if region and spec.function == "sales":
                title = f"{title}, {region}"
            manager = self.person(title, head, team_unit)
            team_unit.lead = manager
            self._region_of[id(manager)] = region
            leads.append(manager)
            self.teams.append(LeafTeam(manager, team_unit, kind, 4 + 4.5 * rng.random(), region=region))

        def department_manager(group, level):
            title = spec.upper[min(level - 2, len(spec.upper) - 1)]
            region = self._region_of.get(id(group[0]))
            if region and level <= 3:
                title = f"{title}, {region}"
            manager = self.person(title, head, dept)
            self._region_of[id(manager)] = region
            return manager

        for top in self.group_up(leads, department_manager, max_top=max_top):
            top.boss = head

    # ---- filling leaf teams with individual contributors ------------------------------

    def _allocate(self, ic_budget: int):
        """Share ic_budget among leaf teams by weight (largest remainder), at
        least one each; squads keep to 7 engineers while other teams have room."""
        teams = self.teams
        rest = ic_budget - len(teams)
        total_weight = sum(t.weight for t in teams)
        remainders = []
        given = 0
        for i, team in enumerate(teams):
            exact = rest * team.weight / total_weight
            whole = int(exact)
            team.size = 1 + whole
            given += whole
            remainders.append((exact - whole, i))
        remainders.sort(reverse=True)
        for _, i in remainders[: rest - given]:
            teams[i].size += 1
        # Squads of more than 7 engineers (10 people with the EM, PM and designer)
        # would be T002 findings: move the excess to teams that have room.
        overflow = 0
        for team in teams:
            if team.kind == "squad" and team.size > 7:
                overflow += team.size - 7
                team.size = 7
        others = [t for t in teams if t.kind != "squad"] or teams
        i = 0
        while overflow:
            team = others[i % len(others)]
            if team.size < 9 or i >= 2 * len(others):
                team.size += 1
                overflow -= 1
            i += 1

    def _staff(self, team: LeafTeam):
        rng = self.rng
        manager, unit = team.manager, team.unit
        if team.kind == "squad":
            values, cum = _SQUAD_DISCIPLINE_TABLE
            for _ in range(team.size):
                discipline, titles = rng.choices(values, cum_weights=cum)[0]
                title = self.seniority(ENGINEERING_SENIORITY) + titles[int(rng.random() * len(titles))]
                engineer = self.person(title, manager, unit)
                self._join_practices(engineer, discipline, unit)
            return
        if team.kind == "platform":
            for _ in range(team.size):
                title = self.seniority(ENGINEERING_SENIORITY) + PLATFORM_TITLES[int(rng.random() * len(PLATFORM_TITLES))]
                engineer = self.person(title, manager, unit)
                self._join_practices(engineer, None, unit)
            return
        kind: Kind = team.kind
        suffix = f", {team.region}" if team.region else ""
        for _ in range(team.size):
            base = kind.titles[int(rng.random() * len(kind.titles))]
            person = self.person(self.seniority(kind.seniority) + base + suffix, manager, unit)
            self._dotted_line(person, base)

    def _join_practices(self, engineer: Person, discipline, squad: Unit):
        """Chapters (by discipline, within a tribe) and guilds (company-wide)."""
        rng = self.rng
        tribe = squad.parent if squad.type == "squad" and squad.parent.type == "tribe" else None
        if tribe is not None and discipline in ("backend", "frontend", "mobile", "qa"):
            chapters = self._chapters.get(id(tribe))
            if chapters is None:
                # About half the tribes run chapters.
                chapters = self._chapters[id(tribe)] = {} if rng.random() < 0.5 else False
            if chapters is not False:
                chapter = chapters.get(discipline)
                if chapter is None:
                    label = "QA" if discipline == "qa" else discipline.capitalize()
                    chapter = chapters[discipline] = self.unit(
                        f"{tribe.name} {label} Chapter", "chapter", "engineering", engineer, tribe
                    )
                    self._chapter_members[id(chapter)] = []
                self._chapter_members[id(chapter)].append(engineer)
                engineer.units = [chapter]
        if self.guilds and rng.random() < 0.03:
            guild = self.guilds[int(rng.random() * len(self.guilds))]
            if guild.lead is None:
                guild.lead = engineer
            engineer.units = (engineer.units or []) + [guild]

    def _dotted_line(self, person: Person, base_title: str):
        """Occasional matrix lines, where real companies draw them."""
        rng = self.rng
        if base_title == "Product Marketing Manager" and self.gpms and rng.random() < 0.35:
            person.dotted_to = [self.gpms[int(rng.random() * len(self.gpms))]]
        elif base_title in ("Data Scientist", "Product Analyst") and self.tribe_leads and rng.random() < 0.2:
            person.dotted_to = [self.tribe_leads[int(rng.random() * len(self.tribe_leads))]]
        elif base_title in ("HR Business Partner", "People Partner") and rng.random() < 0.4:
            person.dotted_to = [self.executives[int(rng.random() * len(self.executives))]]

    # ---- imperfections and final order -------------------------------------------------

    def _add_imperfections(self):
        """A handful of things real charts get wrong, in every big enough chart."""
        rng, n = self.rng, self.n
        squad_pms = [p for p in self.people if p.unit is not None and p.unit.type == "squad" and "Product" in p.title]
        if squad_pms and n >= 100:
            # One person doing both product jobs (R002).
            squad_pms[len(squad_pms) // 2].title = "Product Manager / Product Owner"
        support = [
            t
            for t in self.teams
            if isinstance(t.kind, Kind) and t.unit.function in ("support", "customer-success", "sales") and t.size >= 2
        ]
        if support and n >= 1000:
            # A person entered twice (S011): a rehire kept under a second id, typed in by hand
            # without the e-mail that would tell two namesakes apart.
            team = support[len(support) // 3]
            members = [p for p in team.manager.reports or () if p.unit is team.unit]
            if len(members) >= 2:
                original, copy = members[0], members[1]
                copy.name, copy.title = original.name, original.title
                copy.id = self._person_id(original.id.rstrip("0123456789"))
                copy.has_email = False
        if len(self.products) >= 2 and n >= 1000:
            self.products[-1].metrics = []  # G007
        if n >= 100:
            # A contractor with no company e-mail: not a finding, but real.
            self.people[int(rng.random() * len(self.people))].has_email = False

    def _order_people(self):
        """Children lists, then people in top-down order (each manager before
        their reports), which is how a hand-kept chart reads; units likewise
        (each parent before its children)."""
        children: dict[int, list[Unit]] = {}
        unit_roots = []
        for u in self.units:
            if u.parent is None:
                unit_roots.append(u)
            else:
                children.setdefault(id(u.parent), []).append(u)
        ordered_units, unit_stack = [], unit_roots[::-1]
        while unit_stack:
            u = unit_stack.pop()
            ordered_units.append(u)
            unit_stack.extend(reversed(children.get(id(u), ())))
        self.units = ordered_units

        roots = []
        for p in self.people:
            if p.boss is None:
                roots.append(p)
            elif p.boss.reports is None:
                p.boss.reports = [p]
            else:
                p.boss.reports.append(p)
        ordered, stack = [], roots[::-1]
        while stack:
            p = stack.pop()
            ordered.append(p)
            if p.reports:
                stack.extend(reversed(p.reports))
        self.people = ordered


_REGION_CUM = list(_weighted(zip(REGIONS, REGION_WEIGHTS, strict=False))[1])
_SQUAD_DISCIPLINE_TABLE = _weighted(((d, titles), w) for d, w, titles in SQUAD_DISCIPLINES)
_PM_TITLE_TABLE = _weighted(PM_TITLES)


class _TooSmall(Exception):
    """The company plan left no room for individual contributors."""


def build_org(n: int, seed: int = 0, clean: bool = False) -> OrgBuilder:
    """The chart as linked objects (see generate_org for plain data)."""
    try:
        return OrgBuilder(n, seed, clean).build()
    except _TooSmall:
        # Departments and squads did not fit in n people: a founding team does.
        builder = OrgBuilder(n, seed, clean)
        builder._build_founding_team()
        builder._order_people()
        return builder


# --------------------------------------------------------------------------------------
# Output: plain data, and YAML text written by hand


def generate_org(n: int, seed: int = 0, clean: bool = False) -> dict:
    """The chart as the YAML written by write_org loads (list form, with ids)."""
    return _as_data(build_org(n, seed, clean))


def _as_data(org: OrgBuilder) -> dict:
    products = [
        {"id": p.id, "name": p.name, **({"owner": p.owner.id} if p.owner else {}), "metrics": list(p.metrics)}
        for p in org.products
    ]
    units = []
    for u in org.units:
        entry = {"id": u.id, "name": u.name, "type": u.type}
        if u.function is not None:
            entry["function"] = u.function
        if u.lead is not None:
            entry["lead"] = u.lead.id
        if u.parent is not None:
            entry["parent"] = u.parent.id
        if u.products is not None:
            entry["products"] = [p.id for p in u.products]
        units.append(entry)
    people = []
    for p in org.people:
        entry = {"id": p.id, "name": p.name, "title": p.title}
        if p.has_email:
            entry["email"] = f"{p.id}@{org.domain}"
        entry["reports_to"] = p.boss.id if p.boss is not None else None
        if p.unit is not None:
            entry["unit"] = p.unit.id
        if p.units:
            entry["units"] = [u.id for u in p.units]
        if p.dotted_to:
            entry["dotted_to"] = [d.id for d in p.dotted_to]
        people.append(entry)
    return {
        "orglint": FORMAT_VERSION,
        "org": {"name": org.company, "strategy": org.strategy},
        "products": products,
        "units": units,
        "people": people,
    }


def yaml_str(text: str) -> str:
    """text as a YAML double-quoted scalar. Text with nothing to escape is
    wrapped as-is (fast path); anything else goes through json.dumps, whose
    ASCII output (\\uXXXX escapes) is valid YAML."""
    if text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    return json.dumps(text)


def _flow_ids(items) -> str:
    # Ids of people, units and products are slugs ([a-z0-9.-]): nothing to escape.
    return "[" + ", ".join(f'"{item.id}"' for item in items) + "]"


def _header(org: OrgBuilder, what: str) -> str:
    return (
        f"# Synthetic org chart from benchmarks/generate.py "
        f"({len(org.people)} people, seed {org.seed}){what}.\n"
        f"orglint: {FORMAT_VERSION}\n"
    )


def _org_sections(org: OrgBuilder) -> str:
    out = [f"org:\n  name: {yaml_str(org.company)}\n  strategy: {yaml_str(org.strategy)}\n"]
    out.append("products:\n" if org.products else "products: []\n")
    for p in org.products:
        out.append(f'  - id: "{p.id}"\n    name: {yaml_str(p.name)}\n')
        if p.owner is not None:
            out.append(f'    owner: "{p.owner.id}"\n')
        out.append("    metrics: [" + ", ".join(yaml_str(m) for m in p.metrics) + "]\n")
    out.append("units:\n" if org.units else "units: []\n")
    for u in org.units:
        out.append(f'  - id: "{u.id}"\n    name: {yaml_str(u.name)}\n    type: "{u.type}"\n')
        if u.function is not None:
            out.append(f'    function: "{u.function}"\n')
        if u.lead is not None:
            out.append(f'    lead: "{u.lead.id}"\n')
        if u.parent is not None:
            out.append(f'    parent: "{u.parent.id}"\n')
        if u.products is not None:
            out.append(f"    products: {_flow_ids(u.products)}\n")
    return "".join(out)


def _write_people(out, people, domain: str) -> None:
    """Stream people entries to the text file out, in blocks."""
    titles: dict[str, str] = {}  # a few thousand distinct titles: quote each once
    block = []
    append = block.append
    for p in people:
        title = titles.get(p.title)
        if title is None:
            title = titles[p.title] = yaml_str(p.title)
        pid = p.id
        text = f'  - id: "{pid}"\n    name: {yaml_str(p.name)}\n    title: {title}\n'
        if p.has_email:
            text += f'    email: "{pid}@{domain}"\n'
        boss = p.boss
        text += "    reports_to: null\n" if boss is None else f'    reports_to: "{boss.id}"\n'
        if p.unit is not None:
            text += f'    unit: "{p.unit.id}"\n'
        if p.units:
            text += f"    units: {_flow_ids(p.units)}\n"
        if p.dotted_to:
            text += f"    dotted_to: {_flow_ids(p.dotted_to)}\n"
        append(text)
        if len(block) >= 20000:
            out.write("".join(block))
            block.clear()
    out.write("".join(block))


def _write_atomically(path: Path, write) -> None:
    """write(file) into a temporary file next to path, then rename it over
    path: an interrupted run never leaves a truncated chart behind."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as out:
            write(out)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def write_org(n: int, path, seed: int = 0, files: int = 1, clean: bool = False, org: OrgBuilder | None = None) -> list[Path]:
    """Write the chart of n people to path, or with files > 1 to the directory
    path as files files: org.yaml (org, products, units and the first people)
    and people-NNN.yaml with the rest of the people. Returns the files written."""
    org = org or build_org(n, seed, clean)
    path = Path(path)
    if files <= 1:

        def write(out):
            out.write(_header(org, ""))
            out.write(_org_sections(org))
            out.write("people:\n")
            _write_people(out, org.people, org.domain)

        _write_atomically(path, write)
        return [path]

    if path.exists() and not path.is_dir():
        raise FileExistsError(f"{path} exists and is not a directory")
    path.mkdir(parents=True, exist_ok=True)
    width = max(3, len(str(files)))
    names = ["org.yaml"] + [f"people-{i:0{width}d}.yaml" for i in range(2, files + 1)]
    for stale in path.glob("people-*.yaml"):  # left by an earlier run with more files
        if stale.name not in names:
            stale.unlink()
    base, extra = divmod(len(org.people), files)
    start, written = 0, []
    for i, name in enumerate(names):
        chunk = org.people[start : start + base + (i < extra)]
        start += len(chunk)

        def write(out, i=i, chunk=chunk):
            out.write(_header(org, f", part {i + 1} of {files}"))
            if i == 0:
                out.write(_org_sections(org))
            out.write("people:\n" if chunk else "people: []\n")
            _write_people(out, chunk, org.domain)

        _write_atomically(path / name, write)
        written.append(path / name)
    return written


STYLES = ("own", "safe-dump", "convert")


def restyle(paths: list[Path], style: str) -> None:
    """Rewrite each chart file in another common way of writing YAML (the same data):

    - ``own``: as written above (flow lists, one field per line, quoted where needed);
    - ``safe-dump``: as ``yaml.safe_dump`` writes it (PyYAML's default block style: lists at
      the key's own indentation, ``metrics:`` and ``units:`` as block lists, its own quoting);
    - ``convert``: as ``orglint convert`` writes it.
    """
    if style == "own":
        return
    if style not in STYLES:
        raise ValueError(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    for path in paths:
        if style == "safe-dump":
            import yaml

            data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
            text = yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True)
            _write_atomically(path, lambda out, text=text: out.write(text))
        else:
            converted = path.with_name(path.name + ".converted")
            subprocess.run(
                [sys.executable, "-m", "orglint", "convert", str(path), "-o", str(converted), "--force"],
                check=True,
                capture_output=True,
            )
            os.replace(converted, path)


def chart_depth(org: OrgBuilder) -> int:
    """Levels in the reporting tree (the CEO alone is 1). People are in
    top-down order, so each manager's depth is known before their reports'."""
    depth = {}
    for p in org.people:
        depth[id(p)] = 1 if p.boss is None else depth[id(p.boss)] + 1
    return max(depth.values(), default=0)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Generate a realistic synthetic org chart in orglint's format v1.")
    parser.add_argument("n", type=int, help="number of people (at least 1)")
    parser.add_argument("-o", "--output", required=True, help="the YAML file to write (a directory with --files K > 1)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--files", type=int, default=1, metavar="K", help="split into K files in the directory OUTPUT")
    parser.add_argument("--clean", action="store_true", help="leave out the deliberate imperfections")
    parser.add_argument("--style", choices=STYLES, default="own", help="how the YAML is written (default own; see restyle)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    args = parser.parse_args(argv)
    if args.n < 1 or args.files < 1:
        parser.error("n and --files must be at least 1")
    started = time.perf_counter()
    org = build_org(args.n, args.seed, args.clean)
    written = write_org(args.n, args.output, files=args.files, org=org)
    restyle(written, args.style)
    if not args.quiet:
        size = sum(f.stat().st_size for f in written)
        print(
            f"wrote {args.n:,} people, {len(org.units):,} units, {len(org.products)} products, "
            f"depth {chart_depth(org)} to {args.output} ({len(written)} file(s), "
            f"{size / 1e6:.1f} MB) in {time.perf_counter() - started:.2f} s",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
