"""The conversation: what it is about (`context`), what a follow-up asks (`followups`,
`dialogue`), the question inside people's words (`phrasing`), and answers from the figures to
questions about the occupations shown (`facts`)."""
