"""How Bot API calls leave the bot: `delivery` (throttling, retries, per-chat 429 pauses) over
`transport` (the aiohttp HTTP client). Installed by `handlers.app.build_application`."""
