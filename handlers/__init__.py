"""The Telegram layer: everything that knows Telegram, and nothing else.

- `app`: the Application and the one table of every handler, in the order PTB tries them.
- `runner`: `careerbot run` — long polling or webhook mode, logging without secrets.
- `webhook`: the HTTP server Telegram posts updates to in webhook mode.
- Handlers, thin: `commands`, `messages`, `buttons`, `inline`, `flood` (the flood guard) and
  `errors` (the error handler). Each reads what the user asked from the update, asks the core
  (`bot.service.Careerbot`) and sends the `Reply` with `replying`; they never import each other.
- Shared by the handlers: `context` (the services in `bot_data`), `replying` (sending, editing,
  answering button presses), `keyboards` (Reply buttons -> inline keyboards), `limits`
  (the flood guard's token buckets).
- `outgoing/`: how calls leave the bot — `delivery` (throttling, retries) over `transport`
  (aiohttp).

Wording, figures and buttons all come from the core, so Telegram, the console and
`careerbot ask` always agree.
"""
