"""Korean text, no I/O: sentences, morphemes (Kiwi), key sentences, the support checker, the claims guard,
degeneration (loop) detection, number handling and Korean formats (registers, 공문 numbering, dates).
Shared by the summarizer, the index and the checks. May import ``app.core`` only."""
