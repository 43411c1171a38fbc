"""Importer for HR exports in CSV (BambooHR, Workday, Google Workspace, HiBob, spreadsheets).

Every ``*.csv`` file is one table with a header row; each data row is a
person. Columns are recognised by their header, ignoring case, spaces,
underscores, punctuation and bracketed notes (``Email Address [Required]``):

=========== ===============================================================
field       headers (first match wins, in this order)
=========== ===============================================================
id          Employee ID, Employee Number (Employee #), Worker ID, Person ID,
            Staff ID, Emp ID, User ID, ID
name        Full Name, Display Name, Name, Employee Name, Worker, Legal Name;
            else Preferred Name or First Name (Given Name) + Last Name
            (Family Name, Surname)
title       Job Title, Business Title, Employee Title, Position Title, Title,
            Position, Job Profile, Role
manager     Manager ID, Supervisor ID, Boss ID, Reports To ID, Manager Email,
            Supervisor Email, Reports To, Reporting To, Manager, Line Manager,
            Supervisor, Manager Name, Supervisor Name
department  Department, Dept, Team, Division, Org Unit, Supervisory
            Organization, Cost Center
email       Email, Work Email, Email Address, Business Email, Primary Email
=========== ===============================================================

``--map field=COLUMN`` names a column explicitly (``--map manager="Supervisor
Name"``); ``--map field=`` ignores that field. Columns that map to no field
are not imported (HR exports often hold personal data the chart does not need).

- Ids: without an id column (or with an empty id cell), a person's id is
  their email, else a slug of their name (``Ada Byron`` -> ``ada-byron``, then
  ``ada-byron-2`` for a second Ada Byron).
- Managers: the manager cell is resolved against all people of all CSV files,
  first as an id, then as an email (case-insensitive), then as a name
  (case-insensitive; ``Doe, Jane`` also matches ``Jane Doe``). A name shared by
  several people is an error (use an id column). A value that matches nobody is
  kept as written, so S002 reports the unknown manager. A blank manager, the
  person themself, ``null``, ``none``, ``n/a`` or ``-`` mean "top of the chart".
- Departments become units of type ``department``: id = a slug of the name,
  the name as written, the function read from the name
  (``orglint.titles.function_of_name``), and as lead the member whose title
  reads as the head of that function (``orglint.importers.leads``: "VP of
  Product" for Product; a Senior Director above the Directors). When no title
  says so, or several peers do, the lead stays unset (S008 then asks for one):
  the member highest in the chain may be an engineer or an assistant when the
  export covers part of a company.
- Delimiter: ``,``, ``;``, tab or ``|``, detected from the header row. A UTF-8
  byte-order mark, quoted fields and line breaks inside quotes are handled.
- Locations: line = the physical line where the row starts; column = the
  character column where the cell starts. Messages name the spreadsheet row
  (the header is row 1) and the column's header: ``row 12, column 'Manager ID'``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from orglint.loader import SourceFile, paused_gc
from orglint.model import Org, Person, Unit
from orglint.problems import input_problem
from orglint.rule import Finding, Severity

# Field -> normalised header names, in priority order.
HEADERS: dict[str, tuple[str, ...]] = {
    "id": (
        "employeeid",
        "employeenumber",
        "employeeno",
        "workerid",
        "personid",
        "staffid",
        "staffnumber",
        "empid",
        "empno",
        "employeecode",
        "personnelnumber",
        "personnumber",
        "userid",
        "id",
    ),
    "email": (
        "workemail",
        "email",
        "emailaddress",
        "workemailaddress",
        "businessemail",
        "primaryemail",
        "primaryworkemail",
        "emailprimarywork",
        "emailwork",
        "companyemail",
        "corporateemail",
        "mail",
    ),
    "name": (
        "fullname",
        "displayname",
        "name",
        "employeename",
        "employeefullname",
        "workername",
        "worker",
        "personname",
        "legalname",
        "preferredfullname",
    ),
    "preferred-name": ("preferredname", "preferredfirstname", "nickname"),
    "first-name": ("firstname", "givenname", "forename", "first", "legalfirstname"),
    "last-name": ("lastname", "familyname", "surname", "last", "legallastname"),
    "title": (
        "jobtitle",
        "businesstitle",
        "employeetitle",
        "positiontitle",
        "title",
        "position",
        "jobprofile",
        "jobrole",
        "role",
        "designation",
        "job",
    ),
    "manager": (
        "managerid",
        "supervisorid",
        "bossid",
        "reportstoid",
        "manageremployeeid",
        "manageremployeenumber",
        "managernumber",
        "linemanagerid",
        "supervisoremployeeid",
        "managerworkerid",
        "manageremail",
        "supervisoremail",
        "linemanageremail",
        "bossemail",
        "reportstoemail",
        "managerworkemail",
        "reportsto",
        "reportingto",
        "manager",
        "linemanager",
        "supervisor",
        "managername",
        "supervisorname",
        "linemanagername",
        "managerfullname",
        "reportingmanager",
        "directmanager",
        "boss",
    ),
    "department": (
        "department",
        "departmentname",
        "dept",
        "team",
        "teamname",
        "division",
        "orgunit",
        "organizationalunit",
        "organisationalunit",
        "organizationunit",
        "supervisoryorganization",
        "costcenter",
        "costcentre",
        "costcentername",
        "costcentrename",
    ),
}
FIELDS = tuple(HEADERS)
# What each field is called in messages ("no column for person ids ...").
_FIELD_WORDS = {"id": "ids", "name": "names", "manager": "managers", "department": "departments"}
# Spellings accepted on the left of --map.
_FIELD_ALIASES = {
    "id": "id",
    "email": "email",
    "name": "name",
    "fullname": "name",
    "preferredname": "preferred-name",
    "firstname": "first-name",
    "givenname": "first-name",
    "lastname": "last-name",
    "familyname": "last-name",
    "surname": "last-name",
    "title": "title",
    "jobtitle": "title",
    "manager": "manager",
    "reportsto": "manager",
    "department": "department",
    "unit": "department",
    "team": "department",
}
NO_MANAGER = frozenset({"", "null", "none", "n/a", "na", "-", "--", "—", "nil", "(none)", "no manager"})
DELIMITERS = (",", ";", "\t", "|")


def parse_column_map(values: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["manager=Supervisor Name"]`` -> ``{"manager": "Supervisor Name"}``; ValueError naming the bad entry."""
    mapping: dict[str, str] = {}
    for value in values:
        if "=" not in value:
            raise ValueError(f'--map {value!r}: expected FIELD=COLUMN, e.g. --map manager="Supervisor Name"')
        raw_field, column = value.split("=", 1)
        field_name = _FIELD_ALIASES.get(normalize_header(raw_field))
        if field_name is None:
            raise ValueError(f"--map {value!r}: unknown field '{raw_field.strip()}' (fields: {', '.join(FIELDS)})")
        mapping[field_name] = column.strip().strip('"').strip("'")
    return mapping


