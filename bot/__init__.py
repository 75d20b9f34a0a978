"""careerbot: compare careers side by side, from official O*NET and BLS data."""
