"""A tiny, hand-written copy of the source layout: five occupations, enough to test importers.

O*NET tables are written in the tab-separated text edition (the importer must read either
edition by header name); BLS workbooks are written as .xlsx with the same sheet layouts as the
published files (title rows above the header, footnotes below).
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

OCCUPATIONS = [
    (
        "43-3011.00",
        "Bill and Account Collectors",
        "Locate and notify customers of delinquent accounts.",
    ),
    ("13-2072.00", "Loan Officers", "Evaluate, authorize, or recommend approval of loans."),
    ("33-9099.02", "Retail Loss Prevention Specialists", "Implement procedures to prevent theft."),
    ("15-1299.08", "Computer Systems Engineers/Architects", "Design computer systems."),
    ("55-1011.00", "Air Crew Officers", "Perform and direct in-flight duties."),
]
CODE = "O*NET-SOC Code"


def _tsv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    lines = ["\t".join(header)] + ["\t".join(str(v) for v in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> None:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)


def write_onet(onet: Path) -> None:
    onet.mkdir(parents=True)
    (onet / "Read Me.txt").write_text("O*NET 29.3 Database\nMay 2025 Release\n", encoding="utf-8")
    _tsv(
        onet / "Occupation Data.txt", [CODE, "Title", "Description"], [list(o) for o in OCCUPATIONS]
    )
    _tsv(
        onet / "Alternate Titles.txt",
        [CODE, "Title", "Alternate Title", "Short Title", "Source(s)"],
        [
            [
                "43-3011.00",
                "Bill and Account Collectors",
                "Medical Collections Specialist",
                "",
                "10",
            ],
            ["43-3011.00", "Bill and Account Collectors", "Collection Specialist", "", "02"],
            [
                "33-9099.02",
                "Retail Loss Prevention Specialists",
                "Loss Mitigation Specialist",
                "",
                "10",
            ],
            [
                "15-1299.08",
                "Computer Systems Engineers/Architects",
                "Systems Architect",
                "SA",
                "08",
            ],
        ],
    )
    _tsv(
        onet / "Sample of Reported Titles.txt",
        [CODE, "Title", "Reported Job Title", "Shown in My Next Move"],
        [
            ["13-2072.00", "Loan Officers", "Loan Workout Officer", "Y"],
        ],
    )
    _tsv(
        onet / "Task Statements.txt",
        [
            CODE,
            "Title",
            "Task ID",
            "Task",
            "Task Type",
            "Incumbents Responding",
            "Date",
            "Domain Source",
        ],
        [
            ["43-3011.00", "x", "1", "Contact debtors.", "Core", "90", "08/2023", "Incumbent"],
            ["43-3011.00", "x", "2", "File reports.", "Supplemental", "40", "08/2023", "Incumbent"],
        ],
    )
    rating_header = [
        CODE,
        "Title",
        "Element ID",
        "Element Name",
        "Scale ID",
        "Scale Name",
        "Data Value",
        "N",
        "Standard Error",
        "Lower CI Bound",
        "Upper CI Bound",
        "Recommend Suppress",
        "Not Relevant",
        "Date",
        "Domain Source",
    ]
    for name, element in (
        ("Skills", "Negotiation"),
        ("Knowledge", "Customer Service"),
        ("Work Styles", "Dependability"),
    ):
        _tsv(
            onet / f"{name}.txt",
            rating_header,
            [
                [
                    "43-3011.00",
                    "x",
                    "2.B.4.e",
                    element,
                    "IM",
                    "Importance",
                    "3.75",
                    "8",
                    "",
                    "",
                    "",
                    "N",
                    "",
                    "08/2023",
                    "Analyst",
                ],
                [
                    "43-3011.00",
                    "x",
                    "2.B.4.e",
                    element,
                    "LV",
                    "Level",
                    "3.5",
                    "8",
                    "",
                    "",
                    "",
                    "N",
                    "N",
                    "08/2023",
                    "Analyst",
                ],
            ],
        )
    _tsv(
        onet / "Technology Skills.txt",
        [
            CODE,
            "Title",
            "Example",
            "Commodity Code",
            "Commodity Title",
            "Hot Technology",
            "In Demand",
        ],
        [
            ["43-3011.00", "x", "Microsoft Excel", "43232110", "Spreadsheet software", "Y", "Y"],
            ["43-3011.00", "x", "FICO Debt Manager", "43232306", "Database software", "N", "N"],
        ],
    )
    _tsv(
        onet / "Education, Training, and Experience Categories.txt",
        [
            "Element ID",
            "Element Name",
            "Scale ID",
            "Scale Name",
            "Category",
            "Category Description",
        ],
        [
            ["2.D.1", "Required Level of Education", "RL", "x", "2", "High School Diploma"],
            ["2.D.1", "Required Level of Education", "RL", "x", "6", "Bachelor's Degree"],
        ],
    )
    _tsv(
        onet / "Education, Training, and Experience.txt",
        [
            CODE,
            "Title",
            "Element ID",
            "Element Name",
            "Scale ID",
            "Scale Name",
            "Category",
            "Data Value",
            "N",
            "Standard Error",
            "Lower CI Bound",
            "Upper CI Bound",
            "Recommend Suppress",
            "Date",
            "Domain Source",
        ],
        [
            [
                "43-3011.00",
                "x",
                "2.D.1",
                "x",
                "RL",
                "x",
                "2",
                "71.5",
                "20",
                "",
                "",
                "",
                "N",
                "",
                "",
            ],
            ["43-3011.00", "x", "2.D.1", "x", "RL", "x", "6", "9.1", "20", "", "", "", "Y", "", ""],
            ["43-3011.00", "x", "2.D.1", "x", "RL", "x", "7", "0.0", "20", "", "", "", "Y", "", ""],
        ],
    )
    _tsv(
        onet / "Job Zones.txt",
        [CODE, "Title", "Job Zone", "Date", "Domain Source"],
        [
            ["43-3011.00", "x", "2", "08/2023", "Analyst"],
            ["13-2072.00", "x", "4", "08/2023", "Analyst"],
        ],
    )
    _tsv(
        onet / "Job Zone Reference.txt",
        ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples", "SVP Range"],
        [
            ["2", "Job Zone Two: Some Preparation Needed", "Some", "High school", "Months", "", ""],
            [
                "4",
                "Job Zone Four: Considerable Preparation Needed",
                "A lot",
                "Bachelor's",
                "Years",
                "",
                "",
            ],
        ],
    )
    interest_header = [CODE, "Title", "Element ID", "Element Name", "Scale ID", "Data Value"]
    _tsv(
        onet / "Interests.txt",
        interest_header,
        [
            ["43-3011.00", "x", "1.B.1.a", "Realistic", "OI", "1.5"],
            ["43-3011.00", "x", "1.B.1.e", "Enterprising", "OI", "5.2"],
            ["43-3011.00", "x", "1.B.1.f", "Conventional", "OI", "6.1"],
            ["43-3011.00", "x", "1.B.1.g", "First Interest High-Point", "IH", "6.0"],
            ["43-3011.00", "x", "1.B.1.h", "Second Interest High-Point", "IH", "5.0"],
            ["43-3011.00", "x", "1.B.1.i", "Third Interest High-Point", "IH", "0.0"],
            ["99-9999.00", "x", "1.B.1.g", "First Interest High-Point", "IH", "1.0"],
        ],
    )
    _tsv(
        onet / "Interests Illustrative Activities.txt",
        ["Element ID", "Element Name", "Interest Type", "Activity"],
        [
            ["1.B.1.a", "Realistic", "General", "Build kitchen cabinets."],
            ["1.B.1.f", "Conventional", "General", "Keep shipping and receiving records."],
            ["1.B.3.a", "Mechanics/Electronics", "Basic", "Repair cars."],
        ],
    )
    _tsv(
        onet / "Work Values.txt",
        interest_header,
        [
            ["43-3011.00", "x", "1.B.2.e", "Support", "EX", "5.33"],
            ["43-3011.00", "x", "1.B.2.g", "First Work Value High-Point", "VH", "5.0"],
        ],
    )
    _tsv(
        onet / "Related Occupations.txt",
        [CODE, "Title", "Related O*NET-SOC Code", "Related Title", "Relatedness Tier", "Index"],
        [
            ["43-3011.00", "x", "13-2072.00", "Loan Officers", "Primary-Short", "1"],
            ["43-3011.00", "x", "99-9999.00", "Not in this release", "Primary-Short", "2"],
        ],
    )


def write_oews(oews: Path) -> None:
    oews.mkdir(parents=True)
    _tsv(
        oews / "oe.area",
        ["state_code", "area_code", "areatype_code", "area_name"],
        [
            ["00", "0000000", "N", "National"],
            ["48", "0000048", "S", "Texas"],
            ["48", "0019100", "M", "Dallas-Fort Worth-Arlington, TX"],
            ["48", "0045500", "M", "Texarkana, TX-AR"],
        ],
    )
    _tsv(
        oews / "oe.industry",
        ["industry_code", "industry_name", "display_level"],
        [
            ["000000", "Cross-Industry, Private, Federal, State, and Local", "0"],
            ["522000", "Credit Intermediation and Related Activities", "3"],
        ],
    )
    _tsv(
        oews / "oe.occupation",
        ["occupation_code", "occupation_name", "display_level"],
        [
            ["433011", "Bill and Account Collectors", "3"],
            ["132072", "Loan Officers", "3"],
            ["132070", "Credit Counselors and Loan Officers", "2"],
            ["130000", "Business and Financial Operations Occupations", "0"],
            ["339099", "Protective Service Workers, All Other", "3"],
            ["151299", "Computer Occupations, All Other", "3"],
        ],
    )
    _tsv(
        oews / "oe.footnote",
        ["footnote_code", "footnote_text"],
        [
            ["5", "This wage is equal to or greater than $115.00 per hour or $239,200 per year."],
            ["8", "Estimate not released."],
        ],
    )
    series = [
        (
            "N0000000000000433011",
            {
                "01": "158830",
                "08": "22.61",
                "13": "47030",
                "11": "34400",
                "15": "65580",
                "03": "23.59",
                "04": "49060",
            },
        ),
        ("N0000000000000132072", {"01": "274330", "13": "76690", "15": "-", "08": "36.87"}),
        ("N0000000000000339099", {"01": "100000", "13": "40000"}),
        ("N0000000000000151299", {"01": "400000", "13": "110000"}),
        ("N0000000522000433011", {"01": "9000", "13": "52000"}),
        ("S0000048000000433011", {"01": "15000", "13": "44000"}),
        ("M0019100000000433011", {"01": "5200", "13": "45120", "08": "21.69"}),
        ("M0045500000000433011", {"01": "90", "13": "38000"}),
    ]
    footnotes = {("N0000000000000132072", "15"): "5"}
    rows = []
    for key, values in series:
        for datatype, value in values.items():
            rows.append(
                [f"OEU{key}{datatype}", "2025", "A01", value, footnotes.get((key, datatype), "")]
            )
    _tsv(oews / "oe.data.2025A01", ["series_id", "year", "period", "value", "footnote_codes"], rows)


# The metro percentiles and concentration, in their own file (bls/oews-metro/), as published.
METRO_SERIES = {
    "M0019100000000433011": {
        "11": "33010",
        "12": "38250",
        "14": "53960",
        "15": "63020",
        "06": "15.87",
        "10": "30.30",
        "16": "1.329",
        "17": "1.08",
    },
}


def write_oews_metro(metro: Path) -> None:
    metro.mkdir(parents=True)
    rows = [
        [f"OEU{key}{datatype}", "2025", "A01", value, ""]
        for key, values in METRO_SERIES.items()
        for datatype, value in values.items()
    ]
    header = ["series_id", "year", "period", "value", "footnote_codes"]
    _tsv(metro / "oe.data.2025A01", header, rows)


def write_bls_workbooks(bls: Path) -> None:
    header = [
        "2024 National Employment Matrix title",
        "2024 National Employment Matrix code",
        "Occupation type",
        "Employment, 2024",
        "Employment, 2034",
        "Employment distribution, percent, 2024",
        "Employment distribution, percent, 2034",
        "Employment change, numeric, 2024–34",
        "Employment change, percent, 2024–34",
        "Percent self employed, 2024",
        "Occupational openings, 2024–34 annual average",
        "Median annual wage, dollars, 2024[1]",
        "Typical education needed for entry",
        "Work experience in a related occupation",
        "Typical on-the-job training needed to attain competency in the occupation",
    ]
    _xlsx(
        bls / "occupation.xlsx",
        {
            "Index": [["Occupation.xlsx contents"]],
            "Table 1.2": [
                ["Table 1.2 Occupational projections, 2024–2034"],
                header,
                [
                    "Total, all occupations",
                    "00-0000",
                    "Summary",
                    169956.1,
                    175167.9,
                    100,
                    100,
                    5211.8,
                    3.1,
                    5.8,
                    18863.3,
                    49500,
                    "—",
                    "—",
                    "—",
                ],
                [
                    "      Bill and account collectors",
                    "43-3011",
                    "Line item",
                    166.9,
                    149.4,
                    0.1,
                    0.1,
                    -17.5,
                    -10.5,
                    0.2,
                    13.7,
                    46040,
                    "High school diploma or equivalent",
                    "None",
                    "Moderate-term on-the-job training",
                ],
                [
                    "      Loan officers",
                    "13-2072",
                    "Line item",
                    301.4,
                    306.5,
                    0.2,
                    0.2,
                    5.0,
                    1.7,
                    2.1,
                    20.3,
                    74180,
                    "Bachelor's degree",
                    "Less than 5 years",
                    "Moderate-term on-the-job training",
                ],
                ["Footnotes:"],
            ],
            "Table 1.10": [
                ["Table 1.10 Occupational separations and openings, projected 2024–34"],
                [
                    "2024 National Employment Matrix title",
                    "2024 National Employment Matrix code",
                    "Occupation type",
                    "Employment, 2024",
                    "Employment, 2034",
                    "Employment change, numeric, 2024–34",
                    "Employment change, percent, 2024–34",
                    "Labor force exit rate, 2024–34 annual average",
                    "Occupational transfer rate, 2024–34 annual average",
                    "Total occupational separations rate, 2024–34 annual average",
                    "Labor force exits, 2024–34 annual average",
                    "Occupational transfers, 2024–34 annual average",
                    "Total occupational separations, 2024–34 annual average",
                    "Occupational openings, 2024–34 annual average",
                ],
                [
                    *("Total, all occupations", "00-0000", "Summary", 169956.1, 175167.9),
                    *(5211.8, 3.1, 4.7, 5.9, 10.6, 8155.0, 10187.1, 18342.1, 18863.3),
                ],
                [
                    *("      Bill and account collectors", "43-3011", "Line item", 166.9),
                    *(149.4, -17.5, -10.5, 3.9, 6.5, 10.4, 6.2, 10.4, 16.6, 14.9),
                ],
                ["Source: Employment Projections program, U.S. Bureau of Labor Statistics"],
            ],
            "Table 1.12": [
                ["Table 1.12 Factors affecting occupational utilization, projected 2024–34"],
                [
                    "2024 National Employment Matrix occupation title",
                    "2024 National Employment Matrix occupation code",
                    "2024 National Employment Matrix industry title",
                    "2024 National Employment Matrix industry code",
                    "Factors affecting occupational utilization",
                ],
                [
                    "Bill and account collectors",
                    "43-3011",
                    "Total, all industries",
                    "TE1000",
                    "Productivity change - share decreases as automation lets fewer collectors "
                    "do the work.",
                ],
                ["Source: Employment Projections program, U.S. Bureau of Labor Statistics"],
            ],
        },
    )
    _xlsx(
        bls / "nem-onet-to-soc-crosswalk.xlsx",
        {
            "ONET to SOC crosswalk": [
                ["Bureau of Labor Statistics crosswalk"],
                ["As of 9/6/2023"],
                ["Sort Order", "O*NET-SOC Code", "O*NET-SOC Title", "NEM Code", "NEM title"],
                [
                    1,
                    "43-3011.00",
                    "Bill and Account Collectors",
                    "43-3011",
                    "Bill and account collectors",
                ],
                [2, "13-2072.00", "Loan Officers", "13-2072", "Loan officers"],
                [
                    3,
                    "15-1299.08",
                    "Computer Systems Engineers/Architects",
                    "15-1299",
                    "Computer occ.",
                ],
            ],
            "Definitions": [["x"]],
        },
    )
    _xlsx(
        bls / "cpsaat11.xlsx",
        {
            "cpsaat11": [
                ["HOUSEHOLD DATA"],
                ["[Numbers in thousands]"],
                [],
                ["Occupation", 2022],
                ["", "Total employed", "Percent"],
                ["", "", "Women", "White", "Black", "Asian", "Hispanic"],
                ["Total, 16 years and over", 158291, 46.8, 77.0, 12.6, 6.7, 18.5],
                [
                    "Business and financial operations occupations",
                    9151,
                    55.0,
                    77.4,
                    10.6,
                    9.2,
                    10.6,
                ],
                ["Bill and account collectors", 103, 68.8, 75.0, 20.6, 3.6, 9.3],
                ["Credit counselors and loan officers", 391, 54.8, 77.2, 12.2, 6.1, 13.2],
                ["Pumping station operators", 19, "–", "–", "–", "–", "–"],
            ]
        },
    )
    _xlsx(
        bls / "cpsaat11b.xlsx",
        {
            "cpsaat11b": [
                ["HOUSEHOLD DATA"],
                ["[Numbers in thousands]"],
                [],
                ["Occupation", "2025"],
                [
                    "",
                    "Total",
                    "16-19",
                    "20-24",
                    "25-34",
                    "35-44",
                    "45-54",
                    "55-64",
                    "65+",
                    "Median age",
                ],
                ["Total employed", 163493, 1, 1, 1, 1, 1, 1, 1, 42.1],
                ["Bill and account collectors", 111, 1, 2, 23, 31, 27, 16, 11, 45.5],
                ["Credit counselors and loan officers", 352, 5, 13, 82, 79, 72, 85, 16, "–"],
            ]
        },
    )


def write_fixture_data(root: Path) -> Path:
    write_onet(root / "onet")
    write_oews(root / "bls" / "oews")
    write_oews_metro(root / "bls" / "oews-metro")
    write_bls_workbooks(root / "bls")
    return root