def normalize_header(header: str) -> str:
    """``"Employee ID"``, ``"employee_id"``, ``"EMPLOYEE-ID"`` -> ``"employeeid"``; ``#`` reads as "number"."""
    text = unicodedata.normalize("NFKC", header).replace("\ufeff", "").casefold().replace("#", "number")
    return re.sub(r"[\W_]+", "", text)


def _header_forms(header: str) -> tuple[str, ...]:
    """The header normalised as written and without bracketed notes (``Email [Required]``)."""
    full = normalize_header(header)
    bare = normalize_header(re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", header))
    return (full, bare) if bare and bare != full else (full,)


def slug(text: str) -> str:
    """``"Product Management"`` -> ``"product-management"`` (letters and digits of any script kept)."""
    value = re.sub(r"[\W_]+", "-", unicodedata.normalize("NFKC", text).casefold()).strip("-")
    return value or text.strip()


def _match_key(text: str) -> str:
    """Names and emails compared case-insensitively with spaces collapsed."""
    return " ".join(text.casefold().split())


# --- reading one file ------------------------------------------------------------------------


@dataclass
class _Row:
    """A data row, read but not yet resolved."""

    source: _Table
    number: int  # spreadsheet row number: the header is row 1
    line: int  # physical line where the row starts
    end_line: int
    cells: list[str]
    id: str
    name: str | None
    title: str | None
    email: str | None
    department: str | None
    manager: str | None
    name_field: str | None  # the field that gave the name (for its location)
    id_field: str | None


@dataclass
class _Table:
    """One CSV file: its columns and rows."""

    source: SourceFile
    delimiter: str
    header: list[str]
    columns: dict[str, int] = field(default_factory=dict)  # field -> column index
    physical: list[str] = field(default_factory=list)  # physical lines, with their endings
    row_lines: list[int] = field(default_factory=list)  # first physical line of each record (header first)
    row_ends: list[int] = field(default_factory=list)  # last physical line of each record
    row_numbers: list[int] = field(default_factory=list)  # spreadsheet row of each record (blank lines count)

    @property
    def path(self) -> str:
        return self.source.path

    def header_of(self, field_name: str) -> str:
        return self.header[self.columns[field_name]]

    def positions(self, line: int, cells: list[str] | None = None) -> list[tuple[int, int]]:
        """(line offset, column) of each cell of the row starting at ``line``.

        The common case, a one-line row without quotes or padding, is computed
        from the cells' lengths; anything else is scanned.
        """
        text = self.physical[line - 1] if line - 1 < len(self.physical) else ""
        if cells is not None and '"' not in text and self.delimiter.join(cells) == text.rstrip("\r\n"):
            positions, column = [], 1
            for cell in cells:
                positions.append((0, column))
                column += len(cell) + len(self.delimiter)
            return positions
        return _cell_positions(self.physical, line - 1, self.delimiter)

    def cell_position(self, line: int, index: int) -> tuple[int, int]:
        """(line, column) where cell ``index`` of the row starting at ``line`` begins."""
        positions = self.positions(line)
        if index < len(positions):
            offset, column = positions[index]
            return line + offset, column
        return line, 1


def _detect_delimiter(text: str) -> str:
    """The candidate delimiter that occurs most often, outside quotes, in the header row."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in text[:65536]:
        if char == '"':
            quoted = not quoted
        elif not quoted:
            if char in "\r\n":
                if any(counts.values()):
                    break
                continue
            if char in counts:
                counts[char] += 1
    best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _cell_positions(physical: list[str], start: int, delimiter: str) -> list[tuple[int, int]]:
    """(line offset from the row's first line, 1-based column) of each cell of the row at ``start``."""
    return _scan(physical, start, delimiter)[0]


def _scan(physical: list[str], start: int, delimiter: str) -> tuple[list[tuple[int, int]], tuple[int, int] | None]:
    """The cell positions of the row at ``start``, and where a quote that is never closed opens (else None).

    A small scanner with the csv module's default dialect: quotes open a cell
    only at its start, doubled quotes escape, line breaks inside quotes continue
    the row on the next physical line; leading spaces are skipped like
    ``skipinitialspace``.
    """
    positions: list[tuple[int, int]] = []
    offset = 0
    at_cell_start = True
    quoted = False
    opened = (0, 1)
    line_index = start
    while line_index < len(physical):
        text = physical[line_index]
        column = 0
        while column < len(text):
            char = text[column]
            if at_cell_start:
                if char == " ":
                    column += 1
                    continue
                positions.append((offset, column + 1))
                at_cell_start = False
                if char == '"':
                    quoted = True
                    opened = (offset, column + 1)
                    column += 1
                    continue
            if quoted:
                if char == '"':
                    if column + 1 < len(text) and text[column + 1] == '"':
                        column += 2
                        continue
                    quoted = False
            elif char == delimiter:
                at_cell_start = True
            elif char in "\r\n":
                if at_cell_start:
                    positions.append((offset, column + 1))
                return positions, None
            column += 1
        if not quoted:
            if at_cell_start:
                positions.append((offset, len(text.rstrip("\r\n")) + 1))
            return positions, None
        line_index += 1
        offset += 1
    return positions, (opened if quoted else None)


class _FileReader:
    """Reads one CSV source into rows, reporting what cannot be read."""

    def __init__(self, source: SourceFile, column_map: Mapping[str, str], problems: list[Finding]):
        self.source = source
        self.column_map = column_map
        self.problems = problems

    def problem(self, message: str, line: int = 1, column: int = 1, *, code: str = "E013", severity=Severity.ERROR) -> None:
        self.problems.append(input_problem(code, message, self.source.path, line, column, severity=severity))

    def read(self) -> tuple[_Table | None, list[list[str]]]:
        text = self.source.text.lstrip("\ufeff")
        delimiter = _detect_delimiter(text)
        physical: list[str] = []

        def lines() -> Iterator[str]:
            for physical_line in io.StringIO(text, newline=""):
                physical.append(physical_line)
                yield physical_line

        reader = csv.reader(lines(), delimiter=delimiter, skipinitialspace=True, strict=False)
        records: list[list[str]] = []
        row_lines: list[int] = []
        row_ends: list[int] = []
        row_numbers: list[int] = []
        failed = False
        previous = 0
        try:
            for number, record in enumerate(reader, start=1):
                start = previous + 1
                previous = reader.line_num
                if not record or all(not cell.strip() for cell in record):
                    continue
                records.append(record)
                row_lines.append(start)
                row_ends.append(previous)
                row_numbers.append(number)
        except csv.Error as error:
            failed = True
            self.problem(f"cannot read the CSV from line {previous + 1} on: {error}", previous + 1)
        if row_ends and row_ends[-1] > row_lines[-1] and row_ends[-1] == len(physical):
            # The last row runs to the end of the file over several lines: was a quote left open?
            _positions, opened = _scan(physical, row_lines[-1] - 1, delimiter)
            if opened is not None:
                line, column = row_lines[-1] + opened[0], opened[1]
                self.problem(
                    f"row {row_numbers[-1]}: a quote opened here is never closed, so the rest of the file was read as one cell",
                    line,
                    column,
                )
        if not records:
            self.problem(f"{self.source.path} holds no header row", code="E010")
            return None, []
        header = [cell.strip().lstrip("\ufeff") for cell in records[0]]
        table = _Table(
            self.source,
            delimiter,
            header,
            physical=physical,
            row_lines=row_lines,
            row_ends=row_ends,
            row_numbers=row_numbers,
        )
        if not self.choose_columns(table):
            return None, []
        if len(records) == 1 and not failed:
            self.problem(f"{self.source.path} has a header row but no data rows", row_lines[0], code="E010")
            return None, []
        return table, records[1:]

    def choose_columns(self, table: _Table) -> bool:
        """Assign a column to each field; False when people cannot be identified at all."""
        forms = [_header_forms(header) for header in table.header]
        taken: set[int] = set()
        for field_name, column_name in self.column_map.items():
            if not column_name:
                continue  # `--map field=`: the field is not imported
            index = self.find_column(table, column_name, forms)
            if index is None:
                self.problem(
                    f"--map {field_name}={column_name!r}: the header has no column '{column_name}' "
                    f"(columns: {self.listing(table)})",
                    table.row_lines[0],
                )
                continue
            table.columns[field_name] = index
            taken.add(index)
        for field_name in FIELDS:
            if field_name in self.column_map:
                continue
            for wanted in HEADERS[field_name]:
                index = next((i for i, names in enumerate(forms) if i not in taken and table.header[i] and wanted in names), None)
                if index is not None:
                    table.columns[field_name] = index
                    taken.add(index)
                    break
        has_name = any(name in table.columns for name in ("name", "first-name", "last-name", "preferred-name"))
        if "id" not in table.columns and "email" not in table.columns and not has_name:
            self.problem(
                "found no column that identifies people (an id such as 'Employee ID', an email or a name); "
                f"the header has: {self.listing(table)}; name the columns with --map id=COLUMN --map name=COLUMN",
                table.row_lines[0],
            )
            return False
        if not has_name:
            self.problem(
                f"found no name column (such as 'Name' or 'First Name' + 'Last Name'); people are shown by id; "
                f"the header has: {self.listing(table)}; name it with --map name=COLUMN",
                table.row_lines[0],
                severity=Severity.WARNING,
            )
        return True

    @staticmethod
    def find_column(table: _Table, wanted: str, forms: list[tuple[str, ...]]) -> int | None:
        for index, header in enumerate(table.header):
            if header == wanted.strip():
                return index
        normalised = normalize_header(wanted)
        for index, names in enumerate(forms):
            if normalised and normalised in names:
                return index
        return None

    @staticmethod
    def listing(table: _Table) -> str:
        return ", ".join(f"'{header}'" for header in table.header if header) or "no named columns"


# --- the importer ----------------------------------------------------------------------------


class _Importer:
    """Reads every CSV source, then resolves managers and departments across all of them."""

    def __init__(self, org: Org, problems: list[Finding], column_map: Mapping[str, str]):
        self.org = org
        self.problems = problems
        self.column_map = column_map
        self.rows: list[_Row] = []
        self.slug_ids: dict[str, int] = {}
        self.unit_ids: dict[str, str] = {}  # department name -> unit id
        self.by_email: dict[str, str] | None = None
        self.by_name: dict[str, list[str]] | None = None

    def problem(
        self, table: _Table, row_line: int, field_name: str | None, message: str, *, severity=Severity.ERROR, subject: str = ""
    ) -> None:
        if field_name is not None and field_name in table.columns:
            line, column = table.cell_position(row_line, table.columns[field_name])
        else:
            line, column = row_line, 1
        self.problems.append(input_problem("E013", message, table.path, line, column, severity=severity, subject=subject))

    def read(self, source: SourceFile) -> None:
        table, records = _FileReader(source, self.column_map, self.problems).read()
        if table is None:
            return
        width = len(table.header)
        used = max(table.columns.values(), default=-1) + 1
        for record, line, end_line, number in zip(
            records, table.row_lines[1:], table.row_ends[1:], table.row_numbers[1:], strict=False
        ):
            if len(record) < width and len(record) < used:
                self.problem(
                    table,
                    line,
                    None,
                    f"row {number} has {len(record)} fields but the header has {width} "
                    "(a line break or a delimiter inside an unquoted cell?)",
                )
            elif len(record) > width and any(cell.strip() for cell in record[width:]):
                self.problem(
                    table,
                    line,
                    None,
                    f"row {number} has {len(record)} fields but the header has {width}; the extra fields are ignored",
                    severity=Severity.WARNING,
                )
            row = self.row(table, number, line, max(line, end_line), record)
            if row is not None:
                self.rows.append(row)

    def row(self, table: _Table, number: int, line: int, end_line: int, record: list[str]) -> _Row | None:
        width = len(record)
        values: dict[str, str] = {}
        for field_name, index in table.columns.items():
            if index < width:
                value = record[index].strip()
                if value:
                    if "\n" in value or "\r" in value or "\t" in value or "  " in value:
                        value = " ".join(value.split())  # line breaks and runs of spaces inside a cell
                    values[field_name] = value
        cell = values.get

        name, name_field = cell("name"), "name"
        if name is None:
            first = cell("preferred-name") or cell("first-name")
            name_field = "preferred-name" if cell("preferred-name") else "first-name"
            last = cell("last-name")
            if first and last and not _match_key(first).endswith(_match_key(last)):
                name = f"{first} {last}"
            else:
                name = first or last
            if first is None:
                name_field = "last-name"
        email = cell("email")
        given_id = cell("id")
        person_id, id_field = given_id, "id"
        if person_id is None:
            if email:
                person_id, id_field = email, "email"
            elif name:
                person_id, id_field = self.name_slug(name), name_field
            else:
                self.problem(table, line, "id", f"row {number} has no id, email or name; it is skipped")
                return None
            if "id" in table.columns:
                self.problem(
                    table,
                    line,
                    "id",
                    f"row {number}, column '{table.header_of('id')}': empty; "
                    f"the person is given the id '{person_id}' from their {'email' if id_field == 'email' else 'name'}",
                    severity=Severity.WARNING,
                    subject=f"people.{person_id}",
                )
        return _Row(
            source=table,
            number=number,
            line=line,
            end_line=end_line,
            cells=record,
            id=person_id,
            name=name,
            title=cell("title"),
            email=email,
            department=cell("department"),
            manager=cell("manager"),
            name_field=name_field if name else None,
            id_field=id_field,
        )

    def unit_id(self, department: str) -> str:
        unit_id = self.unit_ids.get(department)
        if unit_id is None:
            unit_id = self.unit_ids[department] = slug(department)
        return unit_id

    def name_slug(self, name: str) -> str:
        base = slug(name)
        count = self.slug_ids.get(base, 0) + 1
        self.slug_ids[base] = count
        return base if count == 1 else f"{base}-{count}"

    # -- resolving ------------------------------------------------------------------------

    def build(self) -> None:
        ids: set[str] = {row.id for row in self.rows}
        managers: list[str | None] = []
        for row in self.rows:
            value = row.manager
            if value is None or value == row.id:
                managers.append(None)  # no manager, or the top of the chart named as their own manager
            elif value in ids:
                managers.append(value)
            else:
                managers.append(self.manager_of(row, ids))
        units = self.departments()
        people = [self.person(row, manager, units) for row, manager in zip(self.rows, managers, strict=False)]
        self.set_leads(people, units)
        for unit in units.values():
            self.org.add(unit)
        for person in people:
            self.org.add(person)

    def indexes(self) -> tuple[dict[str, str], dict[str, list[str]]]:
        """Match key of each email -> person id, and of each name -> person ids (built when first needed)."""
        if self.by_email is None or self.by_name is None:
            self.by_email, self.by_name = {}, {}
            for row in self.rows:
                if row.email:
                    self.by_email.setdefault(_match_key(row.email), row.id)
                if row.name:
                    bucket = self.by_name.setdefault(_match_key(row.name), [])
                    if row.id not in bucket:
                        bucket.append(row.id)
        return self.by_email, self.by_name

    def manager_of(self, row: _Row, ids: set[str]) -> str | None:
        """A manager cell that is not an id: a "none" word, the person themself, an email, a name, or unknown."""
        value = row.manager
        assert value is not None
        key = _match_key(value)
        if key in NO_MANAGER:
            return None
        if key in {row.id.casefold()} | {_match_key(v) for v in (row.email, row.name) if v}:
            return None  # the top of the chart named as their own manager
        by_email, by_name = self.indexes()
        if key in by_email:
            return by_email[key]
        candidates = by_name.get(key)
        if candidates is None and value.count(",") == 1:
            last, first = (part.strip() for part in value.split(","))
            candidates = by_name.get(_match_key(f"{first} {last}"))
        if candidates is None:
            return value  # unknown: kept, so that S002 reports it with a suggestion
        if len(candidates) > 1:
            header = row.source.header_of("manager")
            self.problem(
                row.source,
                row.line,
                "manager",
                f"row {row.number}, column '{header}': manager '{value}' matches {len(candidates)} people "
                f"({', '.join(candidates)}); add a manager id column so the reporting line is not a guess",
                subject=f"people.{row.id}",
            )
            return None
        return candidates[0]

    def departments(self) -> dict[str, Unit]:
        from orglint.titles import function_of_name

        units: dict[str, Unit] = {}
        for row in self.rows:
            if row.department is None:
                continue
            unit_id = self.unit_id(row.department)
            if unit_id in units:
                continue
            table = row.source
            line, column = table.cell_position(row.line, table.columns["department"])
            unit = Unit(
                unit_id,
                name=row.department,
                type="department",
                function=function_of_name(row.department),
                file=table.path,
                line=line,
                column=column,
            )
            unit.spans = {"name": (line, column)}
            units[unit_id] = unit
        return units

    def person(self, row: _Row, manager: str | None, units: dict[str, Unit]) -> Person:
        table = row.source
        person = Person(
            row.id,
            name=row.name,
            title=row.title,
            reports_to=manager,
            unit=self.unit_id(row.department) if row.department else None,
            email=row.email,
            file=table.path,
            line=row.line,
            column=1,
            end_line=row.end_line,
        )
        person.spans = _RowSpans(row)  # computed when a finding needs them
        return person

    def set_leads(self, people: list[Person], units: dict[str, Unit]) -> None:
        """Each department's lead, read from its members' titles; unset when they do not name one head."""
        from orglint.importers.leads import infer_leads

        infer_leads(units, people)


# Person field -> the CSV field it was read from (name and id: see _Row.name_field / id_field).
_SPAN_FIELDS = (("title", "title"), ("email", "email"), ("reports_to", "manager"), ("unit", "department"))


class _RowSpans(Mapping):
    """A person's field locations (line, column), worked out from the CSV row only when first asked for.

    Findings need the locations of a few people; scanning every row of a large
    export for cell columns up front would cost more than the whole lint.
    """

    __slots__ = ("_row", "_spans")

    def __init__(self, row: _Row):
        self._row = row
        self._spans: dict[str, tuple[int, int]] | None = None

    def _computed(self) -> dict[str, tuple[int, int]]:
        if self._spans is None:
            row = self._row
            table = row.source
            positions = table.positions(row.line, row.cells)
            spans: dict[str, tuple[int, int]] = {}
            for field_name, source_field in (("id", row.id_field), ("name", row.name_field), *_SPAN_FIELDS):
                index = table.columns.get(source_field) if source_field else None
                if index is not None and index < len(positions) and index < len(row.cells) and row.cells[index].strip():
                    offset, column = positions[index]
                    spans[field_name] = (row.line + offset, column)
            self._spans = spans
        return self._spans

    def __getitem__(self, key: str) -> tuple[int, int]:
        return self._computed()[key]

    def __iter__(self):
        return iter(self._computed())

    def __len__(self) -> int:
        return len(self._computed())


def build(org: Org, sources: list[SourceFile], problems: list[Finding], options: object = None) -> None:
    """Read every CSV source into ``org``: people, and their departments as units."""
    column_map = getattr(options, "column_map", None) or {}
    importer = _Importer(org, problems, column_map)
    # Rows, people and their indexes are many small objects that never form cycles.
    with paused_gc():
        for source in sources:
            importer.read(source)
        importer.build()
