"""The model engine: llama.cpp in a worker process (``client``/``worker``), a team's OpenAI-compatible server
(``http_engine``, the only HTTP besides model downloads), both behind ``engine_api.ModelEngine``; prompt
formats, the model catalog and store, GGUF headers and validation, memory checks, downloads.
The only package that imports llama_cpp or httpx. May import ``app.text``, ``app.sqlite`` and ``app.core`` (today it needs only ``app.core``)."""
