"""A tiny, hand-written title index for the resolver's rule tests (no public data needed)."""

from __future__ import annotations

from pathlib import Path

from bot.descriptions import DescriptionIndex
from bot.resolver import TitleIndex

ROWS = [
    ("47-2111.00", "Electricians", "occupation"),
    ("47-2111.00", "Journeyman Electrician", "alternate"),
    ("47-3013.00", "Helpers--Electricians", "occupation"),
    ("51-4041.00", "Machinists", "occupation"),
    ("53-7051.00", "Industrial Truck and Tractor Operators", "occupation"),
    ("53-7051.00", "Forklift Operator", "alternate"),
    ("53-7051.00", "Forklift Driver", "alternate"),
    ("47-2073.00", "Operating Engineers and Other Construction Equipment Operators", "occupation"),
    ("47-2073.00", "Operator", "alternate"),
    ("43-3051.00", "Payroll and Timekeeping Clerks", "occupation"),
    ("43-3051.00", "Payroll Clerk", "alternate"),
    ("43-9061.00", "Office Clerks, General", "occupation"),
    ("43-9061.00", "Clerk", "alternate"),
    (
        "47-1011.00",
        "First-Line Supervisors of Construction Trades and Extraction Workers",
        "occupation",
    ),
    ("47-1011.00", "Paving Supervisor", "alternate"),
    ("47-1011.00", "Construction Crew Supervisor", "alternate"),
    (
        "43-1011.00",
        "First-Line Supervisors of Office and Administrative Support Workers",
        "occupation",
    ),
    ("43-1011.00", "Office Supervisor", "alternate"),
    ("35-1012.00", "First-Line Supervisors of Food Preparation and Serving Workers", "occupation"),
    ("47-2071.00", "Paving, Surfacing, and Tamping Equipment Operators", "occupation"),
    ("47-2071.00", "Paving Crew Member", "alternate"),
    ("25-1063.00", "Economics Teachers, Postsecondary", "occupation"),
    ("25-1063.00", "Economics Professor", "alternate"),
    ("25-1072.00", "Nursing Instructors and Teachers, Postsecondary", "occupation"),
    ("25-1072.00", "Nursing Professor", "alternate"),
    ("25-1071.00", "Health Specialties Teachers, Postsecondary", "occupation"),
    ("25-1071.00", "Professor", "alternate"),
    ("17-2071.00", "Electrical Engineers", "occupation"),
    ("17-2072.00", "Electronics Engineers, Except Computer", "occupation"),
    ("13-1081.01", "Logistics Engineers", "occupation"),
    ("17-2112.00", "Industrial Engineers", "occupation"),
    ("17-2112.00", "Logistics Engineer", "alternate"),
    ("29-1223.00", "Psychiatrists", "occupation"),
    ("29-1141.00", "Registered Nurses", "occupation"),
    ("29-1141.00", "Staff Nurse", "alternate"),
    ("53-3033.00", "Light Truck Drivers", "occupation"),
    ("53-3032.00", "Heavy and Tractor-Trailer Truck Drivers", "occupation"),
    ("53-3032.00", "Heavy Truck Driver", "alternate"),
    ("35-9031.00", "Hosts and Hostesses, Restaurant, Lounge, and Coffee Shop", "occupation"),
    ("35-9031.00", "Host", "alternate"),
    ("35-9031.00", "Hostess", "alternate"),
    ("49-3023.00", "Automotive Service Technicians and Mechanics", "occupation"),
    ("49-3023.00", "Car Mechanic", "alternate"),
    ("29-1292.00", "Dental Hygienists", "occupation"),
    ("13-1031.00", "Claims Adjusters, Examiners, and Investigators", "occupation"),
    ("13-2061.00", "Financial Examiners", "occupation"),
    ("33-3021.00", "Detectives and Criminal Investigators", "occupation"),
    ("33-3021.00", "Investigator", "alternate"),
]
EMPLOYMENT = {
    "47-2111.00": 800_000,
    "47-3013.00": 60_000,
    "51-4041.00": 380_000,
    "53-7051.00": 800_000,
    "47-2073.00": 450_000,
    "43-3051.00": 140_000,
    "43-9061.00": 2_500_000,
    "47-1011.00": 800_000,
    "43-1011.00": 1_500_000,
    "35-1012.00": 1_100_000,
    "47-2071.00": 50_000,
    "25-1063.00": 12_000,
    "25-1072.00": 60_000,
    "25-1071.00": 250_000,
    "17-2071.00": 190_000,
    "17-2072.00": 100_000,
    "13-1081.01": 200_000,
    "17-2112.00": 330_000,
    "29-1223.00": 25_000,
    "29-1141.00": 3_300_000,
    "53-3033.00": 1_000_000,
    "53-3032.00": 2_000_000,
    "35-9031.00": 400_000,
    "49-3023.00": 700_000,
    "29-1292.00": 210_000,
    "13-1031.00": 300_000,
    "13-2061.00": 70_000,
    "33-3021.00": 110_000,
}
TASKS = {
    "49-3023.00": ["Repair automobiles, trucks and other motor vehicles.", "Replace worn brakes."],
    "29-1292.00": ["Clean calcareous deposits from teeth.", "Examine gums for disease."],
    "47-2111.00": ["Install and maintain wiring in buildings.", "Repair electrical systems."],
    "53-3032.00": ["Drive tractor-trailer trucks over long distances.", "Check loads."],
}
EVERYDAY = {"fix": "repair", "fixes": "repair", "cars": "car automobile vehicle"}


def tiny_index(data_dir: Path) -> TitleIndex:
    """The rows above; `data_dir` holds the curated files (an empty folder: none)."""
    descriptions = DescriptionIndex(TASKS, EMPLOYMENT, everyday=EVERYDAY)
    return TitleIndex.from_rows(ROWS, EMPLOYMENT, data_dir=data_dir, descriptions=descriptions)
